import type { AuditEntry } from '../signoff/audit';
import { creditedPartners } from './attribution';
import { cadenceOf, judgesCadence, localPublication, networkCounts, weeksOf } from './cadence';
import { compare } from './comparison';
import { findings as findingsOf, network as networkOf, overrideOf, text } from './details';
import type { AggregateInput, ReportPost } from './input';
import type { EventRow, Findings, MonthFigures, OverrideItem, PartnerReport, PublishedItem, ReportCounts } from './model';
import { monthRange, previousMonth } from './month';
import { pillarMix } from './pillars';
import { decisionFacts, isDecision, onTimeOf, turnaroundOf } from './signoff';
import type { DecisionFacts } from './signoff';

interface MonthFacts {
  figures: MonthFigures;
  published: PublishedItem[];
  events: EventRow[];
}

/** The post's entries in append order (ids grow with every append). */
function historiesOf(entries: readonly AuditEntry[]): Map<string, AuditEntry[]> {
  const histories = new Map<string, AuditEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    const list = histories.get(entry.postId);
    if (list) list.push(entry);
    else histories.set(entry.postId, [entry]);
  }
  return histories;
}

const distinctPosts = (entries: readonly AuditEntry[], action: AuditEntry['action']): number =>
  new Set(entries.filter((e) => e.action === action).map((e) => e.postId)).size;

/** A publication's network: its own, else the post's only network. */
function publicationNetwork(entry: AuditEntry, post: ReportPost | undefined): PublishedItem['network'] {
  const own = networkOf(entry);
  if (own) return own;
  const [only, ...rest] = post?.networks ?? [];
  return only !== undefined && rest.length === 0 ? only : null;
}

/** The month's figures from its entries; `histories` holds every post's earlier entries too. */
function monthFacts(inMonth: readonly AuditEntry[], histories: Map<string, AuditEntry[]>, posts: Map<string, ReportPost>, isOurs: (entry: AuditEntry) => boolean): MonthFacts {
  const historyOf = (postId: string) => histories.get(postId) ?? [];
  const titleOf = (postId: string) => posts.get(postId)?.title ?? '';

  // Each approval of the month, by what came before it since the post's previous approval (by this partner):
  // a change request or a rejection → after changes; else an earlier approval (voided when the text was
  // edited) → re-approved after an edit; else → first time. Approvals are counted as the decisions are.
  let approvedFirstTime = 0;
  let approvedAfterChanges = 0;
  let reapprovedAfterEdit = 0;
  for (const approval of inMonth) {
    if (approval.action !== 'approve') continue;
    const before = historyOf(approval.postId).filter((e) => e.id < approval.id && isOurs(e));
    const previousApproval = before.findLast((e) => e.action === 'approve');
    const since = previousApproval === undefined ? before : before.filter((e) => e.id > previousApproval.id);
    if (since.some((e) => e.action === 'requestChanges' || e.action === 'reject')) approvedAfterChanges += 1;
    else if (previousApproval !== undefined) reapprovedAfterEdit += 1;
    else approvedFirstTime += 1;
  }

  const facts = new Map<number, DecisionFacts>();
  for (const entry of inMonth) if (isDecision(entry) || entry.action === 'expire') facts.set(entry.id, decisionFacts(entry, historyOf(entry.postId)));
  const decided = inMonth.filter(isDecision).map((e) => facts.get(e.id));
  const samples = decided.flatMap((f) => (f === undefined || f.turnaroundMs === null ? [] : [f.turnaroundMs]));

  const published: PublishedItem[] = [];
  const seen = new Set<string>();
  for (const entry of inMonth) {
    if (entry.action !== 'published') continue;
    const network = publicationNetwork(entry, posts.get(entry.postId));
    const key = `${entry.postId} ${network ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    published.push({ at: entry.at, postId: entry.postId, title: titleOf(entry.postId), network, url: text(entry, 'url') });
  }

  const requests = inMonth.filter((e) => e.action === 'requestSignoff');
  const findings: Findings = { requests: requests.length, requestsWithFindings: 0, error: 0, warning: 0, info: 0, byKind: [] };
  const byKind = new Map<string, number>();
  for (const request of requests) {
    const found = findingsOf(request);
    if (!found) continue;
    findings.error += found.error;
    findings.warning += found.warning;
    findings.info += found.info;
    if (found.error + found.warning + found.info > 0) findings.requestsWithFindings += 1;
    for (const [kind, n] of found.byKind) byKind.set(kind, (byKind.get(kind) ?? 0) + n);
  }
  findings.byKind = [...byKind].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([kind, n]) => ({ kind, count: n }));

  // An override may be recorded on the request and as its own entry: one line per post and justification.
  const overrides: OverrideItem[] = [];
  for (const entry of inMonth) {
    const override = entry.action === 'requestSignoff' || entry.action === 'overrideRecorded' ? overrideOf(entry) : null;
    if (!override || overrides.some((o) => o.postId === entry.postId && o.justification === override.justification)) continue;
    overrides.push({ at: entry.at, postId: entry.postId, title: titleOf(entry.postId), ...override });
  }

  const counts: ReportCounts = {
    drafted: inMonth.filter((e) => e.action === 'created').length,
    sentForSignoff: distinctPosts(inMonth, 'requestSignoff'),
    signoffRequests: requests.length,
    approvedFirstTime,
    approvedAfterChanges,
    reapprovedAfterEdit,
    changesRequested: distinctPosts(inMonth, 'requestChanges'),
    rejected: distinctPosts(inMonth, 'reject'),
    withdrawn: distinctPosts(inMonth, 'withdraw'),
    expired: distinctPosts(inMonth, 'expire'),
    held: distinctPosts(inMonth, 'hold'),
    missed: distinctPosts(inMonth, 'missed'),
    failed: distinctPosts(inMonth, 'publishFailed'),
    published: published.length,
  };

  const events: EventRow[] = inMonth.map((entry) => {
    const decision = facts.get(entry.id);
    const found = entry.action === 'requestSignoff' ? findingsOf(entry) : null;
    const isPublication = entry.action === 'published';
    return {
      id: entry.id,
      at: entry.at,
      postId: entry.postId,
      title: titleOf(entry.postId),
      pillar: posts.get(entry.postId)?.pillar ?? null,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      actor: entry.actor,
      channel: entry.channel,
      revisionNumber: entry.revisionNumber,
      network: isPublication ? publicationNetwork(entry, posts.get(entry.postId)) : networkOf(entry),
      url: isPublication ? text(entry, 'url') : null,
      requestId: decision?.requestId ?? text(entry, 'requestId'),
      deadlineAt: decision?.deadlineAt ?? (entry.action === 'requestSignoff' && typeof entry.details.deadlineAt === 'number' ? entry.details.deadlineAt : null),
      turnaroundMs: decision?.turnaroundMs ?? null,
      onTime: decision?.onTime ?? null,
      findings: found ? { error: found.error, warning: found.warning, info: found.info } : null,
      justification: overrideOf(entry)?.justification ?? null,
      comment: text(entry, 'comment'),
    };
  });

  return {
    figures: {
      counts,
      publishedByNetwork: networkCounts(published.map((p) => p.network)),
      turnaround: turnaroundOf(samples),
      onTime: onTimeOf(
        decided.filter((f) => f?.onTime === true).length,
        decided.filter((f) => f?.onTime === false).length,
        inMonth.filter((e) => e.action === 'expire').length,
      ),
      findings,
      overrides,
    },
    published,
    events,
  };
}

/**
 * One partner's month, from the audit log and the posts only. The month runs from local
 * midnight to local midnight in the partner's zone (DST months included); an event counts
 * in the month its instant falls in, whatever the post's current schedule says.
 */
export function aggregateMonth(input: AggregateInput): PartnerReport {
  const { month, partner } = input;
  const zone = partner.timeZone;
  const range = monthRange(month, zone);
  const posts = new Map(input.posts.map((p) => [p.id, p]));
  const histories = historiesOf(input.entries);
  const credited = creditedPartners(input.entries);
  const isOurs = (e: AuditEntry) => (credited.get(e.id) ?? e.partnerId) === partner.id;
  const inMonth = input.entries.filter((e) => isOurs(e) && e.at >= range.start && e.at < range.end).sort((a, b) => a.at - b.at || a.id - b.id);

  const { figures, published, events } = monthFacts(inMonth, histories, posts, isOurs);
  const publications = published.map((p) => localPublication(p.at, zone, p.network));
  const weeks = weeksOf(month, publications);
  const targets = input.pillars ?? input.cadence?.pillarTargets ?? [];
  const previous = input.previous ?? null;

  return {
    kind: 'partner',
    month,
    previousMonth: previousMonth(month),
    range,
    generatedAt: input.generatedAt,
    partner,
    empty: inMonth.length === 0,
    figures,
    previous,
    comparison: compare(figures, previous),
    weeks,
    // A line without cadence targets gets "no target set", not a table of nothing.
    cadence: input.cadence && judgesCadence(input.cadence) ? cadenceOf(input.cadence, weeks, publications) : null,
    pillars: pillarMix([...new Set(published.map((p) => p.postId))].map((id) => posts.get(id)?.pillar ?? null), targets),
    published,
    events,
    // Not in the audit log: the report service adds the month's count from the dismissals table.
    nearDuplicatesKept: 0,
  };
}
