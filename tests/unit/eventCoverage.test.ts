import { describe, expect, it } from 'vitest';
import { EventCoverage, parseEventMark } from '../../renderer/src/api/eventCoverage';

const mark = (seq: number, boot = 'b1') => ({ boot, seq });

describe('reading everything again when the event stream opens', () => {
  it('is not needed when no event was announced between the first answers and the stream', () => {
    const coverage = new EventCoverage();
    expect(coverage.answered(mark(4))).toBe(false);
    expect(coverage.answered(mark(4))).toBe(false);
    expect(coverage.opened(mark(4))).toBe(false);
  });

  it('is needed when an event was announced after an answer was read and before the stream subscribed', () => {
    const coverage = new EventCoverage();
    coverage.answered(mark(4));
    coverage.answered(mark(5));
    expect(coverage.opened(mark(5))).toBe(true);
  });

  it('is needed for an answer that arrives after the stream opened but was read before it', () => {
    const coverage = new EventCoverage();
    expect(coverage.opened(mark(7))).toBe(false);
    expect(coverage.answered(mark(6))).toBe(true);
    expect(coverage.answered(mark(7))).toBe(false);
    expect(coverage.answered(mark(9))).toBe(false);
  });

  it('is needed whenever core restarted between answers, or the stream carried no mark', () => {
    const restarted = new EventCoverage();
    restarted.answered(mark(40, 'old'));
    expect(restarted.opened(mark(2, 'new'))).toBe(true);
    const twoRuns = new EventCoverage();
    twoRuns.answered(mark(1, 'old'));
    twoRuns.answered(mark(9, 'new'));
    expect(twoRuns.opened(mark(9, 'new'))).toBe(true);
    const streamUnmarked = new EventCoverage();
    expect(streamUnmarked.opened(null)).toBe(true);
  });

  it('ignores answers without a mark (refusals read nothing), before and after the stream opens', () => {
    const coverage = new EventCoverage();
    expect(coverage.answered(null)).toBe(false);
    expect(coverage.opened(mark(0))).toBe(false);
    expect(coverage.answered(null)).toBe(false);
  });

  it('is always needed when the stream opens again after a drop', () => {
    const coverage = new EventCoverage();
    expect(coverage.opened(mark(3))).toBe(false);
    coverage.dropped();
    coverage.answered(mark(3));
    expect(coverage.opened(mark(3))).toBe(true);
  });

  it('reads the mark the server sends, and nothing else', () => {
    expect(parseEventMark('3f2a-9c.12')).toEqual({ boot: '3f2a-9c', seq: 12 });
    expect(parseEventMark(null)).toBeNull();
    expect(parseEventMark('12')).toBeNull();
    expect(parseEventMark('a.b')).toBeNull();
    expect(parseEventMark('a.1.2')).toBeNull();
  });
});
