import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AvocatsFrancePackConfig, avocatsFrancePack, barMentionFor } from '../../../shared/editorial/packs/avocatsFrance';
import type { CompliancePack } from '../../../shared/editorial/packs/compliancePack';
import type { Partner } from '../../../shared/partners/schema';
import { FieldError } from './fields/FieldError';

export interface PackFormProps {
  /** The partner whose line this is (null: the firm's): the bar mention agrees with their form of address. */
  partner: Partner | null;
  /** Applied already: the button says "apply again". */
  applied: boolean;
  /** Puts the pack's rules into the form; nothing is saved until the user saves the line. */
  onApply: (pack: CompliancePack) => void;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** "Avocats (France)": bar mention, no comparison, client secrecy, no testimonials, no politics, in one click — into the form, saved with the line. */
export function PackForm({ partner, applied, onApply }: PackFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [barMention, setBarMention] = useState(() => barMentionFor(partner?.formOfAddress ?? null));
  const [clients, setClients] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  const apply = () => {
    const config = AvocatsFrancePackConfig.safeParse({ barMention, clientNames: lines(clients) });
    if (!config.success) {
      setFieldError(t('editorialLine.pack.barMentionRequired'));
      return;
    }
    setFieldError(undefined);
    onApply(avocatsFrancePack(config.data));
  };

  return (
    <section className="line-section pack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('editorial.pack.avocatsFr.name')}</h2>
      <p className="hint">{t('editorial.pack.avocatsFr.description')}</p>
      <div className={fieldError ? 'field invalid' : 'field'}>
        <label htmlFor={`${id}-bar`}>{t('editorialLine.pack.barMention')}</label>
        <input id={`${id}-bar`} value={barMention} onChange={(e) => setBarMention(e.target.value)} aria-invalid={fieldError ? true : undefined} />
        <p className="hint">{t('editorialLine.pack.barMentionHint')}</p>
        <FieldError id={`${id}-bar-error`} message={fieldError} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-clients`}>{t('editorialLine.pack.clientNames')}</label>
        <textarea id={`${id}-clients`} rows={3} value={clients} onChange={(e) => setClients(e.target.value)} />
        <p className="hint">{t('editorialLine.pack.clientNamesHint')}</p>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={apply}>
          {applied ? t('editorialLine.pack.applyAgain') : t('editorialLine.pack.apply')}
        </button>
      </div>
    </section>
  );
}
