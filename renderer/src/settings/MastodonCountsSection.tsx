import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { MastodonCounts } from '../../../shared/workspace/schema';
import type { MastodonCounts as Counts } from '../../../shared/workspace/schema';
import { api } from '../api';
import { keys } from '../app/queries';
import { failureNotice } from '../accounts/notice';
import type { Notice } from '../accounts/notice';
import { NoticeLine } from '../accounts/NoticeLine';
import { useSettings } from './useMastodonCounts';

const maxField = MastodonCounts.shape.maxCharacters;
const perUrlField = MastodonCounts.shape.charactersReservedPerUrl;

/** A whole number typed in a field, or null when it is not one. */
const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text.trim()) : null);

function MastodonCountsForm({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [max, setMax] = useState(String(counts.maxCharacters));
  const [perUrl, setPerUrl] = useState(String(counts.charactersReservedPerUrl));
  const [errors, setErrors] = useState<{ max?: string; perUrl?: string }>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    const maxCharacters = maxField.safeParse(wholeNumber(max));
    const charactersReservedPerUrl = perUrlField.safeParse(wholeNumber(perUrl));
    const found = {
      ...(maxCharacters.success ? {} : { max: t('mastodonCounts.invalidMax') }),
      ...(charactersReservedPerUrl.success ? {} : { perUrl: t('mastodonCounts.invalidPerUrl') }),
    };
    setErrors(found);
    setNotice(null);
    if (!maxCharacters.success || !charactersReservedPerUrl.success) return;
    setBusy(true);
    try {
      const saved = await api.call('settings.update', { mastodon: { maxCharacters: maxCharacters.data, charactersReservedPerUrl: charactersReservedPerUrl.data } });
      queryClient.setQueryData(keys.settings, saved);
      setNotice({ kind: 'ok', text: t('mastodonCounts.saved') });
    } catch (error) {
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mastodon-counts" onSubmit={(event) => void save(event)} noValidate data-testid="mastodon-counts">
      <p className="small" data-testid="mastodon-counts-source">
        {counts.source === 'instance' ? t('mastodonCounts.source.instance', { instance: counts.instanceUrl ?? '' }) : t(`mastodonCounts.source.${counts.source}`)}
      </p>
      <div className="row">
        <label className={errors.max === undefined ? 'field narrow' : 'field narrow invalid'}>
          {t('mastodonCounts.maxCharacters')}
          <input inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value)} data-testid="mastodon-max-characters" />
          {errors.max === undefined ? null : <span className="field-error">{errors.max}</span>}
        </label>
        <label className={errors.perUrl === undefined ? 'field narrow' : 'field narrow invalid'}>
          {t('mastodonCounts.perUrl')}
          <input inputMode="numeric" value={perUrl} onChange={(e) => setPerUrl(e.target.value)} data-testid="mastodon-per-url" />
          {errors.perUrl === undefined ? null : <span className="field-error">{errors.perUrl}</span>}
        </label>
      </div>
      <NoticeLine notice={notice} testId="mastodon-counts-notice" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('mastodonCounts.save')}
        </button>
      </div>
    </form>
  );
}

/** Settings › Mastodon limits: the figures the editor counts with, and where they came from. */
export function MastodonCountsSection() {
  const { t } = useTranslation();
  const counts = useSettings().data?.mastodon;
  return (
    <section className="settings-section" aria-labelledby="mastodon-counts-title">
      <h2 id="mastodon-counts-title">{t('mastodonCounts.title')}</h2>
      <p className="small">{t('mastodonCounts.intro')}</p>
      {/* A new reading (from the instance or another window) starts the form over. */}
      {counts === undefined ? null : <MastodonCountsForm key={JSON.stringify(counts)} counts={counts} />}
    </section>
  );
}
