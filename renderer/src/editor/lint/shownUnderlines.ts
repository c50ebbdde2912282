import { DecorationSet } from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { Mapping } from '@tiptap/pm/transform';

/**
 * In a long post, the underlines drawn inside the text are those near what the editor shows.
 *
 * Each underline inside a paragraph is an element of its own, and Chromium pays for every one of
 * them on every keystroke, wherever it sits in the post. A 30,000-character post holds ~480 such
 * spans; typing at its end cost ~1.3 ms a key more with them than without (median; the long post
 * of bench/editorPage.bench.ts), as much with the spans drawn only outside the paragraph typed in,
 * and as much with their underline hidden by CSS. A trace of 60 keys put it in Chromium's own
 * work: the text's insertion +1.0 ms (its selection sync +0.35 ms) and the paint +0.7 ms.
 *
 * So past DRAW_EVERY_UNDERLINE_UP_TO, only the spans within half a screen above and below what the
 * editor shows are drawn; the view follows its scrolling (followShownRange.ts) and draws the rest as
 * they come near. What the user sees is unchanged. The whole-paragraph underlines (a class on the
 * paragraph, no element) are always drawn, and the lint's findings, the side panel, the card at
 * the caret and the fixes work from the lint, not from what is drawn. Up to the threshold (over
 * three times the longest network's limit) every span is drawn: ~160 at that length in the
 * bench's heavily flagged text.
 */
export const DRAW_EVERY_UNDERLINE_UP_TO = 10_000;

/** A part of the document, as positions: what the editor shows, with a margin. */
export interface ShownRange {
  from: number;
  to: number;
}

/** Every underline's spec: its finding's key; `place` for a missing piece's caret, `block` for a whole paragraph's class (no element of its own). */
export interface UnderlineSpec {
  findingKey: string;
  place?: boolean;
  block?: boolean;
}

export const isLong = (doc: PmNode): boolean => doc.content.size > DRAW_EVERY_UNDERLINE_UP_TO;

/**
 * The underlines to draw: all of them in a post up to DRAW_EVERY_UNDERLINE_UP_TO, or before the
 * view has told what it shows; otherwise the whole-paragraph ones and the spans within `around`.
 */
export function shownUnderlines(all: DecorationSet, doc: PmNode, around: ShownRange | null): DecorationSet {
  if (around === null || !isLong(doc)) return all;
  const blocks = all.find(undefined, undefined, (spec: UnderlineSpec) => spec.block === true);
  const spans = all.find(around.from, around.to, (spec: UnderlineSpec) => spec.block !== true);
  return DecorationSet.create(doc, [...blocks, ...spans]);
}

/** `around` through an edit: text typed at either end of it stays inside. */
export const mapShownRange = (around: ShownRange | null, mapping: Mapping): ShownRange | null =>
  around && { from: mapping.map(around.from, -1), to: mapping.map(around.to, 1) };

/** Keeps the view's drawn range following what it shows (followShownRange.ts, in the page). */
export type FollowShownRange = (
  view: EditorView,
  drawn: () => ShownRange | null,
  show: (range: ShownRange) => void,
) => { check: () => void; stop: () => void };
