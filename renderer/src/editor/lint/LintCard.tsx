import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { Finding } from '../../../../shared/editorial/findingSchema';
import { useFindingText } from '../../editorial/editor/findingText';
import { applyFindingFix, findingsAt } from './actions';
import { freshLint, underlineKeys } from './lintPlugin';
import type { LintSession } from './lintSession';
import './lint.css';

interface CardState {
  /** Underline keys (see `underlineKeys`): they survive typing elsewhere while the card is open. */
  keys: string[];
  left: number;
  top: number;
  /** Opened from the keyboard: focus goes into the card. */
  focus: boolean;
}

const CARD_WIDTH = 360;
const HIDE_DELAY_MS = 300;

/** The keys of the underlines under the pointer, innermost first (underlines can nest). */
function findingKeysAt(target: EventTarget | null, root: Element): { keys: string[]; anchor: Element | null } {
  if (!(target instanceof Element)) return { keys: [], anchor: null };
  const anchor = target.closest('[data-finding-key]');
  const keys: string[] = [];
  for (let element = anchor; element && root.contains(element); element = element.parentElement?.closest('[data-finding-key]') ?? null) {
    const key = element.getAttribute('data-finding-key');
    if (key) keys.push(key);
  }
  return { keys, anchor };
}

const place = (left: number, top: number, focus: boolean, keys: string[]): CardState => ({
  keys,
  left: Math.max(8, Math.min(left, window.innerWidth - CARD_WIDTH - 8)),
  top,
  focus,
});

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
      const rect = anchor.getBoundingClientRect();
      setCard(place(rect.left, rect.bottom + 4, false, keys));
    };
    const onOut = (event: MouseEvent) => {
      if (findingKeysAt(event.target, root).keys.length === 0) return;
      stopHide();
      timer.current = setTimeout(() => setCard((current) => (current?.focus ? current : null)), HIDE_DELAY_MS);
    };
    const offRequest = session.onCardRequest(() => {
      const state = freshLint(editor.view);
      if (!state) return;
      const { head } = editor.view.state.selection;
      const found = new Set(findingsAt(state, head));
      const keys = [...underlineKeys(state.result?.findings ?? [])].filter(([, finding]) => found.has(finding)).map(([key]) => key);
      if (keys.length === 0) return;
      const coords = editor.view.coordsAtPos(head);
      setCard(place(coords.left, coords.bottom + 4, true, keys));
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
  const findings = card ? card.keys.map((key) => byKey.get(key)).filter((f): f is Finding => f !== undefined) : [];
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
      style={{ left: card.left, top: card.top, width: CARD_WIDTH }}
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
                  applyFindingFix(editor.view, finding.id);
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
