import type { Notice } from './notice';

/** Errors are alerts (read out at once); success and offline notes are polite status lines. */
export function NoticeLine({ notice, testId }: { notice: Notice | null; testId: string }) {
  if (notice === null) return null;
  return (
    <p className={`account-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={testId} data-kind={notice.kind}>
      {notice.text}
    </p>
  );
}
