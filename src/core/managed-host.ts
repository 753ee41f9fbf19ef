// Managed mode: the host makes its own live-mode client, joins as a host, publishes microphone and camera, follows
// the channel's remote users (the co-hosts relayed in), renews its join token, and leaves when closed. Loaded
// lazily: a page that brings its own client never downloads this module.
//
// This file holds the ManagedHost's state and its lifecycle (preview, connect, leave to preview, close); the steps of
// joining are in managed-joining.ts, following the channel in managed-channel.ts, the local tracks and their controls
// in local-media.ts, the shapes in managed-host-types.ts.
import type { LocalMedia, LocalSettings } from './local-media.js';
import { ManagedMedia, type LocalState } from './managed-media.js';
import { followChannel } from './managed-channel.js';
import type { ManagedContext, ManagedHostEventMap, ManagedHostOptions } from './managed-host-types.js';
import { BOUNDED_RETRIES, Closed, joinChannel, loadManagedSdk, validateManaged } from './managed-joining.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { LocalTrack, ManagedClient, RemoteUser } from './sdk-types.js';
import { TypedEventTarget } from './typed-event-target.js';
import { withinLimit } from './within-limit.js';

export type { ConnectionStateDetail, ManagedHostEventMap, ManagedHostOptions, RemoteUserDetail } from './managed-host-types.js';
export type { LocalSettings, PageTracks } from './local-media.js';
export type { DevicesDetail, DeviceEntry } from './devices.js';
export { BOUNDED_RETRIES, JOIN_TIMEOUT_MS } from './managed-joining.js';

/** How long removal waits on `unpublish`, then on `leave`, before going on (the SDK may never answer either). */
export const UNPUBLISH_WAIT_MS = 1000;
export const LEAVE_WAIT_MS = 3000;

export class ManagedHost extends TypedEventTarget<ManagedHostEventMap> {
  readonly #options: ManagedHostOptions;
  #client: ManagedClient | null = null;
  /** The local tracks and their controls: a chunk of its own, loaded while joining (managed-media.ts). */
  readonly #media: ManagedMedia;
  #closed = false;
  /** Resolved by leave() or close(): the connect under way stops where it waits (a join, a device, a publish). */
  #cut: (() => void) | undefined;
  #cutShort: Promise<never> | undefined;
  #unlisten: (() => void) | undefined;
  readonly #context: ManagedContext;

  constructor(options: ManagedHostOptions) {
    super();
    this.#options = { ...options };
    this.#context = {
      options: this.#options,
      isClosed: () => this.#closed,
      report: (error) => this.#report(error),
      emit: (type, detail) => this.emit(type, detail),
    };
    this.#media = new ManagedMedia(this.#context);
  }

  /** The client, once created (joined or joining). */
  get client(): ManagedClient | null {
    return this.#client;
  }

  /** The video shown and published: the camera, the screen, or the page's own. */
  get localVideoTrack(): LocalTrack | undefined {
    return this.#media.video;
  }

  get localAudioTrack(): LocalTrack | undefined {
    return this.#media.audio;
  }

  /** The local media's controls as they are: what the local tile and the status line show. */
  get local(): LocalState {
    return this.#media.state;
  }

  /** Microphone muted, camera off, devices, screen, the page's tracks: applied now or when the tracks are made. */
  updateLocal(settings: Partial<LocalSettings>): void {
    this.#media.update(settings);
  }

  get remoteUsers(): readonly RemoteUser[] {
    return this.#client?.remoteUsers ?? [];
  }

  /**
   * Joins and publishes. Resolves true once published, false when it could not (each failure is an
   * `agora-relay-error` event); never rejects.
   */
  async connect(): Promise<boolean> {
    this.#cutShort = new Promise<never>((_, reject) => (this.#cut = () => reject(new Closed())));
    this.#cutShort.catch(() => undefined);
    const step = <T>(promise: Promise<T>) => this.#unlessCut(promise);
    try {
      validateManaged(this.#context);
      const loading = this.#media.load();
      const client = this.#client ?? (await step(this.#createClient()));
      await step(joinChannel(this.#context, client));
      const media = await step(loading);
      this.#check();
      if (!media) return false;
      await step(media.open());
      this.#check();
      return await step(this.#publish(media, client));
    } catch (error) {
      if (!(error instanceof Closed)) {
        const { channelName } = this.#options;
        const detail = fromSdkError(error, 'join', 'Could not join the channel.');
        const hint = detail.code === 'NETWORK_ERROR' ? ' (Agora could not be reached from here)' : '';
        this.#report({ ...detail, channelName, message: `Could not join "${channelName}": ${detail.message}${hint}` });
      }
      return false;
    }
  }

  /** Preview: opens the camera and microphone and shows them, without joining. Never rejects. */
  async preview(): Promise<void> {
    try {
      validateManaged(this.#context);
      await (await this.#media.load())?.open();
    } catch {
      // Reported where it happened (validation); a closed host has nothing to preview.
    }
  }

  /**
   * Back to preview: unpublishes and leaves, keeping the tracks open and shown (no device opened again when going
   * live again). The caller stops the relay first. Never rejects.
   */
  async leave(): Promise<void> {
    this.#cut?.();
    const client = this.#client;
    if (!client || this.#closed) return;
    // Bounded: a change still waiting on the SDK holds the unpublish back, and leave() unpublishes anyway.
    await withinLimit(this.#media.load().then((media) => media?.unpublish()), UNPUBLISH_WAIT_MS * 2);
    await this.#leave(client);
    this.#unlisten?.();
    this.#unlisten = undefined;
    if (this.#client === client) this.#client = null;
    this.emit('media-change', undefined);
  }

  /** Closes the camera and microphone at once: local, so it cannot hang on the SDK. Idempotent. */
  releaseMedia(): void {
    this.#media.release();
  }

  /**
   * Closes the tracks first, then unpublishes and leaves, each wait bounded (an SDK call may never settle), and
   * reports what did not answer. Never rejects.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#cut?.();
    const client = this.#client;
    const published = client?.localTracks.length ?? 0;
    this.releaseMedia();
    if (client && published > 0 && client.connectionState === 'CONNECTED') {
      // leave() unpublishes as well: an unpublish that does not answer only delays the leave a little.
      await withinLimit(client.unpublish(), UNPUBLISH_WAIT_MS);
    }
    if (client) await this.#leave(client);
    this.#unlisten?.();
    this.#unlisten = undefined;
    this.emit('media-change', undefined);
  }

  async #createClient(): Promise<ManagedClient> {
    const sdk = await loadManagedSdk(this.#context);
    this.#check();
    const client = sdk.createClient({
      mode: 'live',
      codec: 'vp8',
      httpRetryConfig: BOUNDED_RETRIES,
      websocketRetryConfig: BOUNDED_RETRIES,
    });
    this.#client = client;
    this.#unlisten = followChannel(this.#context, client);
    await client.setClientRole('host');
    return client;
  }

  async #leave(client: ManagedClient): Promise<void> {
    const outcome = await withinLimit(client.leave(), LEAVE_WAIT_MS);
    if (outcome === 'timeout') {
      this.#report({ code: 'TIMEOUT', message: `Leaving got no answer within ${LEAVE_WAIT_MS / 1000} s.`, operation: 'leave' });
    } else if (!outcome.done) {
      this.#report(fromSdkError(outcome.error, 'leave', 'Could not leave.'));
    }
  }

  /** Publishes what the local media opened (each device may have failed alone). */
  async #publish(media: LocalMedia, client: ManagedClient): Promise<boolean> {
    const published = await media.publishTo(client);
    this.#check();
    return published;
  }

  /** A step of connect(), unless leave() or close() cut it short (then Closed; the step's own outcome is dropped). */
  #unlessCut<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined);
    return this.#cutShort ? Promise.race([promise, this.#cutShort]) : promise;
  }

  #check(): void {
    if (this.#closed) throw new Closed();
  }

  #report(error: RelayErrorDetail): void {
    this.emit('agora-relay-error', { ...error });
  }
}
