import { FakeHttpServer, json } from './fakeHttpServer';
import type { FakeReply, FakeRequest, RequestMatch } from './fakeHttpServer';
import type { FailureSpec } from './failures';
import { fileOf, textOf } from './multipart';

/**
 * A Mastodon instance on loopback, speaking the REST API as documented on
 * docs.joinmastodon.org: statuses (with Idempotency-Key and scheduled_at), v2 media with
 * background processing, scheduled statuses, status sources, instance configuration.
 */

export interface StoredStatus {
  id: string;
  text: string;
  createdAt: number;
  visibility: string;
  language: string | null;
  mediaIds: string[];
  idempotencyKey: string | null;
}

export interface StoredScheduled {
  id: string;
  scheduledAt: number;
  text: string;
  mediaIds: string[];
  idempotencyKey: string | null;
}

export interface StoredMedia {
  id: string;
  description: string | null;
  mimeType: string;
  size: number;
  bytes: Buffer;
  pollsLeft: number;
}

export interface MastodonServerOptions {
  accessToken?: string;
  username?: string;
  now?: () => number;
  maxCharacters?: number;
  charactersReservedPerUrl?: number;
  /** Serve only /api/v1/instance (servers before Mastodon 4.0). */
  v1InstanceOnly?: boolean;
  /** How many GET /api/v1/media/:id answer 206 before the file is ready (0: POST answers 200). */
  mediaProcessingPolls?: number;
}

const MIN_SCHEDULE_MS = 5 * 60 * 1000;
const ACCOUNT_ID = '109000000000000001';

export class MastodonServer {
  readonly statuses: StoredStatus[] = [];
  readonly scheduled: StoredScheduled[] = [];
  readonly media = new Map<string, StoredMedia>();
  readonly http: FakeHttpServer;
  private readonly idempotency = new Map<string, { kind: 'status' | 'scheduled'; id: string }>();
  private nextId = 110000000000000000n;
  private readonly options: Required<MastodonServerOptions>;

  constructor(options: MastodonServerOptions = {}) {
    this.options = {
      accessToken: 'mastodon-token',
      username: 'maitre_durand',
      now: () => Date.now(),
      maxCharacters: 500,
      charactersReservedPerUrl: 23,
      v1InstanceOnly: false,
      mediaProcessingPolls: 0,
      ...options,
    };
    this.http = new FakeHttpServer([
      { method: 'GET', path: /^\/api\/v2\/instance$/, handle: () => (this.options.v1InstanceOnly ? json(404, { error: 'Record not found' }) : json(200, this.instance())) },
      { method: 'GET', path: /^\/api\/v1\/instance$/, handle: () => json(200, { uri: 'fake.social', max_toot_chars: this.options.maxCharacters, configuration: this.instance().configuration }) },
      { method: 'POST', path: /^\/api\/v2\/media$/, handle: (req) => this.authed(req, () => this.uploadMedia(req)) },
      { method: 'GET', path: /^\/api\/v1\/media\/(\d+)$/, handle: (req, [id]) => this.authed(req, () => this.mediaStatus(id ?? '')) },
      { method: 'POST', path: /^\/api\/v1\/statuses$/, handle: (req) => this.authed(req, () => this.postStatus(req)) },
      { method: 'GET', path: /^\/api\/v1\/scheduled_statuses$/, handle: (req) => this.authed(req, () => this.listScheduled(req)) },
      { method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/(\d+)$/, handle: (req, [id]) => this.authed(req, () => this.cancelScheduled(id ?? '')) },
      { method: 'GET', path: /^\/api\/v1\/accounts\/verify_credentials$/, handle: (req) => this.authed(req, () => json(200, { id: ACCOUNT_ID, username: this.options.username, acct: this.options.username })) },
      { method: 'GET', path: /^\/api\/v1\/accounts\/(\d+)\/statuses$/, handle: (req) => this.authed(req, () => this.listStatuses(req)) },
      { method: 'GET', path: /^\/api\/v1\/statuses\/(\d+)\/source$/, handle: (req, [id]) => this.authed(req, () => this.source(id ?? '')) },
    ]);
  }

  get url(): string {
    return this.http.url;
  }

  start(): Promise<string> {
    return this.http.start();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Fail the next `times` requests (all, or those matching) the way Mastodon does. */
  failNext(spec: FailureSpec, options: { times?: number } & RequestMatch = {}): void {
    this.http.failNext(mastodonFailure(spec, this.options.now()), options);
  }

  /** Store the next status, then cut the connection before answering. */
  dropNextPost(): void {
    this.http.dropAfterAccept({ method: 'POST', path: /^\/api\/v1\/statuses$/ });
  }

  /** Store the next status and never answer: resolves when it is stored (see FakeHttpServer.hangAfterAccept). */
  hangNextPost(): Promise<void> {
    return this.http.hangAfterAccept({ method: 'POST', path: /^\/api\/v1\/statuses$/ });
  }

  statusUrl(id: string): string {
    return `${this.url}/@${this.options.username}/${id}`;
  }

  private id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private authed(req: FakeRequest, handle: () => FakeReply | Promise<FakeReply>): FakeReply | Promise<FakeReply> {
    if (req.header('authorization') !== `Bearer ${this.options.accessToken}`) return json(401, { error: 'The access token is invalid' });
    return handle();
  }

  private instance() {
    return {
      domain: 'fake.social',
      version: '4.3.0',
      configuration: {
        statuses: {
          max_characters: this.options.maxCharacters,
          max_media_attachments: 4,
          characters_reserved_per_url: this.options.charactersReservedPerUrl,
        },
        media_attachments: { supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'], image_size_limit: 16777216 },
      },
    };
  }

  private mediaJson(media: StoredMedia) {
    const ready = media.pollsLeft <= 0;
    return {
      id: media.id,
      type: 'image',
      url: ready ? `${this.url}/system/media/${media.id}.png` : null,
      preview_url: `${this.url}/system/media/${media.id}-small.png`,
      description: media.description,
    };
  }

  private uploadMedia(req: FakeRequest): FakeReply {
    const form = req.form();
    const file = fileOf(form.get('file'));
    if (file === undefined) return json(422, { error: 'Validation failed: File can\u2019t be blank' });
    const media: StoredMedia = {
      id: this.id(),
      description: textOf(form.get('description')) ?? null,
      mimeType: file.type,
      size: file.bytes.length,
      bytes: file.bytes,
      pollsLeft: this.options.mediaProcessingPolls,
    };
    this.media.set(media.id, media);
    return json(media.pollsLeft > 0 ? 202 : 200, this.mediaJson(media));
  }

  private mediaStatus(id: string): FakeReply {
    const media = this.media.get(id);
    if (media === undefined) return json(404, { error: 'Record not found' });
    media.pollsLeft -= 1;
    return json(media.pollsLeft > 0 ? 206 : 200, this.mediaJson(media));
  }

  private postStatus(req: FakeRequest): FakeReply {
    const body = req.json() as { status?: string; media_ids?: string[]; visibility?: string; language?: string; scheduled_at?: string };
    const key = req.header('idempotency-key') ?? null;
    const earlier = key === null ? undefined : this.idempotency.get(key);
    if (earlier !== undefined) {
      // PostStatusService#idempotency_duplicate: the first answer, again.
      if (earlier.kind === 'scheduled') {
        const scheduled = this.scheduled.find((item) => item.id === earlier.id);
        if (scheduled !== undefined) return json(200, this.scheduledJson(scheduled));
      }
      const status = this.statuses.find((item) => item.id === earlier.id);
      if (status !== undefined) return json(200, this.statusJson(status));
    }
    const text = body.status ?? '';
    const mediaIds = body.media_ids ?? [];
    if (text === '' && mediaIds.length === 0) return json(422, { error: 'Validation failed: Text can\u2019t be blank' });
    if ([...new Intl.Segmenter().segment(text)].length > this.options.maxCharacters) {
      return json(422, { error: `Validation failed: Text character limit of ${this.options.maxCharacters} exceeded` });
    }
    if (mediaIds.some((id) => (this.media.get(id)?.pollsLeft ?? 0) > 0)) {
      return json(422, { error: 'Cannot attach files that have not finished processing. Try again in a moment!' });
    }
    const now = this.options.now();
    const scheduledAt = body.scheduled_at === undefined ? undefined : Date.parse(body.scheduled_at);
    if (scheduledAt !== undefined && scheduledAt > now) {
      if (scheduledAt <= now + MIN_SCHEDULE_MS) return json(422, { error: 'Validation failed: Scheduled at The scheduled date must be at least 5 minutes in the future' });
      const scheduled: StoredScheduled = { id: this.id(), scheduledAt, text, mediaIds, idempotencyKey: key };
      this.scheduled.push(scheduled);
      if (key !== null) this.idempotency.set(key, { kind: 'scheduled', id: scheduled.id });
      return json(200, this.scheduledJson(scheduled));
    }
    const status: StoredStatus = {
      id: this.id(),
      text,
      createdAt: now,
      visibility: body.visibility ?? 'public',
      language: body.language ?? null,
      mediaIds,
      idempotencyKey: key,
    };
    this.statuses.push(status);
    if (key !== null) this.idempotency.set(key, { kind: 'status', id: status.id });
    return json(200, this.statusJson(status));
  }

  /** What the instance's scheduler does at the time: the scheduled status becomes a status. */
  publishScheduled(id: string): StoredStatus | undefined {
    const index = this.scheduled.findIndex((item) => item.id === id);
    const scheduled = this.scheduled[index];
    if (scheduled === undefined) return undefined;
    this.scheduled.splice(index, 1);
    const status: StoredStatus = { id: this.id(), text: scheduled.text, createdAt: scheduled.scheduledAt, visibility: 'public', language: null, mediaIds: scheduled.mediaIds, idempotencyKey: null };
    this.statuses.push(status);
    return status;
  }

  private statusJson(status: StoredStatus) {
    return {
      id: status.id,
      created_at: new Date(status.createdAt).toISOString(),
      visibility: status.visibility,
      language: status.language,
      uri: `${this.url}/users/${this.options.username}/statuses/${status.id}`,
      url: this.statusUrl(status.id),
      content: `<p>${status.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      media_attachments: status.mediaIds.flatMap((id) => {
        const media = this.media.get(id);
        return media === undefined ? [] : [this.mediaJson(media)];
      }),
      account: { id: ACCOUNT_ID, username: this.options.username },
    };
  }

  private scheduledJson(scheduled: StoredScheduled) {
    return {
      id: scheduled.id,
      scheduled_at: new Date(scheduled.scheduledAt).toISOString(),
      params: {
        text: scheduled.text,
        poll: null,
        media_ids: scheduled.mediaIds.length === 0 ? null : scheduled.mediaIds,
        sensitive: null,
        visibility: 'public',
        idempotency: scheduled.idempotencyKey,
        scheduled_at: null,
        spoiler_text: null,
        application_id: 1,
        in_reply_to_id: null,
      },
      media_attachments: scheduled.mediaIds.flatMap((id) => {
        const media = this.media.get(id);
        return media === undefined ? [] : [this.mediaJson(media)];
      }),
    };
  }

  /** DELETE /api/v1/scheduled_statuses/:id: 200 with an empty object, 404 when unknown. */
  private cancelScheduled(id: string): FakeReply {
    const index = this.scheduled.findIndex((item) => item.id === id);
    if (index < 0) return json(404, { error: 'Record not found' });
    this.scheduled.splice(index, 1);
    return json(200, {});
  }

  private listScheduled(req: FakeRequest): FakeReply {
    const limit = Math.min(Number(req.query.get('limit') ?? '20'), 40);
    const maxId = req.query.get('max_id');
    const list = [...this.scheduled]
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .filter((item) => maxId === null || BigInt(item.id) < BigInt(maxId))
      .slice(0, limit);
    return json(200, list.map((item) => this.scheduledJson(item)));
  }

  private listStatuses(req: FakeRequest): FakeReply {
    const limit = Math.min(Number(req.query.get('limit') ?? '20'), 40);
    const maxId = req.query.get('max_id');
    const list = [...this.statuses]
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .filter((item) => maxId === null || BigInt(item.id) < BigInt(maxId))
      .slice(0, limit);
    return json(200, list.map((item) => this.statusJson(item)));
  }

  private source(id: string): FakeReply {
    const status = this.statuses.find((item) => item.id === id);
    return status === undefined ? json(404, { error: 'Record not found' }) : json(200, { id: status.id, text: status.text, spoiler_text: '' });
  }
}

function mastodonFailure(spec: FailureSpec, now: number): FakeReply {
  switch (spec.kind) {
    case 'rateLimited': {
      const reset = new Date(spec.resetAt ?? now + 5 * 60 * 1000).toISOString();
      return json(429, { error: 'Too many requests' }, {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
        ...(spec.retryAfter === undefined ? {} : { 'retry-after': spec.retryAfter }),
      });
    }
    case 'unauthorized':
      return json(401, { error: 'The access token is invalid' });
    case 'serverError':
      // Mastodon's 500 is Rails' HTML page, not JSON.
      return { status: 500, text: '<!DOCTYPE html><html><body><h1>We\u2019re sorry, but something went wrong on our end.</h1></body></html>' };
    case 'badRequest':
      return json(422, { error: spec.message });
  }
}
