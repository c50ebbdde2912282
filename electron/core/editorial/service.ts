import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type {
  FirmLineDraft,
  LineExport,
  LineVersionInfo,
  PartnerLineDraft,
  PostCheck,
  StoredLine,
} from '../../../shared/api/procedures/editorial';
import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { compileLine } from '../../../shared/editorial/compile';
import type { CompiledLine } from '../../../shared/editorial/compile';
import { EditorialLine, PartnerLine } from '../../../shared/editorial/lineSchema';
import type { ResolvedLine } from '../../../shared/editorial/lineSchema';
import type { LintContextInput } from '../../../shared/editorial/findingSchema';
import { lint } from '../../../shared/editorial/lint';
import { applyCompliancePack, withPackRules } from '../../../shared/editorial/packs/compliancePack';
import type { CompliancePack } from '../../../shared/editorial/packs/compliancePack';
import { avocatsFrancePack } from '../../../shared/editorial/packs/avocatsFrance';
import type { AvocatsFrancePackConfig } from '../../../shared/editorial/packs/avocatsFrance';
import { resolveLine } from '../../../shared/editorial/resolve';
import { finalTexts } from '../../../shared/signoff/finalTexts';
import { Network } from '../../../shared/posts/networks';
import { effectiveThreads } from '../../../shared/threads/content';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import { defaultFirmLine, partnerLineId } from './defaultLine';
import { exportLine, unwrapLineDocument } from './lineDocument';
import { importError, lineConflict, lineValidationError } from './lineIssues';
import { partnerLineProblems } from './partnerLineProblems';
import { summarise } from './summary';
import type { EditorialLineRepository } from './repository';
import { lengthTargetProblems } from '../../../shared/editorial/lengthTargetProblems';
import { ruleSaveProblems } from '../../../shared/editorial/ruleSchema';
import { cadenceSaveProblems } from '../../../shared/calendar/cadencePolicy';

type MastodonCountOptions = Pick<LintContextInput, 'mastodonMaxCharacters' | 'mastodonCharactersReservedPerUrl'>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const versionNotFound = (partnerId: string | null, version: number): ApiError =>
  new ApiError({
    code: 'not_found',
    messageKey: 'editorialLine.errors.versionNotFound',
    message: `Version ${String(version)} of the ${partnerId === null ? 'firm' : `partner ${partnerId}`} line not found`,
  });

/** Compiled lines kept between checks; a new version gets a new key, so nothing goes stale. */
const COMPILED_CACHE_SIZE = 64;
/** Stored line bodies kept parsed (a firm's and fifty partners' lines, with room for their last versions). */
const PARSED_CACHE_SIZE = 256;

/** A stored line as parsed once: its row's version and body, and the frozen value. */
interface ParsedLine {
  schema: typeof EditorialLine | typeof PartnerLine;
  version: number;
  value: EditorialLine | PartnerLine;
}

/** Frozen all the way down: a parsed line is shared by every caller, and none may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Editorial lines: the firm's and each partner's, versioned (a save inserts the next version,
 * an unchanged save inserts nothing), resolved for a partner, checked against posts.
 */
/**
 * What a line may not be saved with, though a stored one holding it still opens (the line
 * editor says the same on its fields): a required snippet not chosen, a banned term listed
 * twice, a weekly minimum above its maximum. An import or an API call is refused as the editor is.
 */
function saveOnlyProblems(rules: Parameters<typeof ruleSaveProblems>[0], cadence: CadencePolicy | undefined): z.core.$ZodIssue[] {
  const cadenceIssues = cadence === undefined ? [] : cadenceSaveProblems(cadence).map((issue) => ({ ...issue, path: ['cadence', ...issue.path] }));
  return [...ruleSaveProblems(rules), ...cadenceIssues];
}

export class EditorialService {
  private readonly compiled = new Map<string, CompiledLine>();
  /**
   * Parsed stored lines by body: a version's body never changes once stored, and the calendar
   * reads every partner's cadence for each view's warnings (fifty zod parses of a line each time).
   */
  private readonly parsed = new Map<string, ParsedLine>();

  constructor(
    private readonly db: Database,
    private readonly lines: EditorialLineRepository,
    private readonly partners: PartnerRepository,
    private readonly posts: PostRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** The workspace's Mastodon figures (Settings); Mastodon's defaults without them. */
    private readonly countOptions: () => MastodonCountOptions = () => ({}),
  ) {}

  /** The firm's newest line; the default is stored as version 1 the first time it is read. */
  firmLine(): EditorialLine {
    return this.db.transaction(() => {
      const row = this.lines.latest(null);
      if (row) return this.parseStored(EditorialLine, row);
      const line = defaultFirmLine();
      this.lines.insert(null, line.version, line, this.clock.now());
      return line;
    })();
  }

  partnerLine(partnerId: string): PartnerLine | null {
    this.assertPartner(partnerId);
    return this.storedPartnerLine(partnerId);
  }

  saveFirmLine(baseVersion: number, draft: FirmLineDraft | Record<string, unknown>): EditorialLine {
    return this.db.transaction(() => {
      const current = this.firmLine();
      if (current.version !== baseVersion) throw lineConflict(current.version);
      return this.insertFirm(current, draft);
    })();
  }

  savePartnerLine(partnerId: string, baseVersion: number | null, draft: PartnerLineDraft | Record<string, unknown>): PartnerLine {
    this.assertPartner(partnerId);
    return this.db.transaction(() => {
      const current = this.storedPartnerLine(partnerId);
      if ((current?.version ?? null) !== baseVersion) throw lineConflict(current?.version ?? null);
      return this.insertPartner(partnerId, current, draft);
    })();
  }

  versions(partnerId: string | null): LineVersionInfo[] {
    if (partnerId === null) this.firmLine();
    else this.assertPartner(partnerId);
    return this.lines.versions(partnerId);
  }

  version(partnerId: string | null, version: number): StoredLine {
    if (partnerId === null) this.firmLine();
    else this.assertPartner(partnerId);
    const row = this.lines.at(partnerId, version);
    if (!row) throw versionNotFound(partnerId, version);
    return partnerId === null ? this.parseStored(EditorialLine, row) : this.parseStored(PartnerLine, row);
  }

  /** An old version's content saved as the newest version: the history keeps every step. */
  restoreVersion(partnerId: string | null, version: number, baseVersion: number | null): StoredLine {
    const old = this.version(partnerId, version);
    return this.saveAny(partnerId, baseVersion, old);
  }

  /** The partner's line on the firm's, in the partner's language unless their line sets one. */
  resolved(partnerId: string): ResolvedLine {
    const partner = this.partners.get(partnerId);
    if (!partner) throw notFound('partner', partnerId);
    return resolveLine(this.firmLine(), this.storedPartnerLine(partnerId), partner.locale);
  }

  /** The partner's cadence and pillars (the firm's when the partner line sets none), for the calendar. */
  cadenceFor(partnerId: string): { cadence: CadencePolicy; pillars: string[] } {
    const line = resolveLine(this.firmLine(), this.storedPartnerLine(partnerId));
    return { cadence: line.cadence, pillars: line.pillars };
  }

  /**
   * The "Avocats (France)" pack as a new version: on the firm's line through the domain's
   * `applyCompliancePack`; on a partner's line the same way (a pack rule replaces the rule of
   * the same id, others are appended, and the pack's rules are no longer switched off).
   */
  applyAvocatsPack(partnerId: string | null, baseVersion: number | null, config: AvocatsFrancePackConfig): StoredLine {
    const pack = avocatsFrancePack(config);
    if (partnerId === null) {
      return this.db.transaction(() => {
        const current = this.firmLine();
        if (current.version !== baseVersion) throw lineConflict(current.version);
        return this.insertFirm(current, applyCompliancePack(current, pack));
      })();
    }
    this.assertPartner(partnerId);
    return this.db.transaction(() => {
      const current = this.storedPartnerLine(partnerId);
      if ((current?.version ?? null) !== baseVersion) throw lineConflict(current?.version ?? null);
      return this.insertPartner(partnerId, current, packOnPartnerLine(current, pack));
    })();
  }

  exportLine(partnerId: string | null, version?: number): LineExport {
    const line = version === undefined ? this.latestAny(partnerId) : this.version(partnerId, version);
    if (!line) throw versionNotFound(partnerId, 1);
    const owner = partnerId === null ? null : (this.partners.get(partnerId)?.displayName ?? null);
    return exportLine(line, this.clock.now(), owner);
  }

  /** Validates the whole document first: on any error nothing is saved. */
  importLine(partnerId: string | null, baseVersion: number | null, json: string): StoredLine {
    const raw = unwrapLineDocument(json);
    const target = partnerId === null ? 'organisation' : 'partner';
    if (typeof raw.scope === 'string' && raw.scope !== target) {
      throw importError(
        partnerId === null ? 'editorialLine.errors.importPartnerIntoFirm' : 'editorialLine.errors.importFirmIntoPartner',
        `The file holds a ${raw.scope} line; a ${target} line was expected`,
      );
    }
    return this.saveAny(partnerId, baseVersion, raw);
  }

  /**
   * The post's final text for each target network linted with its partner's resolved line,
   * at the versions returned with the result.
   */
  checkPost(postId: string): PostCheck {
    const post = this.posts.get(postId);
    if (!post) throw notFound('post', postId);
    const compiled = this.compiledFor(this.resolved(post.partnerId));
    const texts = finalTexts(post);
    const counts = this.countOptions();
    // A network going out as a thread: the whole text is linted without that network's limits,
    // each part with them (it is what the network receives).
    const threads = effectiveThreads(post);
    const runs =
      post.networks.length === 0
        ? [{ network: null, result: lint(post.plainText, compiled, { networks: [] }) }]
        : post.networks.map((network) => ({
            network,
            result: lint(texts[network] ?? post.plainText, compiled, threads[network] ? { networks: [] } : { ...counts, networks: [network] }),
          }));
    const threadParts = Object.entries(threads).flatMap(([network, parts]) =>
      parts.map((part, index) => ({ network: Network.parse(network), index, result: lint(part, compiled, { ...counts, networks: [Network.parse(network)] }) })),
    );
    const { summary, errorFindingIds } = summarise([...runs, ...threadParts].map((run) => run.result));
    return {
      postId: post.id,
      postVersion: post.version,
      partnerId: post.partnerId,
      versions: compiled.line.versions,
      checkedAt: this.clock.now(),
      networks: runs,
      threadParts,
      summary,
      errorFindingIds,
    };
  }

  private saveAny(partnerId: string | null, baseVersion: number | null, draft: Record<string, unknown>): StoredLine {
    if (partnerId === null) {
      if (baseVersion === null) throw lineConflict(this.firmLine().version);
      return this.saveFirmLine(baseVersion, draft);
    }
    return this.savePartnerLine(partnerId, baseVersion, draft);
  }

  private insertFirm(current: EditorialLine, draft: object): EditorialLine {
    const raw: unknown = draft;
    const parsed = EditorialLine.safeParse({ id: current.id, ...draft, scope: 'organisation', version: current.version + 1 });
    if (!parsed.success) throw lineValidationError(parsed.error, raw);
    const targets = [...lengthTargetProblems(parsed.data.rules), ...saveOnlyProblems(parsed.data.rules, parsed.data.cadence)];
    if (targets.length > 0) throw lineValidationError(new z.ZodError(targets), raw);
    if (sameContent(parsed.data, current)) return current;
    this.lines.insert(null, parsed.data.version, parsed.data, this.clock.now());
    this.events.emit({ type: 'editorial.changed', partnerId: null, version: parsed.data.version });
    return parsed.data;
  }

  private insertPartner(partnerId: string, current: PartnerLine | null, draft: object): PartnerLine {
    const raw: unknown = draft;
    const parsed = PartnerLine.safeParse({
      id: partnerLineId(partnerId),
      ...draft,
      scope: 'partner',
      partnerId,
      version: (current?.version ?? 0) + 1,
    });
    if (!parsed.success) throw lineValidationError(parsed.error, raw);
    const problems = partnerLineProblems(this.firmLine(), parsed.data, [...lengthTargetProblems(parsed.data.rules), ...saveOnlyProblems(parsed.data.rules, parsed.data.cadence)]);
    if (problems) throw lineValidationError(problems, raw);
    if (current && sameContent(parsed.data, current)) return current;
    this.lines.insert(partnerId, parsed.data.version, parsed.data, this.clock.now());
    this.events.emit({ type: 'editorial.changed', partnerId, version: parsed.data.version });
    return parsed.data;
  }

  private latestAny(partnerId: string | null): StoredLine | null {
    if (partnerId === null) return this.firmLine();
    return this.partnerLine(partnerId);
  }

  private storedPartnerLine(partnerId: string): PartnerLine | null {
    const row = this.lines.latest(partnerId);
    return row ? this.parseStored(PartnerLine, row) : null;
  }

  private parseStored<S extends typeof EditorialLine | typeof PartnerLine>(schema: S, row: { body: string; version: number }): z.output<S> {
    const known = this.parsed.get(row.body);
    if (known?.schema === schema && known.version === row.version) return known.value as z.output<S>;
    const body: unknown = JSON.parse(row.body);
    const value = deepFreeze(schema.parse(isRecord(body) ? { ...body, version: row.version } : body) as z.output<S>);
    if (this.parsed.size >= PARSED_CACHE_SIZE) this.parsed.clear();
    this.parsed.set(row.body, { schema, version: row.version, value });
    return value;
  }

  private assertPartner(partnerId: string): void {
    if (!this.partners.get(partnerId)) throw notFound('partner', partnerId);
  }

  private compiledFor(line: ResolvedLine): CompiledLine {
    // The language is part of the key: two partners without a line of their own share the firm's rules, not its language.
    const key = `${line.partnerLineId ?? ''}:${String(line.versions.organisation)}:${String(line.versions.partner ?? 0)}:${line.language}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      if (this.compiled.size >= COMPILED_CACHE_SIZE) this.compiled.clear();
      compiled = compileLine(line);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

/** Same rules, cadence, everything but the version number. */
function sameContent(a: StoredLine, b: StoredLine): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}

function packOnPartnerLine(current: PartnerLine | null, pack: CompliancePack): PartnerLineDraft {
  return current ? withPackRules(current, pack) : withPackRules({ rules: [], disabled: [] }, pack);
}
