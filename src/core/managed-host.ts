// Managed mode: the host makes its own live-mode client, joins as a host, publishes microphone and camera, follows
// the channel's remote users (the co-hosts relayed in), renews its join token, and leaves when closed. Loaded
// lazily: a page that brings its own client never downloads this module.
//
// This file holds the ManagedHost's state and its lifecycle (connect, then close); the steps of joining are in
// managed-joining.ts, following the channel in managed-channel.ts, the shapes in managed-host-types.ts.
import { loadAgoraRTC } from './load-sdk.js';
import { followChannel } from './managed-channel.js';
import type { ManagedContext, ManagedHostEventMap, ManagedHostOptions } from './managed-host-types.js';
import { BOUNDED_RETRIES, Closed, joinChannel, loadManagedSdk, validateManaged } from './managed-joining.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { LocalTrack, ManagedClient, ManagedSdk, RemoteUser } from './sdk-types.js';
import { TypedEventTarget } from './typed-event-target.js';
import { withinLimit } from './within-limit.js';

export type { ConnectionStateDetail, ManagedHostEventMap, ManagedHostOptions, RemoteUserDetail } from './managed-host-types.js';
export { BOUNDED_RETRIES, JOIN_TIMEOUT_MS } from './managed-joining.js';

/** How long removal waits on `unpublish`, then on `leave`, before going on (the SDK may never answer either). */
export const UNPUBLISH_WAIT_MS = 1000;
export const LEAVE_WAIT_MS = 3000;

export class ManagedHost extends TypedEventTarget<ManagedHostEventMap> {
  readonly #options: ManagedHostOptions;
  #client: ManagedClient | null = null;
  #tracks: LocalTrack[] = [];
  #audio: LocalTrack | undefined;
  #video: LocalTrack | undefined;
  #closed = false;
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
  }

  /** The client, once created (joined or joining). */
  get client(): ManagedClient | null {
    return this.#client;
  }

  get localVideoTrack(): LocalTrack | undefined {
    return this.#video;
  }

  get localAudioTrack(): LocalTrack | undefined {
    return this.#audio;
  }

  get remoteUsers(): readonly RemoteUser[] {
    return this.#client?.remoteUsers ?? [];
  }

  /**
   * Joins and publishes. Resolves true once published, false when it could not (each failure is an
   * `agora-relay-error` event); never rejects.
   */
  async connect(): Promise<boolean> {
    try {
      validateManaged(this.#context);
      const client = await this.#createClient();
      await joinChannel(this.#context, client);
      return await this.#publish(client);
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

  /** Closes the camera and microphone at once: local, so it cannot hang on the SDK. Idempotent. */
  releaseMedia(): void {
    const tracks = this.#tracks;
    this.#tracks = [];
    this.#audio = this.#video = undefined;
    for (const track of tracks) track.close();
    if (tracks.length > 0) this.emit('media-change', undefined);
  }

  /**
   * Closes the tracks first, then unpublishes and leaves, each wait bounded (an SDK call may never settle), and
   * reports what did not answer. Never rejects.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const client = this.#client;
    const published = client?.localTracks.length ?? 0;
    this.releaseMedia();
    if (client && published > 0 && client.connectionState === 'CONNECTED') {
      // leave() unpublishes as well: an unpublish that does not answer only delays the leave a little.
      await withinLimit(client.unpublish(), UNPUBLISH_WAIT_MS);
    }
    if (client) {
      const outcome = await withinLimit(client.leave(), LEAVE_WAIT_MS);
      if (outcome === 'timeout') {
        this.#report({ code: 'TIMEOUT', message: `Leaving got no answer within ${LEAVE_WAIT_MS / 1000} s.`, operation: 'leave' });
      } else if (!outcome.done) {
        this.#report(fromSdkError(outcome.error, 'leave', 'Could not leave.'));
      }
    }
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

  /** Opens the microphone and the camera (each may fail alone) and publishes what opened. */
  async #publish(client: ManagedClient): Promise<boolean> {
    const sdk = (await loadAgoraRTC<ManagedSdk>(this.#options.sdk, this.#options.importSdk)) as ManagedSdk;
    const device = async (what: string, create: () => Promise<LocalTrack>) => {
      try {
        return await create();
      } catch (error) {
        const detail = fromSdkError(error, 'publish', `The ${what} could not be used.`);
        this.#report({ ...detail, message: `The ${what} could not be used: ${detail.message}` });
        return undefined;
      }
    };
    // Held locally until we know we are still wanted: close() may run while a device opens, and a track it
    // cannot see would stay open (the microphone left on).
    const audio = await device('microphone', () => sdk.createMicrophoneAudioTrack());
    const video = await device('camera', () => sdk.createCameraVideoTrack());
    const tracks = [audio, video].filter((track): track is LocalTrack => !!track);
    if (this.#closed) {
      for (const track of tracks) track.close();
      throw new Closed();
    }
    this.#audio = audio;
    this.#video = video;
    this.#tracks = tracks;
    this.emit('media-change', undefined);
    if (this.#tracks.length === 0) return false;
    try {
      await client.publish(this.#tracks);
    } catch (error) {
      if (this.#closed) throw new Closed();
      this.#report(fromSdkError(error, 'publish', 'Could not publish.'));
      return false;
    }
    this.#check();
    return true;
  }

  #check(): void {
    if (this.#closed) throw new Closed();
  }

  #report(error: RelayErrorDetail): void {
    this.emit('agora-relay-error', { ...error });
  }
}
