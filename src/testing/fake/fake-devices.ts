// The fake namespace's cameras and microphones: what getCameras() / getMicrophones() list, which ids
// createCameraVideoTrack({ cameraId }) and setDevice() accept, and a test control to plug and unplug devices, reported
// as the SDK does (measured and read from the 4.24.8 bundle): the namespace slot `onCameraChanged` /
// `onMicrophoneChanged` is called first, then the `camera-changed` / `microphone-changed` event, with
// `{ device, state: 'ACTIVE' | 'INACTIVE', initAt, updateAt }`.
import { FakeEventEmitter } from './event-emitter.js';

export type FakeDeviceKind = 'videoinput' | 'audioinput';

/** A device as the SDK lists it (the fields of a MediaDeviceInfo). */
export interface FakeDevice {
  readonly deviceId: string;
  readonly label: string;
  readonly kind: FakeDeviceKind;
  readonly groupId: string;
}

export interface FakeDeviceInfo {
  device: FakeDevice;
  state: 'ACTIVE' | 'INACTIVE';
  initAt: number;
  updateAt: number;
}

/** Test controls: `AgoraRTC.fake.devices`. */
export interface FakeDevicesControls {
  /** What is plugged in now. */
  readonly list: readonly FakeDevice[];
  /** Plugs a device in (reported as ACTIVE); returns it. */
  plug(kind: FakeDeviceKind, deviceId: string, label?: string): FakeDevice;
  /** Unplugs a device (reported as INACTIVE); a track capturing from it ends (`track-ended`). */
  unplug(deviceId: string): void;
}

/** The slots the namespace holds, read when a device changes. */
export interface DeviceSlots {
  onCameraChanged?: unknown;
  onMicrophoneChanged?: unknown;
}

const DEFAULT_DEVICES: FakeDevice[] = [
  { deviceId: 'fake-camera-1', label: 'Fake Camera 1', kind: 'videoinput', groupId: 'fake-group-1' },
  { deviceId: 'fake-camera-2', label: 'Fake Camera 2', kind: 'videoinput', groupId: 'fake-group-2' },
  { deviceId: 'fake-microphone-1', label: 'Fake Microphone 1', kind: 'audioinput', groupId: 'fake-group-1' },
  { deviceId: 'fake-microphone-2', label: 'Fake Microphone 2', kind: 'audioinput', groupId: 'fake-group-2' },
];

/** The namespace's device events; `fire` is ours (the emitter's `emit` is protected). */
class DeviceEvents extends FakeEventEmitter {
  fire(event: string, info: FakeDeviceInfo): void {
    this.emit(event, info);
  }
}

export class FakeDevices implements FakeDevicesControls {
  readonly events = new DeviceEvents();
  #devices: FakeDevice[] = DEFAULT_DEVICES.map((device) => ({ ...device }));
  readonly #firstSeen = new Map<string, number>();
  #slots: DeviceSlots = {};
  /** Called after a device is reported unplugged: the namespace ends the tracks capturing from it. */
  onUnplugged: (device: FakeDevice) => void = () => undefined;

  attach(slots: DeviceSlots): void {
    this.#slots = slots;
  }

  get list(): readonly FakeDevice[] {
    return [...this.#devices];
  }

  of(kind: FakeDeviceKind): FakeDevice[] {
    return this.#devices.filter((device) => device.kind === kind);
  }

  /** The device with this id (of this kind), or the first of the kind for '' (the browser's default). */
  find(kind: FakeDeviceKind, deviceId = ''): FakeDevice | undefined {
    const list = this.of(kind);
    return deviceId ? list.find((device) => device.deviceId === deviceId) : list[0];
  }

  plug(kind: FakeDeviceKind, deviceId: string, label = deviceId): FakeDevice {
    const device: FakeDevice = { deviceId, label, kind, groupId: `fake-group-${deviceId}` };
    this.#devices = [...this.#devices.filter((each) => each.deviceId !== deviceId), device];
    this.#report(device, 'ACTIVE');
    return device;
  }

  unplug(deviceId: string): void {
    const device = this.#devices.find((each) => each.deviceId === deviceId);
    if (!device) return;
    this.#devices = this.#devices.filter((each) => each !== device);
    this.#report(device, 'INACTIVE');
    this.onUnplugged(device);
  }

  #report(device: FakeDevice, state: 'ACTIVE' | 'INACTIVE'): void {
    const now = Date.now();
    const initAt = this.#firstSeen.get(device.deviceId) ?? now;
    this.#firstSeen.set(device.deviceId, initAt);
    const info: FakeDeviceInfo = { device, state, initAt, updateAt: now };
    const camera = device.kind === 'videoinput';
    const slot = camera ? this.#slots.onCameraChanged : this.#slots.onMicrophoneChanged;
    if (typeof slot === 'function') (slot as (info: FakeDeviceInfo) => void)(info);
    this.events.fire(camera ? 'camera-changed' : 'microphone-changed', info);
  }
}
