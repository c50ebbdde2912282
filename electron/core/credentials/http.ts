import type { z } from 'zod';
import type { CredentialErrorCode } from '../../../shared/credentials/errors';
import { CredentialFailure, fetchFailureCode, isUnreachable } from './failure';
import { safeServiceUrl } from './oauth/loopbackUrl';

const REQUEST_TIMEOUT_MS = 15_000;

export interface JsonRequest {
  url: string | URL;
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as `Authorization: Bearer …`, never in the URL. */
  bearer?: string;
  form?: Record<string, string>;
}

/** Maps a non-2xx reply (status and parsed body, if JSON) to a credential code. */
export type ErrorClassifier = (status: number, body: unknown) => CredentialErrorCode;

export const classifyHttpError: ErrorClassifier = (status) => {
  if (status === 401) return 'token_revoked';
  if (status === 403) return 'reauth_required';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'unexpected_response';
};

/**
 * One JSON call to a network: https only (http on loopback), a time-out, the reply parsed with
 * its zod schema. Failures become CredentialFailures whose codes say what happened
 * (unreachable, refused, unexpected reply) and nothing of the request or reply themselves.
 */
export async function requestJson<S extends z.ZodType>(request: JsonRequest, schema: S, classify: ErrorClassifier = classifyHttpError): Promise<z.output<S>> {
  const url = safeServiceUrl(request.url.toString());
  if (url === null) throw new CredentialFailure('instance_invalid');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.bearer !== undefined) headers.Authorization = `Bearer ${request.bearer}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? (request.form ? 'POST' : 'GET'),
      headers,
      ...(request.form ? { body: new URLSearchParams(request.form) } : {}),
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CredentialFailure(fetchFailureCode(error));
  }
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text === '' ? null : (JSON.parse(text) as unknown);
  } catch (error) {
    if (isUnreachable(error)) throw new CredentialFailure('network_unreachable');
    body = null;
  }
  if (!response.ok) throw new CredentialFailure(classify(response.status, body));
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new CredentialFailure('unexpected_response');
  return parsed.data;
}
