import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Partner, PartnerInput } from '../../../shared/partners/schema';
import { usePartners } from '../app/queries';
import { useDateFormat } from '../ui/useDateFormat';
import { useZoneNames } from '../time/useZoneNames';
import { useNow } from '../ui/useNow';
import { PartnerForm } from './PartnerForm';
import { AccountBadges } from '../accounts/AccountBadges';
import { PartnerAccounts } from '../accounts/PartnerAccounts';
import { PartnerEngagementPanel } from '../engagement/PartnerEngagementPanel';
import { PartnerDigestPanel } from '../digest/PartnerDigestPanel';
import { SnippetsSection } from '../snippets/SnippetsSection';
import { AppLink } from '../ui/AppLink';
import { errorMessage } from '../ui/errorMessage';

export function PartnersPage({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { time } = useDateFormat();
  const { city } = useZoneNames();
  const now = useNow();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const partners = usePartners(showArchived);
  const list = partners.data ?? [];
  const editing = selectedId === 'new' ? null : (list.find((p) => p.id === selectedId) ?? null);
  const formOpen = selectedId === 'new' || editing !== null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['partners'] });

  const submit = async (input: PartnerInput) => {
    if (editing) await api.call('partners.update', { id: editing.id, fields: input });
    else await api.call('partners.create', input);
    await refresh();
    await queryClient.invalidateQueries({ queryKey: ['workspace'] });
    onSelect(null);
  };

  const [failure, setFailure] = useState<string | null>(null);

  /** Archiving holds the partner's posts back: the confirmation says how many were set to go out. */
  const toggleArchive = async (partner: Partner) => {
    setFailure(null);
    const archived = partner.archivedAt === null;
    try {
      if (archived) {
        const { goingOut } = await api.call('partners.archiveImpact', { id: partner.id });
        const question = goingOut === 0 ? t('partners.archiveConfirmNone', { name: partner.displayName }) : t('partners.archiveConfirm', { name: partner.displayName, count: goingOut });
        if (!window.confirm(question)) return;
      }
      await api.call('partners.setArchived', { id: partner.id, archived });
      await refresh();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <section className="page partners-page" aria-labelledby="partners-title">
      <header className="page-header">
        <h1 id="partners-title">{t('partners.title')}</h1>
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('partners.showArchived')}
        </label>
        <button className="primary" onClick={() => onSelect('new')}>
          {t('partners.add')}
        </button>
      </header>
      {formOpen ? (
        <PartnerForm
          // Keys are unique among the page's children: the accounts section once shared this one, and React then left the form on screen after « Annuler ».
          key={editing ? `form-${editing.id}` : `new-${String(partners.isSuccess)}`}
          partner={editing}
          usedColours={list.filter((p) => p.id !== editing?.id).map((p) => p.color)}
          onSubmit={submit}
          onCancel={() => onSelect(null)}
        />
      ) : null}
      {editing ? <PartnerAccounts key={`accounts-${editing.id}`} partner={editing} /> : null}
      {editing ? <SnippetsSection key={`snippets-${editing.id}`} partnerId={editing.id} /> : null}
      {editing ? <PartnerEngagementPanel key={`engagement-${editing.id}`} partnerId={editing.id} /> : null}
      {editing ? <PartnerDigestPanel key={`digest-${editing.id}`} partnerId={editing.id} /> : null}
      {failure ? (
        <p className="error-text" role="alert">
          {failure}
        </p>
      ) : null}
      {list.length === 0 && !partners.isLoading ? <p className="empty">{t('partners.empty')}</p> : null}
      <ul className="partner-list" aria-label={t('partners.title')}>
        {list.map((partner) => (
          <li key={partner.id} className={partner.archivedAt ? 'partner-card archived' : 'partner-card'} data-testid="partner-card">
            <span className="swatch" style={{ background: partner.color }} aria-hidden="true" />
            <div className="partner-main">
              <strong>{partner.displayName}</strong>
              {partner.isExample ? <span className="badge example">{t('app.exampleBadge')}</span> : null}
              {partner.archivedAt ? <span className="badge">{t('partners.archived')}</span> : null}
              <div className="muted">{[partner.role, partner.organisation].filter(Boolean).join(' · ')}</div>
              <div className="muted small">
                {city(partner.timeZone)} — {t('partners.localTime', { time: time(now, partner.timeZone) })} · {t(`locales.${partner.locale}`)}
                {partner.signoffEmail ? ` · ${partner.signoffEmail}` : ''}
              </div>
              <AccountBadges partnerId={partner.id} name={partner.displayName} />
            </div>
            <div className="partner-actions">
              <button onClick={() => onSelect(partner.id)}>{t('partners.edit')}</button>
              <AppLink className="button-link" to={`#/editorial/${partner.id}`}>
                {t('editorialLine.partnerLink')}
              </AppLink>
              <button onClick={() => void toggleArchive(partner)}>
                {partner.archivedAt ? t('partners.unarchive') : t('partners.archive')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
