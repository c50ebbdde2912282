import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { plainTextOf } from '../../../shared/posts/document';
import type { Settings, SettingsPatch, WorkspaceState } from '../../../shared/workspace/schema';
import { Locale } from '../../../shared/partners/schema';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import type { PostContentHook } from '../signoff/contentHook';
import type { SettingsRepository } from '../settings/repository';
import { readMastodonCounts, writeMastodonCounts } from '../settings/mastodonCounts';
import { examplePartners } from './exampleWorkspace';
import { addDays } from '../../../shared/calendar/civil';
import { chooseInstant, resolveLocalTime, todayIn } from '../../../shared/calendar/zonedTime';

export class WorkspaceService {
  constructor(
    private readonly db: Database,
    private readonly partners: PartnerRepository,
    private readonly posts: PostRepository,
    private readonly settings: SettingsRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** Audits each example post's creation as a user's (the monthly report reads its activity from the audit log). */
    private readonly contentHook: PostContentHook | null = null,
  ) {}

  state(): WorkspaceState {
    return {
      partnerCount: this.partners.count(),
      postCount: this.posts.count(),
      hasExampleData: this.partners.countExample() > 0,
      onboardingDone: this.getSettings().onboardingDone,
    };
  }

  /** Loads the example firm once; loading it again while present is a no-op. */
  loadExample(): WorkspaceState {
    if (this.partners.countExample() > 0) return this.state();
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const example of examplePartners) {
        const partnerId = randomUUID();
        this.partners.insert(partnerId, example.fields, now, true);
        for (const post of example.posts) {
          const id = randomUUID();
          const contentJson = canonicalJson(post.content);
          const plainText = plainTextOf(post.content);
          this.posts.insert(
            {
              id,
              partnerId,
              title: post.title,
              note: post.note,
              networks: post.networks,
              contentJson,
              plainText,
              status: 'draft',
              version: 1,
              scheduledAt: post.schedule ? this.exampleInstant(post.schedule, example.fields.timeZone, now) : null,
              scheduledZone: post.schedule ? example.fields.timeZone : null,
              isExample: true,
            },
            now,
          );
          this.posts.insertRevision(id, post.title, contentJson, plainText, null, now);
          const created = this.posts.get(id);
          if (created) this.contentHook?.created(created, now);
        }
      }
      this.settings.write('onboardingDone', true);
    })();
    this.emitChanged();
    return this.state();
  }

  /**
   * Removes the example firm's posts, then its partners; a partner the user wrote posts for
   * stays, with those posts, as one of the user's own (the confirmation promises the user's
   * data is not touched).
   */
  removeExample(): WorkspaceState {
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const id of this.posts.exampleIds()) this.posts.delete(id);
      this.partners.adoptExampleWithPosts(now);
      this.partners.deleteExample();
    })();
    this.emitChanged();
    return this.state();
  }

  getSettings(): Settings {
    const locale = Locale.safeParse(this.settings.read('uiLocale'));
    return {
      uiLocale: locale.success ? locale.data : null,
      onboardingDone: this.settings.read('onboardingDone') === true,
      mastodon: readMastodonCounts(this.settings),
    };
  }

  updateSettings(patch: SettingsPatch): Settings {
    this.db.transaction(() => {
      if (patch.uiLocale !== undefined) this.settings.write('uiLocale', patch.uiLocale);
      if (patch.onboardingDone !== undefined) this.settings.write('onboardingDone', patch.onboardingDone);
      if (patch.mastodon !== undefined) writeMastodonCounts(this.settings, { ...patch.mastodon, source: 'manual', instanceUrl: null });
    })();
    // Other windows' counters and lint follow.
    this.events.emit({ type: 'settings.changed' });
    return this.getSettings();
  }

  /** "In N days at HH:mm" in the partner's zone; a DST gap takes the first instant after it. */
  private exampleInstant(schedule: { inDays: number; time: string }, zone: string, now: number): number {
    const date = addDays(todayIn(zone, now), schedule.inDays);
    return chooseInstant(resolveLocalTime({ date, time: schedule.time }, zone));
  }

  private emitChanged(): void {
    this.events.emit({ type: 'workspace.changed' });
    this.events.emit({ type: 'partners.changed' });
  }
}
