import type { TFunction } from 'i18next';
import { openingWords, titleOr } from '../../../shared/posts/postTitle';

/**
 * A post's title as the UI shows it: « Sans titre » / "Untitled" (in the UI's language) for a
 * post without one, the default, as the Posts list says it — never an empty « », an id or a dash.
 */
export const postTitle = (title: string, t: TFunction): string => titleOr(title, t('posts.untitled'));

/** Characters of an untitled post's opening shown beside « Sans titre » (a search result). */
const OPENING_SHOWN = 60;

/** The start of an untitled post's text, to tell untitled posts apart; '' for a titled post or one without words. */
export const untitledOpening = (title: string, text: string): string => (title.trim() === '' ? openingWords(text, OPENING_SHOWN) : '');
