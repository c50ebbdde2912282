import { createHash, randomBytes } from 'node:crypto';
import { FakeHttpServer, json } from './fakeHttpServer';
import type { FakeReply, FakeRequest, RecordedRequest, RequestMatch } from './fakeHttpServer';
import type { FailureSpec } from './failures';
import { fileOf, textOf } from './multipart';

/**
 * A Mastodon instance on loopback, speaking the REST API as documented on
 * docs.joinmastodon.org: app registration, the OAuth authorization code grant with PKCE S256
 * (the signed-in user approves or denies at once), token revocation, verify_credentials,
 * statuses (with Idempotency-Key and scheduled_at), v2 media with background processing,
 * scheduled statuses, status sources, instance configuration.
 */

export interface StoredStatus {
  id: string;
  text: string;
  createdAt: number;
  visibility: string;
  language: string | null;
  mediaIds: string[];
  idempotencyKey: string | null;
  /** in_reply_to_id: the status this one answers (a thread's next part). */
  inReplyToId: string | null;
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

/** An app registered through POST /api/v1/apps. */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
}

export interface MastodonServerOptions {
  /** A token valid from the start (tests that skip the OAuth sign-in). */
  accessToken?: string;
  username?: string;
  displayName?: string;
  avatar?: string;
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

const randomToken = () => randomBytes(24).toString('base64url');

/** OAuth and app parameters, sent as a form or as JSON (Mastodon accepts both). */
function params(req: FakeRequest): URLSearchParams {
  if ((req.header('content-type') ?? '').includes('application/json')) {
    const body = req.json() as Record<string, unknown>;
    return new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, String(value)]));
  }
  return new URLSearchParams(req.body.toString('utf8'));
}

const invalidGrant = (): FakeReply =>
  json(400, {
    error: 'invalid_grant',
    error_description:
      'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  });
const invalidClient = (): FakeReply =>
  json(401, {
    error: 'invalid_client',
    error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  });

export class MastodonServer {
  readonly statuses: StoredStatus[] = [];
  readonly scheduled: StoredScheduled[] = [];
  readonly media = new Map<string, StoredMedia>();
  readonly http: FakeHttpServer;
  readonly apps: RegisteredApp[] = [];
  /** Valid access tokens: the configured one and those issued by /oauth/token. */
  readonly accessTokens: Set<string>;
  private readonly grants = new Map<string, Grant>();
  private decision: 'approve' | 'deny' = 'approve';
  private readonly idempotency = new Map<string, { kind: 'status' | 'scheduled'; id: string }>();
  private nextId = 110000000000000000n;
  private readonly options: Required<MastodonServerOptions>;

  constructor(options: MastodonServerOptions = {}) {
    this.options = {
      accessToken: 'mastodon-token',
      username: 'maitre_durand',
      displayName: 'Maître Durand',
      avatar: 'https://files.fake.social/accounts/avatars/maitre_durand.png',
      now: () => Date.now(),
      maxCharacters: 500,
      charactersReservedPerUrl: 23,
      v1InstanceOnly: false,
      mediaProcessingPolls: 0,
      ...options,
    };
    this.accessTokens = new Set([this.options.accessToken]);
    this.http = new FakeHttpServer([
      { method: 'POST', path: /^\/api\/v1\/apps$/, handle: (req) => this.registerApp(req) },
      { method: 'GET', path: /^\/oauth\/authorize$/, handle: (req) => this.authorize(req) },
      { method: 'POST', path: /^\/oauth\/token$/, handle: (req) => this.token(req) },
      { method: 'POST', path: /^\/oauth\/revoke$/, handle: (req) => this.revoke(req) },
      { method: 'GET', path: /^\/api\/v2\/instance$/, handle: () => (this.options.v1InstanceOnly ? json(404, { error: 'Record not found' }) : json(200, this.instance())) },
      { method: 'GET', path: /^\/api\/v1\/instance$/, handle: () => json(200, { uri: 'fake.social', max_toot_chars: this.options.maxCharacters, configuration: this.instance().configuration }) },
      { method: 'POST', path: /^\/api\/v2\/media$/, handle: (req) => this.authed(req, () => this.uploadMedia(req)) },
      { method: 'GET', path: /^\/api\/v1\/media\/(\d+)$/, handle: (req, [id]) => this.authed(req, () => this.mediaStatus(id ?? '')) },
      { method: 'POST', path: /^\/api\/v1\/statuses$/, handle: (req) => this.authed(req, () => this.postStatus(req)) },
      { method: 'GET', path: /^\/api\/v1\/scheduled_statuses$/, handle: (req) => this.authed(req, () => this.listScheduled(req)) },
      { method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/(\d+)$/, handle: (req, [id]) => this.authed(req, () => this.cancelScheduled(id ?? '')) },
      { method: 'GET', path: /^\/api\/v1\/accounts\/verify_credentials$/, handle: (req) => this.authed(req, () => json(200, this.credentialAccount())) },
      { method: 'GET', path: /^\/api\/v1\/accounts\/(\d+)\/statuses$/, handle: (req) => this.authed(req, () => this.listStatuses(req)) },
      { method: 'GET', path: /^\/api\/v1\/statuses\/(\d+)$/, handle: (req, [id]) => this.authed(req, () => this.getStatus(id ?? '')) },
      { method: 'GET', path: /^\/api\/v1\/statuses\/(\d+)\/source$/, handle: (req, [id]) => this.authed(req, () => this.source(id ?? '')) },
    ]);
  }

  get url(): string {
    return this.http.url;
  }

  get port(): number {
    return this.http.port;
  }

  /** Every request received, in order. */
  get requests(): RecordedRequest[] {
    return this.http.requests;
  }

  get username(): string {
    return this.options.username;
  }

  get displayName(): string {
    return this.options.displayName;
  }

  get avatar(): string {
    return this.options.avatar;
  }

  /** What the user answers on the authorization page from now on. */
  decide(decision: 'approve' | 'deny'): void {
    this.decision = decision;
  }

  /** The user revokes the app in their settings (or an admin suspends the token): every token dies. */
  revokeAll(): void {
    this.accessTokens.clear();
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
  hangNextPost(options: { skip?: number } = {}): Promise<void> {
    return this.http.hangAfterAccept({ method: 'POST', path: /^\/api\/v1\/statuses$/, ...options });
  }

  /**
   * A status's counters as the instance reports them (favourites_count, reblogs_count,
   * replies_count); a counter left out here is left out of the reply (a fork that omits it).
   */
  readonly counts = new Map<string, Partial<Record<'favourites_count' | 'reblogs_count' | 'replies_count', number>>>();

  /** The author deletes the status: GET /api/v1/statuses/:id answers 404 from now on. */
  deleteStatus(id: string): void {
    const index = this.statuses.findIndex((item) => item.id === id);
    if (index >= 0) this.statuses.splice(index, 1);
  }

  statusUrl(id: string): string {
    return `${this.url}/@${this.options.username}/${id}`;
  }

  private id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private authed(req: FakeRequest, handle: () => FakeReply | Promise<FakeReply>): FakeReply | Promise<FakeReply> {
    const header = req.header('authorization') ?? '';
    if (!header.startsWith('Bearer ') || !this.accessTokens.has(header.slice('Bearer '.length))) return json(401, { error: 'The access token is invalid' });
    return handle();
  }

  /** POST /api/v1/apps: 422 without a name or redirect URI. */
  private registerApp(req: FakeRequest): FakeReply {
    const form = params(req);
    const redirectUris = (form.get('redirect_uris') ?? '').split(/\s+/).filter(Boolean);
    if (!form.get('client_name')) return json(422, { error: "Validation failed: Application name can't be blank" });
    if (redirectUris.length === 0) return json(422, { error: "Validation failed: Redirect URI can't be blank" });
    const app: RegisteredApp = { clientId: randomToken(), clientSecret: randomToken(), redirectUris, scopes: form.get('scopes') ?? 'read' };
    this.apps.push(app);
    return json(200, {
      id: String(this.apps.length),
      name: form.get('client_name'),
      website: form.get('website'),
      scopes: app.scopes.split(' '),
      redirect_uri: redirectUris.join('\n'),
      redirect_uris: redirectUris,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      client_secret_expires_at: 0,
    });
  }

  /** GET /oauth/authorize: the user's answer, redirected to the app (an error without PKCE S256). */
  private authorize(req: FakeRequest): FakeReply {
    const q = req.query;
    const app = this.apps.find((candidate) => candidate.clientId === q.get('client_id'));
    const redirectUri = q.get('redirect_uri') ?? '';
    if (app === undefined || !app.redirectUris.includes(redirectUri)) return { status: 400, text: '<p>The redirect uri included is not valid.</p>' };
    const target = new URL(redirectUri);
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    if (this.decision === 'deny' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The resource owner or authorization server denied the request.');
    } else {
      const code = randomToken();
      this.grants.set(code, { clientId: app.clientId, redirectUri, challenge: q.get('code_challenge') ?? '' });
      target.searchParams.set('code', code);
    }
    return { status: 302, headers: { location: target.toString() } };
  }

  /** POST /oauth/token, authorization_code grant: codes are single-use and the verifier must match. */
  private token(req: FakeRequest): FakeReply {
    const form = params(req);
    const app = this.apps.find((candidate) => candidate.clientId === form.get('client_id'));
    if (app === undefined || app.clientSecret !== form.get('client_secret')) return invalidClient();
    if (form.get('grant_type') !== 'authorization_code') return json(400, { error: 'unsupported_grant_type' });
    const code = form.get('code') ?? '';
    const grant = this.grants.get(code);
    this.grants.delete(code);
    const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
    if (grant === undefined || grant.clientId !== app.clientId || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
      return invalidGrant();
    }
    const access = randomToken();
    this.accessTokens.add(access);
    return json(200, { access_token: access, token_type: 'Bearer', scope: app.scopes, created_at: Math.floor(this.options.now() / 1000) });
  }

  /** POST /oauth/revoke: 403 for an unknown client, 200 {} otherwise (even for an unknown token). */
  private revoke(req: FakeRequest): FakeReply {
    const form = params(req);
    const app = this.apps.find((candidate) => candidate.clientId === form.get('client_id'));
    if (app === undefined || app.clientSecret !== form.get('client_secret')) {
      return json(403, { error: 'unauthorized_client', error_description: 'You are not authorized to revoke this token' });
    }
    this.accessTokens.delete(form.get('token') ?? '');
    return json(200, {});
  }

  /** https://docs.joinmastodon.org/entities/Account/#CredentialAccount */
  private credentialAccount() {
    const { username } = this.options;
    return {
      id: ACCOUNT_ID,
      username,
      acct: username,
      display_name: this.options.displayName,
      url: `${this.url}/@${username}`,
      avatar: this.options.avatar,
      avatar_static: this.options.avatar,
      locked: false,
      bot: false,
      created_at: '2022-11-10T00:00:00.000Z',
      note: '',
      followers_count: 120,
      following_count: 80,
      statuses_count: 42,
      source: { privacy: 'public', sensitive: false, language: 'fr', note: '', fields: [] },
    };
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
    const body = req.json() as { status?: string; media_ids?: string[]; visibility?: string; language?: string; scheduled_at?: string; in_reply_to_id?: string };
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
      inReplyToId: body.in_reply_to_id ?? null,
    };
    // Mastodon answers 404 when the status replied to does not exist (or is not visible).
    if (status.inReplyToId !== null && !this.statuses.some((item) => item.id === status.inReplyToId)) return json(404, { error: 'Record not found' });
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
    const status: StoredStatus = { id: this.id(), text: scheduled.text, createdAt: scheduled.scheduledAt, visibility: 'public', language: null, mediaIds: scheduled.mediaIds, idempotencyKey: null, inReplyToId: null };
    this.statuses.push(status);
    return status;
  }

  private statusJson(status: StoredStatus) {
    return {
      id: status.id,
      created_at: new Date(status.createdAt).toISOString(),
      visibility: status.visibility,
      language: status.language,
      in_reply_to_id: status.inReplyToId,
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

  /** GET /api/v1/statuses/:id: the Status with its counters; 404 once deleted. */
  private getStatus(id: string): FakeReply {
    const status = this.statuses.find((item) => item.id === id);
    if (status === undefined) return json(404, { error: 'Record not found' });
    const counts = this.counts.get(id) ?? { favourites_count: 0, reblogs_count: 0, replies_count: 0 };
    return json(200, { ...this.statusJson(status), ...counts });
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

/** A started instance (see MastodonServer). */
export async function startMastodonServer(options: MastodonServerOptions = {}): Promise<MastodonServer> {
  const server = new MastodonServer(options);
  await server.start();
  return server;
}
