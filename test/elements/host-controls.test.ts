// Managed mode controls on the fake SDK (issue 14, the host's local media): microphone-muted, camera-off, camera-id,
// microphone-id, screen-share, the `tracks` property, `preview`, and `devices-change`, each on and off, live and
// before joining, with what a person sees (the local tile's labels and picture, the status line's words) and what the
// client publishes.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient, type FakeLocalTrack } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';

interface Seen {
  type: string;
  detail: Record<string, unknown>;
}

const EVENTS = ['agora-relay-error', 'devices-change', 'screen-share-ended', 'channel-media-relay-state'];

/** A managed host on a fake SDK, with the attributes given; every client and every event kept. */
async function mountControlled(attributes = '', AgoraRTC: FakeAgoraRTC = createFakeAgoraRTC()) {
  const clients: FakeClient[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    return client;
  }) as FakeAgoraRTC['createClient'];
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  // Attributes written into the markup, as a CMS page would: they hold before the host does anything.
  holder.innerHTML = `<agora-relay-host channel-name="stage-a" ${attributes}><agora-relay-destination channel-name="stage-b"></agora-relay-destination></agora-relay-host>`;
  const element = holder.firstElementChild as AgoraRelayHost;
  const seen: Seen[] = [];
  for (const type of EVENTS) {
    element.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  element.sdk = AgoraRTC;
  element.appId = 'app-id';
  const client = () => clients[clients.length - 1]!;
  return { element, seen, AgoraRTC, clients, client };
}

const running = (element: AgoraRelayHost) => element.state === 'RELAY_STATE_RUNNING';
const root = (element: AgoraRelayHost) => element.shadowRoot!;
const labels = (element: AgoraRelayHost) =>
  [...root(element).querySelectorAll('[part="local-label"]')].map((label) => label.getAttribute('data-state'));
const labelWords = (element: AgoraRelayHost) =>
  [...root(element).querySelectorAll('[part="local-label"]')].map((label) => label.textContent?.trim());
const status = (element: AgoraRelayHost) => root(element).querySelector('[part="status"]')?.textContent?.trim() ?? '';
const localVideo = (element: AgoraRelayHost) => root(element).querySelector<HTMLVideoElement>('[part="local"] video');
const published = (client: FakeClient) => client.localTracks;
const publishedKinds = (client: FakeClient) => published(client).map((track) => track.trackMediaType).sort();
const errors = (seen: Seen[]) => seen.filter((event) => event.type === 'agora-relay-error').map((event) => event.detail);
const ofKind = (client: FakeClient, kind: 'audio' | 'video') => published(client).find((track) => track.trackMediaType === kind);

/** Frames a <video> has shown: Firefox counts a MediaStream's only in its own `mozPaintedFrames` (measured). */
const shown = (video: HTMLVideoElement) =>
  Math.max(video.getVideoPlaybackQuality().totalVideoFrames, (video as { mozPaintedFrames?: number }).mozPaintedFrames ?? 0);

/** Frames the local <video> has shown, growing while the picture plays. */
async function framesGrow(element: AgoraRelayHost, what: string): Promise<void> {
  await until(() => !!localVideo(element), `${what}: a local <video>`, 5000);
  const video = localVideo(element)!;
  const start = shown(video);
  await until(() => shown(video) >= start + 3, `${what}: frames on the local <video>`, 8000);
}

async function live(attributes = '', AgoraRTC?: FakeAgoraRTC) {
  const mounted = await mountControlled(attributes, AgoraRTC);
  await until(() => running(mounted.element), 'the relay to run', 5000);
  return mounted;
}

describe('<agora-relay-host app-id> managed mode controls on the fake SDK', () => {
  describe('microphone-muted and camera-off', () => {
    it('while live: mute and camera off keep both tracks published, the tile and the status say so, then on again', async () => {
      const { element, client } = await live();
      const audio = ofKind(client(), 'audio')!;
      const video = ofKind(client(), 'video')!;
      await framesGrow(element, 'before');
      const capture = video.getMediaStreamTrack();

      element.microphoneMuted = true;
      element.cameraOff = true;
      await until(() => audio.muted && !video.enabled, 'the tracks muted and disabled');
      await until(() => labels(element).length === 2, 'the labels');
      expect(labelWords(element)).to.deep.equal(['Microphone muted', 'Camera off']);
      expect(status(element)).to.equal('Live. Relaying to 1 channel. Microphone muted. Camera off.');
      expect(publishedKinds(client()), 'still published').to.deep.equal(['audio', 'video']);
      expect(capture.readyState, 'the camera’s capture ended: its light is off').to.equal('ended');
      expect(audio.getMediaStreamTrack().readyState, 'the microphone still captures').to.equal('live');
      expect(localVideo(element), 'no picture in the local tile').to.equal(null);
      expect(element.hasAttribute('microphone-muted') && element.hasAttribute('camera-off'), 'reflected').to.equal(true);
      expect(running(element), 'the relay runs on').to.equal(true);

      element.microphoneMuted = false;
      element.cameraOff = false;
      await until(() => !audio.muted && video.enabled, 'the tracks back');
      await until(() => labels(element).length === 0, 'the labels gone');
      expect(status(element)).to.equal('Live. Relaying to 1 channel.');
      expect(publishedKinds(client())).to.deep.equal(['audio', 'video']);
      expect(video.getMediaStreamTrack().readyState, 'a new capture').to.equal('live');
      await framesGrow(element, 'camera on again');
    });

    it('set before joining: the microphone publishes muted, the camera is not opened until turned on, then published', async () => {
      const AgoraRTC = createFakeAgoraRTC();
      let cameras = 0;
      const createCamera = AgoraRTC.createCameraVideoTrack.bind(AgoraRTC);
      AgoraRTC.createCameraVideoTrack = (config) => ((cameras += 1), createCamera(config));
      const { element, client } = await live('microphone-muted camera-off', AgoraRTC);
      expect(cameras, 'no camera opened (its light stays off)').to.equal(0);
      expect(publishedKinds(client())).to.deep.equal(['audio']);
      expect(ofKind(client(), 'audio')!.muted).to.equal(true);
      await until(() => labels(element).length === 2, 'the labels');
      expect(labels(element)).to.deep.equal(['microphone-muted', 'camera-off']);
      expect(localVideo(element)).to.equal(null);

      element.cameraOff = false;
      await until(() => publishedKinds(client()).length === 2, 'the camera published');
      expect(cameras).to.equal(1);
      await framesGrow(element, 'camera on');
      expect(labels(element)).to.deep.equal(['microphone-muted']);
      element.removeAttribute('microphone-muted');
      await until(() => !ofKind(client(), 'audio')!.muted, 'the microphone unmuted');
      await until(() => labels(element).length === 0, 'no labels');
    });
  });

  describe('camera-id and microphone-id', () => {
    it('opens the chosen devices, switches live without republishing, and lists devices after permission', async () => {
      const { element, client, seen } = await live('camera-id="fake-camera-2" microphone-id="fake-microphone-2"');
      const video = ofKind(client(), 'video') as FakeLocalTrack;
      const audio = ofKind(client(), 'audio') as FakeLocalTrack;
      expect([video.deviceId, audio.deviceId]).to.deep.equal(['fake-camera-2', 'fake-microphone-2']);
      await until(() => seen.some((event) => event.type === 'devices-change'), 'devices-change');
      expect(seen.find((event) => event.type === 'devices-change')!.detail).to.deep.equal({
        cameras: [
          { deviceId: 'fake-camera-1', label: 'Fake Camera 1' },
          { deviceId: 'fake-camera-2', label: 'Fake Camera 2' },
        ],
        microphones: [
          { deviceId: 'fake-microphone-1', label: 'Fake Microphone 1' },
          { deviceId: 'fake-microphone-2', label: 'Fake Microphone 2' },
        ],
      });

      const publishes = client().fake.calls.length;
      element.cameraId = 'fake-camera-1';
      element.setAttribute('microphone-id', 'fake-microphone-1');
      await until(() => video.deviceId === 'fake-camera-1' && audio.deviceId === 'fake-microphone-1', 'the switch');
      expect(published(client()), 'the same tracks stay published').to.deep.equal([audio, video]);
      expect(client().fake.calls.length, 'no relay call').to.equal(publishes);
      await framesGrow(element, 'after the switch');
      expect(errors(seen)).to.deep.equal([]);
    });

    it('an unknown id live is a clear error naming the attribute, and the device in use keeps running', async () => {
      const { element, client, seen } = await live();
      const video = ofKind(client(), 'video') as FakeLocalTrack;
      element.cameraId = 'no-such-camera';
      await until(() => errors(seen).length > 0, 'the error');
      expect(errors(seen)).to.deep.equal([
        {
          code: 'DEVICE_NOT_FOUND',
          message: 'camera-id "no-such-camera" names no camera this browser sees; the camera in use keeps running.',
          operation: 'publish',
        },
      ]);
      expect(video.deviceId).to.equal('fake-camera-1');
      expect(video.getMediaStreamTrack().readyState).to.equal('live');
      expect(published(client())).to.include(video);
      await until(() => status(element).startsWith('The chosen camera or microphone is not connected.'), 'the words');
      await framesGrow(element, 'the old camera');
      expect(running(element)).to.equal(true);
    });

    it('an unknown id before joining is reported and the default device opens instead', async () => {
      const { client, seen } = await live('microphone-id="gone"');
      expect(errors(seen).map(({ code, message }) => [code, message])).to.deep.equal([
        ['DEVICE_NOT_FOUND', 'microphone-id "gone" names no microphone this browser sees; using the default microphone.'],
      ]);
      expect((ofKind(client(), 'audio') as FakeLocalTrack).deviceId).to.equal('fake-microphone-1');
      expect(publishedKinds(client())).to.deep.equal(['audio', 'video']);
    });

    it('the camera in use unplugged: unpublished and closed, the default camera opened and published; camera-id says so', async () => {
      const { element, client, seen, AgoraRTC } = await live('camera-id="fake-camera-2"');
      const before = ofKind(client(), 'video') as FakeLocalTrack;
      expect(before.deviceId).to.equal('fake-camera-2');
      AgoraRTC.fake.devices.unplug('fake-camera-2');
      await until(() => !!ofKind(client(), 'video') && ofKind(client(), 'video') !== before, 'another camera published');
      expect((ofKind(client(), 'video') as FakeLocalTrack).deviceId).to.equal('fake-camera-1');
      expect(before.getMediaStreamTrack().readyState).to.equal('ended');
      expect(publishedKinds(client())).to.deep.equal(['audio', 'video']);
      expect(errors(seen).map(({ code, message }) => [code, message])).to.deep.equal([
        ['DEVICE_NOT_FOUND', 'camera-id "fake-camera-2" names no camera this browser sees; using the default camera.'],
      ]);
      await framesGrow(element, 'the default camera');
      expect(running(element)).to.equal(true);
    });

    it('devices-change again when a camera is plugged in and out; no device listener left after removal', async () => {
      const { element, seen, AgoraRTC } = await live();
      const changes = () => seen.filter((event) => event.type === 'devices-change').map((event) => event.detail);
      await until(() => changes().length === 1, 'the first list');
      AgoraRTC.fake.devices.plug('videoinput', 'usb-cam', 'USB Camera');
      await until(() => changes().length === 2, 'the list after plugging');
      expect((changes()[1]!.cameras as { deviceId: string }[]).map((camera) => camera.deviceId)).to.deep.equal([
        'fake-camera-1',
        'fake-camera-2',
        'usb-cam',
      ]);
      AgoraRTC.fake.devices.unplug('fake-microphone-2');
      await until(() => changes().length === 3, 'the list after unplugging');
      expect((changes()[2]!.microphones as { deviceId: string }[]).map((mic) => mic.deviceId)).to.deep.equal(['fake-microphone-1']);

      const devices = AgoraRTC.fake.devices as unknown as { events: { getListeners(event: string): unknown[] } };
      expect(devices.events.getListeners('camera-changed').length).to.equal(1);
      element.remove();
      await until(() => devices.events.getListeners('camera-changed').length === 0, 'the listener removed');
      expect(devices.events.getListeners('microphone-changed').length).to.equal(0);
      AgoraRTC.fake.devices.plug('videoinput', 'late-cam');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changes().length, 'nothing after removal').to.equal(3);
    });
  });

  describe('the tracks property', () => {
    it('publishes the page’s canvas track instead of the camera, and never closes it', async () => {
      const AgoraRTC = createFakeAgoraRTC();
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d')!;
      const draw = setInterval(() => context.fillRect(0, 0, Math.random() * 300, 150), 50);
      const mediaStreamTrack = canvas.captureStream(10).getVideoTracks()[0]!;
      const own = AgoraRTC.createCustomVideoTrack({ mediaStreamTrack });
      try {
        const mounted = await mountControlled('', AgoraRTC);
        mounted.element.tracks = { video: own };
        await until(() => running(mounted.element), 'the relay to run', 5000);
        const { element, client } = mounted;
        expect(ofKind(client(), 'video'), 'the page’s track is published').to.equal(own);
        expect(publishedKinds(client())).to.deep.equal(['audio', 'video']);
        await framesGrow(element, 'the page’s canvas');

        element.cameraOff = true;
        await until(() => !own.enabled, 'the page’s track disabled');
        expect(mediaStreamTrack.readyState, 'the page’s capture is not ended').to.equal('live');

        element.remove();
        await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
        expect(mediaStreamTrack.readyState, 'not closed').to.equal('live');
        await until(() => own.enabled, 'its enabled state put back');
      } finally {
        clearInterval(draw);
        own.close();
      }
    });

    it('a track of the wrong kind is a clear error; the show goes on with the microphone and camera', async () => {
      const AgoraRTC = createFakeAgoraRTC();
      const canvas = document.createElement('canvas');
      const wrong = AgoraRTC.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
      try {
        const mounted = await mountControlled('', AgoraRTC);
        mounted.element.tracks = { audio: wrong };
        await until(() => running(mounted.element), 'the relay to run', 5000);
        expect(errors(mounted.seen)).to.deep.equal([
          {
            code: 'INVALID_TRACK',
            message: 'tracks.audio is a video track; it must be a local audio track (ILocalAudioTrack). Using the microphone instead.',
            operation: 'validate',
          },
        ]);
        expect(publishedKinds(mounted.client())).to.deep.equal(['audio', 'video']);
        expect(published(mounted.client())).not.to.include(wrong);
        await until(() => status(mounted.element).startsWith('A track given to publish is of the wrong kind.'), 'the words');
      } finally {
        wrong.close();
      }
    });

    it('set live: the camera is unpublished and closed, the page’s track published; cleared: the camera again', async () => {
      const { element, client, AgoraRTC } = await live();
      const camera = ofKind(client(), 'video')!;
      const canvas = document.createElement('canvas');
      const own = AgoraRTC.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
      element.tracks = { video: own };
      await until(() => ofKind(client(), 'video') === own, 'the page’s track published');
      expect(camera.getMediaStreamTrack().readyState, 'the camera closed').to.equal('ended');
      element.tracks = null;
      await until(() => !!ofKind(client(), 'video') && ofKind(client(), 'video') !== own, 'a camera again');
      expect(own.getMediaStreamTrack().readyState).to.equal('live');
      own.close();
    });
  });

  describe('screen-share', () => {
    it('publishes the screen instead of the camera, keeps the audio, and goes back to the camera when removed', async () => {
      const { element, client } = await live();
      const audio = ofKind(client(), 'audio');
      const camera = ofKind(client(), 'video')!;
      element.screenShare = true;
      await until(() => ofKind(client(), 'video')?.getTrackLabel() === 'screen', 'the screen published');
      expect(ofKind(client(), 'audio')).to.equal(audio);
      expect(camera.getMediaStreamTrack().readyState, 'the camera closed while sharing').to.equal('ended');
      await until(() => labels(element).includes('screen-share'), 'the label');
      expect(status(element)).to.equal('Live. Relaying to 1 channel. Sharing your screen.');
      await framesGrow(element, 'the screen');
      element.removeAttribute('screen-share');
      await until(() => ofKind(client(), 'video')?.getTrackLabel() === 'Fake Camera 1', 'the camera again');
      expect(publishedKinds(client())).to.deep.equal(['audio', 'video']);
      await until(() => labels(element).length === 0, 'no label');
    });

    it('the browser’s own "Stop sharing" goes back to the camera, removes the attribute and says so', async () => {
      const { element, client, seen } = await live('screen-share');
      await until(() => ofKind(client(), 'video')?.getTrackLabel() === 'screen', 'the screen published');
      const screen = ofKind(client(), 'video') as FakeLocalTrack;
      screen.endFromBrowser();
      await until(() => !element.hasAttribute('screen-share'), 'the attribute removed');
      expect(seen.filter((event) => event.type === 'screen-share-ended').map((event) => event.detail)).to.deep.equal([
        { reason: 'ended' },
      ]);
      await until(() => ofKind(client(), 'video')?.getTrackLabel() === 'Fake Camera 1', 'the camera published');
      expect(screen.getMediaStreamTrack().readyState).to.equal('ended');
      expect(published(client())).not.to.include(screen);
    });

    it('a refused screen is an error; the camera stays, the attribute goes', async () => {
      const AgoraRTC = createFakeAgoraRTC();
      const { element, client, seen } = await live('', AgoraRTC);
      const camera = ofKind(client(), 'video');
      AgoraRTC.fake.failNextTrack('screen', 'PERMISSION_DENIED');
      element.screenShare = true;
      await until(() => !element.screenShare, 'screen-share turned off again');
      expect(errors(seen).map(({ code, operation }) => [code, operation])).to.deep.equal([['PERMISSION_DENIED', 'publish']]);
      expect(seen.filter((event) => event.type === 'screen-share-ended').map((event) => event.detail)).to.deep.equal([
        { reason: 'failed' },
      ]);
      expect(ofKind(client(), 'video')).to.equal(camera);
      expect(running(element)).to.equal(true);
      await until(() => status(element).startsWith('Screen sharing did not start'), 'the words for it');
    });
  });

  describe('preview', () => {
    it('shows the camera without joining; live joins and relays the same tracks; preview again leaves and keeps them', async () => {
      const { element, clients, seen } = await mountControlled('preview');
      await framesGrow(element, 'the preview');
      expect(clients, 'no client made in preview').to.have.length(0);
      expect(labels(element)).to.deep.equal(['preview']);
      expect(status(element)).to.equal('Preview: you are not live yet.');
      const previewVideo = localVideo(element)!.srcObject as MediaStream;
      const capture = previewVideo.getVideoTracks()[0]!;

      element.preview = false;
      await until(() => running(element), 'the relay to run', 5000);
      const first = clients[0]!;
      const tracks = [...first.localTracks];
      expect(tracks.map((track) => track.getMediaStreamTrack())).to.include(capture);
      expect(labels(element)).to.deep.equal([]);

      element.preview = true;
      await until(() => first.connectionState === 'DISCONNECTED', 'the leave');
      expect(first.fake.calls.map((call) => call.method)).to.deep.equal(['start', 'stop']);
      expect(capture.readyState, 'the camera stays open').to.equal('live');
      await until(() => status(element) === 'Preview: you are not live yet.', 'the preview words');
      await framesGrow(element, 'the preview again');

      element.removeAttribute('preview');
      await until(() => clients.length === 2 && running(element), 'live again', 5000);
      expect(clients[1]!.localTracks, 'the same tracks, no device opened again').to.have.members(tracks);
      expect(errors(seen)).to.deep.equal([]);
      element.remove();
      await until(() => capture.readyState === 'ended', 'removal closes the camera');
    });

    it('back to preview while a publish never answers: it still leaves within seconds, and the camera stays open', async () => {
      const AgoraRTC = createFakeAgoraRTC();
      const createClient = AgoraRTC.createClient.bind(AgoraRTC);
      AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
        const client = createClient(config);
        void client.fake.hold('publish');
        return client;
      }) as FakeAgoraRTC['createClient'];
      const { element, clients } = await mountControlled('', AgoraRTC);
      await until(() => clients[0]?.fake.calls !== undefined && clients[0].connectionState === 'CONNECTED', 'joined', 5000);
      await framesGrow(element, 'the camera');
      const capture = localVideo(element)!.srcObject as MediaStream;
      element.preview = true;
      const asked = performance.now();
      await until(() => clients[0]!.connectionState === 'DISCONNECTED', 'the leave', 5000);
      expect(performance.now() - asked, 'left within').to.be.below(4000);
      expect(capture.getVideoTracks()[0]!.readyState).to.equal('live');
      await until(() => status(element) === 'Preview: you are not live yet.', 'the preview words');
    });

    it('settings made in preview hold when going live', async () => {
      const { element, client } = await mountControlled('preview');
      await framesGrow(element, 'the preview');
      element.microphoneMuted = true;
      element.preview = false;
      await until(() => running(element), 'the relay to run', 5000);
      expect(ofKind(client(), 'audio')!.muted).to.equal(true);
      expect(status(element)).to.equal('Live. Relaying to 1 channel. Microphone muted.');
    });
  });
});
