// Tokens the page did not give: asked of a `tokenProvider` function, or fetched from a `token-url` endpoint
// (`GET {url}?channelName=…&uid=…&purpose=…` → `{ "token": "…" }`). A token never appears in an error message.
// A request that takes too long, or is no longer needed, is given up and its provider told through an AbortSignal.
import { boundedWait } from './bounded-wait.js';

export type TokenPurpose = 'join' | 'relay-source' | 'relay-destination';

export interface TokenRequest {
  channelName: string;
  uid: number;
  purpose: TokenPurpose;
}

/** What a provider may heed: `signal` aborts once the token is no longer waited for (a `fetch` can take it as is). */
export interface TokenRequestOptions {
  signal: AbortSignal;
}

export type TokenProvider = (request: TokenRequest, options?: TokenRequestOptions) => Promise<string> | string;

/** A token could not be had; `code` is `TOKEN_FETCH_FAILED`. */
export class TokenError extends Error {
  readonly code = 'TOKEN_FETCH_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenError';
  }
}

/** A provider that fetches from a token endpoint; the URL may be relative to the page. */
export function tokenUrlProvider(url: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): TokenProvider {
  return async ({ channelName, uid, purpose }, options) => {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    const target = new URL(url, base);
    target.searchParams.set('channelName', channelName);
    target.searchParams.set('uid', String(uid));
    target.searchParams.set('purpose', purpose);
    const where = `${target.origin}${target.pathname}`;
    let response: Response;
    try {
      const init: RequestInit = { headers: { accept: 'application/json' }, credentials: 'same-origin' };
      if (options?.signal) init.signal = options.signal;
      response = await fetchImpl(target, init);
    } catch (cause) {
      // The browser says no more than "TypeError: Failed to fetch": the server is down, or (commonest on another
      // origin) it sends no CORS headers, and the page may not know which.
      const crossOrigin = base !== undefined && target.origin !== new URL(base).origin;
      const hint = crossOrigin ? ` It is on another origin: it must send CORS headers (Access-Control-Allow-Origin).` : '';
      throw new TokenError(`token-url ${where} could not be reached for ${purpose} "${channelName}".${hint}`, { cause });
    }
    if (!response.ok) {
      throw new TokenError(`token-url ${where} answered HTTP ${response.status} for ${purpose} "${channelName}".`);
    }
    const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
    if (typeof body?.token !== 'string' || !body.token) {
      throw new TokenError(`token-url ${where} answered without a "token" string for ${purpose} "${channelName}".`);
    }
    return body.token;
  };
}

/** How long to wait for a token, and a signal that says the token is no longer needed. */
export interface RequestTokenOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Asks a provider, turning anything it throws into a TokenError that names what was asked (not the answer). A
 * provider that does not answer within `timeoutMs`, or before `signal` aborts, is given up (and its own signal
 * aborted) with a TokenError that says so.
 */
export async function requestToken(
  provider: TokenProvider,
  request: TokenRequest,
  options: RequestTokenOptions = {},
): Promise<string> {
  const what = `${request.purpose} "${request.channelName}"`;
  const heed = new AbortController();
  const outcome = await boundedWait(() => provider(request, { signal: heed.signal }), options.timeoutMs ?? Infinity, options.signal);
  if (!outcome.ok && outcome.cut) {
    heed.abort();
    throw new TokenError(
      outcome.cut === 'timeout'
        ? `The token request for ${what} got no answer within ${(options.timeoutMs ?? 0) / 1000} s.`
        : `The token request for ${what} was given up: the token is no longer needed.`,
    );
  }
  if (!outcome.ok) {
    const cause = outcome.error;
    if (cause instanceof TokenError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TokenError(`tokenProvider failed for ${what}: ${reason}`, { cause });
  }
  const token: unknown = outcome.value;
  if (typeof token !== 'string' || !token) {
    throw new TokenError(`tokenProvider returned no token for ${what}.`);
  }
  return token;
}
