import type { Database } from 'better-sqlite3';
import { anchorHead, anchorKeyId, readAnchor, sealVerifies, setAnchorKey, stampKeyId } from './anchor';
import { AuditRepository } from './repository';

/**
 * Gives core's connection the anchor key (once the keychain answered) and anchors what was
 * appended meanwhile. An anchor sealed by another key — the keychain no longer had the old one
 * (reset, another computer, a backup restored elsewhere), so the sign-off key was made anew — is
 * not re-sealed in silence: an `anchorKeyReplaced` fact records the old anchor as found (its
 * entry and hash, so a cut made before the replacement is still named) and that append moves
 * the anchor under the new key. An anchor from before migration 0029 (no key id) whose seal
 * verifies under this key gets its key id; one whose seal does not is taken as sealed by an
 * earlier key (that version replaced a lost key without saying so) and handled the same way.
 * An anchor that names this key but whose seal fails is left as it is: it reads as forged.
 */
export function useAnchorKey(db: Database, key: Buffer, now: number): void {
  if (!setAnchorKey(db, key)) return;
  db.transaction(() => {
    const anchor = readAnchor(db);
    const keyId = anchorKeyId(key);
    if (anchor !== null && anchor.keyId !== keyId) {
      if (anchor.keyId === null && sealVerifies(anchor, key)) {
        stampKeyId(db, key);
      } else {
        const previousAnchor = { lastId: anchor.lastId, head: anchor.head, at: anchor.at, keyId: anchor.keyId };
        new AuditRepository(db).appendAnchorKeyReplaced(now, { previousAnchor, keyId });
        return;
      }
    }
    anchorHead(db, now);
  })();
}
