import { useTranslation } from 'react-i18next';
import { DEFAULT_ACRONYMS, DEFAULT_SHORTENERS } from '../../../shared/editorial/ruleSchema';
import type { Rule, RuleOfKind } from '../../../shared/editorial/ruleSchema';
import { networkLabels, networks } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { ChipList } from './fields/ChipList';
import { CheckField, NumberField, SelectField, TextField } from './fields/inputs';
import { NetworkPicker } from './fields/NetworkPicker';
import type { Path } from './lineErrors';
import { RequiredSnippetFields } from '../snippets/RequiredSnippetFields';
import { defaultLengthTarget } from './ruleTemplates';

export interface KindFieldsProps<R extends Rule> {
  rule: R;
  onChange: (rule: Rule) => void;
  /** The message at a path inside the rule (`['terms', 0, 'term']`). */
  error: (path: Path) => string | undefined;
}

function BannedTerms({ rule, onChange, error }: KindFieldsProps<RuleOfKind<'bannedTerm'>>) {
  const { t } = useTranslation();
  const setTerms = (terms: RuleOfKind<'bannedTerm'>['terms']) => onChange({ ...rule, terms });
  return (
    <div className="field">
      <span className="label">{t('editorialLine.fields.bannedTerms')}</span>
      <table className="term-table">
        <thead>
          <tr>
            <th scope="col">{t('editorialLine.fields.term')}</th>
            <th scope="col">{t('editorialLine.fields.replacement')}</th>
            <th scope="col">
              <span className="sr-only">{t('editorialLine.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rule.terms.map((term, index) => (
            <tr key={index}>
              <td>
                <TextField
                  label={t('editorialLine.fields.termN', { n: index + 1 })}
                  value={term.term}
                  error={error(['terms', index, 'term'])}
                  onChange={(value) => setTerms(rule.terms.map((x, i) => (i === index ? { ...x, term: value } : x)))}
                />
              </td>
              <td>
                <TextField
                  label={t('editorialLine.fields.replacementN', { n: index + 1 })}
                  value={term.replacement ?? ''}
                  error={error(['terms', index, 'replacement'])}
                  onChange={(value) => setTerms(rule.terms.map((x, i) => (i === index ? { term: x.term, ...(value === '' ? {} : { replacement: value }) } : x)))}
                />
              </td>
              <td>
                <button type="button" className="link danger" onClick={() => setTerms(rule.terms.filter((_, i) => i !== index))}>
                  {t('editorialLine.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => setTerms([...rule.terms, { term: '' }])}>
          {t('editorialLine.fields.addTerm')}
        </button>
      </div>
      <CheckField label={t('editorialLine.fields.stemming')} checked={rule.stemming} onChange={(stemming) => onChange({ ...rule, stemming })} />
    </div>
  );
}

function LengthTargets({ rule, onChange, error }: KindFieldsProps<RuleOfKind<'lengthTarget'>>) {
  const { t } = useTranslation();
  const setTargets = (targets: RuleOfKind<'lengthTarget'>['targets']) => onChange({ ...rule, targets });
  const unused = networks.filter((n) => !rule.targets.some((target) => target.network === n));
  // A new row: the first network without one, with a target its limit allows.
  const next = unused[0];
  return (
    <div className="field">
      <span className="label">{t('editorialLine.fields.lengthTargets')}</span>
      {rule.targets.map((target, index) => (
        <div className="row" key={target.network}>
          <SelectField<Network>
            label={t('editorialLine.fields.network')}
            value={target.network}
            options={[target.network, ...unused].map((n) => ({ value: n, label: networkLabels[n] }))}
            onChange={(network) => setTargets(rule.targets.map((x, i) => (i === index ? { ...x, network } : x)))}
          />
          <NumberField
            label={t('editorialLine.fields.targetMax')}
            value={target.max}
            min={1}
            error={error(['targets', index, 'max'])}
            onChange={(max) => setTargets(rule.targets.map((x, i) => (i === index ? { ...x, max: max ?? Number.NaN } : x)))}
          />
          <button type="button" className="link danger" onClick={() => setTargets(rule.targets.filter((_, i) => i !== index))}>
            {t('editorialLine.remove')}
          </button>
        </div>
      ))}
      {next !== undefined ? (
        <div className="actions">
          <button type="button" onClick={() => setTargets([...rule.targets, { network: next, max: defaultLengthTarget(next) }])}>
            {t('editorialLine.fields.addTarget')}
          </button>
        </div>
      ) : null}
      <p className="hint">{t('editorialLine.hints.lengthTarget')}</p>
    </div>
  );
}

/** The fields of one rule kind. */
export function RuleFields({ rule, onChange, error }: KindFieldsProps<Rule>) {
  const { t } = useTranslation();
  switch (rule.kind) {
    case 'forbiddenTopic':
      return (
        <>
          <TextField label={t('editorialLine.fields.topic')} value={rule.topic ?? ''} error={error(['topic'])} onChange={(topic) => onChange({ ...rule, topic: topic === '' ? undefined : topic })} />
          <ChipList
            label={t('editorialLine.fields.forbiddenTerms')}
            values={rule.terms}
            itemError={(i) => error(['terms', i])}
            listError={error(['terms'])}
            hint={t('editorialLine.hints.matching')}
            onChange={(terms) => onChange({ ...rule, terms })}
          />
          <CheckField label={t('editorialLine.fields.stemming')} checked={rule.stemming} onChange={(stemming) => onChange({ ...rule, stemming })} />
        </>
      );
    case 'bannedTerm':
      return <BannedTerms rule={rule} onChange={onChange} error={error} />;
    case 'requiredMention':
      return (
        <>
          <TextField label={t('editorialLine.fields.mentionText')} value={rule.text} error={error(['text'])} wide onChange={(text) => onChange({ ...rule, text })} hint={t('editorialLine.hints.mentionText')} />
          <TextField
            label={t('editorialLine.fields.pattern')}
            value={rule.pattern ?? ''}
            error={error(['pattern'])}
            wide
            hint={t('editorialLine.hints.pattern')}
            onChange={(pattern) => onChange({ ...rule, pattern: pattern === '' ? undefined : pattern })}
          />
          <NetworkPicker legend={t('editorialLine.fields.mentionNetworks')} value={rule.networks} hint={t('editorialLine.hints.allNetworks')} onChange={(list) => onChange({ ...rule, networks: list })} />
        </>
      );
    case 'requiredSnippet':
      return <RequiredSnippetFields rule={rule} onChange={onChange} error={error(['snippetId']) ?? error(['text'])} />;
    case 'hashtags':
      return (
        <>
          <ChipList label={t('editorialLine.fields.requiredHashtags')} values={rule.required} itemError={(i) => error(['required', i])} placeholder="#Droit" onChange={(required) => onChange({ ...rule, required })} />
          <CheckField
            label={t('editorialLine.fields.restrictHashtags')}
            checked={rule.allowed !== undefined}
            onChange={(on) => onChange({ ...rule, allowed: on ? [...rule.required] : undefined })}
          />
          {rule.allowed ? (
            <ChipList label={t('editorialLine.fields.allowedHashtags')} values={rule.allowed} itemError={(i) => error(['allowed', i])} onChange={(allowed) => onChange({ ...rule, allowed })} />
          ) : null}
          <div className="row">
            <NumberField label={t('editorialLine.fields.maxHashtags')} value={rule.max} optional min={0} max={100} error={error(['max'])} onChange={(max) => onChange({ ...rule, max })} />
            <SelectField<'anywhere' | 'end'>
              label={t('editorialLine.fields.hashtagPosition')}
              value={rule.position}
              options={[
                { value: 'anywhere', label: t('editorialLine.fields.positionAnywhere') },
                { value: 'end', label: t('editorialLine.fields.positionEnd') },
              ]}
              onChange={(position) => onChange({ ...rule, position })}
            />
          </div>
        </>
      );
    case 'links':
      return (
        <>
          <ChipList
            label={t('editorialLine.fields.allowedDomains')}
            values={rule.allowedDomains}
            itemError={(i) => error(['allowedDomains', i])}
            placeholder="cabinet-exemple.fr"
            hint={t('editorialLine.hints.allowedDomains')}
            onChange={(allowedDomains) => onChange({ ...rule, allowedDomains })}
          />
          <CheckField label={t('editorialLine.fields.forbidShorteners')} checked={rule.forbidShorteners} onChange={(forbidShorteners) => onChange({ ...rule, forbidShorteners })} />
          {rule.forbidShorteners ? (
            <>
              <ChipList label={t('editorialLine.fields.shorteners')} values={rule.shorteners} itemError={(i) => error(['shorteners', i])} onChange={(shorteners) => onChange({ ...rule, shorteners })} />
              <button type="button" className="link" onClick={() => onChange({ ...rule, shorteners: [...DEFAULT_SHORTENERS] })}>
                {t('editorialLine.fields.resetList')}
              </button>
            </>
          ) : null}
        </>
      );
    case 'utm':
      return (
        <>
          <div className="row">
            <TextField label={t('editorialLine.fields.utmSource')} value={rule.source ?? ''} error={error(['source'])} hint={t('editorialLine.hints.utmSource')} onChange={(source) => onChange({ ...rule, source: source === '' ? undefined : source })} />
            <TextField label={t('editorialLine.fields.utmMedium')} value={rule.medium} error={error(['medium'])} onChange={(medium) => onChange({ ...rule, medium })} />
            <TextField label={t('editorialLine.fields.utmCampaign')} value={rule.campaign ?? ''} error={error(['campaign'])} onChange={(campaign) => onChange({ ...rule, campaign: campaign === '' ? undefined : campaign })} />
          </div>
          <ChipList label={t('editorialLine.fields.utmDomains')} values={rule.domains} itemError={(i) => error(['domains', i])} hint={t('editorialLine.hints.utmDomains')} onChange={(domains) => onChange({ ...rule, domains })} />
        </>
      );
    case 'mentions':
      return <ChipList label={t('editorialLine.fields.allowedMentions')} values={rule.allowed} itemError={(i) => error(['allowed', i])} placeholder="@cabinet" hint={t('editorialLine.hints.allowedMentions')} onChange={(allowed) => onChange({ ...rule, allowed })} />;
    case 'networkLimits':
      return <p className="hint">{t('editorialLine.hints.networkLimits')}</p>;
    case 'lengthTarget':
      return <LengthTargets rule={rule} onChange={onChange} error={error} />;
    case 'sentenceLength':
      return <NumberField label={t('editorialLine.fields.maxWords')} value={rule.maxWords} min={3} max={500} error={error(['maxWords'])} onChange={(maxWords) => onChange({ ...rule, maxWords: maxWords ?? Number.NaN })} />;
    case 'emojiCount':
    case 'exclamationMarks':
      return <NumberField label={t(`editorialLine.fields.max.${rule.kind}`)} value={rule.max} min={0} max={500} error={error(['max'])} onChange={(max) => onChange({ ...rule, max: max ?? Number.NaN })} />;
    case 'allCaps':
      return (
        <>
          <NumberField label={t('editorialLine.fields.minLetters')} value={rule.minLetters} min={2} max={30} error={error(['minLetters'])} onChange={(minLetters) => onChange({ ...rule, minLetters: minLetters ?? Number.NaN })} />
          <ChipList label={t('editorialLine.fields.acronyms')} values={rule.allow} itemError={(i) => error(['allow', i])} onChange={(allow) => onChange({ ...rule, allow })} />
          <button type="button" className="link" onClick={() => onChange({ ...rule, allow: [...DEFAULT_ACRONYMS] })}>
            {t('editorialLine.fields.resetList')}
          </button>
        </>
      );
    case 'addressForm':
      return (
        <SelectField<'vous' | 'tu'>
          label={t('editorialLine.fields.addressForm')}
          value={rule.expected}
          options={[
            { value: 'vous', label: t('editorialLine.fields.vous') },
            { value: 'tu', label: t('editorialLine.fields.tu') },
          ]}
          onChange={(expected) => onChange({ ...rule, expected })}
        />
      );
    case 'firstPerson':
      return (
        <SelectField<'singular' | 'plural'>
          label={t('editorialLine.fields.firstPerson')}
          value={rule.expected}
          options={[
            { value: 'plural', label: t('editorialLine.fields.plural') },
            { value: 'singular', label: t('editorialLine.fields.singular') },
          ]}
          onChange={(expected) => onChange({ ...rule, expected })}
        />
      );
    case 'frenchTypography':
      return (
        <>
          <p className="hint">{t('editorialLine.hints.frenchTypography')}</p>
          <CheckField label={t('editorialLine.fields.typographyGuillemetSpaces')} checked={rule.guillemetSpaces} onChange={(guillemetSpaces) => onChange({ ...rule, guillemetSpaces })} />
          <CheckField label={t('editorialLine.fields.typographyApostrophe')} checked={rule.apostrophe} onChange={(apostrophe) => onChange({ ...rule, apostrophe })} />
          <CheckField label={t('editorialLine.fields.typographyEllipsis')} checked={rule.ellipsis} onChange={(ellipsis) => onChange({ ...rule, ellipsis })} />
          <CheckField label={t('editorialLine.fields.typographyQuoteShapes')} checked={rule.quoteShapes} onChange={(quoteShapes) => onChange({ ...rule, quoteShapes })} />
        </>
      );
    case 'language':
      return (
        <div className="row">
          <SelectField<'line' | 'fr' | 'en'>
            label={t('editorialLine.fields.expectedLanguage')}
            value={rule.expected ?? 'line'}
            options={[
              { value: 'line', label: t('editorialLine.fields.lineLanguage') },
              { value: 'fr', label: t('locales.fr') },
              { value: 'en', label: t('locales.en') },
            ]}
            onChange={(expected) => onChange({ ...rule, expected: expected === 'line' ? undefined : expected })}
          />
          <NumberField label={t('editorialLine.fields.minLettersLanguage')} value={rule.minLetters} min={10} max={1000} error={error(['minLetters'])} onChange={(minLetters) => onChange({ ...rule, minLetters: minLetters ?? Number.NaN })} />
        </div>
      );
  }
}
