import { defineMessages } from '../i18n/feature';

/**
 * The near-duplicate guard's words. French typography: no-break space (U+00A0) before « : »
 * and « % », narrow one (U+202F) before ? ! ;
 */
export const similarityMessages = defineMessages(
  {
    similarity: {
      panelTitle: 'Autres partenaires',
      checking: 'Comparaison avec les posts des autres partenaires…',
      clear: 'Aucun post d’un autre partenaire n’est proche de ce brouillon (±\u00a0{{days}}\u00a0jours).',
      strong: 'Très proche',
      warn: 'Proche',
      finding: '{{closeness}} du post de {{partner}} ({{date}})\u00a0: {{percent}}\u00a0% de passages identiques',
      compare: 'Comparer',
      rewrite: 'Réécrire',
      dismiss: 'Écarter',
      dismissHint: 'Garder ce brouillon tel quel\u00a0: ce rapprochement ne sera plus signalé et comptera dans le rapport mensuel.',
      dismissed_one: '{{count, number}} rapprochement écarté',
      dismissed_other: '{{count, number}} rapprochements écartés',
      loadFailed: 'La comparaison avec les autres partenaires a échoué\u00a0: {{reason}}',
      retry: 'Réessayer',
      dialogTitle: 'Comparaison avec le post de {{partner}}',
      yourDraft: 'Ce brouillon',
      theirPost: 'Post de {{partner}} ({{date}})',
      legend: 'Surligné\u00a0: les passages identiques dans les deux textes.',
      close: 'Fermer',
      comparing: 'Comparaison…',
      signoffNote: 'Proche du post de {{partner}} ({{date}})\u00a0: {{percent}}\u00a0% de passages identiques. Pour vous seul\u00a0: le partenaire n’en est pas informé.',
      calendarMarker: 'Proche d’un post d’un autre partenaire',
    },
  },
  {
    similarity: {
      panelTitle: 'Other partners',
      checking: 'Comparing with other partners’ posts…',
      clear: 'No other partner’s post is close to this draft (±{{days}} days).',
      strong: 'Very close',
      warn: 'Close',
      finding: '{{closeness}} to {{partner}}’s post ({{date}}): {{percent}}% identical passages',
      compare: 'Compare',
      rewrite: 'Rewrite',
      dismiss: 'Dismiss',
      dismissHint: 'Keep this draft as it is: this pair will not be flagged again and counts in the monthly report.',
      dismissed_one: '{{count, number}} pair dismissed',
      dismissed_other: '{{count, number}} pairs dismissed',
      loadFailed: 'The comparison with other partners failed: {{reason}}',
      retry: 'Retry',
      dialogTitle: 'Comparison with {{partner}}’s post',
      yourDraft: 'This draft',
      theirPost: '{{partner}}’s post ({{date}})',
      legend: 'Highlighted: the passages both texts share.',
      close: 'Close',
      comparing: 'Comparing…',
      signoffNote: 'Close to {{partner}}’s post ({{date}}): {{percent}}% identical passages. For you only: the partner is not told.',
      calendarMarker: 'Close to another partner’s post',
    },
  },
);
