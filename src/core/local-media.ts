// A managed host's local media: which tracks it shows and publishes (its own microphone and camera, the screen, or
// the page's own tracks), their controls (microphone muted, camera off, the devices by id), and what is published
// on the client while it is joined. Every change goes through one queue and ends in the same state whatever came
// before it (reconcile): open what is wanted and missing, apply mute and camera-off, switch devices, unpublish what
// left, publish what came, close our own tracks no longer wanted.
//
// As the SDK intends (measured on 4.24.8): the microphone is muted with setMuted (capture goes on, unmuting is
// instant); the video is turned off with setEnabled(false), which ends the camera's capture (its light goes off) and
// keeps the track published; a page's own track is only set disabled, never ended. A disabled track cannot be
// published (TRACK_IS_DISABLED): it is published when it is turned on again. A camera that is off before it ever
// opened is not opened until it is turned on. The page's tracks are the page's: we publish and unpublish them, put
// back the mute and enabled states we changed, and never close them (page-tracks.ts).
import { listDevices, watchDevices, type DevicesDetail } from './devices.js';
import { openDevice, switchDevice, type Device } from './local-devices.js';
import { LocalPublication } from './local-publication.js';
import { PageTrackHold, type PageTracks } from './page-tracks.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import { ScreenTrack } from './screen-track.js';
import type { ControlledSdk, ControlledTrack, DeviceTrack, LocalTrack, ManagedClient } from './sdk-types.js';

export type { PageTracks } from './page-tracks.js';

export interface LocalSettings {
  microphoneMuted: boolean;
  cameraOff: boolean;
  /** A device id, or '' for the browser's default. */
  cameraId: string;
  microphoneId: string;
  screenShare: boolean;
  tracks: PageTracks | null;
}

export const DEFAULT_SETTINGS: LocalSettings = {
  microphoneMuted: false,
  cameraOff: false,
  cameraId: '',
  microphoneId: '',
  screenShare: false,
  tracks: null,
};

export interface LocalMediaContext {
  /** The SDK; undefined when it could not be loaded (already reported). */
  sdk(): Promise<ControlledSdk | undefined>;
  report(error: RelayErrorDetail): void;
  /** What is shown or published changed. */
  changed(): void;
  devices(detail: DevicesDetail): void;
  /** Screen sharing stopped by itself: `ended` from the browser's own "Stop sharing", `failed` when it never began. */
  screenShareStopped(reason: 'ended' | 'failed'): void;
}

export class LocalMedia {
  readonly #context: LocalMediaContext;
  #settings: LocalSettings = { ...DEFAULT_SETTINGS };
  #microphone: DeviceTrack | undefined;
  #camera: DeviceTrack | undefined;
  readonly #screen = new ScreenTrack();
  /** Each own device's `track-ended` listener (the device unplugged), and tracks that ended, closed once unpublished. */
  readonly #onEnded = new Map<LocalTrack, () => void>();
  #retired: ControlledTrack[] = [];
  /** The page's tracks that passed the checks (page-tracks.ts). */
  readonly #page: PageTrackHold;
  /** Devices that could not be opened: not tried again until their id changes or the host opens again. */
  readonly #failed = new Set<Device>();
  readonly #deviceIds: Record<Device, string> = { microphone: '', camera: '' };
  /** What is published, on which client (local-publication.ts). */
  readonly #publication: LocalPublication;
  #opened = false;
  #released = false;
  #devices: DevicesDetail = { cameras: [], microphones: [] };
  #unwatch: (() => void) | undefined;
  #queue: Promise<void> = Promise.resolve();
  #scheduled: Promise<void> | undefined;

  constructor(context: LocalMediaContext) {
    this.#context = context;
    this.#page = new PageTrackHold((error) => context.report(error));
    this.#publication = new LocalPublication(context.report, () => this.#released);
  }

  /** The audio shown and published: the page's, else the microphone. */
  get audio(): ControlledTrack | undefined {
    return this.#page.audio ?? this.#microphone;
  }

  /** The video shown and published: the screen while shared, else the page's, else the camera. */
  get video(): ControlledTrack | undefined {
    return this.#settings.screenShare ? this.#screen.track : (this.#page.video ?? this.#camera);
  }

  get microphoneMuted(): boolean {
    return this.#settings.microphoneMuted;
  }

  get cameraOff(): boolean {
    return this.#settings.cameraOff;
  }

  get screenSharing(): boolean {
    return this.#settings.screenShare && !!this.#screen.track;
  }

  /** Tracks published on the client now. */
  get published(): number {
    return this.#publication.size;
  }

  /** Takes the element's wishes; what changed is applied in order, after what is already under way. */
  update(settings: Partial<LocalSettings>): void {
    const before = this.#settings;
    const next = { ...before, ...settings };
    if (next.cameraId !== before.cameraId) this.#failed.delete('camera');
    if (next.microphoneId !== before.microphoneId) this.#failed.delete('microphone');
    if (next.tracks !== before.tracks) this.#page.take(next.tracks);
    this.#settings = next;
    if (this.#opened && JSON.stringify(stateOf(next)) !== JSON.stringify(stateOf(before))) void this.#schedule();
    else if (this.#opened && next.tracks !== before.tracks) void this.#schedule();
  }

  /** Opens the devices wanted (after permission the device list follows). Never rejects. */
  async open(): Promise<void> {
    this.#opened = true;
    this.#failed.clear();
    await this.#schedule();
  }

  /** Publishes on a joined client; resolves true when something is published. Never rejects. */
  async publishTo(client: ManagedClient): Promise<boolean> {
    this.#publication.client = client;
    await this.#schedule();
    return this.#publication.size > 0;
  }

  /** Unpublishes and forgets the client (going back to preview); the tracks stay open and shown. Never rejects. */
  async unpublish(): Promise<void> {
    await this.#enqueue(() => this.#publication.unpublishAll());
  }

  /** Closes our own tracks at once (synchronously: removal must not wait on the SDK) and lets the page's go. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#publication.forget();
    this.#unwatch?.();
    this.#unwatch = undefined;
    const hadTracks = !!(this.#microphone ?? this.#camera ?? this.#screen.track);
    this.#closeOwn('microphone');
    this.#closeOwn('camera');
    for (const track of this.#retired.splice(0)) track.close();
    this.#closeScreen();
    this.#page.release();
    if (hadTracks) this.#context.changed();
  }

  /** Runs a reconcile after what is queued; calls made meanwhile join the one waiting. */
  #schedule(): Promise<void> {
    this.#scheduled ??= this.#enqueue(async () => {
      this.#scheduled = undefined;
      await this.#reconcile();
    });
    return this.#scheduled;
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(step).catch((error: unknown) => {
      if (!this.#released) this.#context.report(fromSdkError(error, 'publish', 'Could not apply the camera and microphone settings.'));
    });
    this.#queue = run;
    return run;
  }

  async #reconcile(): Promise<void> {
    if (this.#released) return;
    const sdk = await this.#context.sdk();
    if (!sdk) return;
    const settings = this.#settings;
    const wantScreen = settings.screenShare;
    const wantMicrophone = !this.#page.audio;
    const wantCamera = !wantScreen && !this.#page.video;
    let opened = false;
    if (wantMicrophone && !this.#microphone && !this.#failed.has('microphone')) {
      this.#microphone = await this.#openDevice(sdk, 'microphone', settings.microphoneId);
      opened = true;
    }
    if (this.#released) return;
    // Camera off before it ever opened: it is not opened at all (no light), until it is turned on.
    if (wantCamera && !this.#camera && !this.#failed.has('camera') && !settings.cameraOff) {
      this.#camera = await this.#openDevice(sdk, 'camera', settings.cameraId);
      opened = true;
    }
    if (this.#released) return;
    if (wantScreen && !this.#screen.track) await this.#openScreen(sdk);
    if (this.#released) return;
    if (opened) this.#context.changed();
    if (opened && !this.#unwatch) await this.#watchDevices(sdk);

    await this.#applyControls();
    await this.#switchDevices();
    if (this.#released) return;
    await this.#publication.sync([this.audio, this.video].filter((track): track is ControlledTrack => !!track));
    if (this.#released) return;
    for (const track of this.#retired.splice(0)) track.close();
    if (!wantMicrophone) this.#closeOwn('microphone');
    if (!wantCamera) this.#closeOwn('camera');
    if (!this.#settings.screenShare) this.#closeScreen();
    this.#context.changed();
  }

  async #applyControls(): Promise<void> {
    const { microphoneMuted, cameraOff } = this.#settings;
    const { audio, video } = this;
    if (audio && audio.muted !== microphoneMuted) {
      await audio.setMuted(microphoneMuted).catch((error: unknown) => this.#fail(error, 'microphone-muted', 'Could not mute the microphone.'));
    }
    if (video && video.enabled === cameraOff) {
      await video.setEnabled(!cameraOff).catch((error: unknown) => this.#fail(error, 'camera-off', 'Could not turn the camera off.'));
    }
  }

  /** A device id changed while its track runs: switched live (local-devices.ts). */
  async #switchDevices(): Promise<void> {
    for (const device of ['microphone', 'camera'] as const) {
      const track = device === 'camera' ? this.#camera : this.#microphone;
      const wanted = device === 'camera' ? this.#settings.cameraId : this.#settings.microphoneId;
      if (!track || !wanted || wanted === this.#deviceIds[device]) continue;
      this.#deviceIds[device] = wanted;
      const list = device === 'camera' ? this.#devices.cameras : this.#devices.microphones;
      await switchDevice(track, device, wanted, list, this.#context.report);
    }
  }

  /** Opens the microphone or camera with its chosen device (local-devices.ts); one that fails is not tried again. */
  async #openDevice(sdk: ControlledSdk, device: Device, id: string): Promise<DeviceTrack | undefined> {
    this.#deviceIds[device] = id;
    const track = await openDevice(sdk, device, id, this.#context.report);
    if (!track) this.#failed.add(device);
    if (track && this.#released) {
      // Removed while the device opened: a track nobody holds would stay on (the microphone left open).
      track.close();
      return undefined;
    }
    if (track) {
      // The device went away (unplugged): the track is unpublished and closed, and the device (else the default)
      // opened again; devices-change follows from the SDK.
      const ended = () => {
        if ((device === 'camera' ? this.#camera : this.#microphone) !== track || this.#released) return;
        this.#forget(device);
        this.#retired.push(track);
        this.#deviceIds[device] = '';
        void this.#schedule();
      };
      this.#onEnded.set(track, ended);
      track.on('track-ended', ended);
    }
    return track;
  }

  /** Stops holding our own microphone or camera (not closed here). */
  #forget(device: Device): DeviceTrack | undefined {
    const track = device === 'camera' ? this.#camera : this.#microphone;
    if (!track) return undefined;
    if (device === 'camera') this.#camera = undefined;
    else this.#microphone = undefined;
    const ended = this.#onEnded.get(track);
    this.#onEnded.delete(track);
    if (ended) track.off('track-ended', ended);
    return track;
  }

  /** The screen (screen-track.ts); when it could not be shared, or the browser's own "Stop sharing": the camera again. */
  async #openScreen(sdk: ControlledSdk): Promise<void> {
    const outcome = await this.#screen.open(
      sdk,
      () => !this.#released && this.#settings.screenShare,
      () => {
        if (this.#released) return;
        this.#stopSharing('ended');
        void this.#schedule();
      },
      this.#context.report,
    );
    if (outcome === 'failed') this.#stopSharing('failed');
  }

  #stopSharing(reason: 'ended' | 'failed'): void {
    this.#settings = { ...this.#settings, screenShare: false };
    this.#context.screenShareStopped(reason);
  }

  async #watchDevices(sdk: ControlledSdk): Promise<void> {
    const refresh = async () => {
      const devices = await listDevices(sdk);
      if (this.#released) return;
      this.#devices = devices;
      this.#context.devices(devices);
    };
    this.#unwatch = watchDevices(sdk, () => void refresh());
    await refresh();
  }

  #closeOwn(device: Device): void {
    const track = this.#forget(device);
    if (!track) return;
    this.#publication.drop(track);
    track.close();
  }

  #closeScreen(): void {
    const screen = this.#screen.close();
    if (screen) this.#publication.drop(screen);
  }

  #fail(error: unknown, attribute: string, fallback: string): void {
    const detail = fromSdkError(error, 'publish', fallback);
    this.#context.report({ ...detail, message: `${attribute}: ${detail.message}` });
  }
}

/** What of the settings, when it changes, needs a reconcile (the tracks are compared apart: they are objects). */
const stateOf = ({ tracks: _tracks, ...rest }: LocalSettings) => rest;
