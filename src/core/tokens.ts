// Tokens the page did not give: asked of a `tokenProvider` function, or fetched from a `token-url` endpoint
// (`GET {url}?channelName=…&uid=…&purpose=…` → `{ "token": "…" }`). A token never appears in an error message.

export type TokenPurpose = 'join' | 'relay-source' | 'relay-destination';

export interface TokenRequest {
  channelName: string;
  uid: number;
  purpose: TokenPurpose;
}

export type TokenProvider = (request: TokenRequest) => Promise<string> | string;

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
  return async ({ channelName, uid, purpose }) => {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    const target = new URL(url, base);
    target.searchParams.set('channelName', channelName);
    target.searchParams.set('uid', String(uid));
    target.searchParams.set('purpose', purpose);
    const where = `${target.origin}${target.pathname}`;
    let response: Response;
    try {
      response = await fetchImpl(target, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
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

/** Asks a provider, turning anything it throws into a TokenError that names what was asked (not the answer). */
export async function requestToken(provider: TokenProvider, request: TokenRequest): Promise<string> {
  let token: unknown;
  try {
    token = await provider(request);
  } catch (cause) {
    if (cause instanceof TokenError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TokenError(`tokenProvider failed for ${request.purpose} "${request.channelName}": ${reason}`, { cause });
  }
  if (typeof token !== 'string' || !token) {
    throw new TokenError(`tokenProvider returned no token for ${request.purpose} "${request.channelName}".`);
  }
  return token;
}
