import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { AUDIT_GENESIS, auditChainInput, auditEntryHash } from '../../../shared/records/auditChain';

const row = {
  id: 7,
  post_id: 'p',
  partner_id: 'q',
  at: 1_780_000_000_000,
  actor_kind: 'partner',
  actor_name: 'Me Claire Dupont « associée »',
  action: 'approve',
  from_status: 'in_review',
  to_status: 'approved',
  revision_number: 3,
  revision_hash: 'a'.repeat(64),
  channel: null,
  details: '{"comment":"D’accord\\n👍","requestId":"r"}',
  prev_hash: AUDIT_GENESIS,
  entry_hash: 'x',
};

describe('audit chain canonical form', () => {
  it('is canonical JSON of the previous hash and every non-NULL column but id and the chain’s own', () => {
    const content = Object.fromEntries(Object.entries(row).filter(([column, value]) => !['id', 'prev_hash', 'entry_hash'].includes(column) && value !== null));
    expect(auditChainInput(row, AUDIT_GENESIS)).toBe(canonicalJson({ v: 1, prev: AUDIT_GENESIS, row: content }));
  });

  it('does not depend on the order the columns come in, and changes with any column or the previous hash', () => {
    const reversed = Object.fromEntries(Object.entries(row).reverse());
    expect(auditEntryHash(reversed, AUDIT_GENESIS)).toBe(auditEntryHash(row, AUDIT_GENESIS));
    expect(auditEntryHash({ ...row, revision_number: 4 }, AUDIT_GENESIS)).not.toBe(auditEntryHash(row, AUDIT_GENESIS));
    expect(auditEntryHash(row, 'b'.repeat(64))).not.toBe(auditEntryHash(row, AUDIT_GENESIS));
    expect(auditEntryHash({ ...row, id: 8, entry_hash: 'y' }, AUDIT_GENESIS)).toBe(auditEntryHash(row, AUDIT_GENESIS));
  });
});
