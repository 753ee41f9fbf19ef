// The framework-free AudienceViewer on the fake SDK, with no element: bounded joins and leaves, a page's own client,
// closing at any moment, and failures that do not end the viewing.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { AudienceViewer, type AudienceSdk } from '../../src/core/audience-viewer.js';
import { audienceLevel, checkSdkVersion } from '../../src/core/audience-support.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from './session-fixture.js';

function makeViewer(options: Partial<ConstructorParameters<typeof AudienceViewer>[0]> = {}, sdk: FakeAgoraRTC = createFakeAgoraRTC()) {
  const viewer = new AudienceViewer({ appId: 'app', channelName: 'stage-b', sdk: sdk as unknown as AudienceSdk, ...options });
  const errors: { code: string; operation: string; message: string }[] = [];
  viewer.addEventListener('agora-relay-error', (event) => errors.push(event.detail));
  return { viewer, errors, sdk, client: () => sdk.fake.clients[0] as FakeClient };
}

describe('AudienceViewer (core)', () => {
  it('maps latency to the SDK’s audience levels, and refuses what it does not know', () => {
    expect([undefined, null, '', 'low', 'ultra-low', 'fast'].map((value) => audienceLevel(value))).to.deep.equal([1, 1, 1, 1, 2, 0]);
  });

  it('supports agora-rtc-sdk-ng 4.20 and newer', () => {
    expect(checkSdkVersion('4.24.8')).to.equal(undefined);
    expect(checkSdkVersion('4.20.0')).to.equal(undefined);
    expect(checkSdkVersion('5.0.0')).to.equal(undefined);
    expect(checkSdkVersion(undefined)).to.equal(undefined);
    expect(checkSdkVersion('4.19.1')).to.contain('older than 4.20');
    expect(checkSdkVersion('3.6.11')).to.contain('older than 4.20');
  });

  it('connect() resolves true once joined, and close() leaves', async () => {
    const { viewer, client, errors } = makeViewer();
    expect(await viewer.connect()).to.equal(true);
    expect(client().connectionState).to.equal('CONNECTED');
    expect(viewer.status.phase).to.equal('live');
    await viewer.close();
    expect(client().connectionState).to.equal('DISCONNECTED');
    expect(client().fake.listenerCount()).to.equal(0);
    expect(viewer.status.phase).to.equal('closed');
    expect(errors).to.deep.equal([]);
  });

  it('a join the gateway never answers fails with TIMEOUT after joinTimeoutMs, and leaves', async () => {
    const sdk = createFakeAgoraRTC();
    const createClient = sdk.createClient.bind(sdk);
    sdk.createClient = ((config: never) => {
      const made = createClient(config);
      made.fake.hold('join');
      return made;
    }) as FakeAgoraRTC['createClient'];
    const { viewer, errors, client } = makeViewer({ joinTimeoutMs: 100 }, sdk);
    expect(await viewer.connect()).to.equal(false);
    expect(errors.map(({ code, operation }) => `${operation} ${code}`)).to.deep.equal(['join TIMEOUT']);
    expect(client().connectionState).to.equal('DISCONNECTED');
    expect(viewer.status.kind).to.equal('error');
    expect(viewer.status.text).to.contain('Agora did not answer in time.');
  });

  it('close() never hangs: a leave that never answers is let go after leaveTimeoutMs and reported', async () => {
    const { viewer, errors, client } = makeViewer({ leaveTimeoutMs: 100 });
    await viewer.connect();
    client().fake.hold('leave');
    const started = performance.now();
    await viewer.close();
    expect(performance.now() - started).to.be.lessThan(1000);
    expect(errors.map(({ code, operation }) => `${operation} ${code}`)).to.deep.equal(['leave TIMEOUT']);
    expect(client().fake.listenerCount()).to.equal(0);
  });

  it('close() while the join is under way aborts it quietly: no error, nothing joined', async () => {
    const sdk = createFakeAgoraRTC({ latency: 20 });
    const { viewer, errors, client } = makeViewer({}, sdk);
    const connecting = viewer.connect();
    await until(() => client()?.connectionState === 'CONNECTING', 'the join to begin');
    await viewer.close();
    expect(await connecting).to.equal(false);
    expect(errors).to.deep.equal([]);
    expect(client().connectionState).to.equal('DISCONNECTED');
  });

  it('SDK_LOAD_FAILED when no SDK can be had', async () => {
    const viewer = new AudienceViewer({
      appId: 'app',
      channelName: 'stage-b',
      importSdk: () => Promise.reject(new Error('offline CDN')),
    });
    const errors: string[] = [];
    viewer.addEventListener('agora-relay-error', (event) => errors.push(`${event.detail.operation} ${event.detail.code}`));
    const page = window as { AgoraRTC?: unknown };
    const before = page.AgoraRTC;
    delete page.AgoraRTC;
    try {
      expect(await viewer.connect()).to.equal(false);
    } finally {
      page.AgoraRTC = before;
    }
    expect(errors).to.deep.equal(['load SDK_LOAD_FAILED']);
    expect(viewer.status.text).to.contain('The Agora SDK could not be loaded.');
  });

  it('a page’s own client: follows it, subscribes to hosts already there, never leaves it, removes its listeners', async () => {
    const sdk = createFakeAgoraRTC();
    const own = sdk.createClient({ mode: 'live', codec: 'vp8' });
    await own.join('app', 'stage-b', null, null);
    own.fake.addRemoteUser(1001);
    own.fake.publishRemote(1001, 'video');
    const before = own.fake.listenerCount();
    const viewer = new AudienceViewer({ client: own as never });
    expect(await viewer.connect()).to.equal(true);
    await until(() => viewer.hosts.length === 1, 'the host already there');
    own.fake.addRemoteUser(2002);
    own.fake.publishRemote(2002, 'audio');
    await until(() => viewer.hosts.length === 2, 'the host who comes later');
    expect(viewer.hosts.map(({ uid, hasAudio, hasVideo }) => ({ uid, hasAudio, hasVideo }))).to.deep.equal([
      { uid: 1001, hasAudio: false, hasVideo: true },
      { uid: 2002, hasAudio: true, hasVideo: false },
    ]);
    expect(viewer.status.text).to.equal('Live: watching 2 hosts.');
    await viewer.close();
    expect(own.connectionState, 'the page’s client is still joined').to.equal('CONNECTED');
    expect(own.fake.listenerCount()).to.equal(before);
    expect(sdk.fake.clients).to.have.length(1);
    await own.leave();
  });

  it('a host it cannot subscribe to is reported, and the viewing goes on', async () => {
    const { viewer, errors, client } = makeViewer();
    await viewer.connect();
    const subscribe = client().subscribe.bind(client());
    client().subscribe = (() => Promise.reject(Object.assign(new Error('AgoraRTCError INVALID_REMOTE_USER: gone'), { code: 'INVALID_REMOTE_USER' }))) as never;
    client().fake.addRemoteUser(1001);
    client().fake.publishRemote(1001, 'video');
    await until(() => errors.length === 1, 'the error');
    expect(errors[0]?.code).to.equal('INVALID_REMOTE_USER');
    expect(viewer.status.phase).to.equal('live');
    expect(viewer.status.text).to.contain('A host left before they could be shown.');
    client().subscribe = subscribe;
    await viewer.close();
  });

  it('being banned from the channel is a failure in plain words', async () => {
    const { viewer, errors, client } = makeViewer();
    await viewer.connect();
    // What the SDK does on on_user_banned (protocol reference: DISCONNECTED with reason UID_BANNED).
    (client() as unknown as { emit(event: string, ...args: unknown[]): void }).emit('connection-state-change', 'DISCONNECTED', 'CONNECTED', 'UID_BANNED');
    expect(errors.map(({ code }) => code)).to.deep.equal(['UID_BANNED']);
    expect(viewer.status.text).to.contain('This user was removed from the channel.');
    await viewer.close();
  });
});
