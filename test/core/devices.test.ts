// devices.ts: the device list and its watch. With the SDK's events (4.18+) the watch is on/off; a namespace without
// them gets its single page-wide slots chained (the page's handler kept and called first) and put back on dispose.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { knownDevice, listDevices, watchDevices } from '../../src/core/devices.js';
import type { DeviceSdk } from '../../src/core/sdk-types.js';
import { createFakeAgoraRTC } from '../../src/testing/index.js';

const cameras = [{ deviceId: 'cam-1', label: 'Camera 1', kind: 'videoinput', groupId: 'g' }];

describe('devices: list and watch', () => {
  it('lists ids and labels only, and an SDK that cannot list gives empty lists', async () => {
    const sdk: DeviceSdk = { getCameras: async () => cameras, getMicrophones: async () => Promise.reject(new Error('no')) };
    expect(await listDevices(sdk)).to.deep.equal({ cameras: [{ deviceId: 'cam-1', label: 'Camera 1' }], microphones: [] });
    expect(await listDevices({} as DeviceSdk)).to.deep.equal({ cameras: [], microphones: [] });
  });

  it('knows an id from the list; an empty list (no permission yet) cannot refuse one', () => {
    expect(knownDevice([{ deviceId: 'a', label: '' }], 'a')).to.equal(true);
    expect(knownDevice([{ deviceId: 'a', label: '' }], 'b')).to.equal(false);
    expect(knownDevice([], 'b')).to.equal(true);
    expect(knownDevice([{ deviceId: '', label: '' }], 'b'), 'ids hidden before permission').to.equal(true);
  });

  it('with on/off: one listener per event while watching, none after', () => {
    const AgoraRTC = createFakeAgoraRTC();
    const events = (AgoraRTC.fake.devices as unknown as { events: { getListeners(event: string): unknown[] } }).events;
    let changes = 0;
    const stop = watchDevices(AgoraRTC, () => (changes += 1));
    expect([events.getListeners('camera-changed').length, events.getListeners('microphone-changed').length]).to.deep.equal([1, 1]);
    AgoraRTC.fake.devices.plug('videoinput', 'usb');
    AgoraRTC.fake.devices.unplug('fake-microphone-1');
    expect(changes).to.equal(2);
    stop();
    expect([events.getListeners('camera-changed').length, events.getListeners('microphone-changed').length]).to.deep.equal([0, 0]);
    AgoraRTC.fake.devices.plug('videoinput', 'late');
    expect(changes).to.equal(2);
  });

  it('without on/off: chains the page’s slot (called first, with its argument) and puts it back on dispose', () => {
    const calls: string[] = [];
    const page = (info: unknown) => calls.push(`page ${JSON.stringify(info)}`);
    const sdk: DeviceSdk = { getCameras: async () => [], getMicrophones: async () => [], onCameraChanged: page };
    const stop = watchDevices(sdk, () => calls.push('ours'));
    expect(sdk.onCameraChanged).not.to.equal(page);
    (sdk.onCameraChanged as (info: unknown) => void)({ state: 'ACTIVE' });
    (sdk.onMicrophoneChanged as () => void)();
    expect(calls).to.deep.equal(['page {"state":"ACTIVE"}', 'ours', 'ours']);
    stop();
    expect(sdk.onCameraChanged).to.equal(page);
    expect(sdk.onMicrophoneChanged).to.equal(undefined);
  });

  it('without on/off: a handler the page set after ours is left in place, and ours then only passes calls on', () => {
    const calls: string[] = [];
    const sdk: DeviceSdk = { getCameras: async () => [], getMicrophones: async () => [] };
    const stop = watchDevices(sdk, () => calls.push('ours'));
    const ours = sdk.onCameraChanged as () => void;
    const later = () => {
      calls.push('later');
      ours();
    };
    sdk.onCameraChanged = later;
    stop();
    expect(sdk.onCameraChanged).to.equal(later);
    (sdk.onCameraChanged as () => void)();
    expect(calls).to.deep.equal(['later']);
  });
});
