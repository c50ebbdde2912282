import { compileLine } from './compile';
import { EditorialLine } from './lineSchema';
import { lint } from './lint';

const SAMPLE = [
  'Le meilleur cabinet d’avocats : voir https://exemple.fr/analyse et exemple.com 👩‍⚖️ ! #droit @cabinet',
  'Our lawyers guaranteed the best results in every lawsuit they settled, https://example.com/en.',
].join('\n');

let warm = false;

/**
 * Lints a small sample once, so a fresh thread's first real lint does not also pay for the
 * libraries' and the linter's first use (twitter-text's link pattern, the emoji parser,
 * language detection, both stemmers, schemas, JIT): most of a process's first lint. The
 * lint worker does it while the editor loads its line.
 */
export function warmUp(): void {
  if (warm) return;
  warm = true;
  const line = EditorialLine.parse({
    id: 'warm-up',
    name: 'Warm-up',
    version: 1,
    rules: [
      { kind: 'bannedTerm', id: 'best', terms: [{ term: 'meilleur', replacement: 'reconnu' }, { term: 'guarantee' }] },
      { kind: 'forbiddenTopic', id: 'topic', terms: ['procès'] },
      { kind: 'links', id: 'links' },
      { kind: 'hashtags', id: 'tags' },
      { kind: 'sentenceLength', id: 'sentences' },
      { kind: 'allCaps', id: 'caps' },
      { kind: 'frenchTypography', id: 'typography' },
      { kind: 'networkLimits', id: 'limits' },
    ],
  });
  lint(SAMPLE, compileLine(line), { networks: ['linkedin', 'x', 'bluesky', 'mastodon', 'threads', 'instagram', 'facebook'] });
}
