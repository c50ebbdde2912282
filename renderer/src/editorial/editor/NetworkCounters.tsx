import { useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
// Not the shared/editorial barrel: it would bring the linter into the page's first script.
import { measure } from '../../../../shared/editorial/networks/measure';
import type { Count, MeasureOptions } from '../../../../shared/editorial/networks/measure';
import { graphemeLength } from '../../../../shared/editorial/text/graphemes';
import { networkLabels } from '../../../../shared/posts/networks';
import type { Network } from '../../../../shared/posts/networks';
import type { LintSession } from '../../editor/lint/lintSession';
import { useMastodonCountOptions } from '../../settings/useMastodonCounts';
import './editorialPanel.css';

/**
 * Live counters, one per target network, counted as that network counts the text it
 * receives ("X 247/280", "Bluesky 301/300" in red when over). Without a target network, the
 * plain character count. Mastodon counts with the workspace's instance figures unless
 * `options` says otherwise.
 */
export function NetworkCounters({ session, networks, options }: { session: LintSession; networks: readonly Network[]; options?: MeasureOptions }) {
  const { t } = useTranslation();
  const counts = useMastodonCountOptions();
  const measureOptions = options ?? counts;
  // Counted in a transition after a lint pass: a keystroke that comes meanwhile goes first.
  const { map } = useDeferredValue(useSyncExternalStore(session.subscribe, session.getSnapshot));
  const { text } = map;
  const measurements = useMemo(() => networks.map((network) => measure(network, text, measureOptions)), [networks, text, measureOptions]);
  const detail = (count: Count) => t('editorialEditor.counterDetail', { used: count.used, limit: count.limit, unitWord: t(`editorial.unit.${count.unit}`) });

  if (networks.length === 0) {
    return <span className="muted" data-testid="character-count">{t('editor.characters', { count: graphemeLength(text) })}</span>;
  }
  return (
    <div className="network-counters" role="group" aria-label={t('editorialEditor.counters')}>
      {measurements.map((m) => {
        const label = networkLabels[m.network];
        // Not `unit`: i18next hands a call's options to Intl.NumberFormat, where `unit` is an option of its own (an unknown one made it give up grouping).
        const unitWord = t(`editorial.unit.${m.unit}`);
        const summary = m.used > m.limit
          ? t('editorialEditor.counterOver', { network: label, used: m.used, limit: m.limit, unitWord, over: m.used - m.limit })
          : t('editorialEditor.counterUnder', { network: label, used: m.used, limit: m.limit, unitWord });
        return (
          <span
            key={m.network}
            className={m.over ? 'network-counter over' : 'network-counter'}
            data-testid={`counter-${m.network}`}
            data-over={m.over ? 'true' : 'false'}
            title={[summary, ...m.details.map(detail)].join(' · ')}
            aria-label={summary}
          >
            {t('editorial.counter', { network: label, used: m.used, limit: m.limit })}
            {m.details.filter((d) => d.over).map((d) => (
              <span key={d.unit} className="network-counter-detail"> · {detail(d)}</span>
            ))}
          </span>
        );
      })}
    </div>
  );
}
