// One scenario, run inside a real app of each framework (react.test.tsx, preact.test.tsx, vue.test.ts,
// svelte.test.ts, angular.test.ts): the framework's own template binds attributes, the `client` object and the
// `tokenProvider` function, listens declaratively to `channel-media-relay-state` and `agora-relay-error`, and renders
// the destinations from a list it adds to and removes from. The elements come from the built package
// (`agora-relay-elements`, dist/), the client from the offline fake SDK.
import { expect } from '@open-wc/testing';
import 'agora-relay-elements';
import type {
  AgoraRelayAudience,
  AgoraRelayDestination,
  AgoraRelayHost,
  RelayClient,
  RelayErrorDetail,
  RelaySdk,
  RelayStateDetail,
  TokenProvider,
  TokenRequest,
  AudienceSdk,
  RemoteUserDetail,
} from 'agora-relay-elements';
import { createFakeAgoraRTC } from 'agora-relay-elements/testing';

/** What every app gets, and binds in its own template. */
export interface AppProps {
  client: RelayClient;
  sdk: RelaySdk;
  tokenProvider: TokenProvider;
  /** The destinations to render first. */
  channels: string[];
  /** Called by the app's declarative `channel-media-relay-state` listener, after it updated its own state. */
  onState(detail: RelayStateDetail): void;
  /** Called by the app's declarative `agora-relay-error` listener, after it updated its own state. */
  onError(detail: RelayErrorDetail): void;
  /** The audience's own fake SDK and token provider (so the host's calls and token requests stay the host's). */
  audienceSdk: AudienceSdk;
  audienceTokenProvider: TokenProvider;
  /** Called by the app's declarative `user-published` listener on the audience, after it counted it. */
  onPublished(detail: RemoteUserDetail): void;
}

/** A mounted app: the framework's state setter for the destination list, and a way out. */
export interface MountedApp {
  /** Replaces the list through the framework's own state; resolves once the framework has rendered it. */
  setChannels(channels: string[]): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * Renders into `container`: a wrapper holding
 *   <agora-relay-host channel-name="stage-a" uid="7" client=… sdk=… tokenProvider=… + the two listeners>
 *     one <agora-relay-destination channel-name=…> per channel, keyed by channel
 *   </agora-relay-host>
 *   <output class="relay-state">{last state}</output> <output class="relay-errors">{error count}</output>
 */
export type MountApp = (container: HTMLElement, props: AppProps) => Promise<MountedApp>;

/** Waits until `check` holds, or fails after `ms` naming `what` (a missing outcome fails fast, never hangs). */
export async function until(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function setUp(mountApp: MountApp, channels = ['stage-b', 'stage-c']) {
  const AgoraRTC = createFakeAgoraRTC();
  const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
  await client.setClientRole('host');
  await client.join('app-id', 'stage-a', null, 1001);
  await client.publish([await AgoraRTC.createCameraVideoTrack()]);

  const tokenRequests: TokenRequest[] = [];
  const tokenProvider: TokenProvider = async (request) => {
    tokenRequests.push(request);
    return `token-for-${request.purpose}-${request.channelName}`;
  };
  const states: RelayStateDetail[] = [];
  const errors: RelayErrorDetail[] = [];
  const audienceSdk = createFakeAgoraRTC();
  const audienceTokens: TokenRequest[] = [];
  const audienceTokenProvider: TokenProvider = async (request) => {
    audienceTokens.push(request);
    return `token-for-${request.purpose}-${request.channelName}`;
  };
  const published: RemoteUserDetail[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  const app = await mountApp(container, {
    client: client as unknown as RelayClient,
    sdk: AgoraRTC as unknown as RelaySdk,
    tokenProvider,
    channels,
    onState: (detail) => states.push(detail),
    onError: (detail) => errors.push(detail),
    audienceSdk: audienceSdk as unknown as AudienceSdk,
    audienceTokenProvider,
    onPublished: (detail) => published.push(detail),
  });

  const host = () => {
    const found = container.querySelectorAll('agora-relay-host');
    expect(found.length, 'one <agora-relay-host> rendered').to.equal(1);
    return found[0] as AgoraRelayHost;
  };
  const destinations = () => [...container.querySelectorAll('agora-relay-destination')] as AgoraRelayDestination[];
  const audience = () => container.querySelector('agora-relay-audience') as AgoraRelayAudience;
  const output = (name: string) => container.querySelector(`output.${name}`)?.textContent?.trim();
  /** The destination channels of the last configuration the fake client was sent. */
  const relayed = () =>
    client.fake.calls
      .filter((call) => call.config)
      .at(-1)
      ?.config?.dests.map((dest) => dest.channelName);
  const tearDown = async () => {
    await app.unmount();
    container.remove();
  };
  return {
    AgoraRTC,
    client,
    tokenProvider,
    tokenRequests,
    states,
    errors,
    app,
    host,
    destinations,
    output,
    relayed,
    tearDown,
    audience,
    audienceSdk,
    audienceTokenProvider,
    audienceTokens,
    published,
  };
}

declare global {
  interface Window {
    /** Collected by test/support/unhandled-rejections.js, which the runner loads first. */
    __takeUnhandled?: () => string[];
  }
}

// Fails the running test on any unhandled rejection or uncaught error: the elements promise none, in any framework.
// (test/support/guard.ts does the same for the main suite; a bundler would drop a bare import of it, since the
// package's `sideEffects` lists only the registering files.)
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const problems = window.__takeUnhandled?.() ?? [];
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

export function interopSuite(framework: string, mountApp: MountApp): void {
  describe(`${framework}: <agora-relay-host>, <agora-relay-destination> and <agora-relay-audience> in a ${framework} app`, () => {
    let scene: Awaited<ReturnType<typeof setUp>> | undefined;
    afterEach(async () => {
      await scene?.tearDown();
      scene = undefined;
    });

    it('passes static attributes through as attributes, read by the elements', async () => {
      const s = (scene = await setUp(mountApp));
      const host = s.host();
      expect(host.getAttribute('channel-name')).to.equal('stage-a');
      expect(host.channelName).to.equal('stage-a');
      // `uid` is also a property: React, Preact, Vue and Svelte set it as one, Angular leaves a static one an
      // attribute. Either way the element reads it.
      expect(String(host.uid)).to.equal('7');
      expect(s.destinations().map((d) => d.getAttribute('channel-name'))).to.deep.equal(['stage-b', 'stage-c']);
      expect(s.destinations().map((d) => d.channelName)).to.deep.equal(['stage-b', 'stage-c']);
      await until(() => s.client.fake.calls.some((call) => call.method === 'start'), 'the relay to start');
      const start = s.client.fake.calls.find((call) => call.method === 'start');
      expect(start?.config?.src).to.include({ channelName: 'stage-a', uid: 7 });
    });

    it('sets the client object and the tokenProvider function as properties, never as attributes', async () => {
      const s = (scene = await setUp(mountApp));
      const host = s.host();
      // Identity compared as booleans: a failing chai comparison of functions can hang the runner (toolchain notes).
      expect(host.client === (s.client as unknown), 'host.client is the very client object').to.equal(true);
      expect(host.tokenProvider === s.tokenProvider, 'host.tokenProvider is the very function').to.equal(true);
      expect(host.sdk === (s.AgoraRTC as unknown), 'host.sdk is the very SDK object').to.equal(true);
      for (const name of ['client', 'sdk', 'tokenprovider', 'token-provider']) {
        expect(host.hasAttribute(name), `no "${name}" attribute`).to.equal(false);
      }
      // The session used both: the client got the relay calls, the provider was asked for every token.
      await until(() => s.relayed()?.length === 2, 'the relay to start with both destinations');
      const purposes = s.tokenRequests.map((request) => `${request.purpose}:${request.channelName}`).sort();
      expect(purposes).to.deep.equal(['relay-destination:stage-b', 'relay-destination:stage-c', 'relay-source:stage-a']);
      const start = s.client.fake.calls.find((call) => call.method === 'start');
      expect(start?.config?.src.token).to.equal('token-for-relay-source-stage-a');
    });

    it('hears channel-media-relay-state and agora-relay-error through its declarative listeners', async () => {
      const s = (scene = await setUp(mountApp));
      await until(() => s.output('relay-state') === 'RELAY_STATE_RUNNING', 'the app to show RELAY_STATE_RUNNING');
      expect(s.states.map((detail) => detail.state)).to.deep.equal(['RELAY_STATE_CONNECTING', 'RELAY_STATE_RUNNING']);
      expect(s.output('relay-errors')).to.equal('0');
      // A duplicate the app renders: the host reports it as an agora-relay-error, the app's listener counts it.
      await s.app.setChannels(['stage-b', 'stage-c', 'stage-a']);
      await until(() => s.output('relay-errors') === '1', 'the app to count one error');
      expect(s.errors).to.have.length(1);
      expect(s.errors[0]).to.include({ code: 'DESTINATION_IS_SOURCE', operation: 'validate', channelName: 'stage-a' });
      // The SDK's failure arrives the same way: a FAILURE state, then an error.
      s.client.fake.relayFail('SRC_TOKEN_EXPIRED');
      await until(() => s.output('relay-state') === 'RELAY_STATE_FAILURE', 'the app to show RELAY_STATE_FAILURE');
      await until(() => s.output('relay-errors') === '2', 'the app to count a second error');
      expect(s.states.at(-1)).to.include({ state: 'RELAY_STATE_FAILURE', previousState: 'RELAY_STATE_RUNNING' });
      expect(s.errors[1]).to.include({ code: 'RELAY_FAILURE' });
    });

    it('renders the destinations the app adds and removes, and the relay follows the list', async () => {
      const s = (scene = await setUp(mountApp));
      await until(() => s.relayed()?.join() === 'stage-b,stage-c', 'the relay to start with stage-b and stage-c');
      const [, stageC] = s.destinations();

      await s.app.setChannels(['stage-b', 'stage-c', 'stage-d']);
      expect(s.destinations().map((d) => d.channelName)).to.deep.equal(['stage-b', 'stage-c', 'stage-d']);
      await until(() => s.relayed()?.join() === 'stage-b,stage-c,stage-d', 'an update adding stage-d');

      await s.app.setChannels(['stage-c', 'stage-d']);
      expect(s.destinations().map((d) => d.channelName)).to.deep.equal(['stage-c', 'stage-d']);
      expect(s.destinations()[0] === stageC, 'the keyed stage-c element is kept, not re-created').to.equal(true);
      await until(() => s.relayed()?.join() === 'stage-c,stage-d', 'an update removing stage-b');
      await until(() => s.destinations().every((d) => d.status === 'relaying'), 'both destinations relaying');

      await s.app.setChannels([]);
      expect(s.destinations()).to.have.length(0);
      await until(() => s.client.fake.calls.at(-1)?.method === 'stop', 'the last removal to stop the relay');
      const methods = s.client.fake.calls.map((call) => call.method);
      expect(methods).to.deep.equal(['start', 'update', 'update', 'stop']);
    });

    it('renders an audience: sdk and tokenProvider as properties, hosts heard declaratively, a label from a child', async () => {
      const s = (scene = await setUp(mountApp));
      const audience = s.audience();
      expect(audience.getAttribute('channel-name')).to.equal('stage-b');
      expect(audience.sdk === (s.audienceSdk as unknown), 'audience.sdk is the very SDK object').to.equal(true);
      expect(audience.tokenProvider === s.audienceTokenProvider, 'audience.tokenProvider is the very function').to.equal(true);
      for (const name of ['sdk', 'tokenprovider', 'token-provider']) {
        expect(audience.hasAttribute(name), `no "${name}" attribute`).to.equal(false);
      }
      await until(() => s.audienceSdk.fake.clients[0]?.connectionState === 'CONNECTED', 'the audience to join');
      const client = s.audienceSdk.fake.clients[0] as (typeof s.audienceSdk.fake.clients)[number];
      expect(client.role).to.equal('audience');
      expect(s.audienceTokens.map((request) => `${request.purpose}:${request.channelName}`)).to.deep.equal(['join:stage-b']);
      client.fake.addRemoteUser(1001);
      client.fake.publishRemote(1001, 'video');
      await until(() => s.output('audience-published') === '1', 'the app to count a published host');
      expect(s.published).to.deep.equal([{ uid: 1001, mediaType: 'video' }]);
      const label = () => audience.shadowRoot?.querySelector('[part="remote"][data-uid="1001"] [part="label"]')?.textContent?.trim();
      await until(() => label() === 'Stage A — Alice', 'the tile labelled from <agora-relay-label>');
      expect(s.errors, 'the host heard nothing of the audience').to.deep.equal([]);
    });
  });
}
