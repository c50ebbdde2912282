/**
 * A deterministic evaluation corpus for the near-duplicate guard (no labelled French
 * social-post corpus is packaged). Distinct posts are drawn from French legal/business
 * sentence templates filled from a vocabulary with a seeded generator; paraphrases of them are
 * made at two levels plus French operators:
 * - L1: an added intro and outro, hashtags and emoji swapped, 10 % of words edited;
 * - L2: sentences reordered, 25 % of words edited;
 * - operators (applied with L1 and L2, and alone): ’ vs ', tu ↔ vous, je ↔ nous.
 * The same seed gives the same corpus on every machine.
 */

export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: integer-exact, so the corpus is the same everywhere.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const VOCAB = {
  topic: ['la réforme du droit des contrats', 'le devoir de vigilance', 'la protection des données', 'le télétravail', 'la rupture conventionnelle', 'les baux commerciaux', 'la médiation', 'le droit de la concurrence', 'la fiscalité des holdings', 'la transmission d’entreprise', 'les clauses de non-concurrence', 'la conformité RGPD', 'le harcèlement moral', 'les marchés publics', 'la propriété intellectuelle', 'le redressement judiciaire', 'les pactes d’associés', 'la due diligence', 'le droit du numérique', 'la responsabilité des dirigeants'],
  law: ['l’article 1104 du Code civil', 'la loi Sapin II', 'le règlement DORA', 'la directive CSRD', 'la loi PACTE', 'l’article L1237-19 du Code du travail', 'le Code de commerce', 'la jurisprudence de la Cour de cassation', 'le décret du 3 mars', 'la directive NIS 2'],
  client: ['une PME industrielle', 'une start-up lyonnaise', 'un groupe familial', 'une association', 'un cabinet d’architectes', 'une ETI du BTP', 'un réseau de franchisés', 'une collectivité', 'une fintech', 'un laboratoire pharmaceutique'],
  city: ['Paris', 'Lyon', 'Bordeaux', 'Nantes', 'Lille', 'Marseille', 'Toulouse', 'Strasbourg', 'Rennes', 'Montpellier'],
  figure: ['trois', 'cinq', 'sept', 'douze', 'vingt', 'quarante', 'cent', 'deux cents', 'mille', 'dix mille'],
  month: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'septembre', 'octobre', 'novembre', 'décembre'],
  sector: ['la santé', 'l’industrie', 'le commerce', 'la banque', 'l’immobilier', 'l’énergie', 'le transport', 'l’agroalimentaire', 'le luxe', 'l’édition'],
  quality: ['essentiel', 'délicat', 'passionnant', 'stratégique', 'sous-estimé', 'technique', 'décisif', 'complexe', 'urgent', 'incontournable'],
};

const SENTENCES = [
  'Cette semaine, j’ai accompagné {client} de {city} sur {topic}.',
  'Nous avons publié une note sur {topic} et ses effets pour {sector}.',
  'Depuis {month}, {law} change la donne pour {client}.',
  'Le sujet de {topic} reste {quality} pour les dirigeants.',
  'Vous êtes nombreux à m’interroger sur {topic}.',
  'Notre équipe de {city} a traité {figure} dossiers liés à {topic} cette année.',
  'Trop d’entreprises de {sector} découvrent {law} au dernier moment.',
  'Un rappel utile : {law} impose des obligations précises.',
  'Lors d’une conférence à {city}, j’ai présenté nos retours d’expérience sur {topic}.',
  'Je retiens trois leçons de ce dossier {quality}.',
  'La première : anticiper plutôt que subir.',
  'La deuxième : documenter chaque décision, même mineure.',
  'La troisième : impliquer les équipes opérationnelles dès le départ.',
  'Nous recevons {figure} demandes par mois sur ce point.',
  'Si vous dirigez {client}, posez-vous la question dès maintenant.',
  'Le contentieux sur {topic} a bondi en {month}.',
  'Mon conseil : relisez vos contrats à la lumière de {law}.',
  'Notre cabinet a rejoint un groupe de travail sur {topic} à {city}.',
  'Les chiffres sont clairs : {figure} sociétés de {sector} sont concernées.',
  'Je remercie {client} pour sa confiance sur ce projet {quality}.',
  'Un webinaire sur {topic} est prévu en {month}, inscrivez-vous.',
  'Vous pouvez retrouver notre analyse complète sur notre site.',
  'La Cour a rappelé que {topic} exige une motivation précise.',
  'En pratique, {client} doit revoir ses procédures internes.',
  'Ce dossier montre combien {topic} est {quality} pour {sector}.',
  'Nous formons désormais les juristes de {client} à {law}.',
  'J’ai été frappé par la maturité des équipes de {city}.',
  'Le calendrier est serré : les premières échéances tombent en {month}.',
  'Faut-il craindre {law} ? Pas si vous êtes préparés.',
  'Bravo à toute l’équipe pour ce travail {quality}.',
  'Une décision récente sur {topic} mérite votre attention.',
  'Les assureurs de {sector} regardent de près {topic}.',
  'Nous avons obtenu gain de cause pour {client} devant le tribunal de {city}.',
  'Cette victoire confirme notre lecture de {law}.',
  'Le débat sur {topic} ne fait que commencer.',
  'Je serai à {city} en {month} pour en parler.',
  'Notre guide pratique sur {topic} compte {figure} pages.',
  'Une question revient souvent : qui est responsable en cas de manquement ?',
  'La réponse dépend de {law} et de vos statuts.',
  'Pour {sector}, l’enjeu est avant tout réputationnel.',
  'Nous avons accompagné {figure} cessions dans {sector} depuis {month}.',
  'Un audit préalable évite bien des surprises.',
  'Les juges de {city} se montrent de plus en plus exigeants.',
  'J’ai rencontré {client} pour préparer son plan de conformité.',
  'Le coût d’un litige dépasse souvent celui de la prévention.',
  'Notre newsletter de {month} revient sur {topic}.',
  'Merci aux {figure} participants de notre petit-déjeuner à {city}.',
  'Nos associés interviennent sur {topic} auprès de {client}.',
  'Je vous partage ici notre check-list sur {law}.',
  'Un mot enfin sur {topic} : la jurisprudence évolue vite.',
];

const HASHTAGS = ['#droit', '#avocat', '#juridique', '#entreprise', '#conformité', '#RGPD', '#RH', '#contrats', '#PME', '#legaltech', '#fiscalité', '#compliance', '#management', '#innovation'];
const EMOJI = ['👉', '⚖️', '📌', '✅', '💡', '🚀', '📣', '🔎', '🤝', '📅'];
const INTROS = ['Petite réflexion du jour 👇', 'À lire avant vos vacances.', 'Un sujet qui me tient à cœur.', 'Retour d’expérience.', 'On en parle ?', 'Quelques mots sur un dossier récent.'];
const OUTROS = ['Qu’en pensez-vous ?', 'Vos retours sont les bienvenus en commentaire.', 'N’hésitez pas à partager.', 'Je reste disponible pour en discuter.', 'À suivre !', 'Belle fin de semaine à tous.'];
const FILLERS = ['vraiment', 'aussi', 'encore', 'souvent', 'désormais', 'notamment', 'clairement', 'surtout', 'toujours', 'parfois'];

function fill(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => pick(random, slot in VOCAB ? VOCAB[slot as keyof typeof VOCAB] : ['']));
}

export interface CorpusPost {
  sentences: string[];
  hashtags: string[];
  emoji: string;
}

export const render = (post: CorpusPost): string => `${post.emoji} ${post.sentences.join(' ')}\n\n${post.hashtags.join(' ')}`;

/** Most stock sentences a distinct post shares with any other one: three would make a real near-copy. */
export const MAX_SHARED_TEMPLATES = 2;

/**
 * `count` distinct posts: 4 to 6 different sentence templates each, slots filled at random,
 * and no two posts sharing more than MAX_SHARED_TEMPLATES templates (a firm's posts reuse
 * stock phrases, but a post that repeats half of another is a near-copy, not a distinct post).
 */
export function distinctPosts(count: number, seed = 42): CorpusPost[] {
  const random = seeded(seed);
  const used: Set<number>[] = [];
  const posts: CorpusPost[] = [];
  for (let attempt = 0; posts.length < count; attempt++) {
    if (attempt > count * 1000) throw new Error(`cannot draw ${count} distinct posts from ${SENTENCES.length} templates`);
    const size = 4 + Math.floor(random() * 3);
    const chosen = new Set<number>();
    while (chosen.size < size) chosen.add(Math.floor(random() * SENTENCES.length));
    const tooClose = used.some((other) => [...chosen].filter((t) => other.has(t)).length > MAX_SHARED_TEMPLATES);
    if (tooClose) continue;
    used.push(chosen);
    const hashtags = new Set<string>();
    while (hashtags.size < 3) hashtags.add(pick(random, HASHTAGS));
    posts.push({ sentences: [...chosen].map((t) => fill(random, SENTENCES[t] ?? '')), hashtags: [...hashtags], emoji: pick(random, EMOJI) });
  }
  return posts;
}

/** Edits `share` of the words: each edit replaces, deletes or inserts a word. */
function editWords(random: Random, text: string, share: number): string {
  const words = text.split(' ');
  const edits = Math.max(1, Math.round(words.length * share));
  const allVocab = Object.values(VOCAB).flat().flatMap((phrase) => phrase.split(' ')).concat(FILLERS);
  for (let e = 0; e < edits && words.length > 1; e++) {
    const at = Math.floor(random() * words.length);
    const kind = random();
    if (kind < 0.5) words[at] = pick(random, allVocab);
    else if (kind < 0.75) words.splice(at, 1);
    else words.splice(at, 0, pick(random, FILLERS));
  }
  return words.join(' ');
}

function swapTags(random: Random, post: CorpusPost): Pick<CorpusPost, 'hashtags' | 'emoji'> {
  const hashtags = new Set<string>();
  while (hashtags.size < 3) hashtags.add(pick(random, HASHTAGS));
  return { hashtags: [...hashtags], emoji: EMOJI[(EMOJI.indexOf(post.emoji) + 1) % EMOJI.length] ?? '👉' };
}

const TU_VOUS: [RegExp, string][] = [
  [/\bVous êtes\b/g, 'Tu es'], [/\bvous êtes\b/g, 'tu es'], [/\bVous pouvez\b/g, 'Tu peux'], [/\bvous pouvez\b/g, 'tu peux'],
  [/\bsi vous dirigez\b/gi, 'Si tu diriges'], [/\bposez-vous\b/g, 'pose-toi'], [/\binscrivez-vous\b/g, 'inscris-toi'],
  [/\brelisez vos\b/g, 'relis tes'], [/\bvotre\b/g, 'ta'], [/\bvos\b/g, 'tes'], [/\bvous\b/g, 'te'], [/\bVous\b/g, 'Tu'],
];
const JE_NOUS: [RegExp, string][] = [
  [/\bJ’ai\b/g, 'Nous avons'], [/\bj’ai\b/g, 'nous avons'], [/\bJe serai\b/g, 'Nous serons'], [/\bJe retiens\b/g, 'Nous retenons'],
  [/\bJe remercie\b/g, 'Nous remercions'], [/\bJe vous partage\b/g, 'Nous vous partageons'], [/\bje reste\b/gi, 'Nous restons'],
  [/\bMon conseil\b/g, 'Notre conseil'], [/\bm’interroger\b/g, 'nous interroger'],
];

/** French operators: straight apostrophes, tu for vous, nous for je. */
export function frenchOperators(text: string): string {
  let out = text.replace(/’/g, "'");
  for (const [from, to] of TU_VOUS) out = out.replace(from, to);
  for (const [from, to] of JE_NOUS) out = out.replace(from, to);
  return out;
}

export function paraphraseL1(post: CorpusPost, seed: number): string {
  const random = seeded(seed);
  const tags = swapTags(random, post);
  const body = editWords(random, post.sentences.join(' '), 0.1);
  const text = `${pick(random, INTROS)}\n${tags.emoji} ${body}\n${pick(random, OUTROS)}\n\n${tags.hashtags.join(' ')}`;
  return random() < 0.5 ? frenchOperators(text) : text;
}

export function paraphraseL2(post: CorpusPost, seed: number): string {
  const random = seeded(seed);
  const sentences = [...post.sentences];
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j] ?? '', sentences[i] ?? ''];
  }
  const body = editWords(random, sentences.join(' '), 0.25);
  const text = `${post.emoji} ${body}\n\n${post.hashtags.join(' ')}`;
  return random() < 0.5 ? frenchOperators(text) : text;
}
