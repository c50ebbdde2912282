/**
 * `npm run eval:similarity`: recall and false positives of the near-duplicate guard on the
 * deterministic corpus of bench/support/similarityCorpus.ts (distinct French legal/business
 * posts from templates and a vocabulary, no two sharing more than two stock sentences; L1 and L2 paraphrases; French operators).
 *
 * Each check is the real one (shared/similarity): MinHash ranking of the window, then exact
 * Jaccard/containment on the top candidates. A paraphrase is found when its source post is
 * flagged; a false positive is a check of a distinct post that flags any other distinct post.
 */
import { confirmPair, rankCandidates, shinglesOf, signatureOf } from '../shared/similarity/index';
import type { Candidate, Confirmed } from '../shared/similarity/index';
import { distinctPosts, frenchOperators, paraphraseL1, paraphraseL2, render } from './support/similarityCorpus';

const COUNT = Number(process.env.EVAL_POSTS ?? 1000);
const posts = distinctPosts(COUNT);
const texts = posts.map(render);
const postAt = (i: number) => {
  const post = posts[i];
  if (!post) throw new Error(`no post ${i}`);
  return post;
};
const window: Candidate[] = texts.map((text, i) => ({ id: String(i), signature: signatureOf(text) }));

/** The ids the guard flags for `draft` among the window (minus `exclude`), with their exact figures. */
function check(draft: string, exclude: number | null): Map<string, Confirmed> {
  const signature = signatureOf(draft);
  const shingles = shinglesOf(draft);
  const candidates = exclude === null ? window : window.filter((c) => c.id !== String(exclude));
  const flagged = new Map<string, Confirmed>();
  for (const ranked of rankCandidates(signature, candidates)) {
    const confirmed = confirmPair(shingles, texts[Number(ranked.id)] ?? '');
    if (confirmed.level !== 'none') flagged.set(ranked.id, confirmed);
  }
  return flagged;
}

function recall(name: string, make: (i: number) => string, goal: number): void {
  let found = 0;
  const jaccards: number[] = [];
  for (let i = 0; i < COUNT; i++) {
    const hit = check(make(i), null).get(String(i));
    if (hit) found++;
    jaccards.push(confirmPair(shinglesOf(make(i)), texts[i] ?? '').jaccard);
  }
  jaccards.sort((a, b) => a - b);
  const rate = found / COUNT;
  const p5 = jaccards[Math.floor(COUNT * 0.05)] ?? 0;
  console.log(
    `${`recall ${name}`.padEnd(34)} ${(rate * 100).toFixed(1).padStart(6)} %   (${found}/${COUNT}; exact J median ${(jaccards[Math.floor(COUNT / 2)] ?? 0).toFixed(2)}, 5th pct ${p5.toFixed(2)})   goal ≥ ${goal} %   ${rate * 100 >= goal ? 'PASS' : 'MISS'}`,
  );
}

console.log(`Near-duplicate guard evaluation: ${COUNT} distinct posts, seed 42 (bench/support/similarityCorpus.ts)\n`);
recall('L1 (intro/outro, tags, 10 % words)', (i) => paraphraseL1(postAt(i), 1000 + i), 99);
recall('L2 (reordered, 25 % words)', (i) => paraphraseL2(postAt(i), 2000 + i), 95);
recall('operators only (’/\', tu/vous, je/nous)', (i) => frenchOperators(texts[i] ?? ''), 99);

let falseChecks = 0;
let maxJaccard = 0;
for (let i = 0; i < COUNT; i++) {
  const flagged = check(texts[i] ?? '', i);
  if (flagged.size > 0) falseChecks++;
  for (const pair of flagged.values()) maxJaccard = Math.max(maxJaccard, pair.jaccard);
}
// Highest exact Jaccard between any distinct post and its closest MinHash candidate: the margin under the warn level.
let closest = 0;
for (let i = 0; i < COUNT; i++) {
  const shingles = shinglesOf(texts[i] ?? '');
  for (const ranked of rankCandidates(signatureOf(texts[i] ?? ''), window.filter((c) => c.id !== String(i)), 1)) {
    closest = Math.max(closest, confirmPair(shingles, texts[Number(ranked.id)] ?? '').jaccard);
  }
}
const fpRate = falseChecks / COUNT;
console.log(
  `${'false positives per check'.padEnd(34)} ${(fpRate * 100).toFixed(2).padStart(6)} %   (${falseChecks}/${COUNT} checks flagged a distinct post; closest distinct pair J ${closest.toFixed(2)})   goal ≤ 1 %   ${fpRate <= 0.01 ? 'PASS' : 'MISS'}`,
);
