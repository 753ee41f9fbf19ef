// Opening a managed host's microphone or camera with its chosen device, and switching that device live. An id the
// browser does not list, or one that fails to open, is reported naming its attribute: opening then falls back to the
// default device, a live switch keeps the device in use (the SDK's setDevice refuses an unknown id and keeps it,
// measured on 4.24.8).
import { knownDevice, listDevices, type DeviceEntry } from './devices.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { ControlledSdk, DeviceTrack } from './sdk-types.js';

export type Device = 'microphone' | 'camera';

type Report = (error: RelayErrorDetail) => void;

function reportDevice(report: Report, device: Device, id: string, what: string, code = 'DEVICE_NOT_FOUND'): void {
  report({ code, message: `${device}-id "${id}" ${what}`, operation: 'publish' });
}

/**
 * Opens the device with `id` ('' for the browser's default). Resolves undefined when no device could be opened
 * (reported). Never rejects.
 */
export async function openDevice(sdk: ControlledSdk, device: Device, id: string, report: Report): Promise<DeviceTrack | undefined> {
  const create = (deviceId: string) =>
    device === 'camera'
      ? sdk.createCameraVideoTrack(deviceId ? { cameraId: deviceId } : undefined)
      : sdk.createMicrophoneAudioTrack(deviceId ? { microphoneId: deviceId } : undefined);
  const failed = (error: unknown) => {
    const detail = fromSdkError(error, 'publish', `The ${device} could not be used.`);
    report({ ...detail, message: `The ${device} could not be used: ${detail.message}` });
    return undefined;
  };
  let chosen = id;
  if (chosen) {
    const listed = await listDevices(sdk);
    if (!knownDevice(device === 'camera' ? listed.cameras : listed.microphones, chosen)) {
      reportDevice(report, device, chosen, `names no ${device} this browser sees; using the default ${device}.`);
      chosen = '';
    }
  }
  try {
    return await create(chosen);
  } catch (error) {
    if (!chosen) return failed(error);
    const detail = fromSdkError(error, 'publish', 'It could not be opened.');
    reportDevice(report, device, chosen, `could not be opened (${detail.message}); using the default ${device}.`, detail.code);
    return create('').catch(failed);
  }
}

/** Switches a running track to the device `id`; an id not in `list` is refused first. Never rejects. */
export async function switchDevice(track: DeviceTrack, device: Device, id: string, list: readonly DeviceEntry[], report: Report): Promise<void> {
  const keeps = `the ${device} in use keeps running.`;
  if (!knownDevice(list, id)) {
    reportDevice(report, device, id, `names no ${device} this browser sees; ${keeps}`);
    return;
  }
  try {
    await track.setDevice(id);
  } catch (error) {
    const detail = fromSdkError(error, 'publish', 'The device could not be used.');
    reportDevice(report, device, id, `could not be used (${detail.message}); ${keeps}`, detail.code);
  }
}
