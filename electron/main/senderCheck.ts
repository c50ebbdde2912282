/**
 * Whether an IPC message comes from our own renderer page. Pure (no electron import) so it is
 * unit-tested. The frame's URL is parsed and compared exactly, part by part: a substring or
 * prefix test lets `file:///evil/renderer/index.html` or `http://localhost:51730` through.
 * Query and hash are ignored (the UI routes by hash).
 */
export function isRendererUrl(frameUrl: string | undefined, expectedUrl: string): boolean {
  if (frameUrl === undefined) return false;
  let frame: URL;
  let expected: URL;
  try {
    frame = new URL(frameUrl);
    expected = new URL(expectedUrl);
  } catch {
    return false;
  }
  return (
    frame.protocol === expected.protocol &&
    frame.hostname === expected.hostname &&
    frame.port === expected.port &&
    frame.username === '' &&
    frame.password === '' &&
    frame.pathname === expected.pathname
  );
}
