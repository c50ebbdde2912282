import { defineMessages } from '../i18n/feature';

/** Threads and first comments (issue 16). French typography: no-break space before « : ! ? », typographic apostrophe. */
export const threadMessages = defineMessages(
  {
    threads: {
      title: 'Fils et premier commentaire',
      overLimit: '{{network}}\u00a0: le texte dépasse la limite du réseau.',
      split: 'Transformer en fil',
      resplit: 'Proposer un nouveau découpage',
      remove: 'Revenir à une seule publication',
      thread: 'Fil {{network}} ({{count, number}}\u00a0parties)',
      part: 'Partie {{index}}',
      count: '{{used}}\u00a0/\u00a0{{limit}}',
      over: 'Cette partie dépasse la limite du réseau.',
      stale: 'Le texte a changé depuis le découpage : ce sont les parties ci-dessous qui seront validées et publiées.',
      firstComment: 'Premier commentaire',
      firstCommentOn: 'Premier commentaire {{network}}',
      firstCommentHint: 'Publié juste après la publication, en réponse.',
      commentFailed: 'Premier commentaire non publié : {{error}}',
      commentState: { sending: 'Premier commentaire en cours d’envoi…', published: 'Premier commentaire publié.' },
      openComment: 'Ouvrir le commentaire',
      preview: { chain: 'Suite du fil', reply: 'Réponse {{index}}/{{total}}' },
      alerts: {
        firstCommentFailed: 'Le premier commentaire sur {{network}} de «\u00a0{{title}}\u00a0» n’a pas été publié\u00a0: {{error}}. La publication elle-même est en ligne.',
      },
    },
  },
  {
    threads: {
      title: 'Threads and first comment',
      overLimit: '{{network}}: the text is over the network’s limit.',
      split: 'Turn into a thread',
      resplit: 'Suggest a new split',
      remove: 'Back to a single post',
      thread: '{{network}} thread ({{count, number}} parts)',
      part: 'Part {{index}}',
      count: '{{used}} / {{limit}}',
      over: 'This part is over the network’s limit.',
      stale: 'The text changed since it was split: the parts below are what will be approved and published.',
      firstComment: 'First comment',
      firstCommentOn: 'First comment on {{network}}',
      firstCommentHint: 'Published right after the post, as a reply.',
      commentFailed: 'First comment not published: {{error}}',
      commentState: { sending: 'Sending the first comment…', published: 'First comment published.' },
      openComment: 'Open the comment',
      preview: { chain: 'Rest of the thread', reply: 'Reply {{index}}/{{total}}' },
      alerts: {
        firstCommentFailed: 'The first comment on {{network}} of “{{title}}” was not published: {{error}}. The post itself is live.',
      },
    },
  },
);
