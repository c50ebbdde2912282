import type { SnippetPart } from '../../../shared/calendar/search';

/** A search hit's snippet, the words that matched marked (Ctrl+K and the calendar's search box). */
export function SnippetText({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="small snippet">
      {parts.map((part, i) =>
        // Parts are positions in one snippet: the index is their identity.
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
