import type { EngagementMetric, EngagementSource, ReadingPoint, TrackingState } from '../../../shared/engagement/figures';
import { defineMessages } from '../i18n/feature';

/** Engagement: the post's figures over time, figures typed by hand; `alerts.*` and `errors.*` are core's keys. */
export const engagementMessages = defineMessages(
  {
    engagement: {
      title: 'Résultats',
      none: 'Aucun chiffre pour l’instant.',
      notPublished: 'Les chiffres arrivent une fois la publication en ligne.',
      planned: 'Lus sur le réseau 1\u00a0h, 24\u00a0h, 7\u00a0jours et 30\u00a0jours après la publication.',
      byHand: 'Publiée à la main\u00a0: saisissez les chiffres lus sur le réseau.',
      readAt: 'Lu le',
      source: 'Source',
      metric: {
        likes: 'J’aime',
        reposts: 'Partages',
        replies: 'Réponses',
        quotes: 'Citations',
        impressions: 'Impressions',
        bookmarks: 'Signets',
        engagements: 'Interactions',
      } satisfies Record<EngagementMetric, string>,
      sources: { api: 'API du réseau', import: 'Import', manual: 'Saisie' } satisfies Record<EngagementSource, string>,
      points: { '1h': '+1\u00a0h', '24h': '+24\u00a0h', '7d': '+7\u00a0j', '30d': '+30\u00a0j' } satisfies Record<ReadingPoint, string>,
      tracking: {
        tracking: 'Lectures programmées',
        deleted: 'Publication supprimée sur le réseau\u00a0: plus de lecture.',
        stopped: 'Le réseau refuse l’accès au compte\u00a0: lectures arrêtées. Reconnectez le compte.',
      } satisfies Record<TrackingState, string>,
      manual: {
        open: 'Saisir des chiffres',
        when: 'Lus le',
        save: 'Enregistrer',
      },
      alerts: { accessRefused: 'Lecture des chiffres {{network}}\u00a0: le réseau refuse l’accès au compte. Reconnectez-le.' },
      errors: {
        notPublished: 'Cette publication n’est pas en ligne.',
        readAtOutOfRange: 'La date de lecture doit être entre la publication et maintenant.',
        noFigure: 'Saisissez au moins un chiffre.',
      },
    },
  },
  {
    engagement: {
      title: 'Results',
      none: 'No figures yet.',
      notPublished: 'Figures come once the post is live.',
      planned: 'Read from the network 1 h, 24 h, 7 days and 30 days after publication.',
      byHand: 'Published by hand: type the figures read on the network.',
      readAt: 'Read on',
      source: 'Source',
      metric: { likes: 'Likes', reposts: 'Reposts', replies: 'Replies', quotes: 'Quotes', impressions: 'Impressions', bookmarks: 'Bookmarks', engagements: 'Engagements' },
      sources: { api: 'Network API', import: 'Import', manual: 'Typed' },
      points: { '1h': '+1 h', '24h': '+24 h', '7d': '+7 d', '30d': '+30 d' },
      tracking: {
        tracking: 'Readings scheduled',
        deleted: 'Post deleted on the network: no more readings.',
        stopped: 'The network refuses the account’s access: readings stopped. Reconnect the account.',
      },
      manual: { open: 'Type figures', when: 'Read on', save: 'Save' },
      alerts: { accessRefused: 'Reading {{network}} figures: the network refuses the account’s access. Reconnect it.' },
      errors: {
        notPublished: 'This publication is not live.',
        readAtOutOfRange: 'The reading date must be between publication and now.',
        noFigure: 'Type at least one figure.',
      },
    },
  },
);
