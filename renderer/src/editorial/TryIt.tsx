import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolvedLine } from '../../../shared/editorial/lineSchema';
import { applyFix } from '../../../shared/editorial/fixes';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { usePageLint } from '../editor/lint/usePageLint';
import { NetworkPicker } from './fields/NetworkPicker';
import { findingText, fixLabel } from './findingText';

export interface TryItProps {
  /** The line being edited, resolved; null while the draft has errors and nothing was saved. */
  line: ResolvedLine | null;
  /** True when `line` is the saved version because the draft does not validate. */
  usingSaved: boolean;
}

/** Type a text and see, as you type, what the line (as edited, unsaved) says about it. */
export function TryIt({ line, usingSaved }: TryItProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [targets, setTargets] = useState<Network[]>(['linkedin']);
  // Typing stays fluid on long lines: the findings follow a deferred copy of the text.
  const deferred = useDeferredValue(text);
  // The linter's libraries load with the first look at this box, not with the app.
  const lint = usePageLint();
  const result = useMemo(() => (line && lint ? lint(deferred, line, { networks: targets }) : null), [lint, line, deferred, targets]);
  const findings = result?.findings ?? [];

  return (
    <section className="line-section try-it" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('editorialLine.tryIt.title')}</h2>
      <NetworkPicker legend={t('editorialLine.tryIt.networks')} value={targets} onChange={setTargets} />
      <label htmlFor={`${id}-text`} className="sr-only">
        {t('editorialLine.tryIt.label')}
      </label>
      <textarea id={`${id}-text`} data-testid="try-it-text" rows={6} value={text} placeholder={t('editorialLine.tryIt.placeholder')} onChange={(e) => setText(e.target.value)} />
      {usingSaved ? <p className="hint warn">{t('editorialLine.tryIt.usingSaved')}</p> : null}
      {!line ? <p className="hint warn">{t('editorialLine.tryIt.noLine')}</p> : null}
      {line && deferred.trim() !== '' ? (
        <p className="muted small" aria-live="polite">
          {findings.length === 0 ? t('editorialLine.tryIt.none') : t('editorialLine.tryIt.count', { count: findings.length })}
        </p>
      ) : null}
      <ul className="findings" data-testid="try-it-findings">
        {findings.map((finding) => (
          <li key={finding.id} className={`finding ${finding.severity}`} data-testid="finding" data-rule-id={finding.ruleId}>
            <span className={`severity ${finding.severity}`}>{t(`editorial.severity.${finding.severity}`)}</span>
            <span className="finding-text">
              {findingText(t, i18n.language, finding)}
              {finding.range.to > finding.range.from ? <span className="excerpt">{t('editorialLine.tryIt.excerpt', { text: deferred.slice(finding.range.from, finding.range.to).slice(0, 80) })}</span> : null}
            </span>
            <span className="finding-meta muted small">
              {finding.network ? `${networkLabels[finding.network]} · ` : ''}
              {t(`editorial.kind.${finding.kind}`)} · <code>{finding.ruleId}</code> · {t(`editorialLine.origin.${finding.origin.scope}`, { version: finding.origin.version })}
              {finding.source ? ` · ${finding.source}` : ''}
            </span>
            {finding.fix ? (
              <button type="button" className="link" onClick={() => {
                  // Offsets are into the text the findings were computed on.
                  if (finding.fix && deferred === text) setText(applyFix(text, finding.fix));
                }}>
                {fixLabel(t, finding.fix)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
