import { defineMessages } from '../i18n/feature';

export const versionMessages = defineMessages(
  {
    versions: {
      tabs: 'Texte par réseau',
      common: 'Commun',
      ownVersion: '{{network}} (version propre)',
      usesCommon: '{{network}} reçoit le texte commun.',
      create: 'Créer une version pour {{network}}',
      createHint: 'La version part du texte commun\u00a0; elle remplace ce texte pour {{network}} seulement.',
      revert: 'Revenir au texte commun',
      editing: 'Version {{network}}\u00a0: seul {{network}} publiera ce texte.',
      placeholder: 'Texte pour {{network}}…',
    },
  },
  {
    versions: {
      tabs: 'Text per network',
      common: 'Common',
      ownVersion: '{{network}} (own version)',
      usesCommon: '{{network}} receives the common text.',
      create: 'Create a version for {{network}}',
      createHint: 'The version starts from the common text; it replaces that text for {{network}} only.',
      revert: 'Back to the common text',
      editing: '{{network}} version: only {{network}} publishes this text.',
      placeholder: 'Text for {{network}}…',
    },
  },
);
