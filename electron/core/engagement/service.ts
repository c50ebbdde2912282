import { ApiError } from '../../../shared/api/errors';
import { addFigures, engagementMetrics, latestFigures } from '../../../shared/engagement/figures';
import { interactionsOf } from '../../../shared/reports/engagement';
import type {
  EngagementBadges,
  Figures,
  LinkedinImportInput,
  LinkedinImportResult,
  ManualFiguresInput,
  PartnerEngagement,
  PostEngagement,
  PublicationEngagement,
} from '../../../shared/engagement/figures';
import { grantsPostAnalytics } from '../../../shared/engagement/linkedinPostAnalytics';
import type { EngagementAccounts } from './job';
import type { Network } from '../../../shared/posts/networks';
import { notFound } from '../errors';
import type { PartnerRepository } from '../partners/repository';
import { planLinkedinImport } from './linkedinImport';
import { readLinkedinExportFile } from './linkedinExportFile';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { EngagementRepository } from './repository';

const MINUTE = 60_000;
/** The partner's page looks this far back. */
const RECENT_DAYS = 90;

const invalid = (path: string, messageKey: string, message: string): ApiError =>
  new ApiError({ code: 'validation', messageKey: 'errors.validation', message, issues: [{ path: [path], messageKey }] });

/** The figures of a post, and figures typed by hand. */
export class EngagementService {
  constructor(
    private readonly repository: EngagementRepository,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly accounts: Pick<EngagementAccounts, 'grantedScopes'>,
  ) {}

  forPost(postId: string): PostEngagement {
    return { publications: this.repository.forPost(postId).map((publication) => this.withPostAnalytics(publication)) };
  }

  /** A LinkedIn publication read through the API says whether impressions can be read for its account. */
  private withPostAnalytics(publication: PublicationEngagement): PublicationEngagement {
    if (publication.network !== 'linkedin' || publication.mode !== 'api') return publication;
    const accountId = this.repository.publication(publication.publicationId)?.accountId ?? null;
    if (accountId === null) return publication;
    return { ...publication, postAnalytics: grantsPostAnalytics(this.accounts.grantedScopes(accountId)) ? 'granted' : 'notGranted' };
  }

  /** Per post with figures: its interactions and impressions, all networks together. */
  badges(postIds: readonly string[]): EngagementBadges {
    const badges: EngagementBadges = {};
    const publications = this.repository.forPosts([...new Set(postIds)]);
    for (const [postId, published] of publications) {
      const figures = published.reduce<Figures>((sum, publication) => addFigures(sum, latestFigures(publication.readings)), {});
      if (Object.keys(figures).length === 0) continue;
      badges[postId] = { interactions: interactionsOf(figures), impressions: figures.impressions ?? null };
    }
    return badges;
  }

  /** The partner's page: what went out in the last 90 days and what it did, per network. */
  partnerRecent(partnerId: string): PartnerEngagement {
    if (!this.partners.get(partnerId)) throw notFound('partner', partnerId);
    const until = this.clock.now();
    const since = until - RECENT_DAYS * 24 * 60 * MINUTE;
    const publications = this.repository.forPartner(partnerId, since, until);
    const networks = new Map<Network, { network: Network; posts: number; figures: Figures }>();
    const posts = publications.map((publication) => {
      const figures = latestFigures(publication.readings);
      const total = networks.get(publication.network) ?? { network: publication.network, posts: 0, figures: {} };
      networks.set(publication.network, { network: publication.network, posts: total.posts + 1, figures: addFigures(total.figures, figures) });
      return {
        postId: publication.postId,
        title: publication.title,
        network: publication.network,
        publishedAt: publication.publishedAt ?? 0,
        url: publication.url,
        tracking: publication.tracking,
        figures,
        lastReadAt: publication.readings.at(-1)?.readAt ?? null,
      };
    });
    return { since, until, networks: [...networks.values()], posts };
  }

  /** Figures read off the network by the user, for a publication that went out. */
  recordManual(input: ManualFiguresInput): PostEngagement {
    if (Object.keys(input.figures).length === 0) throw invalid('figures', 'engagement.errors.noFigure', 'No figure given');
    const publication = this.repository.publication(input.publicationId);
    if (!publication) {
      throw new ApiError({ code: 'not_found', messageKey: 'engagement.errors.notPublished', message: `Publication ${input.publicationId} is not published` });
    }
    // Typed to the minute: a reading in the minute of publication counts as read at publication.
    if (input.readAt < publication.publishedAt - (publication.publishedAt % MINUTE) || input.readAt > this.clock.now()) {
      throw invalid('readAt', 'engagement.errors.readAtOutOfRange', 'Figures must be read between publication and now');
    }
    this.repository.record(publication.id, input.figures, Math.max(input.readAt, publication.publishedAt), 'manual', null, this.clock.now());
    this.events.emit({ type: 'engagement.changed', postId: publication.postId });
    return this.forPost(publication.postId);
  }

  /** LinkedIn's analytics export for one partner: figures on the posts it matches, the rest shown. */
  async importLinkedin(input: LinkedinImportInput): Promise<LinkedinImportResult> {
    const partner = this.partners.get(input.partnerId);
    if (!partner) throw notFound('partner', input.partnerId);
    const file = await readLinkedinExportFile(Buffer.from(input.data, 'base64'));
    const plan = planLinkedinImport(file, this.repository.linkedinPublications(partner.id), partner.timeZone, input.dateOrder);
    const now = this.clock.now();
    const touched = new Set<string>();
    // The same file imported again (the user answering how its dates read, or picking it twice)
    // records nothing new for a row whose figures are those of its post's last import.
    const lastImported = this.repository.latestImported(plan.readings.map((reading) => reading.publicationId));
    this.repository.transaction(() => {
      for (const reading of plan.readings) {
        if (sameFigures(lastImported.get(reading.publicationId), reading.figures)) continue;
        this.repository.record(reading.publicationId, reading.figures, now, 'import', null, now);
      }
      const followers = plan.result.followers;
      if (followers !== null) {
        this.repository.recordFollowers(partner.id, 'linkedin', followers.on ?? new Date(now).toISOString().slice(0, 10), followers.count, 'import', now);
      }
    });
    for (const row of plan.result.matched) touched.add(row.postId);
    for (const postId of touched) this.events.emit({ type: 'engagement.changed', postId });
    return { ...plan.result, readAt: now };
  }
}

function sameFigures(before: Figures | undefined, after: Figures): boolean {
  if (before === undefined) return false;
  return engagementMetrics.every((metric) => before[metric] === after[metric]);
}
