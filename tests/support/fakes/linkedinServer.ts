import { FakeHttpServer, json } from './fakeHttpServer';
import type { FakeReply, FakeRequest, RequestMatch } from './fakeHttpServer';
import type { FailureSpec } from './failures';

/**
 * LinkedIn's versioned REST API on loopback: Posts API (POST /rest/posts → 201 + x-restli-id,
 * GET /rest/posts?q=author), Images API (initializeUpload + PUT of the bytes), the headers it
 * insists on (LinkedIn-Version, X-Restli-Protocol-Version: 2.0.0), its required-field 422s and
 * its duplicate refusal (422 DUPLICATE_POST naming the existing post).
 */

export interface StoredPost {
  urn: string;
  author: string;
  commentary: string;
  content: unknown;
  visibility: unknown;
  distribution: unknown;
  lifecycleState: unknown;
  isReshareDisabledByAuthor: unknown;
  createdAt: number;
  version: string;
}

export interface StoredComment {
  urn: string;
  id: string;
  object: string;
  actor: string;
  text: string;
  createdAt: number;
}

export interface StoredImage {
  urn: string;
  owner: string;
  bytes: Buffer | null;
  mimeType: string | null;
}

export interface LinkedinServerOptions {
  accessToken?: string;
  memberUrn?: string;
  now?: () => number;
  /** False: the app lacks r_member_social, GET /rest/posts?q=author answers 403. */
  canReadPosts?: boolean;
  /** False: the member did not grant (or revoked) r_member_postAnalytics, memberCreatorPostAnalytics answers 403. */
  postAnalyticsGranted?: boolean;
}

const postAnalyticsQueries = ['IMPRESSION', 'MEMBERS_REACHED', 'RESHARE', 'REACTION', 'COMMENT'] as const;
export type PostAnalyticsQuery = (typeof postAnalyticsQueries)[number];

const liError = (status: number, message: string, extra: Record<string, unknown> = {}): FakeReply => json(status, { status, message, ...extra });

export class LinkedinServer {
  readonly posts: StoredPost[] = [];
  /** Comments under posts (socialActions/{urn}/comments). */
  readonly comments: StoredComment[] = [];
  readonly images = new Map<string, StoredImage>();
  readonly http: FakeHttpServer;
  readonly memberUrn: string;
  private readonly accessToken: string;
  private readonly now: () => number;
  canReadPosts: boolean;
  postAnalyticsGranted: boolean;
  /** Member Post Analytics totals by post URN; a query type left out answers no element (partial data). */
  readonly postAnalytics = new Map<string, Partial<Record<PostAnalyticsQuery, number>>>();
  private nextId = 7400000000000000000n;

  constructor(options: LinkedinServerOptions = {}) {
    this.accessToken = options.accessToken ?? 'linkedin-token';
    this.memberUrn = options.memberUrn ?? 'urn:li:person:8675309ab';
    this.now = options.now ?? (() => Date.now());
    this.canReadPosts = options.canReadPosts ?? true;
    this.postAnalyticsGranted = options.postAnalyticsGranted ?? true;
    this.http = new FakeHttpServer([
      { method: 'POST', path: /^\/rest\/images$/, handle: (req) => this.rest(req, () => this.initializeUpload(req)) },
      { method: 'PUT', path: /^\/dms-uploads\/(\d+)$/, handle: (req, [id]) => this.upload(req, id ?? '') },
      { method: 'POST', path: /^\/rest\/posts$/, handle: (req) => this.rest(req, () => this.createPost(req)) },
      { method: 'GET', path: /^\/rest\/posts$/, handle: (req) => this.rest(req, () => this.findByAuthor(req)) },
      { method: 'POST', path: /^\/rest\/socialActions\/([^/]+)\/comments$/, handle: (req, [urn]) => this.rest(req, () => this.createComment(req, decodeURIComponent(urn ?? ''))) },
      { method: 'GET', path: /^\/rest\/socialActions\/([^/]+)\/comments$/, handle: (req, [urn]) => this.rest(req, () => this.listComments(decodeURIComponent(urn ?? ''))) },
      { method: 'GET', path: /^\/rest\/memberCreatorPostAnalytics$/, handle: (req) => this.rest(req, () => this.memberPostAnalytics(req)) },
      { method: 'GET', path: /^\/rest\/socialMetadata\/([^/]+)$/, handle: (req, [urn]) => this.rest(req, () => this.socialMetadata(decodeURIComponent(urn ?? ''))) },
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

  /** Reactions by type and comments of a post, by URN, as socialMetadata reports them. */
  readonly social = new Map<string, { reactions: Partial<Record<'LIKE' | 'PRAISE' | 'EMPATHY' | 'INTEREST' | 'APPRECIATION' | 'ENTERTAINMENT', number>>; comments: number }>();

  /** The author deletes the post: socialMetadata answers 404 from now on. */
  deletePost(urn: string): void {
    const index = this.posts.findIndex((post) => post.urn === urn);
    if (index >= 0) this.posts.splice(index, 1);
  }

  failNext(spec: FailureSpec, options: { times?: number } & RequestMatch = {}): void {
    this.http.failNext(linkedinFailure(spec), options);
  }

  /** Store the next post, then cut the connection before answering. */
  dropNextPost(): void {
    this.http.dropAfterAccept({ method: 'POST', path: /^\/rest\/posts$/ });
  }

  private id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private authorised(req: FakeRequest): boolean {
    return req.header('authorization') === `Bearer ${this.accessToken}`;
  }

  /** What every /rest call must carry, checked in LinkedIn's order. */
  private rest(req: FakeRequest, handle: () => FakeReply | Promise<FakeReply>): FakeReply | Promise<FakeReply> {
    if (!this.authorised(req)) return liError(401, 'Invalid access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' });
    const version = req.header('linkedin-version');
    if (version === undefined) return liError(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', { code: 'VERSION_MISSING' });
    if (!/^\d{6}$/.test(version)) return liError(400, `Requested version ${version} is not active`, { code: 'NONEXISTENT_VERSION' });
    if (req.header('x-restli-protocol-version') !== '2.0.0') return liError(400, 'Rest.li protocol 2.0.0 is required for /rest endpoints', { code: 'ILLEGAL_ARGUMENT' });
    return handle();
  }

  /** GET /rest/socialMetadata/{urn} (Community Management API): reaction summaries and comment count. */
  private socialMetadata(urn: string): FakeReply {
    if (!this.posts.some((post) => post.urn === urn)) return liError(404, `Not Found: ${urn}`, { code: 'NOT_FOUND' });
    const social = this.social.get(urn) ?? { reactions: {}, comments: 0 };
    const reactionSummaries = Object.fromEntries(Object.entries(social.reactions).map(([type, count]) => [type, { reactionType: type, count }]));
    return json(200, {
      entity: urn,
      reactionSummaries,
      commentSummary: { count: social.comments, topLevelCount: social.comments },
      commentsState: 'OPEN',
    });
  }

  /**
   * GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:{urn})&queryType=…&aggregation=TOTAL
   * (Member Post Analytics API, r_member_postAnalytics): one element with the metric's total.
   */
  private memberPostAnalytics(req: FakeRequest): FakeReply {
    if (req.query.get('q') !== 'entity') return liError(400, 'Unsupported finder');
    const entity = /^\((share|ugc):(urn:li:(?:share|ugcPost):\d+)\)$/.exec(req.query.get('entity') ?? '');
    const queryType = postAnalyticsQueries.find((type) => type === req.query.get('queryType'));
    if (entity === null || queryType === undefined) return liError(400, 'Invalid query parameters passed to request', { code: 'ILLEGAL_ARGUMENT' });
    if (req.query.get('aggregation') !== 'TOTAL' && req.query.get('aggregation') !== 'DAILY') return liError(400, 'aggregation is required', { code: 'ILLEGAL_ARGUMENT' });
    if (!this.postAnalyticsGranted) {
      return liError(403, 'Not enough permissions to access: memberCreatorPostAnalytics.FINDER-entity.20250501', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    }
    const urn = entity[2] ?? '';
    if (!this.posts.some((post) => post.urn === urn)) return liError(404, `Not Found: ${urn}`, { code: 'NOT_FOUND' });
    const count = this.postAnalytics.get(urn)?.[queryType];
    const elements =
      count === undefined
        ? []
        : [{ count, metricType: { 'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1': queryType }, targetEntity: { [entity[1] ?? 'share']: urn } }];
    return json(200, { paging: { start: 0, count: 10, links: [] }, elements });
  }

  private initializeUpload(req: FakeRequest): FakeReply {
    if (req.query.get('action') !== 'initializeUpload') return liError(400, 'Unknown action');
    const body = req.json() as { initializeUploadRequest?: { owner?: string } };
    const owner = body.initializeUploadRequest?.owner;
    if (owner !== this.memberUrn) return liError(403, 'Not enough permissions to access: partnerApiImages.ACTION-initializeUpload', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const id = this.id();
    const urn = `urn:li:image:D4E10AQ${id}`;
    this.images.set(id, { urn, owner, bytes: null, mimeType: null });
    return json(200, {
      value: {
        uploadUrlExpiresAt: this.now() + 86_400_000,
        uploadUrl: `${this.url}/dms-uploads/${id}?ca=vector_feedshare&cn=uploads&m=AQ&app=1&sync=0&v=beta`,
        image: urn,
      },
    });
  }

  private upload(req: FakeRequest, id: string): FakeReply {
    if (!this.authorised(req)) return liError(401, 'Invalid access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' });
    const image = this.images.get(id);
    if (image === undefined || req.query.get('cn') !== 'uploads') return liError(404, 'Upload not found');
    image.bytes = req.body;
    image.mimeType = req.header('content-type') ?? null;
    return { status: 201 };
  }

  /** POST /rest/socialActions/{urn}/comments (Comments API): 201 with the comment, its URN in $URN. */
  private createComment(req: FakeRequest, objectUrn: string): FakeReply {
    const body = req.json() as { actor?: string; object?: string; message?: { text?: string } };
    if (!this.posts.some((post) => post.urn === objectUrn)) return liError(404, `Not found: ${objectUrn}`);
    if (body.actor !== this.memberUrn) return liError(403, 'Not enough permissions to access: partnerApiSocialActions.CREATE', { code: 'ACCESS_DENIED' });
    if (body.object !== objectUrn || typeof body.message?.text !== 'string' || body.message.text === '') return liError(422, 'ERROR :: /message/text :: field is required');
    const id = this.id();
    const comment: StoredComment = { urn: `urn:li:comment:(${objectUrn},${id})`, id, object: objectUrn, actor: body.actor, text: body.message.text, createdAt: this.now() };
    this.comments.push(comment);
    return json(201, this.commentJson(comment), { 'x-restli-id': comment.urn });
  }

  private listComments(objectUrn: string): FakeReply {
    return json(200, { elements: this.comments.filter((comment) => comment.object === objectUrn).map((comment) => this.commentJson(comment)), paging: { start: 0, count: 100 } });
  }

  private commentJson(comment: StoredComment) {
    return { id: comment.id, $URN: comment.urn, actor: comment.actor, object: comment.object, message: { text: comment.text }, created: { actor: comment.actor, time: comment.createdAt } };
  }

  private createPost(req: FakeRequest): FakeReply {
    const body = req.json() as Record<string, unknown>;
    const missing = ['author', 'visibility', 'distribution', 'lifecycleState'].filter((field) => body[field] === undefined);
    if (missing.length > 0) {
      return liError(422, missing.map((field) => `ERROR :: /${field} :: field is required but not found and has no default value\n`).join(''));
    }
    if (body.author !== this.memberUrn) return liError(403, 'Not enough permissions to access: partnerApiPostsExternal.CREATE', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const commentary = typeof body.commentary === 'string' ? body.commentary : '';
    const unknownImage = imageIds(body.content).find((urn) => ![...this.images.values()].some((image) => image.urn === urn && image.bytes !== null));
    if (unknownImage !== undefined) return liError(422, `Image ${unknownImage} is not uploaded`, { errorDetails: { inputErrors: [{ code: 'INVALID_VALUE', description: 'Invalid image' }] } });
    const earlier = this.posts.find((post) => post.author === body.author && post.commentary === commentary);
    if (earlier !== undefined) {
      return json(422, {
        errorDetailType: 'com.linkedin.common.error.BadRequest',
        message: `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${earlier.urn}`,
        errorDetails: { inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }] },
        status: 422,
      });
    }
    const post: StoredPost = {
      urn: `urn:li:share:${this.id()}`,
      author: this.memberUrn,
      commentary,
      content: body.content,
      visibility: body.visibility,
      distribution: body.distribution,
      lifecycleState: body.lifecycleState,
      isReshareDisabledByAuthor: body.isReshareDisabledByAuthor,
      createdAt: this.now(),
      version: req.header('linkedin-version') ?? '',
    };
    this.posts.push(post);
    return { status: 201, headers: { 'x-restli-id': post.urn, 'x-linkedin-id': post.urn } };
  }

  private findByAuthor(req: FakeRequest): FakeReply {
    if (req.query.get('q') !== 'author') return liError(400, 'Unsupported finder');
    if (!this.canReadPosts) return liError(403, 'Not enough permissions to access: partnerApiPostsExternal.FINDER-author', { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    const author = req.query.get('author');
    const count = Number(req.query.get('count') ?? '10');
    const elements = this.posts
      .filter((post) => post.author === author)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, count)
      .map((post) => ({
        id: post.urn,
        author: post.author,
        commentary: post.commentary,
        createdAt: post.createdAt,
        publishedAt: post.createdAt,
        lastModifiedAt: post.createdAt,
        lifecycleState: 'PUBLISHED',
        visibility: post.visibility,
        distribution: post.distribution,
        content: post.content,
      }));
    return json(200, { paging: { start: 0, count, links: [] }, elements });
  }
}

function imageIds(content: unknown): string[] {
  if (typeof content !== 'object' || content === null) return [];
  const { media, multiImage } = content as { media?: { id?: string }; multiImage?: { images?: { id?: string }[] } };
  return [media?.id, ...(multiImage?.images ?? []).map((image) => image.id)].filter((id): id is string => id !== undefined);
}

function linkedinFailure(spec: FailureSpec): FakeReply {
  switch (spec.kind) {
    case 'rateLimited':
      return json(
        429,
        { status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' },
        spec.retryAfter === undefined ? {} : { 'retry-after': spec.retryAfter },
      );
    case 'unauthorized':
      return liError(401, 'The token used in the request has been revoked by the user', { serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN' });
    case 'serverError':
      return liError(500, 'Internal Server Error');
    case 'badRequest':
      return json(422, {
        errorDetailType: 'com.linkedin.common.error.BadRequest',
        message: spec.message,
        errorDetails: { inputErrors: [{ description: spec.message, input: { inputPath: { fieldPath: 'commentary' } }, code: 'INVALID_VALUE' }] },
        status: 422,
      });
  }
}
