import type { Locale } from '../../../../shared/partners/schema';

/** The words of each network's preview in the sign-off email, in the partner's language. */
export interface PreviewStrings {
  account(handle: string): string;
  noAccount: string;
  count(used: number, limit: number): string;
  over: string;
  /**
   * Where a network folds the text ("…see more"), said after the text, never inside it: the
   * text sent for sign-off is the post's exact text. `excerpt`: the words just before the fold.
   */
  foldNote(width: 'desktop' | 'mobile', network: string, excerpt: string): string;
  image(alt: string): string;
  imageLeftOut(alt: string): string;
  noAlt: string;
  card(title: string, site: string): string;
  linkLength(n: number): string;
  noContentWarning: string;
  /** Marks (┄ … ┄, like a fold) between a thread's parts and before the first comment. */
  threadPart(index: number, total: number, network: string): string;
  firstComment(network: string): string;
}

const widthsFr = { desktop: 'ordinateur', mobile: 'mobile' } as const;

const fr: PreviewStrings = {
  account: (handle) => `Compte\u00a0: ${handle}`,
  noAccount: 'Compte\u00a0: publication à la main',
  count: (used, limit) => `${used}\u00a0/\u00a0${limit} caractères`,
  over: 'au-delà de la limite du réseau',
  foldNote: (width, network, excerpt) =>
    `Sur ${widthsFr[width]}, ${network} replie le texte après «\u00a0${excerpt}\u00a0» («\u00a0…voir plus\u00a0»).`,
  image: (alt) => `Texte alternatif\u00a0: ${alt}`,
  imageLeftOut: (alt) => `[Image non jointe (trop lourde)\u00a0; texte alternatif\u00a0: ${alt}]`,
  noAlt: '(sans texte alternatif)',
  card: (title, site) => `Carte du lien\u00a0: ${title} — ${site}`,
  linkLength: (n) => `Chaque lien compte ${n} caractères.`,
  noContentWarning: 'Sans avertissement de contenu.',
  threadPart: (index, total, network) => `┄ Fil ${network}\u00a0: publication ${index}/${total}, en réponse à la précédente ┄`,
  firstComment: (network) => `┄ Premier commentaire sur ${network}, publié juste après ┄`,
};

const en: PreviewStrings = {
  account: (handle) => `Account: ${handle}`,
  noAccount: 'Account: published by hand',
  count: (used, limit) => `${used}/${limit} characters`,
  over: 'over the network’s limit',
  foldNote: (width, network, excerpt) => `On ${width}, ${network} folds the text after "${excerpt}" ("…see more").`,
  image: (alt) => `Alt text: ${alt}`,
  imageLeftOut: (alt) => `[Image not attached (too heavy); alt text: ${alt}]`,
  noAlt: '(no alt text)',
  card: (title, site) => `Link card: ${title} — ${site}`,
  linkLength: (n) => `Each link counts ${n} characters.`,
  noContentWarning: 'No content warning.',
  threadPart: (index, total, network) => `┄ ${network} thread: post ${index}/${total}, replying to the one before ┄`,
  firstComment: (network) => `┄ First comment on ${network}, posted right after ┄`,
};

export const previewStrings: Record<Locale, PreviewStrings> = { fr, en };
