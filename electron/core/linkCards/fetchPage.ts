import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { LinkCardRefusal } from '../../../shared/previews/schema';
import type { AddressPolicy } from './addressPolicy';
import { decodeHtml } from './charset';

export interface FetchLimits {
  /** Bytes read at most; a longer page is refused. */
  maxBytes: number;
  /** The whole fetch, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
}

export const defaultFetchLimits: FetchLimits = { maxBytes: 1_000_000, timeoutMs: 5_000, maxRedirects: 3 };

export type PageResult = { ok: true; finalUrl: string; html: string } | { ok: false; reason: LinkCardRefusal; detail: string };

class Refused extends Error {
  constructor(
    readonly reason: LinkCardRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

/** The parts of a reply we act on, parsed before use. */
const ReplyHead = z.object({
  status: z.number().int().min(100).max(599),
  contentType: z.string().max(500).optional(),
  location: z.string().max(4000).optional(),
  contentLength: z.coerce.number().int().nonnegative().optional(),
});
type ReplyHead = z.infer<typeof ReplyHead>;

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function headOf(response: IncomingMessage): ReplyHead {
  const parsed = ReplyHead.safeParse({
    status: response.statusCode,
    contentType: single(response.headers['content-type']),
    location: single(response.headers.location),
    contentLength: single(response.headers['content-length']),
  });
  if (!parsed.success) throw new Refused('httpStatus', 'malformed reply head');
  return parsed.data;
}

function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refused('invalidUrl', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused('invalidUrl', `scheme ${url.protocol} refused`);
  if (url.username !== '' || url.password !== '') throw new Refused('invalidUrl', 'credentials in the URL refused');
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup that refuses a host any of whose addresses the policy refuses: the address
 * checked is the one connected to (no second resolution to race), and a name resolving to
 * both a public and a private address is refused whole.
 */
function guardedLookup(policy: AddressPolicy, refusals: Refused[]) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((a) => !policy(a.address));
      const first = addresses[0];
      if (bad || !first) {
        const refusal = new Refused('privateAddress', `${hostname} resolves to ${bad?.address ?? 'nothing'}`);
        refusals.push(refusal);
        return callback(Object.assign(new Error(refusal.message), { code: 'EPLUMEREFUSED' }), []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

/** One GET, no cookies, no compression, no connection reuse; resolves with the head and the body (capped). */
function get(url: URL, policy: AddressPolicy, limits: FetchLimits, signal: AbortSignal): Promise<{ head: ReplyHead; body: Buffer | null }> {
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  if (isIP(host) !== 0 && !policy(host)) return Promise.reject(new Refused('privateAddress', `${host} is not a public address`));
  const refusals: Refused[] = [];
  const options: RequestOptions = {
    method: 'GET',
    signal,
    agent: false,
    lookup: guardedLookup(policy, refusals),
    headers: { 'User-Agent': 'Plume link preview', Accept: 'text/html,application/xhtml+xml;q=0.9', 'Accept-Encoding': 'identity' },
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, options, (response) => {
      let head: ReplyHead;
      try {
        head = headOf(response);
      } catch (error) {
        response.destroy();
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      if (head.status >= 300 && head.status < 400) {
        response.resume();
        return resolve({ head, body: null });
      }
      if (head.contentLength !== undefined && head.contentLength > limits.maxBytes) {
        response.destroy();
        return reject(new Refused('tooLarge', `Content-Length ${head.contentLength}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          response.destroy();
          reject(new Refused('tooLarge', `more than ${limits.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ head, body: Buffer.concat(chunks) }));
      response.on('error', (error) => reject(error));
    });
    req.on('error', (error) => reject(refusals[0] ?? error));
    req.end();
  });
}

/**
 * Fetches an HTML page for its card: at most `maxBytes`, within `timeoutMs` in all, following
 * at most `maxRedirects` redirects by hand, each hop's address checked by `policy`, no cookie
 * ever sent or kept. Every refusal comes back as a reason (never a throw).
 */
export async function fetchPage(rawUrl: string, policy: AddressPolicy, limits: FetchLimits = defaultFetchLimits): Promise<PageResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = checkedUrl(rawUrl);
    for (let hop = 0; ; hop++) {
      const { head, body } = await get(url, policy, limits, controller.signal);
      if (head.status >= 300 && head.status < 400) {
        if (head.location === undefined) throw new Refused('httpStatus', `${head.status} without Location`);
        if (hop >= limits.maxRedirects) throw new Refused('tooManyRedirects', `more than ${limits.maxRedirects} redirects`);
        url = checkedUrl(new URL(head.location, url).toString());
        continue;
      }
      if (head.status < 200 || head.status >= 300 || body === null) throw new Refused('httpStatus', `HTTP ${head.status}`);
      const type = (head.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type !== 'text/html' && type !== 'application/xhtml+xml') throw new Refused('notHtml', `Content-Type ${type || 'missing'}`);
      const html = decodeHtml(body, head.contentType);
      if (html === null) throw new Refused('badCharset', 'the bytes do not decode in the page’s charset');
      return { ok: true, finalUrl: url.toString(), html };
    }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, detail: error.message };
    if (controller.signal.aborted) return { ok: false, reason: 'timeout', detail: `no full answer within ${limits.timeoutMs} ms` };
    return { ok: false, reason: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
