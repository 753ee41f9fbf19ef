// The relay tokens the inputs leave out, asked of the token provider and kept until the provider changes or the
// relay fails (an expired token is the likely cause). A destination whose token cannot be had is left out.
import type { RelayErrorDetail } from './relay-error.js';
import type { RelayPlan } from './relay-plan.js';
import type { RelayChannelInfo } from './sdk-types.js';
import { requestToken, type TokenProvider, type TokenPurpose } from './tokens.js';

/** What filling a plan's tokens gave: the plan to send, or why there is none. */
export type FilledPlan =
  | { ok: true; plan: RelayPlan }
  /** No source token: nothing can be sent. */
  | { ok: false; sourceFailure: RelayErrorDetail; abandoned?: undefined }
  /** No destination left once those without a token are left out. */
  | { ok: false; sourceFailure?: undefined; abandoned?: undefined }
  /** The signal said the tokens are no longer needed: nothing is reported. */
  | { ok: false; sourceFailure?: undefined; abandoned: true };

const failure = (error: unknown, channelName: string): RelayErrorDetail => ({
  code: 'TOKEN_FETCH_FAILED',
  message: error instanceof Error ? error.message : String(error),
  operation: 'token',
  channelName,
});

export class RelayTokens {
  /** Tokens fetched so far, by purpose, channel and uid. */
  readonly #cache = new Map<string, string>();

  clear(): void {
    this.#cache.clear();
  }

  /**
   * The plan with every missing relay token asked of the provider, each request given up after `timeoutMs` or
   * once `signal` aborts. Each destination left out is passed to `onDestinationFailure` at once.
   */
  async fill(
    plan: RelayPlan,
    provider: TokenProvider | null,
    onDestinationFailure: (info: RelayChannelInfo, detail: RelayErrorDetail) => void,
    options: { signal: AbortSignal; timeoutMs: number },
  ): Promise<FilledPlan> {
    if (!provider) return { ok: true, plan };
    const { signal } = options;
    const fill = async (info: RelayChannelInfo, purpose: TokenPurpose): Promise<RelayChannelInfo> => {
      if (info.token) return info;
      // The source token is generated for uid 0 (reference §5); a destination's for its own uid.
      const request = { channelName: info.channelName, uid: purpose === 'relay-source' ? 0 : info.uid, purpose };
      const cacheKey = `${purpose}\n${request.channelName}\n${request.uid}`;
      const token = this.#cache.get(cacheKey) ?? (await requestToken(provider, request, options));
      this.#cache.set(cacheKey, token);
      return { ...info, token };
    };
    let source: RelayChannelInfo;
    try {
      source = await fill(plan.source, 'relay-source');
    } catch (error) {
      if (signal.aborted) return { ok: false, abandoned: true };
      return { ok: false, sourceFailure: failure(error, plan.source.channelName) };
    }
    const destinations: RelayChannelInfo[] = [];
    for (const destination of plan.destinations) {
      try {
        destinations.push(await fill(destination, 'relay-destination'));
      } catch (error) {
        if (signal.aborted) return { ok: false, abandoned: true };
        onDestinationFailure(destination, failure(error, destination.channelName));
      }
    }
    if (destinations.length === 0) return { ok: false };
    return { ok: true, plan: { source, destinations } };
  }
}
