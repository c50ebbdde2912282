import { randomBytes } from 'node:crypto';
import { cidFor } from './cid';
import { FakeHttpServer, json } from './fakeHttpServer';
import type { FakeReply, FakeRequest, RecordedRequest, RequestMatch } from './fakeHttpServer';
import type { FailureSpec } from './failures';

/**
 * A Bluesky PDS on loopback: the XRPC endpoints @atproto/api's agent calls to sign in (with
 * any of the account's app passwords), refresh, end a session, read the profile (which a real
 * PDS proxies to the AppView), resolve mentions, upload blobs and write/read post records,
 * with XRPC's error shape
 * `{ "error": "…", "message": "…" }` and the PDS's own checks of a post record (300
 * graphemes, facet DIDs, known blobs; a second createRecord at a taken key is a 500, as on
 * bsky.social today — bluesky-social/atproto#3718).
 */

export interface StoredRecord {
  rkey: string;
  uri: string;
  cid: string;
  value: Record<string, unknown>;
}

export interface StoredBlob {
  cid: string;
  mimeType: string;
  bytes: Buffer;
}

export interface BlueskyServerOptions {
  handle?: string;
  did?: string;
  email?: string;
  displayName?: string;
  avatar?: string;
  appPassword?: string;
  /** Other accounts' handles the PDS resolves (mentions). */
  knownHandles?: Record<string, string>;
}

const xrpcError = (status: number, error: string, message: string, headers: Record<string, string> = {}): FakeReply => json(status, { error, message }, headers);

export class BlueskyServer {
  readonly records = new Map<string, StoredRecord>();
  readonly blobs = new Map<string, StoredBlob>();
  readonly http: FakeHttpServer;
  readonly handle: string;
  readonly did: string;
  readonly email: string;
  readonly displayName: string;
  readonly avatar: string;
  /** The account's valid app passwords (the user may add or revoke one in Bluesky's settings). */
  readonly appPasswords: Set<string>;
  readonly accessTokens = new Set<string>();
  readonly refreshTokens = new Set<string>();
  private readonly knownHandles: Map<string, string>;
  /** Sign-ins and refreshes so far (for assertions on session reuse). */
  sessionsCreated = 0;
  sessionsRefreshed = 0;

  constructor(options: BlueskyServerOptions = {}) {
    this.handle = options.handle ?? 'maitre-durand.bsky.social';
    this.did = options.did ?? 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
    this.email = options.email ?? 'contact@durand-avocats.fr';
    this.displayName = options.displayName ?? 'Maître Durand';
    this.avatar = options.avatar ?? `https://cdn.bsky.app/img/avatar/plain/${this.did}/bafkreidurand@jpeg`;
    this.appPasswords = new Set([options.appPassword ?? 'abcd-efgh-ijkl-mnop']);
    this.knownHandles = new Map(Object.entries({ [this.handle]: this.did, ...options.knownHandles }));
    const xrpc = (nsid: string) => new RegExp(`^/xrpc/${nsid.replace(/\./g, '\\.')}$`);
    this.http = new FakeHttpServer([
      { method: 'POST', path: xrpc('com.atproto.server.createSession'), handle: (req) => this.createSession(req) },
      { method: 'POST', path: xrpc('com.atproto.server.refreshSession'), handle: (req) => this.refreshSession(req) },
      { method: 'GET', path: xrpc('com.atproto.server.getSession'), handle: (req) => this.authed(req, () => json(200, this.sessionInfo())) },
      { method: 'POST', path: xrpc('com.atproto.server.deleteSession'), handle: (req) => this.deleteSession(req) },
      { method: 'GET', path: xrpc('app.bsky.actor.getProfile'), handle: (req) => this.authed(req, () => this.getProfile(req)) },
      { method: 'GET', path: xrpc('com.atproto.identity.resolveHandle'), handle: (req) => this.resolveHandle(req) },
      { method: 'POST', path: xrpc('com.atproto.repo.uploadBlob'), handle: (req) => this.authed(req, () => this.uploadBlob(req)) },
      { method: 'POST', path: xrpc('com.atproto.repo.createRecord'), handle: (req) => this.authed(req, () => this.createRecord(req)) },
      { method: 'GET', path: xrpc('com.atproto.repo.getRecord'), handle: (req) => this.getRecord(req) },
      { method: 'GET', path: xrpc('app.bsky.feed.getPosts'), handle: (req) => this.authed(req, () => this.getPosts(req)) },
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

  start(): Promise<string> {
    return this.http.start();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** A post's counters as the AppView reports them (likeCount, repostCount, replyCount, quoteCount), by record key. */
  readonly counts = new Map<string, Partial<Record<'likeCount' | 'repostCount' | 'replyCount' | 'quoteCount', number>>>();

  /** The author deletes the post: getPosts leaves it out from now on. */
  deletePost(rkey: string): void {
    this.records.delete(rkey);
  }

  failNext(spec: FailureSpec, options: { times?: number } & RequestMatch = {}): void {
    this.http.failNext(blueskyFailure(spec), options);
  }

  /** Store the next post record, then cut the connection before answering. */
  dropNextPost(): void {
    this.http.dropAfterAccept({ method: 'POST', path: /createRecord$/ });
  }

  /** Every access token issued so far now answers 400 ExpiredToken (the agent refreshes). */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Every session ends (e.g. the user signed out everywhere); the app passwords still work. */
  revokeSessions(): void {
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }

  /** The app password is revoked in Bluesky's settings: sessions end and sign-ins are refused. */
  revokeAppPassword(): void {
    this.revokeSessions();
    this.appPasswords.clear();
  }

  private issueTokens() {
    // JWT-shaped and unguessable, like a real PDS's: tests look for them in what Plume stores.
    const jwt = (kind: string) => `eyJhbGciOiJFUzI1NksifQ.${kind}.${randomBytes(24).toString('base64url')}`;
    const accessJwt = jwt('access');
    const refreshJwt = jwt('refresh');
    this.accessTokens.add(accessJwt);
    this.refreshTokens.add(refreshJwt);
    return { accessJwt, refreshJwt };
  }

  private sessionInfo() {
    return { handle: this.handle, did: this.did, email: this.email, emailConfirmed: true, active: true };
  }

  private createSession(req: FakeRequest): FakeReply {
    const body = req.json() as { identifier?: unknown; password?: unknown };
    if (typeof body.identifier !== 'string') return xrpcError(400, 'InvalidRequest', 'Input must have the property "identifier"');
    const knownIdentifier = [this.handle, this.did, this.email].includes(body.identifier);
    if (!knownIdentifier || typeof body.password !== 'string' || !this.appPasswords.has(body.password)) {
      return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
    }
    this.sessionsCreated += 1;
    return json(200, { ...this.issueTokens(), ...this.sessionInfo(), emailAuthFactor: false });
  }

  private refreshSession(req: FakeRequest): FakeReply {
    const token = (req.header('authorization') ?? '').replace(/^Bearer /, '');
    if (!this.refreshTokens.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
    // Refresh tokens are single-use: the session rotates.
    this.refreshTokens.delete(token);
    this.sessionsRefreshed += 1;
    return json(200, { ...this.issueTokens(), handle: this.handle, did: this.did, active: true });
  }

  /** deleteSession takes the refresh token; 200 with an empty body. */
  private deleteSession(req: FakeRequest): FakeReply {
    const token = (req.header('authorization') ?? '').replace(/^Bearer /, '');
    if (!this.refreshTokens.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
    this.refreshTokens.delete(token);
    return { status: 200 };
  }

  private getProfile(req: FakeRequest): FakeReply {
    const actor = req.query.get('actor');
    if (actor !== this.did && actor !== this.handle) return xrpcError(400, 'InvalidRequest', 'Profile not found');
    return json(200, {
      did: this.did,
      handle: this.handle,
      displayName: this.displayName,
      avatar: this.avatar,
      followersCount: 310,
      followsCount: 120,
      postsCount: 57,
      indexedAt: '2026-01-05T09:00:00.000Z',
    });
  }

  /** app.bsky.feed.getPosts (the PDS proxies it to the AppView): post views, deleted ones left out. */
  private getPosts(req: FakeRequest): FakeReply {
    const uris = req.query.getAll('uris');
    if (uris.length === 0 || uris.length > 25) return xrpcError(400, 'InvalidRequest', 'Error: uris must have between 1 and 25 items');
    const posts = uris.flatMap((uri) => {
      const record = [...this.records.values()].find((item) => item.uri === uri);
      if (record === undefined) return [];
      const counts = this.counts.get(record.rkey) ?? { likeCount: 0, repostCount: 0, replyCount: 0, quoteCount: 0 };
      return [{ uri, cid: record.cid, author: { did: this.did, handle: this.handle }, record: record.value, indexedAt: new Date().toISOString(), ...counts }];
    });
    return json(200, { posts });
  }

  private authed(req: FakeRequest, handle: () => FakeReply | Promise<FakeReply>): FakeReply | Promise<FakeReply> {
    const header = req.header('authorization');
    if (header === undefined) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    if (!this.accessTokens.has(header.replace(/^Bearer /, ''))) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    return handle();
  }

  private resolveHandle(req: FakeRequest): FakeReply {
    const did = this.knownHandles.get(req.query.get('handle') ?? '');
    return did === undefined ? xrpcError(400, 'InvalidRequest', 'Unable to resolve handle') : json(200, { did });
  }

  private uploadBlob(req: FakeRequest): FakeReply {
    const mimeType = req.header('content-type') ?? 'application/octet-stream';
    const cid = cidFor(req.body, 'raw');
    this.blobs.set(cid, { cid, mimeType, bytes: req.body });
    return json(200, { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: req.body.length } });
  }

  private createRecord(req: FakeRequest): FakeReply {
    const body = req.json() as { repo?: string; collection?: string; rkey?: string; record?: Record<string, unknown> };
    if (body.repo !== this.did && body.repo !== this.handle) return xrpcError(400, 'InvalidRequest', 'Invalid repo');
    const record = body.record ?? {};
    if (body.collection !== 'app.bsky.feed.post' || record.$type !== body.collection) return xrpcError(400, 'InvalidRequest', 'Invalid $type');
    const problem = postProblem(record, this.blobs);
    if (problem !== undefined) return xrpcError(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`);
    const rkey = body.rkey ?? `3l${Date.now().toString(32)}`;
    if (!/^[a-zA-Z0-9_~.:-]{1,512}$/.test(rkey)) return xrpcError(400, 'InvalidRequest', 'record key syntax not valid (regex)');
    if (this.records.has(rkey)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    // app.bsky.feed.post#replyRef: root and parent must be strong refs (URI and CID) to posts that exist.
    const reply = record.reply as { root?: { uri?: string; cid?: string }; parent?: { uri?: string; cid?: string } } | undefined;
    if (reply !== undefined) {
      const known = (ref: { uri?: string; cid?: string } | undefined) => [...this.records.values()].some((item) => item.uri === ref?.uri && item.cid === ref.cid);
      if (!known(reply.root) || !known(reply.parent)) return xrpcError(400, 'InvalidRequest', 'Invalid app.bsky.feed.post record: Record/reply must reference existing posts');
    }
    const uri = `at://${this.did}/app.bsky.feed.post/${rkey}`;
    const cid = cidFor(Buffer.from(JSON.stringify(record)), 'dag-cbor');
    this.records.set(rkey, { rkey, uri, cid, value: record });
    return json(200, { uri, cid, commit: { cid: cidFor(Buffer.from(uri), 'dag-cbor'), rev: '3lbcdefghij22' }, validationStatus: 'valid' });
  }

  private getRecord(req: FakeRequest): FakeReply {
    const repo = req.query.get('repo');
    const rkey = req.query.get('rkey') ?? '';
    const record = repo === this.did || repo === this.handle ? this.records.get(rkey) : undefined;
    if (record === undefined) return xrpcError(400, 'RecordNotFound', `Could not locate record: at://${repo ?? ''}/app.bsky.feed.post/${rkey}`);
    return json(200, { uri: record.uri, cid: record.cid, value: record.value });
  }
}

/** What the PDS's lexicon validation would refuse in a post record, or undefined. */
function postProblem(record: Record<string, unknown>, blobs: Map<string, StoredBlob>): string | undefined {
  const text = record.text;
  if (typeof text !== 'string') return 'Record/text must be a string';
  if ([...new Intl.Segmenter().segment(text)].length > 300) return 'Record/text must not be longer than 300 graphemes';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > 3000) return 'Record/text must not be longer than 3000 characters';
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) return 'Record/createdAt must be an valid atproto datetime';
  const facets = Array.isArray(record.facets) ? (record.facets as { index: { byteStart: number; byteEnd: number }; features: { $type: string; did?: string; uri?: string }[] }[]) : [];
  for (const [i, facet] of facets.entries()) {
    if (facet.index.byteStart < 0 || facet.index.byteEnd > bytes || facet.index.byteStart > facet.index.byteEnd) return `Record/facets/${i}/index is out of range`;
    for (const [j, feature] of facet.features.entries()) {
      if (feature.$type === 'app.bsky.richtext.facet#mention' && !/^did:[a-z]+:[A-Za-z0-9._:%-]+$/.test(feature.did ?? '')) {
        return `Record/facets/${i}/features/${j}/did must be a valid did`;
      }
    }
  }
  const embed = record.embed as { $type?: string; images?: { image?: { ref?: { $link?: string } }; alt?: unknown }[] } | undefined;
  if (embed?.$type === 'app.bsky.embed.images') {
    const images = embed.images ?? [];
    if (images.length > 4) return 'Record/embed/images must not have more than 4 elements';
    for (const [i, image] of images.entries()) {
      if (typeof image.alt !== 'string') return `Record/embed/images/${i} must have the property "alt"`;
      const link = image.image?.ref?.$link ?? '';
      if (!blobs.has(link)) return `Could not find blob: ${link}`;
    }
  }
  return undefined;
}

function blueskyFailure(spec: FailureSpec): FakeReply {
  switch (spec.kind) {
    case 'rateLimited':
      return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.floor((spec.resetAt ?? Date.now() + 300_000) / 1000)),
        'ratelimit-policy': '5000;w=3600',
        ...(spec.retryAfter === undefined ? {} : { 'retry-after': spec.retryAfter }),
      });
    case 'unauthorized':
      return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    case 'serverError':
      return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    case 'badRequest':
      return xrpcError(400, 'InvalidRequest', spec.message);
  }
}

/** A started PDS (see BlueskyServer). */
export async function startBlueskyServer(options: BlueskyServerOptions = {}): Promise<BlueskyServer> {
  const server = new BlueskyServer(options);
  await server.start();
  return server;
}
