import { defineMessages } from '../../i18n/feature';

/**
 * The editorial line inside the post editor: underline card, side panel, counters. The
 * findings' own words are in shared/editorial/messages.ts (`editorial` namespace).
 * French typography: no-break space (U+00A0) before « : » and inside « », narrow one
 * (U+202F) before ; ! ?.
 */
export const editorialEditorMessages = defineMessages(
  {
    editorialEditor: {
      panelTitle: 'Ligne éditoriale',
      loading: 'Chargement de la ligne éditoriale…',
      loadFailed: 'Ligne éditoriale indisponible\u00a0: {{reason}}',
      retry: 'Réessayer',
      versions: 'Cabinet v{{organisation}}',
      versionsWithPartner: 'Cabinet v{{organisation}} · partenaire v{{partner}}',
      allClear: 'Aucune remarque\u00a0: la publication respecte la ligne.',
      counts: {
        error_one: '{{count, number}} erreur',
        error_other: '{{count, number}} erreurs',
        warning_one: '{{count, number}} avertissement',
        warning_other: '{{count, number}} avertissements',
        info_one: '{{count, number}} suggestion',
        info_other: '{{count, number}} suggestions',
      },
      allNetworks: 'Tous les réseaux',
      noNetworks: 'Aucun réseau cible\u00a0: choisissez-en pour vérifier les limites de chacun.',
      select: 'Sélectionner dans le texte',
      excerpt: '«\u00a0{{text}}\u00a0»',
      endOfPost: 'à la fin de la publication',
      wholePost: 'toute la publication',
      origin: {
        organisation: 'Ligne du cabinet, version {{version}}',
        partner: 'Ligne du partenaire, version {{version}}',
      },
      rule: 'Règle\u00a0: {{kind}}',
      source: 'Source\u00a0: {{source}}',
      network: 'Réseau\u00a0: {{network}}',
      card: 'Remarque de la ligne éditoriale',
      close: 'Fermer',
      shortcut: 'Ctrl+. ouvre la remarque sous le curseur',
      counters: 'Longueur par réseau',
      counterOver: '{{network}}\u00a0: {{used, number}}/{{limit, number}} {{unitWord}}, {{over, number}} de trop',
      counterUnder: '{{network}}\u00a0: {{used, number}}/{{limit, number}} {{unitWord}}',
      counterDetail: '{{used, number}}/{{limit, number}} {{unitWord}}',
    },
  },
  {
    editorialEditor: {
      panelTitle: 'Editorial line',
      loading: 'Loading the editorial line…',
      loadFailed: 'Editorial line unavailable: {{reason}}',
      retry: 'Try again',
      versions: 'Firm v{{organisation}}',
      versionsWithPartner: 'Firm v{{organisation}} · partner v{{partner}}',
      allClear: 'Nothing to report: the post follows the line.',
      counts: {
        error_one: '{{count, number}} error',
        error_other: '{{count, number}} errors',
        warning_one: '{{count, number}} warning',
        warning_other: '{{count, number}} warnings',
        info_one: '{{count, number}} suggestion',
        info_other: '{{count, number}} suggestions',
      },
      allNetworks: 'All networks',
      noNetworks: 'No target network: choose some to check each one’s limits.',
      select: 'Select in the text',
      excerpt: '“{{text}}”',
      endOfPost: 'at the end of the post',
      wholePost: 'the whole post',
      origin: {
        organisation: 'Firm’s line, version {{version}}',
        partner: 'Partner’s line, version {{version}}',
      },
      rule: 'Rule: {{kind}}',
      source: 'Source: {{source}}',
      network: 'Network: {{network}}',
      card: 'Editorial line remark',
      close: 'Close',
      shortcut: 'Ctrl+. opens the remark under the cursor',
      counters: 'Length per network',
      counterOver: '{{network}}: {{used, number}}/{{limit, number}} {{unitWord}}, {{over, number}} over',
      counterUnder: '{{network}}: {{used, number}}/{{limit, number}} {{unitWord}}',
      counterDetail: '{{used, number}}/{{limit, number}} {{unitWord}}',
    },
  },
);
