import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartners } from '../app/queries';
import { errorMessage } from '../ui/errorMessage';
import { LineEditor } from './LineEditor';
import type { LineOwner } from './LineEditor';
import { useEditorialEvents, useFirmLine, usePartnerLine } from './queries';
import './editorial.css';

export interface EditorialPageProps {
  /** null: the firm's line. */
  partnerId: string | null;
  onSelect: (partnerId: string | null) => void;
}

/**
 * "Ligne éditoriale": the firm's line, or a partner's on top of it, edited as a form with a
 * live "try it" box, the "Avocats (France)" pack, JSON import/export and the versions.
 */
export function EditorialPage({ partnerId, onSelect }: EditorialPageProps) {
  const { t } = useTranslation();
  const id = useId();
  useEditorialEvents();
  const partners = usePartners(true);
  const firm = useFirmLine();
  const partnerLine = usePartnerLine(partnerId);
  const partner = partnerId === null ? null : (partners.data?.find((p) => p.id === partnerId) ?? null);
  const owner: LineOwner | null = partnerId === null ? { kind: 'firm' } : partner ? { kind: 'partner', partner } : null;
  const saved = partnerId === null ? (firm.data ?? null) : (partnerLine.data ?? null);
  const loading = firm.isPending || (partnerId !== null && (partnerLine.isPending || partners.isPending));
  const failure = firm.error ?? partnerLine.error ?? partners.error;

  return (
    <section className="page editorial-page" aria-labelledby={`${id}-title`}>
      <header className="page-header">
        <h1 id={`${id}-title`}>
          {t('editorialLine.title')}
          {partner ? ` — ${partner.displayName}` : ` — ${t('editorialLine.firm')}`}
        </h1>
        <label htmlFor={`${id}-owner`}>{t('editorialLine.owner')}</label>
        <select id={`${id}-owner`} value={partnerId ?? ''} onChange={(e) => onSelect(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('editorialLine.firm')}</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </header>
      <p className="hint intro">{partnerId === null ? t('editorialLine.firmIntro') : t('editorialLine.partnerIntro')}</p>
      {failure ? (
        <p className="form-error" role="alert">
          {errorMessage(t, failure)}
        </p>
      ) : loading || !firm.data ? (
        <p className="muted">{t('editorialLine.loading')}</p>
      ) : !owner ? (
        <p className="empty">{t('errors.notFound.partner')}</p>
      ) : (
        <LineEditor key={partnerId ?? 'firm'} owner={owner} firm={firm.data} saved={saved} />
      )}
    </section>
  );
}
