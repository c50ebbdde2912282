import { FakeHttpServer, json } from './fakeHttpServer';
import type { FakeReply, FakeRequest, RequestMatch } from './fakeHttpServer';
import type { FailureSpec } from './failures';
import { fileOf, textOf } from './multipart';

/**
 * X API v2 on loopback: POST /2/tweets, the v2 media upload (one-shot, STATUS polling) and
 * media metadata (alt text), GET /2/users/me and /2/users/:id/tweets — with X's problem JSON
 * errors, its 403 on duplicate content, and the way it returns text: links as t.co links,
 * a t.co link for attached media, `& < >` HTML-escaped.
 */

export interface StoredTweet {
  id: string;
  /** The text as sent. */
  text: string;
  /** The text as X stores and returns it (t.co links). */
  storedText: string;
  urls: { url: string; expanded_url: string; media_key?: string }[];
  mediaIds: string[];
  createdAt: number;
  /** reply.in_reply_to_tweet_id: the post this one answers. */
  inReplyToId: string | null;
}

export interface StoredXMedia {
  id: string;
  mediaKey: string;
  category: string | null;
  mimeType: string | null;
  size: number;
  bytes: Buffer;
  alt: string | null;
  statusPollsLeft: number;
}

export interface XServerOptions {
  accessToken?: string;
  username?: string;
  now?: () => number;
  /** STATUS polls answering in_progress before the media is ready (0: ready at once). */
  mediaProcessingPolls?: number;
  /** The OAuth 2.0 client whose refresh token POST /2/oauth2/token accepts (Basic auth). */
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
}

const USER_ID = '1460000000000000001';

const problem = (status: number, title: string, detail: string, type = 'about:blank', headers: Record<string, string> = {}): FakeReply =>
  json(status, { title, detail, type, status }, headers);

const invalidRequest = (message: string, parameters: Record<string, string[]> = {}): FakeReply =>
  json(400, {
    errors: [{ parameters, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  });

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class XServer {
  readonly tweets: StoredTweet[] = [];
  readonly media = new Map<string, StoredXMedia>();
  readonly http: FakeHttpServer;
  private readonly options: Required<XServerOptions>;
  private nextId = 1860000000000000000n;
  private tco = 0;

  constructor(options: XServerOptions = {}) {
    this.options = {
      accessToken: 'x-token',
      username: 'MaitreDurand',
      now: () => Date.now(),
      mediaProcessingPolls: 0,
      clientId: 'x-client',
      clientSecret: 'x-client-secret',
      refreshToken: 'x-refresh',
      ...options,
    };
    this.http = new FakeHttpServer([
      { method: 'POST', path: /^\/2\/media\/upload$/, handle: (req) => this.authed(req, () => this.upload(req)) },
      { method: 'GET', path: /^\/2\/media\/upload$/, handle: (req) => this.authed(req, () => this.uploadStatus(req)) },
      { method: 'POST', path: /^\/2\/media\/metadata$/, handle: (req) => this.authed(req, () => this.metadata(req)) },
      { method: 'POST', path: /^\/2\/tweets$/, handle: (req) => this.authed(req, () => this.createTweet(req)) },
      { method: 'GET', path: /^\/2\/tweets$/, handle: (req) => this.authed(req, () => this.lookupTweets(req)) },
      { method: 'POST', path: /^\/2\/oauth2\/token$/, handle: (req) => this.token(req) },
      { method: 'GET', path: /^\/2\/users\/me$/, handle: (req) => this.authed(req, () => json(200, { data: { id: USER_ID, name: 'Maître Durand', username: this.options.username } })) },
      { method: 'GET', path: /^\/2\/users\/(\d+)\/tweets$/, handle: (req, [id]) => this.authed(req, () => this.userTweets(req, id ?? '')) },
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

  failNext(spec: FailureSpec, options: { times?: number; skip?: number } & RequestMatch = {}): void {
    this.http.failNext(xFailure(spec, this.options.now()), options);
  }

  /**
   * A post's public_metrics as X reports them; a metric left out here is left out of the
   * reply (X omits what it will not give, e.g. impressions on some tiers).
   */
  readonly metrics = new Map<string, Partial<Record<'retweet_count' | 'reply_count' | 'like_count' | 'quote_count' | 'bookmark_count' | 'impression_count', number>>>();

  /** The author deletes the post: lookups answer its id under `errors` (resource-not-found). */
  deleteTweet(id: string): void {
    const index = this.tweets.findIndex((tweet) => tweet.id === id);
    if (index >= 0) this.tweets.splice(index, 1);
  }

  /** Store the next post, then cut the connection before answering. */
  dropNextPost(): void {
    this.http.dropAfterAccept({ method: 'POST', path: /^\/2\/tweets$/ });
  }

  /**
   * POST /2/oauth2/token, grant_type=refresh_token (docs.x.com OAuth 2.0 authorization code
   * flow with PKCE): confidential clients authenticate with Basic; both tokens rotate.
   */
  private token(req: FakeRequest): FakeReply {
    // RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined by ':' and base64-encoded.
    const basic = /^Basic (.+)$/u.exec(req.header('authorization') ?? '')?.[1] ?? '';
    const [clientId, clientSecret] = Buffer.from(basic, 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part.replace(/\+/gu, ' ')));
    if (clientId !== this.options.clientId || clientSecret !== this.options.clientSecret) {
      return json(401, { error: 'unauthorized_client', error_description: 'Missing valid authorization header' });
    }
    const form = new URLSearchParams(req.body.toString('utf8'));
    if (form.get('grant_type') !== 'refresh_token') return json(400, { error: 'invalid_request', error_description: 'Value passed for the grant type was invalid.' });
    if (form.get('refresh_token') !== this.options.refreshToken) return json(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    const id = this.id();
    this.options.accessToken = `x-token-${id}`;
    this.options.refreshToken = `x-refresh-${id}`;
    return json(200, {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: this.options.accessToken,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      refresh_token: this.options.refreshToken,
    });
  }

  private id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private tcoLink(): string {
    this.tco += 1;
    return `https://t.co/Fk${this.tco.toString().padStart(8, '0')}`;
  }

  private authed(req: FakeRequest, handle: () => FakeReply | Promise<FakeReply>): FakeReply | Promise<FakeReply> {
    if (req.header('authorization') !== `Bearer ${this.options.accessToken}`) return problem(401, 'Unauthorized', 'Unauthorized');
    return handle();
  }

  private mediaJson(media: StoredXMedia) {
    const processing =
      this.options.mediaProcessingPolls === 0
        ? {}
        : { processing_info: media.statusPollsLeft > 0 ? { state: 'in_progress', check_after_secs: 1, progress_percent: 50 } : { state: 'succeeded', progress_percent: 100 } };
    return { data: { id: media.id, media_key: media.mediaKey, size: media.size, expires_after_secs: 86400, ...processing } };
  }

  private upload(req: FakeRequest): FakeReply {
    const form = req.form();
    const file = fileOf(form.get('media'));
    if (file === undefined) return invalidRequest('The `media` field is required.', { media: [] });
    const id = this.id();
    const media: StoredXMedia = {
      id,
      mediaKey: `3_${id}`,
      category: textOf(form.get('media_category')) ?? null,
      mimeType: textOf(form.get('media_type')) ?? null,
      size: file.bytes.length,
      bytes: file.bytes,
      alt: null,
      statusPollsLeft: this.options.mediaProcessingPolls,
    };
    this.media.set(id, media);
    return json(200, this.mediaJson(media));
  }

  private uploadStatus(req: FakeRequest): FakeReply {
    const media = this.media.get(req.query.get('media_id') ?? '');
    if (req.query.get('command') !== 'STATUS' || media === undefined) return invalidRequest('Invalid media_id');
    media.statusPollsLeft -= 1;
    return json(200, this.mediaJson(media));
  }

  private metadata(req: FakeRequest): FakeReply {
    const body = req.json() as { id?: string; metadata?: { alt_text?: { text?: string } } };
    const media = this.media.get(body.id ?? '');
    const alt = body.metadata?.alt_text?.text;
    if (media === undefined) return invalidRequest('Invalid media id', { id: [body.id ?? ''] });
    if (alt === undefined || alt.length > 1000) return invalidRequest('alt_text.text must be 1000 characters or fewer');
    media.alt = alt;
    return json(200, { data: { id: media.id, associated_metadata: { alt_text: { text: alt } } } });
  }

  private createTweet(req: FakeRequest): FakeReply {
    const body = req.json() as { text?: string; media?: { media_ids?: string[] }; reply?: { in_reply_to_tweet_id?: string } };
    const inReplyToId = body.reply?.in_reply_to_tweet_id ?? null;
    if (inReplyToId !== null && !this.tweets.some((tweet) => tweet.id === inReplyToId)) {
      return invalidRequest('The Tweet you are replying to does not exist or has been deleted.');
    }
    const text = body.text ?? '';
    const mediaIds = body.media?.media_ids ?? [];
    const bad = mediaIds.filter((id) => {
      const media = this.media.get(id);
      return media === undefined || media.statusPollsLeft > 0;
    });
    if (bad.length > 0) return invalidRequest('Your media IDs are invalid.', { 'media.media_ids': bad });
    if (text === '' && mediaIds.length === 0) return invalidRequest('Post text cannot be empty.');
    const now = this.options.now();
    if (this.tweets.some((tweet) => tweet.text === text && now - tweet.createdAt < 86_400_000)) {
      return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    }
    const id = this.id();
    const urls: StoredTweet['urls'] = [];
    let storedText = text.replace(/https?:\/\/\S+/g, (link) => {
      const url = this.tcoLink();
      urls.push({ url, expanded_url: link });
      return url;
    });
    for (const mediaId of mediaIds) {
      const url = this.tcoLink();
      urls.push({ url, expanded_url: `https://x.com/${this.options.username}/status/${id}/photo/1`, media_key: `3_${mediaId}` });
      storedText += ` ${url}`;
    }
    this.tweets.push({ id, text, storedText, urls, mediaIds, createdAt: now, inReplyToId });
    return json(201, { data: { id, text: escapeHtml(storedText), edit_history_tweet_ids: [id] } });
  }

  /**
   * GET /2/tweets?ids=…&tweet.fields=public_metrics: 200 with `data` for the posts found and
   * `errors` for the others (docs.x.com, "Post lookup": partial errors come with a 200).
   */
  private lookupTweets(req: FakeRequest): FakeReply {
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > 100) return invalidRequest('The `ids` query parameter value is not between 1 and 100');
    const fields = (req.query.get('tweet.fields') ?? '').split(',');
    const data = ids.flatMap((id) => {
      const tweet = this.tweets.find((item) => item.id === id);
      if (tweet === undefined) return [];
      const metrics = this.metrics.get(id) ?? { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 };
      return [{ id, text: escapeHtml(tweet.storedText), edit_history_tweet_ids: [id], ...(fields.includes('public_metrics') ? { public_metrics: metrics } : {}) }];
    });
    const errors = ids
      .filter((id) => !this.tweets.some((item) => item.id === id))
      .map((id) => ({
        value: id,
        detail: `Could not find tweet with ids: [${id}].`,
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: id,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      }));
    return json(200, { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) });
  }

  private userTweets(req: FakeRequest, userId: string): FakeReply {
    if (userId !== USER_ID) return problem(404, 'Not Found Error', 'Could not find user');
    const max = Number(req.query.get('max_results') ?? '10');
    if (max < 5 || max > 100) return invalidRequest('The `max_results` query parameter value is not between 5 and 100');
    const startParam = req.query.get('start_time');
    if (startParam !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(startParam)) return invalidRequest(`Invalid start_time: ${startParam}`);
    const start = startParam === null ? 0 : Date.parse(startParam);
    const fields = (req.query.get('tweet.fields') ?? '').split(',');
    const list = [...this.tweets]
      .filter((tweet) => tweet.createdAt >= start)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, max)
      .map((tweet) => ({
        id: tweet.id,
        text: escapeHtml(tweet.storedText),
        edit_history_tweet_ids: [tweet.id],
        ...(fields.includes('created_at') ? { created_at: new Date(tweet.createdAt).toISOString() } : {}),
        ...(fields.includes('entities') && tweet.urls.length > 0
          ? { entities: { urls: tweet.urls.map((url) => ({ ...url, display_url: url.expanded_url.replace(/^https?:\/\//, '').slice(0, 24) })) } }
          : {}),
      }));
    return json(200, list.length === 0 ? { meta: { result_count: 0 } } : { data: list, meta: { result_count: list.length } });
  }
}

function xFailure(spec: FailureSpec, now: number): FakeReply {
  switch (spec.kind) {
    case 'rateLimited':
      return problem(429, 'Too Many Requests', 'Too Many Requests', 'about:blank', {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.floor((spec.resetAt ?? now + 900_000) / 1000)),
        ...(spec.retryAfter === undefined ? {} : { 'retry-after': spec.retryAfter }),
      });
    case 'unauthorized':
      return problem(401, 'Unauthorized', 'Unauthorized');
    case 'serverError':
      return problem(503, 'Service Unavailable', 'Service Unavailable');
    case 'badRequest':
      return invalidRequest(spec.message);
  }
}
