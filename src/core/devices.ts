// The cameras and microphones the browser sees, for `devices-change`: listed once the page may see their labels
// (after a track opened, i.e. after permission), and again whenever the SDK reports one plugged in or out.
//
// The SDK reports device changes through `AgoraRTC.on('camera-changed' | 'microphone-changed')` (since 4.18, every
// version checked here) and through single page-wide slots (`AgoraRTC.onCameraChanged`, `onMicrophoneChanged`). We
// use the events, which `off()` undoes; a namespace without them gets the slots, chained to what the page put there
// and put back on dispose while ours is still the one there (a handler chained after ours is left alone, and ours then
// only passes the call on).
import type { DeviceSdk, SdkDevice } from './sdk-types.js';

export interface DeviceEntry {
  deviceId: string;
  label: string;
}

export interface DevicesDetail {
  cameras: DeviceEntry[];
  microphones: DeviceEntry[];
}

const entries = (list: readonly SdkDevice[]): DeviceEntry[] => list.map(({ deviceId, label }) => ({ deviceId, label }));

/** Both lists; a list the SDK cannot give (no permission, no devices API) is empty. Never rejects. */
export async function listDevices(sdk: DeviceSdk): Promise<DevicesDetail> {
  // skipPermissionCheck: the SDK would otherwise open a device to ask for permission, which we only list after.
  const list = async (get: ((skip: boolean) => Promise<SdkDevice[]>) | undefined) => {
    try {
      return typeof get === 'function' ? await get(true) : [];
    } catch {
      return [];
    }
  };
  const [cameras, microphones] = await Promise.all([list(sdk.getCameras?.bind(sdk)), list(sdk.getMicrophones?.bind(sdk))]);
  return { cameras: entries(cameras), microphones: entries(microphones) };
}

/**
 * Whether `deviceId` is in the list. A list without ids cannot say (before permission the browser lists none, or
 * devices with empty ids): then it is taken as known, and opening the device tells.
 */
export function knownDevice(list: readonly DeviceEntry[], deviceId: string): boolean {
  return list.every((device) => !device.deviceId) || list.some((device) => device.deviceId === deviceId);
}

/** Calls `changed` on each camera or microphone plugged in or out; the function it returns stops listening. */
export function watchDevices(sdk: DeviceSdk, changed: () => void): () => void {
  const listener = () => changed();
  if (typeof sdk.on === 'function' && typeof sdk.off === 'function') {
    sdk.on('camera-changed', listener);
    sdk.on('microphone-changed', listener);
    return () => {
      sdk.off?.('camera-changed', listener);
      sdk.off?.('microphone-changed', listener);
    };
  }
  const undo = (['onCameraChanged', 'onMicrophoneChanged'] as const).map((slot) => chainSlot(sdk, slot, listener));
  return () => {
    for (const each of undo) each();
  };
}

function chainSlot(sdk: DeviceSdk, slot: 'onCameraChanged' | 'onMicrophoneChanged', listener: () => void): () => void {
  const previous = sdk[slot];
  let active = true;
  const ours = function (this: unknown, ...args: unknown[]) {
    try {
      if (typeof previous === 'function') (previous as (...args: unknown[]) => void).apply(this, args);
    } finally {
      if (active) listener();
    }
  };
  sdk[slot] = ours;
  return () => {
    active = false;
    if (sdk[slot] === ours) sdk[slot] = previous;
  };
}
