import { z } from 'zod';

/**
 * Where core's event count stood: `boot` names one run of core, `seq` counts the events it had
 * announced. The server stamps each answer with the mark taken before the call ran, and the
 * event stream's first frame with the mark taken as it subscribed.
 */
export interface EventMark {
  boot: string;
  seq: number;
}

/** `<boot>.<seq>`, as the X-Plume-Events header and the stream's `opened` frame carry it. */
const EventMarkText = z.string().regex(/^[A-Za-z0-9-]{1,64}\.\d{1,15}$/u);

export function parseEventMark(text: string | null): EventMark | null {
  const parsed = EventMarkText.safeParse(text);
  if (!parsed.success) return null;
  const dot = parsed.data.indexOf('.');
  return { boot: parsed.data.slice(0, dot), seq: Number(parsed.data.slice(dot + 1)) };
}

/**
 * Whether the answers the page holds may have missed an event: an answer read before the
 * stream subscribed, with events announced in between. The page's first reads leave before
 * the stream opens (it opens once core has started); reading everything again at that moment
 * "in case" doubled the first screen's work, so it is done only when something was missed.
 * A stream opened again (after a drop) always may have missed events.
 */
export class EventCoverage {
  private oldest: EventMark | null = null;
  private unknown = false;
  private stream: EventMark | null = null;
  private opens = 0;

  /**
   * An answer arrived with its mark; true when it may miss an event the stream did not carry.
   * An answer without a mark (a refusal, not core's) read nothing.
   */
  answered(mark: EventMark | null): boolean {
    if (this.stream) return mark !== null && (mark.boot !== this.stream.boot || mark.seq < this.stream.seq);
    if (mark === null) return false;
    if (this.oldest !== null && mark.boot !== this.oldest.boot) this.unknown = true;
    else if (this.oldest === null || mark.seq < this.oldest.seq) this.oldest = mark;
    return false;
  }

  /** The stream opened at `mark`; true when what was read before may be stale. */
  opened(mark: EventMark | null): boolean {
    this.opens += 1;
    const first = this.opens === 1;
    const missed = !first || mark === null || this.unknown || (this.oldest !== null && (this.oldest.boot !== mark.boot || this.oldest.seq < mark.seq));
    this.stream = mark;
    this.oldest = null;
    this.unknown = false;
    return missed;
  }

  /** The stream dropped: answers until it opens again are judged when it does. */
  dropped(): void {
    this.stream = null;
  }
}
