import { defineMessages } from '../i18n/feature';

/**
 * The voice profile's words. French typography: no-break space (U+00A0) before « : »,
 * narrow one (U+202F) before ; ! ? and %.
 */
export const voiceMessages = defineMessages(
  {
    voice: {
      title: 'Voix',
      reading: 'Lecture du style…',
      readsLike: 'Se lit comme {{scores}}',
      learning: 'Profil en apprentissage',
      fewPosts_one: '{{count, number}}\u00a0post approuvé ou publié dans cette langue\u202f; il en faut {{min}} pour reconnaître une voix.',
      fewPosts_other: '{{count, number}}\u00a0posts approuvés ou publiés dans cette langue\u202f; il en faut {{min}} pour reconnaître une voix.',
      notAboveChance: 'Les posts des partenaires ne se distinguent pas encore assez pour dire qui ce brouillon rappelle.',
      empty: 'Écrivez le post pour savoir à qui il ressemble.',
      loadFailed: 'La lecture du style a échoué\u00a0: {{reason}}',
      whyTitle: 'Ce qui pèse le plus',
    },
  },
  {
    voice: {
      title: 'Voice',
      reading: 'Reading the style…',
      readsLike: 'Reads like {{scores}}',
      learning: 'Profile still learning',
      fewPosts_one: '{{count, number}} approved or published post in this language; {{min}} are needed to recognise a voice.',
      fewPosts_other: '{{count, number}} approved or published posts in this language; {{min}} are needed to recognise a voice.',
      notAboveChance: 'The partners’ posts do not yet differ enough to say whom this draft reads like.',
      empty: 'Write the post to see whom it reads like.',
      loadFailed: 'Reading the style failed: {{reason}}',
      whyTitle: 'What weighs most',
    },
  },
);
