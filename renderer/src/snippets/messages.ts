import { defineMessages } from '../i18n/feature';

/**
 * Snippets: the firm's and each partner's, their management, the picker and the locked
 * snippet in the editor; `errors.*` are core's keys. French: no-break space (U+00A0) before
 * « : » and inside « », narrow one (U+202F) before ; ! ?.
 */
export const snippetMessages = defineMessages(
  {
    snippets: {
      firmTitle: 'Extraits du cabinet',
      firmIntro: 'Signatures, mentions, jeux de hashtags et formules proposés pour tous les partenaires.',
      partnerTitle: 'Extraits de ce partenaire',
      partnerIntro: 'Proposés avant ceux du cabinet quand vous écrivez pour ce partenaire.',
      empty: 'Aucun extrait pour l’instant.',
      add: 'Ajouter un extrait',
      edit: 'Modifier',
      delete: 'Supprimer',
      deleteConfirm: 'Supprimer l’extrait «\u00a0{{name}}\u00a0»\u00a0?',
      save: 'Enregistrer',
      cancel: 'Annuler',
      saved: 'Extrait enregistré.',
      fields: { kind: 'Nature', name: 'Nom', text: 'Texte', shortcut: 'Raccourci' },
      kind: { signature: 'Signature ou mention', hashtags: 'Jeu de hashtags', phrase: 'Formule récurrente' },
      noShortcut: 'Aucun',
      shortcutLabel: 'Ctrl+Maj+{{digit}}',
      shortcutHint: 'Dans l’éditeur, Ctrl+Maj et ce chiffre (Cmd+Maj sur Mac) insèrent l’extrait directement.',
      firmBadge: 'Cabinet',
      picker: {
        label: 'Insérer un extrait',
        open: 'Extraits',
        openHint: 'Insérer un extrait (Ctrl+Espace)',
        filter: 'Filtrer les extraits',
        none: 'Aucun extrait ne correspond.',
        noneAtAll: 'Aucun extrait pour ce partenaire ni pour le cabinet. Créez-en dans les réglages ou sur la page du partenaire.',
        locked: 'verrouillé',
      },
      locked: {
        refused: 'Cet extrait est verrouillé par la ligne éditoriale\u00a0: il ne peut être ni modifié ni supprimé dans la publication.',
        title: 'Extrait verrouillé par la ligne éditoriale',
      },
      rule: {
        snippet: 'Extrait exigé',
        choose: 'Choisir un extrait',
        none: 'Créez d’abord un extrait, dans les réglages ou sur la page du partenaire.',
        lock: 'Verrouiller l’extrait dans l’éditeur (ni modifiable ni supprimable)',
        networks: 'Réseaux concernés',
        allNetworks: 'Aucun coché\u00a0: tous les réseaux.',
      },
      errors: {
        notFound: 'Extrait introuvable.',
        shortcut: 'Un chiffre de 1 à 9.',
        shortcutTaken: 'Un autre extrait utilise déjà ce raccourci.',
        requiredMissing: 'La ligne éditoriale exige un extrait absent de cette publication\u00a0: insérez-le (correction proposée dans l’éditeur) avant de demander la validation.',
      },
    },
  },
  {
    snippets: {
      firmTitle: 'Firm snippets',
      firmIntro: 'Signatures, disclosures, hashtag sets and recurring phrases offered for every partner.',
      partnerTitle: 'This partner’s snippets',
      partnerIntro: 'Offered before the firm’s when you write for this partner.',
      empty: 'No snippets yet.',
      add: 'Add a snippet',
      edit: 'Edit',
      delete: 'Delete',
      deleteConfirm: 'Delete the snippet “{{name}}”?',
      save: 'Save',
      cancel: 'Cancel',
      saved: 'Snippet saved.',
      fields: { kind: 'Kind', name: 'Name', text: 'Text', shortcut: 'Shortcut' },
      kind: { signature: 'Signature or disclosure', hashtags: 'Hashtag set', phrase: 'Recurring phrase' },
      noShortcut: 'None',
      shortcutLabel: 'Ctrl+Shift+{{digit}}',
      shortcutHint: 'In the editor, Ctrl+Shift and this digit (Cmd+Shift on a Mac) insert the snippet directly.',
      firmBadge: 'Firm',
      picker: {
        label: 'Insert a snippet',
        open: 'Snippets',
        openHint: 'Insert a snippet (Ctrl+Space)',
        filter: 'Filter snippets',
        none: 'No snippet matches.',
        noneAtAll: 'No snippets for this partner or the firm. Create some in Settings or on the partner’s page.',
        locked: 'locked',
      },
      locked: {
        refused: 'This snippet is locked by the editorial line: it cannot be edited or deleted in the post.',
        title: 'Snippet locked by the editorial line',
      },
      rule: {
        snippet: 'Required snippet',
        choose: 'Choose a snippet',
        none: 'Create a snippet first, in Settings or on the partner’s page.',
        lock: 'Lock the snippet in the editor (cannot be edited or deleted)',
        networks: 'Networks concerned',
        allNetworks: 'None ticked: every network.',
      },
      errors: {
        notFound: 'Snippet not found.',
        shortcut: 'A digit from 1 to 9.',
        shortcutTaken: 'Another snippet already uses this shortcut.',
        requiredMissing: 'The editorial line requires a snippet this post lacks: insert it (the editor offers the fix) before asking for sign-off.',
      },
    },
  },
);
