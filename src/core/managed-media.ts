// A managed host's hold on its local media (local-media.ts), which is a chunk of its own: loaded while the host joins
// (or for the preview), off the path to the first SDK call. Until it is here the controls asked for are kept, and
// handed to it when it comes; a release asked for before then releases it as it comes.
import type { LocalMedia, LocalSettings } from './local-media.js';
import type { ManagedContext } from './managed-host-types.js';
import { loadManagedSdk } from './managed-joining.js';
import type { ControlledSdk, LocalTrack } from './sdk-types.js';

export type LocalState = Pick<LocalMedia, 'microphoneMuted' | 'cameraOff' | 'screenSharing' | 'published'>;

export class ManagedMedia {
  readonly #context: ManagedContext;
  #media: LocalMedia | undefined;
  #loading: Promise<LocalMedia | undefined> | undefined;
  readonly #settings: Partial<LocalSettings> = {};
  #released = false;

  constructor(context: ManagedContext) {
    this.#context = context;
  }

  get video(): LocalTrack | undefined {
    return this.#media?.video;
  }

  get audio(): LocalTrack | undefined {
    return this.#media?.audio;
  }

  /** The controls as they are (as asked for, until the local media is here). */
  get state(): LocalState {
    const settings = this.#settings;
    return this.#media ?? { microphoneMuted: !!settings.microphoneMuted, cameraOff: !!settings.cameraOff, screenSharing: false, published: 0 };
  }

  update(settings: Partial<LocalSettings>): void {
    Object.assign(this.#settings, settings);
    this.#media?.update(settings);
  }

  /** Closes our own tracks at once, or as soon as they could exist. */
  release(): void {
    this.#released = true;
    this.#media?.release();
  }

  /** The local media, loaded once; undefined when its chunk could not be loaded (reported). Never rejects. */
  load(): Promise<LocalMedia | undefined> {
    const context = this.#context;
    this.#loading ??= import('./local-media.js').then(
      ({ LocalMedia }) => {
        const media = new LocalMedia({
          // A load that failed was reported by loadManagedSdk.
          sdk: () => loadManagedSdk(context).then((sdk) => sdk as ControlledSdk, () => undefined),
          report: (error) => context.report(error),
          changed: () => context.emit('media-change', undefined),
          devices: (detail) => context.emit('devices-change', detail),
          screenShareStopped: (reason) => context.emit('screen-share-ended', { reason }),
        });
        media.update(this.#settings);
        if (this.#released) media.release();
        this.#media = media;
        return media;
      },
      (error: unknown) => {
        const message = `Could not load the camera and microphone code (keep the chunks/ folder next to the script): ${(error as Error).message}`;
        context.report({ code: 'SDK_LOAD_FAILED', message, operation: 'load' });
        return undefined;
      },
    );
    return this.#loading;
  }
}
