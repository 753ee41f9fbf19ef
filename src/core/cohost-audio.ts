// Co-hosts' audio on a managed host's page: one volume for all (`cohost-volume`) and a volume and a mute per co-host,
// applied with the SDK's remote audio `setVolume` (this page's playback only: what the audience hears is not ours to
// touch). Tracks subscribed later get the volume as their `user-published` event arrives.
import type { RelayErrorDetail } from './relay-error.js';
import type { RemoteUser } from './sdk-types.js';

/** What the co-hosts come from: a managed host, whose `user-published` follows the subscription and first play. */
export interface CohostSource extends EventTarget {
  readonly remoteUsers: readonly RemoteUser[];
}

interface Own {
  volume: number;
  muted: boolean;
}

const RULE = 'must be a whole number from 0 to 100';

/**
 * A volume from an attribute or a property: a whole number 0–100 (`""` and absent mean 100). Anything else is an
 * `INVALID_VOLUME` issue naming `what`.
 */
export function parseVolume(what: string, value: unknown): number | RelayErrorDetail {
  if (value === undefined || value === null || value === '') return 100;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 100) return number;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  return { code: 'INVALID_VOLUME', message: `${what} ${shown} ${RULE}; the volume stays as it was.`, operation: 'validate' };
}

export class CohostAudio {
  #all = 100;
  /** The last `cohost-volume` input, so a bad one is reported once, not on every render. */
  #input: unknown = undefined;
  readonly #own = new Map<string, Own>();
  #source: CohostSource | undefined;
  #unfollow: (() => void) | undefined;

  /** The volume for all co-hosts, 0–100. */
  get all(): number {
    return this.#all;
  }

  /** One co-host's own volume and mute (default 100, not muted). */
  of(uid: number | string): Own {
    return { ...(this.#own.get(String(uid)) ?? { volume: 100, muted: false }) };
  }

  /** The volume a co-host's track plays at: 0 when muted, else all × own / 100. */
  effective(uid: number | string): number {
    const own = this.of(uid);
    return own.muted ? 0 : Math.round((this.#all * own.volume) / 100);
  }

  /** `cohost-volume` as given; returns the issue when it is not a volume (the volume then stays). */
  setAll(input: unknown): RelayErrorDetail | undefined {
    if (Object.is(input, this.#input)) return undefined;
    this.#input = input;
    const volume = parseVolume('cohost-volume', input);
    if (typeof volume !== 'number') return volume;
    this.#all = volume;
    this.#applyAll();
    return undefined;
  }

  /** One co-host's volume and/or mute; returns the issue for a bad volume (nothing changes then). */
  set(uid: number | string, change: { volume?: unknown; muted?: boolean }): RelayErrorDetail | undefined {
    const own = this.of(uid);
    if (change.volume !== undefined) {
      const volume = parseVolume(`setCohostVolume(${JSON.stringify(String(uid))}): volume`, change.volume);
      if (typeof volume !== 'number') return volume;
      own.volume = volume;
    }
    if (change.muted !== undefined) own.muted = !!change.muted;
    this.#own.set(String(uid), own);
    this.#applyAll();
    return undefined;
  }

  /** Follows a managed host's co-hosts (replacing the one before); the function returned stops following. */
  follow(source: CohostSource): () => void {
    this.#unfollow?.();
    const listener = (event: Event) => {
      const { uid, mediaType } = (event as CustomEvent<{ uid: number | string; mediaType?: string }>).detail;
      if (mediaType !== 'audio') return;
      const user = source.remoteUsers.find((candidate) => candidate.uid === uid);
      if (user) this.#apply(user);
    };
    source.addEventListener('user-published', listener);
    this.#source = source;
    const unfollow = () => {
      source.removeEventListener('user-published', listener);
      if (this.#source === source) this.#source = undefined;
      if (this.#unfollow === unfollow) this.#unfollow = undefined;
    };
    this.#unfollow = unfollow;
    this.#applyAll();
    return unfollow;
  }

  #applyAll(): void {
    for (const user of this.#source?.remoteUsers ?? []) this.#apply(user);
  }

  #apply(user: RemoteUser): void {
    // The SDK's remote setVolume takes 0–100 and throws INVALID_PARAMS outside it; ours never is.
    user.audioTrack?.setVolume?.(this.effective(user.uid));
  }
}
