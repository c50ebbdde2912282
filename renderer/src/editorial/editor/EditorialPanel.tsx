import { useDeferredValue, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { Finding } from '../../../../shared/editorial/findingSchema';
import type { Severity } from '../../../../shared/editorial/ruleSchema';
import { networkLabels } from '../../../../shared/posts/networks';
import type { Network } from '../../../../shared/posts/networks';
import { applyFindingFix, selectFinding } from '../../editor/lint/actions';
import type { LintSession } from '../../editor/lint/lintSession';
import { underlineKeys } from '../../editor/lint/lintPlugin';
import { useReadError } from '../../api/useReadError';
import { errorMessage } from '../../ui/errorMessage';
import { useFindingText } from './findingText';
import './editorialPanel.css';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

interface LineStatus {
  isPending: boolean;
  isFetching?: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** Findings that apply whatever the network, then each target network's own. */
function groups(findings: readonly Finding[], networks: readonly Network[]): { key: string; network: Network | null; findings: Finding[] }[] {
  const shared = findings.filter((f) => !f.network);
  const out: { key: string; network: Network | null; findings: Finding[] }[] = [{ key: 'all', network: null, findings: shared }];
  for (const network of networks) {
    const own = findings.filter((f) => f.network === network);
    if (own.length > 0) out.push({ key: network, network, findings: own });
  }
  return out.filter((group) => group.findings.length > 0);
}

/**
 * Every finding of the post against its partner's line, grouped by network, with counts by
 * severity; a click selects the text in the editor, a button applies the quick fix.
 */
export function EditorialPanel({ editor, session, networks, line }: { editor: Editor; session: LintSession; networks: readonly Network[]; line: LineStatus }) {
  const { t } = useTranslation();
  // Quiet while core is down (the status bar says it once); read again when it is back.
  const lineError = useReadError({ error: line.error, isFetching: line.isFetching ?? false, refetch: line.refetch });
  const text = useFindingText();
  // The panel may lag a keystroke behind the underlines; typing stays smooth.
  const snapshot = useDeferredValue(useSyncExternalStore(session.subscribe, session.getSnapshot));
  const { result, map } = snapshot;
  const findings = result?.findings ?? [];
  // Keyed as the underlines are (rule, message, network, occurrence), not by the finding's id,
  // which holds its offsets: typing before a finding (or at the end of a text past a limit) moved
  // them, and React drew the item again from scratch after each lint.
  const keyOf = new Map([...underlineKeys(findings)].map(([key, finding]) => [finding, key]));
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;

  return (
    <aside className="editorial-panel" aria-labelledby="editorial-panel-title" data-testid="editorial-panel">
      <h2 id="editorial-panel-title">{t('editorialEditor.panelTitle')}</h2>
      {lineError ? (
        <p className="form-error" role="alert">
          {t('editorialEditor.loadFailed', { reason: errorMessage(t, lineError) })}{' '}
          <button className="link" onClick={() => void line.refetch()}>
            {t('editorialEditor.retry')}
          </button>
        </p>
      ) : line.isPending || !result ? (
        <p className="muted">{t('editorialEditor.loading')}</p>
      ) : (
        <>
          <p className="muted small" data-testid="editorial-versions">
            {result.lineVersion.partner === null
              ? t('editorialEditor.versions', { organisation: result.lineVersion.organisation })
              : t('editorialEditor.versionsWithPartner', { organisation: result.lineVersion.organisation, partner: result.lineVersion.partner })}
          </p>
          <p className="editorial-counts" data-testid="editorial-counts">
            {SEVERITIES.map((severity) => (
              <span key={severity} className={`editorial-count ${severity}${counts[severity] > 0 ? ' some' : ''}`} data-severity={severity} data-count={counts[severity]}>
                {t(`editorialEditor.counts.${severity}`, { count: counts[severity] })}
              </span>
            ))}
          </p>
          {networks.length === 0 ? <p className="hint">{t('editorialEditor.noNetworks')}</p> : null}
          {findings.length === 0 ? <p className="editorial-clear">{t('editorialEditor.allClear')}</p> : null}
          {groups(findings, networks).map((group) => (
            <section key={group.key} className="editorial-group" data-testid="editorial-group" data-network={group.network ?? 'all'}>
              <h3>{group.network ? networkLabels[group.network] : t('editorialEditor.allNetworks')}</h3>
              <ul>
                {group.findings.map((finding) => {
                  const fixLabel = text.fixLabel(finding);
                  return (
                    <li key={keyOf.get(finding) ?? finding.id} className={`editorial-finding severity-${finding.severity}`} data-testid="editorial-finding" data-rule-id={finding.ruleId}>
                      <button className="editorial-finding-main" title={t('editorialEditor.select')} onClick={() => void selectFinding(editor.view, finding.id)}>
                        <span className={`lint-dot ${finding.severity}`} aria-label={t(`editorial.severity.${finding.severity}`)} role="img" />
                        <span className="editorial-finding-text">
                          <span>{text.message(finding)}</span>
                          <span className="muted small">
                            {text.excerpt(finding, map.text)} · {text.origin(finding)}
                          </span>
                        </span>
                      </button>
                      {fixLabel ? (
                        <button className="editorial-fix" onClick={() => void applyFindingFix(editor.view, finding.id)}>
                          {fixLabel}
                        </button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          <p className="hint small">{t('editorialEditor.shortcut')}</p>
        </>
      )}
    </aside>
  );
}
