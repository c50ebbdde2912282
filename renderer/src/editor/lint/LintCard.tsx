import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { Finding } from '../../../../shared/editorial/findingSchema';
import { useFindingText } from '../../editorial/editor/findingText';
import { applyFindingFix, findingsAt } from './actions';
import { BLOCK_KEY_PREFIX, freshLint, underlineKeys, withFreshLint } from './lintPlugin';
import type { LintSession } from './lintSession';
import './lint.css';

interface CardState {
  /** Underline keys (see `underlineKeys`): they survive typing elsewhere while the card is open. */
  keys: string[];
  left: number;
  /** Above the word (`bottom`, the card grows upward), or below the line after it (`top`). */
  top: number | null;
  bottom: number | null;
  /** Opened from the keyboard: focus goes into the card. */
  focus: boolean;
}

const CARD_WIDTH = 360;
const HIDE_DELAY_MS = 300;

/** The keys an element carries: a span's attribute, or a whole paragraph's classes (lintPlugin.ts). */
function keysOf(element: Element): string[] {
  const keys: string[] = [];
  const key = element.getAttribute('data-finding-key');
  if (key) keys.push(key);
  for (const name of element.classList) if (name.startsWith(BLOCK_KEY_PREFIX)) keys.push(decodeURIComponent(name.slice(BLOCK_KEY_PREFIX.length)));
  return keys;
}

/** The keys of the underlines under the pointer, innermost first (underlines can nest); `anchor`: the innermost one. */
function findingKeysAt(target: EventTarget | null, root: Element): { keys: string[]; anchor: Element | null } {
  if (!(target instanceof Element)) return { keys: [], anchor: null };
  const keys: string[] = [];
  let anchor: Element | null = null;
  for (let element: Element | null = target; element && element !== root && root.contains(element); element = element.parentElement) {
    const here = keysOf(element);
    if (here.length > 0 && anchor === null) anchor = element;
    keys.push(...here);
  }
  return { keys, anchor };
}

/**
 * The line box of the word the pointer is on: an underline may wrap over two lines, and a whole
 * underlined paragraph is one box for all its lines, so there the character under the pointer
 * gives the line.
 */
function lineBoxAt(anchor: Element, event: MouseEvent): { left: number; top: number; bottom: number } {
  if (anchor.hasAttribute('data-finding-key')) {
    const rects = [...anchor.getClientRects()];
    return rects.find((r) => event.clientY >= r.top && event.clientY <= r.bottom) ?? anchor.getBoundingClientRect();
  }
  const caret = document.caretPositionFromPoint(event.clientX, event.clientY)?.getClientRect();
  return caret ?? anchor.getBoundingClientRect();
}

/** Room the card needs above the word; with less, it goes below the line after the word's. */
const ROOM_ABOVE = 180;

/**
 * Where the card goes for a word at `rect`: above it, so the line below and its underlines
 * stay readable while the card is open; near the top of the window, one line lower than the
 * word's own line, never on the line right below it.
 */
function place(rect: { left: number; top: number; bottom: number }, focus: boolean, keys: string[]): CardState {
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - CARD_WIDTH - 8));
  if (rect.top >= ROOM_ABOVE) return { keys, left, top: null, bottom: window.innerHeight - rect.top + 4, focus };
  const lineHeight = rect.bottom - rect.top;
  return { keys, left, top: rect.bottom + lineHeight + 4, bottom: null, focus };
}

/**
 * The card of an underlined finding, like a spell checker's: on hover, or with Ctrl/⌘+. at
 * the cursor. It says why, which rule of which line version, and offers the quick fix.
 */
export function LintCard({ editor, session }: { editor: Editor; session: LintSession }) {
  const { t } = useTranslation();
  const text = useFindingText();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [card, setCard] = useState<CardState | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cardRef = useRef<HTMLDivElement | null>(null);

  const cancelHide = () => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
    hideTimer.current = null;
  };
  const scheduleHide = () => {
    cancelHide();
    hideTimer.current = setTimeout(() => setCard((current) => (current?.focus ? current : null)), HIDE_DELAY_MS);
  };

  useEffect(() => {
    const root = editor.view.dom;
    const timer = hideTimer;
    const stopHide = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
    const onOver = (event: MouseEvent) => {
      const { keys, anchor } = findingKeysAt(event.target, root);
      if (!anchor || keys.length === 0) return;
      stopHide();
      const rect = lineBoxAt(anchor, event);
      // A card opened from the keyboard (Ctrl+.) stays put: Chromium replays a mouseover when a
      // lint redraw replaces the span under a still pointer, which must not swap it for a hover card.
      const hovered = place(rect, false, keys);
      setCard((current) => (current?.focus ? current : hovered));
    };
    const onOut = (event: MouseEvent) => {
      if (findingKeysAt(event.target, root).keys.length === 0) return;
      stopHide();
      timer.current = setTimeout(() => setCard((current) => (current?.focus ? current : null)), HIDE_DELAY_MS);
    };
    const offRequest = session.onCardRequest(() => {
      void withFreshLint(editor.view, () => {
        if (editor.isDestroyed) return;
        const state = freshLint(editor.view);
        if (!state) return;
        const { head } = editor.view.state.selection;
        // Innermost first, as findingsAt orders them: the card opens on the finding at the caret.
        const keyOf = new Map([...underlineKeys(state.result?.findings ?? [])].map(([key, finding]) => [finding, key]));
        const keys = findingsAt(state, head).flatMap((finding) => keyOf.get(finding) ?? []);
        if (keys.length === 0) return;
        setCard(place(editor.view.coordsAtPos(head), true, keys));
      });
    });
    root.addEventListener('mouseover', onOver);
    root.addEventListener('mouseout', onOut);
    return () => {
      stopHide();
      offRequest();
      root.removeEventListener('mouseover', onOver);
      root.removeEventListener('mouseout', onOut);
    };
  }, [editor, session]);

  useEffect(() => {
    if (card?.focus) cardRef.current?.querySelector('button')?.focus();
  }, [card]);

  const byKey = underlineKeys(snapshot.result?.findings ?? []);
  // Innermost first, however the underlines nest in the DOM: a word's finding before its sentence's.
  const findings = card
    ? card.keys
        .map((key) => byKey.get(key))
        .filter((f): f is Finding => f !== undefined)
        .sort((a, b) => a.range.to - a.range.from - (b.range.to - b.range.from))
    : [];
  if (!card || findings.length === 0) return null;

  const close = (refocus: boolean) => {
    cancelHide();
    setCard(null);
    if (refocus) editor.view.focus();
  };

  return (
    <div
      ref={cardRef}
      className="lint-card"
      role="dialog"
      aria-label={t('editorialEditor.card')}
      data-testid="finding-card"
      style={{ left: card.left, width: CARD_WIDTH, ...(card.top === null ? {} : { top: card.top }), ...(card.bottom === null ? {} : { bottom: card.bottom }) }}
      onMouseEnter={cancelHide}
      onMouseLeave={scheduleHide}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
        }
      }}
    >
      {findings.map((finding) => {
        const fixLabel = text.fixLabel(finding);
        const network = text.network(finding);
        return (
          <section key={finding.id} className={`lint-card-item severity-${finding.severity}`} data-rule-id={finding.ruleId}>
            <p className="lint-card-head">
              <span className={`lint-severity ${finding.severity}`}>{t(`editorial.severity.${finding.severity}`)}</span>
              {network ? <span className="muted small">{network}</span> : null}
            </p>
            <p className="lint-card-message">{text.message(finding)}</p>
            <p className="lint-card-rule muted small" data-testid="finding-rule">
              {text.rule(finding)} · {text.origin(finding)}
            </p>
            {finding.source ? <p className="muted small">{t('editorialEditor.source', { source: finding.source })}</p> : null}
            {fixLabel ? (
              <button
                className="primary"
                data-testid="finding-fix"
                onClick={() => {
                  void applyFindingFix(editor.view, finding.id);
                  close(false);
                }}
              >
                {fixLabel}
              </button>
            ) : null}
          </section>
        );
      })}
      <button className="link lint-card-close" onClick={() => close(true)}>
        {t('editorialEditor.close')}
      </button>
    </div>
  );
}
