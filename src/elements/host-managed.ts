// <agora-relay-host>'s managed mode: the host makes, joins and publishes its own client (core/managed-host.ts), hands
// it to the relay session, joins again when what it joined changes, recovers a stuck relay by leaving and joining
// again, and closes everything in order when removed. Its own chunk, loaded by host-controller.ts only when `app-id`
// is set and no client is given.
import type { TemplateResult } from 'lit';
import { ManagedHost } from '../core/managed-host.js';
import type { RelayErrorDetail } from '../core/relay-error.js';
import type { ManagedSdk } from '../core/sdk-types.js';
import { nextTask } from '../core/next-task.js';
import { withinLimit } from '../core/within-limit.js';
import type { AgoraRelayHost } from './agora-relay-host.js';
import { CLIENT_EVENTS, emit } from './events.js';
import type { HostController } from './host-controller.js';
import { HostTiles } from './host-tiles.js';
import type * as StatusLine from './host-status-line.js';
import type { HostCohosts } from './host-cohosts.js';

/** The host's local media controls, as managed mode applies them. */
const localSettings = (host: AgoraRelayHost) => ({
  microphoneMuted: host.microphoneMuted,
  cameraOff: host.cameraOff,
  cameraId: host.cameraId ?? '',
  microphoneId: host.microphoneId ?? '',
  screenShare: host.screenShare,
  tracks: host.tracks,
});

/** Managed mode leaves and joins again when the SDK's relay is stuck: after 1 s, 2 s, 4 s, then it gives up. */
export const RECOVERY_DELAYS_MS = [1000, 2000, 4000];

/** How long removal waits for the relay to stop before it leaves anyway. */
export const RELAY_STOP_WAIT_MS = 1000;

export class ManagedMode {
  readonly #host: AgoraRelayHost;
  readonly #controller: HostController;
  readonly #tiles: HostTiles;
  #managed: ManagedHost | undefined;
  /** What the managed host was started with, to tell when it must join again. */
  #key = '';
  /** Recoveries since the relay last ran, and the one waiting. */
  #recoveries = 0;
  #recoveryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The status line (host-status-line.ts), loaded after this chunk so its words never delay joining. */
  #words: typeof StatusLine | undefined;
  /** Co-hosts' audio and dual stream, once loaded. */
  #cohosts: HostCohosts | undefined;
  /** The last failure the status line shows, until the next join (or, for a relay failure, the relay running). */
  #error: RelayErrorDetail | undefined;
  /** Whether the managed host is (or is going) live rather than in preview, and the switch under way. */
  #live = false;
  #switching: Promise<void> = Promise.resolve();

  constructor(host: AgoraRelayHost, controller: HostController) {
    this.#host = host;
    this.#controller = controller;
    this.#tiles = new HostTiles(host, () => this.#cohosts);
    // Co-hosts' audio and dual stream (host-cohosts.ts): after this chunk, as the status line, so joining never waits.
    import('./host-cohosts.js').then(
      ({ HostCohosts }) => {
        this.#cohosts = new HostCohosts(host, controller);
        this.#cohosts.follow(this.#managed);
        host.requestUpdate();
      },
      () => undefined,
    );
    import('./host-status-line.js').then(
      (module) => {
        this.#words = module;
        host.requestUpdate();
      },
      () => undefined,
    );
    // The element's own events (they bubble from the destinations too): what the status line follows.
    host.addEventListener('agora-relay-error', (event) => {
      this.#error = event.detail;
      host.requestUpdate();
    });
    host.addEventListener('channel-media-relay-state', (event) => {
      if (event.detail.state === 'RELAY_STATE_RUNNING' && this.#error && this.#words?.clearedByRunningRelay(this.#error)) {
        this.#error = undefined;
      }
      host.requestUpdate();
    });
    for (const type of ['agora-relay-destination-status', 'connection-state-change'] as const) {
      host.addEventListener(type, () => host.requestUpdate());
    }
  }

  /** The client managed mode made (joined or joining), if any; none in preview, so the relay stops and stays off. */
  get client() {
    return this.#live ? (this.#managed?.client ?? null) : null;
  }

  render(): TemplateResult | undefined {
    const managed = this.#managed;
    if (!managed) return undefined;
    const status = this.#words?.statusLine(this.#host, managed, this.#error, !this.#live);
    return this.#tiles.render(managed, status, !this.#live);
  }

  willUpdate(): void {
    this.#cohosts?.willUpdate();
  }

  /** After each render: play the tracks into their tiles. */
  updated(): void {
    if (this.#managed) this.#tiles.play(this.#managed);
    this.#cohosts?.updated(this.#managed);
  }

  stopPlaying(): void {
    this.#tiles.stop();
  }

  relayRunning(): void {
    this.#recoveries = 0;
  }

  /** Managed mode runs when `app-id` is set and no client is given, and joins again when what it joined changes. */
  sync(): void {
    const host = this.#host;
    const wanted = host.isConnected && !!host.appId && !host.client;
    const key = wanted ? JSON.stringify([host.appId, host.channelName, host.joinUid, host.joinToken]) : '';
    this.#managed?.updateLocal(localSettings(host));
    if (key === this.#key) {
      if (this.#managed && this.#live === host.preview) this.#switchLive(this.#managed, !host.preview);
      return;
    }
    this.#key = key;
    void this.#stop().then(() => (key && key === this.#key ? this.#start(key) : undefined));
  }

  /** The host was removed (not moved): stop recovering, and forget what was joined, so being added again joins again. */
  removed(): void {
    clearTimeout(this.#recoveryTimer);
    this.#recoveryTimer = undefined;
    this.#recoveries = 0;
    this.#key = '';
    void this.#stop();
  }

  /**
   * Rule 4: the SDK's relay on a client the host owns is stuck (after a FAILURE, say): leave and join again, with
   * growing delays, and say so when it gives up. A page's own client is the page's to reset: that is only reported.
   */
  recover(): void {
    if (!this.#managed || this.#recoveryTimer !== undefined) return;
    const delay = RECOVERY_DELAYS_MS[this.#recoveries];
    if (delay === undefined) {
      emit(this.#host, 'agora-relay-error', {
        code: 'RELAY_FAILURE',
        message: `The relay is still stuck after leaving and joining again ${RECOVERY_DELAYS_MS.length} times; giving up.`,
        operation: 'join',
      });
      return;
    }
    this.#recoveries += 1;
    const key = this.#key;
    this.#recoveryTimer = setTimeout(() => {
      this.#recoveryTimer = undefined;
      if (!this.#host.isConnected || key !== this.#key) return;
      void this.#stop().then(() => (key === this.#key ? this.#start(key) : undefined));
    }, delay);
  }

  async #start(key: string): Promise<void> {
    // A task first: properties a framework sets just after connecting the host join this start, not a second one.
    await new Promise<void>((resolve) => nextTask(resolve));
    if (key !== this.#key || this.#managed) return;
    const host = this.#host;
    const managed = new ManagedHost({
      appId: host.appId ?? '',
      channelName: host.channelName,
      joinUid: host.joinUid ?? null,
      joinToken: host.joinToken ?? null,
      tokenProvider: this.#controller.tokenProvider(),
      sdk: host.sdk as ManagedSdk | null,
      joinTimeoutMs: host.joinTimeout,
    });
    this.#cohosts?.follow(managed);
    managed.addEventListener('network-quality', (event) => emit(host, 'network-quality', event.detail));
    for (const type of CLIENT_EVENTS) {
      managed.addEventListener(type, (event: CustomEvent) => emit(host, type, event.detail));
    }
    managed.addEventListener('agora-relay-error', (event) => emit(host, 'agora-relay-error', event.detail));
    managed.addEventListener('media-change', () => host.requestUpdate());
    managed.addEventListener('devices-change', (event) => emit(host, 'devices-change', event.detail));
    managed.addEventListener('screen-share-ended', (event) => {
      // Sharing stopped by itself: the attribute says so too (the host shows the camera again).
      host.screenShare = false;
      emit(host, 'screen-share-ended', event.detail);
    });
    this.#managed = managed;
    this.#error = undefined;
    this.#live = false;
    // After the error is cleared: a refused track reported here stays on the status line.
    managed.updateLocal(localSettings(host));
    host.requestUpdate();
    if (host.preview) {
      await managed.preview();
      host.requestUpdate();
      return;
    }
    this.#switchLive(managed, true);
    await this.#switching;
  }

  /** Preview and live, one after the other: going live joins, publishes and relays; back to preview undoes that. */
  #switchLive(managed: ManagedHost, live: boolean): void {
    this.#live = live;
    if (live) {
      this.#switching = this.#switching.then(() => this.#goLive(managed));
      return;
    }
    // Back to preview at once, not after a join or publish still under way: leaving cuts that short.
    const leaving = this.#toPreview(managed);
    this.#switching = Promise.all([this.#switching, leaving]).then(() => undefined);
  }

  async #goLive(managed: ManagedHost): Promise<void> {
    if (this.#managed !== managed || !this.#live) return;
    this.#error = undefined;
    const published = await managed.connect();
    if (this.#managed !== managed) return;
    this.#host.requestUpdate();
    if (!this.#live) return;
    const session = this.#controller.session;
    session.client = managed.client;
    // The host published itself: say so, so the relay starts at once.
    if (published) await session.start().catch(() => undefined);
  }

  /** Stops the relay (bounded), then unpublishes and leaves; the local tracks stay open and shown. */
  async #toPreview(managed: ManagedHost): Promise<void> {
    if (this.#managed !== managed || this.#live) return;
    const session = this.#controller.session;
    if (session.client === managed.client) session.client = null;
    await this.#relayStopped();
    await managed.leave();
    this.#host.requestUpdate();
  }

  async #relayStopped(): Promise<void> {
    if ((await withinLimit(this.#controller.session.settled(), RELAY_STOP_WAIT_MS)) === 'timeout') {
      emit(this.#host, 'agora-relay-error', {
        code: 'TIMEOUT',
        message: `Stopping the relay got no answer within ${RELAY_STOP_WAIT_MS / 1000} s; leaving anyway.`,
        operation: 'stop',
      });
    }
  }

  /**
   * Closes the camera and microphone at once, then stops the relay (rule 5), then unpublishes and leaves. A relay
   * stop that never answers delays the leave by at most RELAY_STOP_WAIT_MS and is reported.
   */
  async #stop(): Promise<void> {
    const managed = this.#managed;
    if (!managed) return;
    const session = this.#controller.session;
    this.#managed = undefined;
    this.#tiles.stop();
    managed.releaseMedia();
    if (session.client === managed.client) session.client = null;
    await this.#relayStopped();
    await managed.close();
    this.#host.requestUpdate();
  }
}
