import { join } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { VoiceProfileRepository } from '../../../electron/core/voice/repository';
import { tempDir } from '../../support/tempDir';

/**
 * The monthly report reads a partner's post count and the samples of a month's posts for every
 * partner: at 75,000 samples a query that walks every sample of the algorithm's version (all of
 * them) costs ~50 ms where a seek costs 0.2, and the report of 40 partners took 7.6 s instead of
 * 1.4. SQLite keeps no statistics here, so which index it picks is the schema's doing: these are
 * the plans it chooses for the repository's own statements, on the migrated schema.
 */
const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

/** The repository over a migrated workspace, and the plan of each statement it prepared while `run` ran. */
function plansOf(run: (repo: VoiceProfileRepository) => void, params: unknown[]): string[][] {
  const dir = tempDir();
  temps.push(dir);
  const { db } = openDatabase(join(dir.path, 'plume.sqlite'), 1);
  try {
    const repo = new VoiceProfileRepository(db);
    const prepared = recordPrepared(db, () => run(repo));
    return prepared.map((statement) => explain(db, statement.source, params));
  } finally {
    db.close();
  }
}

function recordPrepared(db: Database, run: () => void): Statement[] {
  const prepared: Statement[] = [];
  const prepare = db.prepare.bind(db);
  const recording = (source: string): Statement => {
    const statement = prepare(source);
    prepared.push(statement);
    return statement;
  };
  Object.assign(db, { prepare: recording });
  try {
    run();
  } finally {
    Object.assign(db, { prepare });
  }
  return prepared;
}

const explain = (db: Database, source: string, params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((row) => row.detail);

describe('the voice queries of the monthly report', () => {
  it('count a partner’s learned posts from the partner’s index alone, without walking the other partners’ samples', () => {
    const [plan] = plansOf((repo) => repo.postCount('partner', 'fr'), ['fr', 'partner', 2]);
    expect(plan).toEqual(['SEARCH voice_samples USING COVERING INDEX voice_samples_profile (language=? AND partner_id=? AND algorithm_version=?)']);
  });

  it('read the samples of a month’s posts by post, one seek each', () => {
    const [plan] = plansOf((repo) => repo.samplesOf(['a', 'b']), [JSON.stringify(['a', 'b']), 2]);
    expect(plan?.[0]).toBe('SEARCH s USING INDEX sqlite_autoindex_voice_samples_1 (post_id=?)');
  });

  it('read every sample of a language for a model in the table’s order, without sorting the features again', () => {
    const [plan] = plansOf((repo) => repo.samples('fr'), ['fr', 2]);
    expect(plan?.[0]).toBe('SCAN s');
    expect(plan?.join('\n')).not.toContain('TEMP B-TREE');
  });
});
