import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AvocatsFrancePackConfig } from '../../../shared/editorial/packs/avocatsFrance';
import type { StoredLine } from '../../../shared/api/procedures/editorial';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { FieldError } from './fields/FieldError';

export interface PackFormProps {
  partnerId: string | null;
  baseVersion: number | null;
  dirty: boolean;
  /** Applied already (firm line): the button says "apply again". */
  applied: boolean;
  onApplied: (line: StoredLine) => void;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** "Avocats (France)": bar mention, no comparison, client secrecy, no testimonials, no politics, in one click. */
export function PackForm({ partnerId, baseVersion, dirty, applied, onApplied }: PackFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [barMention, setBarMention] = useState('Avocat au barreau de Paris');
  const [clients, setClients] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    setError(null);
    const config = AvocatsFrancePackConfig.safeParse({ barMention, clientNames: lines(clients) });
    if (!config.success) {
      setFieldError(t('editorialLine.pack.barMentionRequired'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      onApplied(await api.call('editorial.applyAvocatsPack', { partnerId, baseVersion, config: config.data }));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
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
        <button type="button" className="primary" disabled={busy || dirty} title={dirty ? t('editorialLine.saveFirst') : undefined} onClick={() => void apply()}>
          {applied ? t('editorialLine.pack.applyAgain') : t('editorialLine.pack.apply')}
        </button>
        {dirty ? <span className="hint">{t('editorialLine.saveFirst')}</span> : null}
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
}
