/** Text and attribute values into HTML/SVG: everything a post title may contain is inert. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only http(s) links become hrefs; anything else (javascript:, data:) is shown as text only. */
export function safeHref(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Text content (never an attribute): escaped, and the superscript ordinal letter of « 90ᵉ »
 * drawn as <sup>e</sup>, which the report's own typefaces print whatever glyphs they carry.
 */
export function escapeText(value: string): string {
  return escapeHtml(value).replace(/\u1d49/gu, '<sup>e</sup>');
}
