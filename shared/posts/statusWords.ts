import type { PostStatus } from './schema';

/**
 * A post's status in words, the one list the UI (its badges and filters) and the monthly report
 * (its PDF and CSV) both read: a report once said « Validé » where the screen said « Validée ».
 * French agrees with « publication ».
 */
export const postStatusWords = {
  fr: {
    draft: 'Brouillon',
    in_review: 'En validation',
    changes_requested: 'Modifications demandées',
    approved: 'Validée',
    rejected: 'Refusée',
    scheduled: 'Programmée',
    published: 'Publiée',
    withdrawn: 'Retirée',
    expired: 'Expirée',
    held: 'Retenue',
    failed: 'Échec',
    missed: 'Manquée',
  },
  en: {
    draft: 'Draft',
    in_review: 'In review',
    changes_requested: 'Changes requested',
    approved: 'Approved',
    rejected: 'Rejected',
    scheduled: 'Scheduled',
    published: 'Published',
    withdrawn: 'Withdrawn',
    expired: 'Expired',
    held: 'Held',
    failed: 'Failed',
    missed: 'Missed',
  },
} as const satisfies Record<'fr' | 'en', Record<PostStatus, string>>;
