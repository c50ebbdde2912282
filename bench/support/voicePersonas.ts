/**
 * Synthetic partners for the voice-profile evaluation: each persona is a fixed set of style
 * choices (tu or vous, je or nous, exclamations, emoji and where, hashtags and where, bullets,
 * questions, calls to action, sentence length, @mentions, ellipses) applied to texts drawn from
 * one shared pool (the near-duplicate corpus's French legal/business sentences), so only the
 * style tells partners apart, never the topic. Seeded: the same firms on every run.
 */
import { distinctPosts, frenchOperators, seeded } from './similarityCorpus';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export interface Persona {
  tu: boolean;
  nous: boolean;
  exclaim: number;
  emoji: 'none' | 'start' | 'end';
  hashtags: 'none' | 'end' | 'inline';
  hashtagCount: number;
  bullets: boolean;
  question: number;
  callToAction: number;
  longSentences: boolean;
  mention: number;
  ellipsis: number;
}

export function persona(random: Random): Persona {
  return {
    tu: random() < 0.3,
    nous: random() < 0.5,
    exclaim: pick(random, [0, 0.1, 0.5]),
    emoji: pick(random, ['none', 'start', 'end'] as const),
    hashtags: pick(random, ['none', 'end', 'inline'] as const),
    hashtagCount: 1 + Math.floor(random() * 4),
    bullets: random() < 0.3,
    question: pick(random, [0, 0.3, 0.8]),
    callToAction: pick(random, [0, 0.3, 0.8]),
    longSentences: random() < 0.4,
    mention: pick(random, [0, 0.5]),
    ellipsis: pick(random, [0, 0.3]),
  };
}

const POOL = distinctPosts(1000, 7).map((post) => post.sentences);
const EMOJI = ['👉', '⚖️', '📌', '✅', '💡', '🚀'];
const TAGS = ['#droit', '#avocat', '#entreprise', '#RGPD', '#RH', '#contrats', '#PME', '#conformité'];

/** One post in the persona's voice, on a text of the shared pool. */
export function write(p: Persona, random: Random): string {
  let sentences = [...pick(random, POOL)].map((s) => s.replace(/[.!?]$/u, ''));
  if (p.longSentences) {
    const merged: string[] = [];
    for (let i = 0; i < sentences.length; i += 2) merged.push(sentences.slice(i, i + 2).join(', et '));
    sentences = merged;
  }
  let lines = sentences.map((s) => `${s}${random() < p.exclaim ? ' !' : random() < p.ellipsis ? '…' : '.'}`);
  if (random() < p.mention) lines.push('Merci à @cabinet_partenaire pour cet échange.');
  if (random() < p.question) lines.push(pick(random, ['Qu’en pensez-vous ?', 'Et vous, comment faites-vous ?', 'Votre avis ?']));
  if (random() < p.callToAction) lines.push(pick(random, ['N’hésitez pas à me contacter.', 'Découvrez notre analyse sur le site.', 'Inscrivez-vous au webinaire.']));
  const tags = Array.from({ length: p.hashtagCount }, () => pick(random, TAGS));
  if (p.hashtags === 'inline') lines = lines.map((line, i) => (i < tags.length ? `${line} ${tags[i] ?? ''}` : line));
  let text = p.bullets ? `${lines[0] ?? ''}\n${lines.slice(1).map((l) => `• ${l}`).join('\n')}` : lines.join(' ');
  if (p.emoji === 'start') text = `${pick(random, EMOJI)} ${text}`;
  if (p.emoji === 'end') text = `${text} ${pick(random, EMOJI)}`;
  if (p.hashtags === 'end') text = `${text}\n\n${tags.join(' ')}`;
  if (p.tu) text = frenchOperators(text).replace(/'/g, '’');
  if (p.nous) text = text.replace(/\bJ’ai\b/g, 'Nous avons').replace(/\bje\b/g, 'nous').replace(/\bJe\b/g, 'Nous').replace(/\bmon\b/g, 'notre').replace(/\bme\b/g, 'nous');
  else text = text.replace(/\bNous avons\b/g, 'J’ai').replace(/\bNotre\b/g, 'Mon').replace(/\bnotre\b/g, 'mon');
  return text;
}

export { seeded };
