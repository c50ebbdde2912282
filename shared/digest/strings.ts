import type { EngagementMetric } from '../engagement/figures';
import type { Locale } from '../partners/schema';

/** Every sentence of the digest, in the partner's language (French typography: no-break spaces, « », ’). */
export interface DigestStrings {
  /** `phrase`: "en novembre 2026", "in the week of 23 to 29 November 2026". */
  subject(phrase: string): string;
  greeting(name: string): string;
  intro(phrase: string): string;
  publishedHeading: string;
  nothingPublished: string;
  openPost: string;
  noFigures: string;
  awaitingHeading: string;
  nothingAwaiting: string;
  /** Names a post without a title (the default). */
  untitled: string;
  deadline(when: string): string;
  noDeadline: string;
  plannedHeading(period: string): string;
  nothingPlanned: string;
  cadenceHeading: string;
  silentSince(network: string, days: number, min: number): string;
  silentNever(network: string, min: number): string;
  /** Says once in which zone every time is given. */
  zoneNote(zoneName: string): string;
  footer: string;
  metric: Record<EngagementMetric, string>;
  /** date-fns pattern of a month ("novembre 2026"). */
  monthPattern: string;
  /** date-fns patterns of a week's first and last day, by how much they share. */
  dayInMonth: string;
  dayMonth: string;
  dayMonthYear: string;
  monthPhrase(month: string): string;
  weekLabel(from: string, to: string): string;
  weekPhrase(label: string): string;
  /** date-fns pattern of an instant. */
  instantPattern: string;
  /** Thousands separator of figures. */
  thousands: string;
}

const perWeekFr = (min: number): string => (min === 1 ? 'au moins une publication par semaine' : `au moins ${min}\u00a0publications par semaine`);
const perWeekEn = (min: number): string => (min === 1 ? 'at least one post a week' : `at least ${min} posts a week`);

const fr: DigestStrings = {
  subject: (phrase) => `Vos publications ${phrase}`,
  greeting: (name) => `Bonjour ${name},`,
  intro: (phrase) => `Voici ce qui a été publié en votre nom ${phrase}, ce qui attend votre validation et ce qui est prévu ensuite.`,
  publishedHeading: 'Publié en votre nom',
  nothingPublished: 'Rien n’a été publié en votre nom sur cette période.',
  openPost: 'Voir la publication',
  noFigures: 'pas encore de chiffres',
  awaitingHeading: 'En attente de votre validation',
  nothingAwaiting: 'Aucun texte n’attend votre validation.',
  untitled: 'Sans titre',
  deadline: (when) => `validation attendue avant le ${when}`,
  noDeadline: 'pas d’échéance',
  plannedHeading: (period) => `Prévu ensuite (${period})`,
  nothingPlanned: 'Rien n’est encore programmé.',
  cadenceHeading: 'Rythme de publication',
  silentSince: (network, days, min) => `${network}\u00a0: aucune publication depuis ${days}\u00a0jours (objectif convenu\u00a0: ${perWeekFr(min)}).`,
  silentNever: (network, min) => `${network}\u00a0: aucune publication pour l’instant (objectif convenu\u00a0: ${perWeekFr(min)}).`,
  zoneNote: (zone) => `Les heures sont données à l’${zone}.`,
  footer: 'Ce bilan vous est envoyé par votre community manager depuis Plume. Pour ne plus le recevoir, répondez simplement à ce message.',
  metric: {
    likes: 'j’aime',
    reposts: 'partages',
    replies: 'réponses',
    quotes: 'citations',
    impressions: 'impressions',
    reach: 'membres atteints',
    bookmarks: 'enregistrements',
    engagements: 'interactions',
  },
  monthPattern: 'MMMM yyyy',
  dayInMonth: 'd',
  dayMonth: 'd MMMM',
  dayMonthYear: 'd MMMM yyyy',
  monthPhrase: (month) => `en ${month}`,
  weekLabel: (from, to) => `semaine du ${from} au ${to}`,
  weekPhrase: (label) => `pendant la ${label}`,
  instantPattern: "EEEE d MMMM yyyy 'à' HH:mm",
  thousands: '\u202f',
};

const en: DigestStrings = {
  subject: (phrase) => `Your posts ${phrase}`,
  greeting: (name) => `Hello ${name},`,
  intro: (phrase) => `Here is what went out under your name ${phrase}, what awaits your sign-off and what is planned next.`,
  publishedHeading: 'Published under your name',
  nothingPublished: 'Nothing was published under your name in this period.',
  openPost: 'View the post',
  noFigures: 'no figures yet',
  awaitingHeading: 'Awaiting your sign-off',
  nothingAwaiting: 'No text awaits your sign-off.',
  untitled: 'Untitled',
  deadline: (when) => `sign-off due by ${when}`,
  noDeadline: 'no deadline',
  plannedHeading: (period) => `Planned next (${period})`,
  nothingPlanned: 'Nothing is scheduled yet.',
  cadenceHeading: 'Posting rhythm',
  silentSince: (network, days, min) => `${network}: nothing posted for ${days} days (agreed target: ${perWeekEn(min)}).`,
  silentNever: (network, min) => `${network}: nothing posted yet (agreed target: ${perWeekEn(min)}).`,
  zoneNote: (zone) => `Times are given in ${zone}.`,
  footer: 'Your community manager sends you this digest from Plume. To stop receiving it, simply reply to this message.',
  metric: {
    likes: 'likes',
    reposts: 'reposts',
    replies: 'replies',
    quotes: 'quotes',
    impressions: 'impressions',
    reach: 'members reached',
    bookmarks: 'bookmarks',
    engagements: 'engagements',
  },
  monthPattern: 'MMMM yyyy',
  dayInMonth: 'd',
  dayMonth: 'd MMMM',
  dayMonthYear: 'd MMMM yyyy',
  monthPhrase: (month) => `in ${month}`,
  weekLabel: (from, to) => `week of ${from} to ${to}`,
  weekPhrase: (label) => `in the ${label}`,
  instantPattern: "EEEE d MMMM yyyy 'at' HH:mm",
  thousands: ',',
};

export const digestStrings: Record<Locale, DigestStrings> = { fr, en };
