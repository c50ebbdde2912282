import type { DigestFrequency } from '../../../shared/digest/period';
import { defineMessages } from '../i18n/feature';

/** The partner digest: settings and preview on the partner page, the Envoi queue, the calendar's cadence flag; `alerts.*` are core's keys. */
export const digestMessages = defineMessages(
  {
    digest: {
      title: 'Bilan envoyé au partenaire',
      frequency: 'Fréquence',
      frequencies: { monthly: 'Mensuel', weekly: 'Hebdomadaire', off: 'Désactivé' } satisfies Record<DigestFrequency, string>,
      optOut: 'Ne plus envoyer de bilan',
      off: 'Aucun bilan n’est envoyé à ce partenaire. L’aperçu montre le bilan mensuel qu’il recevrait.',
      noAddress: 'Pas d’adresse de validation\u00a0: aucun bilan ne sera envoyé.',
      to: 'À\u00a0: {{to}}',
      subject: 'Objet\u00a0: {{subject}}',
      previewTitle: 'Aperçu du bilan',
      sentTitle: 'Derniers bilans envoyés',
      sentLine: '{{period}}\u00a0: envoyé le {{when}} à {{to}}',
      previewFrame: 'Aperçu du courriel tel que le partenaire le recevra',
      showText: 'Voir la version texte',
      sending: 'Les bilans partent par le même compte e-mail que les demandes de validation, une fois la période terminée dans le fuseau du partenaire.',
      queue: {
        title: 'Bilans en attente d’envoi',
        partner: 'Partenaire',
        period: 'Période',
        state: 'État',
        error: 'Raison',
        states: { queued: 'En file', sending: 'Envoi en cours', done: 'Envoyé', failed: 'Échec', cancelled: 'Annulé' },
      },
      cadence: {
        badge_one: '{{count}} partenaire silencieux',
        badge_other: '{{count}} partenaires silencieux',
        since: '{{partner}}\u00a0— {{network}}\u00a0: rien depuis {{days}}\u00a0jours (objectif\u00a0: {{min}} par semaine)',
        never: '{{partner}}\u00a0— {{network}}\u00a0: aucune publication (objectif\u00a0: {{min}} par semaine)',
      },
      alerts: { emailFailed: 'Le bilan de {{partner}} n’a pas pu partir\u00a0: {{error}}' },
    },
  },
  {
    digest: {
      title: 'Digest sent to the partner',
      frequency: 'Frequency',
      frequencies: { monthly: 'Monthly', weekly: 'Weekly', off: 'Off' },
      optOut: 'Stop sending digests',
      off: 'No digest is sent to this partner. The preview shows the monthly digest they would receive.',
      noAddress: 'No sign-off address: no digest will be sent.',
      to: 'To: {{to}}',
      subject: 'Subject: {{subject}}',
      previewTitle: 'Digest preview',
      sentTitle: 'Latest digests sent',
      sentLine: '{{period}}: sent {{when}} to {{to}}',
      previewFrame: 'Preview of the email as the partner will receive it',
      showText: 'Show the text version',
      sending: 'Digests go out through the same email account as sign-off requests, once the period has ended in the partner’s time zone.',
      queue: {
        title: 'Digests waiting to be sent',
        partner: 'Partner',
        period: 'Period',
        state: 'State',
        error: 'Reason',
        states: { queued: 'Queued', sending: 'Sending', done: 'Sent', failed: 'Failed', cancelled: 'Cancelled' },
      },
      cadence: {
        badge_one: '{{count}} silent partner',
        badge_other: '{{count}} silent partners',
        since: '{{partner}} — {{network}}: nothing for {{days}} days (target: {{min}} a week)',
        never: '{{partner}} — {{network}}: nothing posted yet (target: {{min}} a week)',
      },
      alerts: { emailFailed: 'The digest for {{partner}} could not be sent: {{error}}' },
    },
  },
);
