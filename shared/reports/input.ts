import type { CadencePolicy } from '../calendar/cadencePolicy';
import type { Network } from '../posts/networks';
import type { PostStatus } from '../posts/schema';
import type { AuditEntry } from '../signoff/audit';
import type { MonthFigures, ReportPartner } from './model';
import type { ReportMonth } from './month';

/** What a report needs of a post: its current title, networks and pillar. */
export interface ReportPost {
  id: string;
  title: string;
  networks: Network[];
  status: PostStatus;
  pillar: string | null;
}

export interface PillarTarget {
  pillar: string;
  share: number;
}

export interface AggregateInput {
  month: ReportMonth;
  partner: ReportPartner;
  /**
   * The partner's entries of the month, plus the whole history of every post they mention or
   * that was switched to them (to tell "approved first time" from "after changes", and whom a
   * draft was written for: see creditedPartners). Entries credited to other partners, or of
   * other months, are ignored for the month's counts.
   */
  entries: readonly AuditEntry[];
  posts: readonly ReportPost[];
  /** The editorial line's cadence targets, when the partner has one. */
  cadence?: CadencePolicy | null;
  /** Pillar targets; default: `cadence.pillarTargets`. */
  pillars?: readonly PillarTarget[] | null;
  /** The previous month's figures (same function, previous month), for the comparison. */
  previous?: MonthFigures | null;
  generatedAt: number;
}
