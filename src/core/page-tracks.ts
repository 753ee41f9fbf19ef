// The tracks a page gives a managed host to publish instead of its own microphone and camera (`host.tracks`): each
// checked for its kind (a wrong one is reported and left out, so the host's own device is used), and the mute and
// enabled states each had when it came, put back when the host lets it go. The page's tracks are never closed here.
import type { RelayErrorDetail } from './relay-error.js';
import type { ControlledTrack } from './sdk-types.js';

/** The tracks a page gives to publish instead of the default microphone and camera: `ILocalAudioTrack`, `ILocalVideoTrack`. */
export interface PageTracks {
  audio?: unknown;
  video?: unknown;
}

const isTrack = (value: unknown): value is ControlledTrack =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ControlledTrack).play === 'function' &&
  typeof (value as ControlledTrack).setEnabled === 'function';

export class PageTrackHold {
  #tracks: { audio?: ControlledTrack; video?: ControlledTrack } = {};
  readonly #found = new Map<ControlledTrack, { muted: boolean; enabled: boolean }>();
  readonly #report: (error: RelayErrorDetail) => void;

  constructor(report: (error: RelayErrorDetail) => void) {
    this.#report = report;
  }

  get audio(): ControlledTrack | undefined {
    return this.#tracks.audio;
  }

  get video(): ControlledTrack | undefined {
    return this.#tracks.video;
  }

  /** Takes the page's new tracks: a track of the wrong kind (or not a track) is refused; those no longer given go back. */
  take(tracks: PageTracks | null): void {
    const next: { audio?: ControlledTrack; video?: ControlledTrack } = {};
    for (const kind of ['audio', 'video'] as const) {
      const value = tracks?.[kind];
      if (value === undefined || value === null) continue;
      const actual = isTrack(value) ? value.trackMediaType : undefined;
      if (actual !== kind) {
        const what = actual ? `a ${actual} track` : 'not a local track';
        const own = kind === 'audio' ? 'the microphone' : 'the camera';
        const type = kind === 'audio' ? 'ILocalAudioTrack' : 'ILocalVideoTrack';
        this.#report({
          code: 'INVALID_TRACK',
          message: `tracks.${kind} is ${what}; it must be a local ${kind} track (${type}). Using ${own} instead.`,
          operation: 'validate',
        });
        continue;
      }
      next[kind] = value as ControlledTrack;
    }
    for (const track of [this.#tracks.audio, this.#tracks.video]) {
      if (track && track !== next.audio && track !== next.video) this.#letGo(track);
    }
    for (const track of [next.audio, next.video]) {
      if (track && !this.#found.has(track)) this.#found.set(track, { muted: track.muted, enabled: track.enabled });
    }
    this.#tracks = next;
  }

  /** Lets every track go (the host is removed). */
  release(): void {
    for (const track of [...this.#found.keys()]) this.#letGo(track);
    this.#tracks = {};
  }

  /** A track we no longer use: its mute and enabled states as they were when it came. Never closed. */
  #letGo(track: ControlledTrack): void {
    const found = this.#found.get(track);
    this.#found.delete(track);
    if (!found) return;
    if (track.muted !== found.muted) void track.setMuted(found.muted).catch(() => undefined);
    if (track.enabled !== found.enabled) void track.setEnabled(found.enabled).catch(() => undefined);
  }
}
