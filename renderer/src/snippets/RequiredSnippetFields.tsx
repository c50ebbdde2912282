import { useTranslation } from 'react-i18next';
import type { RuleOfKind } from '../../../shared/editorial/ruleSchema';
import type { Network } from '../../../shared/posts/networks';
import { networkLabels, networks } from '../../../shared/posts/networks';
import { useRoute } from '../app/useRoute';
import { useSnippets } from './queries';

/**
 * The fields of a "required snippet" rule: which snippet (the firm's, or on a partner's line the
 * partner's too; its text is copied into the rule, so linting needs no lookup), whether the
 * editor locks it, and for which networks.
 */
export function RequiredSnippetFields({ rule, onChange, error }: { rule: RuleOfKind<'requiredSnippet'>; onChange: (rule: RuleOfKind<'requiredSnippet'>) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  // The editorial page's route says whose line this is.
  const [route] = useRoute();
  const partnerId = route.page === 'editorial' ? route.partnerId : null;
  const offered = useSnippets(partnerId, partnerId !== null);
  const list = offered.data ?? [];
  const current = list.find((s) => s.id === rule.snippetId);
  const known = current !== undefined;
  const toggle = (network: Network) =>
    onChange({ ...rule, networks: rule.networks.includes(network) ? rule.networks.filter((n) => n !== network) : [...rule.networks, network] });
  return (
    <>
      <label className={error ? 'field wide invalid' : 'field wide'}>
        {t('snippets.rule.snippet')}
        <select
          value={known ? rule.snippetId : ''}
          onChange={(e) => {
            const chosen = list.find((s) => s.id === e.target.value);
            if (chosen) onChange({ ...rule, snippetId: chosen.id, text: chosen.text });
          }}
          data-testid="required-snippet-choice"
        >
          <option value="" disabled>
            {known || rule.text === '…' ? t('snippets.rule.choose') : rule.text}
          </option>
          {list.map((snippet) => (
            <option key={snippet.id} value={snippet.id}>
              {snippet.name} — {snippet.text}
            </option>
          ))}
        </select>
        {current && current.text !== rule.text ? (
          // The snippet was edited after the rule copied it: the line still asks for the old text.
          <span className="small" data-testid="required-snippet-stale">
            {t('snippets.rule.stale', { text: rule.text })}{' '}
            <button type="button" className="link" onClick={() => onChange({ ...rule, text: current.text })}>
              {t('snippets.rule.refresh')}
            </button>
          </span>
        ) : null}
        {list.length === 0 && offered.isSuccess ? <span className="small muted">{t('snippets.rule.none')}</span> : null}
        {error ? <span className="field-error">{error}</span> : null}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={rule.lockInEditor} onChange={(e) => onChange({ ...rule, lockInEditor: e.target.checked })} data-testid="required-snippet-lock" />
        {t('snippets.rule.lock')}
      </label>
      <fieldset className="networks">
        <legend>{t('snippets.rule.networks')}</legend>
        {networks.map((network) => (
          <label key={network} className={rule.networks.includes(network) ? 'chip on' : 'chip'}>
            <input type="checkbox" checked={rule.networks.includes(network)} onChange={() => toggle(network)} />
            {networkLabels[network]}
          </label>
        ))}
        <span className="small muted">{t('snippets.rule.allNetworks')}</span>
      </fieldset>
    </>
  );
}
