import { defineMessages } from '../i18n/feature';

/**
 * Settings: how Mastodon counts a post. French typography: no-break space (U+00A0) before
 * « : » and inside « », narrow one (U+202F) before ; ! ?.
 */
export const settingsUiMessages = defineMessages(
  {
    mastodonCounts: {
      title: 'Limites Mastodon',
      intro: 'Chaque instance Mastodon fixe sa propre limite. Plume la lit sur l’instance quand un compte Mastodon est connecté ou testé\u202f; vous pouvez aussi la saisir.',
      maxCharacters: 'Caractères par publication',
      perUrl: 'Caractères comptés par lien',
      save: 'Enregistrer',
      saved: 'Limites Mastodon enregistrées.',
      invalidMax: 'Un nombre entier entre 1 et 1\u202f000\u202f000.',
      invalidPerUrl: 'Un nombre entier entre 0 et 10\u202f000.',
      source: {
        default: 'Valeurs par défaut de Mastodon (500 caractères, 23 par lien).',
        instance: 'Lues sur l’instance {{instance}}.',
        manual: 'Saisies à la main.',
      },
    },
  },
  {
    mastodonCounts: {
      title: 'Mastodon limits',
      intro: 'Each Mastodon instance sets its own limit. Plume reads it from the instance when a Mastodon account is connected or tested; you can also type it in.',
      maxCharacters: 'Characters per post',
      perUrl: 'Characters counted per link',
      save: 'Save',
      saved: 'Mastodon limits saved.',
      invalidMax: 'A whole number from 1 to 1,000,000.',
      invalidPerUrl: 'A whole number from 0 to 10,000.',
      source: {
        default: 'Mastodon’s defaults (500 characters, 23 per link).',
        instance: 'Read from the instance {{instance}}.',
        manual: 'Typed in by hand.',
      },
    },
  },
);
