import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { useDateFormat } from '../ui/useDateFormat';
import { networkLabels } from '../../../shared/posts/networks';
import { engagementMetrics } from '../../../shared/engagement/figures';
import type { Figures } from '../../../shared/engagement/figures';
import { engagementKeys, useEngagementEvents } from './queries';
import './engagement.css';
import { AppLink } from '../ui/AppLink';
import { LinkedinImport } from './LinkedinImport';
import { postTitle } from '../posts/postTitle';

function FigureList({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const shown = engagementMetrics.filter((metric) => figures[metric] !== undefined);
  if (shown.length === 0) return <span className="muted">{t('engagement.none')}</span>;
  return (
    <span className="figure-list">
      {shown.map((metric) => (
        <span key={metric} data-metric={metric}>
          {t('engagement.figure', { metric: t(`engagement.metric.${metric}`), value: figures[metric] })}
        </span>
      ))}
    </span>
  );
}

/** The partner's page: the last 90 days, per network and per post, and LinkedIn's export import. */
export function PartnerEngagementPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  useEngagementEvents();
  const recent = useQuery({ queryKey: [...engagementKeys.all, 'partner', partnerId], queryFn: () => api.call('engagement.partnerRecent', { partnerId }) });
  const data = recent.data;
  return (
    <section className="engagement-partner" aria-labelledby={`engagement-partner-${partnerId}`} data-testid="partner-engagement">
      <h2 id={`engagement-partner-${partnerId}`}>{t('engagement.partner.title')}</h2>
      {data && data.posts.length > 0 ? (
        <>
          <ul className="engagement-networks">
            {data.networks.map((total) => (
              <li key={total.network} data-testid={`partner-engagement-${total.network}`}>
                <strong>{networkLabels[total.network]}</strong> · {t('engagement.partner.posts', { count: total.posts })} · <FigureList figures={total.figures} />
              </li>
            ))}
          </ul>
          <ul className="engagement-posts">
            {data.posts.map((post) => (
              <li key={`${post.postId}-${post.network}`}>
                <AppLink to={`#/posts/${post.postId}`}>{postTitle(post.title, t)}</AppLink> — {networkLabels[post.network]}, {dateTime(post.publishedAt)} · <FigureList figures={post.figures} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('engagement.partner.nothing')}</p>
      )}
      <LinkedinImport partnerId={partnerId} />
    </section>
  );
}
