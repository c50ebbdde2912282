import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { versionsFrom } from '../../../shared/posts/versions';
import { finalTexts, signoffContentOf } from '../../../shared/signoff/finalTexts';
import { revisionHash } from '../../../shared/signoff/revisionHash';
import { textsDiff } from '../../../shared/signoff/wordDiff';

const common = 'Café « déjà » prêt\nLigne 2';
const attachments = { media: [{ sha256: 'a'.repeat(64), alt: 'Une image' }], accounts: { linkedin: 'acc-1' } };

describe('per-network versions in the final texts', () => {
  it('gives a network its own version and the others the common text', () => {
    const versions = versionsFrom({ x: docFromParagraphs(['Version courte pour X']) }, ['linkedin', 'x']);
    expect(finalTexts({ networks: ['linkedin', 'x'], plainText: common, versions })).toEqual({ linkedin: common, x: 'Version courte pour X' });
  });

  it('ignores a version of a network the post does not target', () => {
    expect(finalTexts({ networks: ['linkedin'], plainText: common, versions: { x: { plainText: 'Court' } } })).toEqual({ linkedin: common });
  });

  it('keeps only the target networks’ versions when storing them', () => {
    const versions = versionsFrom({ x: docFromParagraphs(['X']), bluesky: docFromParagraphs(['B']) }, ['x']);
    expect(Object.keys(versions)).toEqual(['x']);
  });
});

describe('the approval hash with per-network versions', () => {
  // Computed by the code before per-network versions existed: an approval given then must still verify.
  const hashBeforeVersions = '80352ab00b4c414ef0d54f25434e99c1de4cc1aeacaf8d055baf645f856c181e';

  it('is unchanged for a post without versions', () => {
    expect(revisionHash(signoffContentOf({ networks: ['linkedin', 'x'], plainText: common }, attachments))).toBe(hashBeforeVersions);
    expect(revisionHash(signoffContentOf({ networks: ['linkedin', 'x'], plainText: common, versions: {} }, attachments))).toBe(hashBeforeVersions);
  });

  it('changes when a network gets its own text, and with each edit of it', () => {
    const withX = (text: string) =>
      revisionHash(signoffContentOf({ networks: ['linkedin', 'x'], plainText: common, versions: versionsFrom({ x: docFromParagraphs([text]) }, ['linkedin', 'x']) }, attachments));
    expect(withX('Version courte')).not.toBe(hashBeforeVersions);
    expect(withX('Version courte !')).not.toBe(withX('Version courte'));
  });

  it('is the same for a version identical to the common text (the partner approves what each network receives)', () => {
    const same = versionsFrom({ x: docFromParagraphs(['Café « déjà » prêt', 'Ligne 2']) }, ['linkedin', 'x']);
    expect(revisionHash(signoffContentOf({ networks: ['linkedin', 'x'], plainText: common, versions: same }, attachments))).toBe(hashBeforeVersions);
  });
});

describe('the re-request word diff with per-network versions', () => {
  it('names only the network whose version changed', () => {
    const before = finalTexts({ networks: ['linkedin', 'x'], plainText: common });
    const after = finalTexts({ networks: ['linkedin', 'x'], plainText: common, versions: { x: { plainText: 'Version courte' } } });
    const changed = textsDiff(before, after).filter((d) => d.changed);
    expect(changed.map((d) => d.network)).toEqual(['x']);
    expect(changed[0]?.parts.filter((p) => p.op === 'insert').map((p) => p.text).join('')).toContain('courte');
  });
});
