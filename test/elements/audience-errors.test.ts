// Bad input and refusals on <agora-relay-audience> (fake SDK): each shows in the status line in plain words with what
// to do, fires agora-relay-error, throws nothing, and leaves nothing joined.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { describeError } from '../../src/core/messages.js';
import { createFakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';
import { activatePage, audienceFake, details, mountAudience, statusOf, statusText, type Seen } from './audience-fixture.js';

/** Waits for the first error, then checks that the status shows the catalogue's words for it. */
async function expectShownError(element: AgoraRelayAudience, seen: Seen, code: string, operation: string) {
  await until(() => details(seen, 'agora-relay-error').length > 0, `an agora-relay-error ${code}`);
  const [error] = details(seen, 'agora-relay-error') as { code: string; operation: string; message: string }[];
  expect(error?.code).to.equal(code);
  expect(error?.operation).to.equal(operation);
  expect(error?.message).to.be.a('string').and.not.equal('');
  const words = describeError(error as { code: string; message: string; operation: string });
  await until(() => statusText(element) === `${words.title} ${words.action}`, `the status for ${code}`);
  expect(statusOf(element)?.getAttribute('data-kind')).to.equal('error');
  return { error: error as { code: string; message: string }, words };
}

const allLeft = (clients: FakeClient[]) => clients.every((client) => client.connectionState === 'DISCONNECTED');

describe('<agora-relay-audience> bad input and refusals', () => {
  before(activatePage);

  it('no App ID: says so and how to fix it, and makes no client', async () => {
    const { element, seen, clients } = await mountAudience({ 'channel-name': 'stage-b' });
    const { words } = await expectShownError(element, seen, 'INVALID_PARAMS', 'validate');
    expect(words.title).to.equal('No App ID.');
    expect(statusText(element)).to.contain('app-id');
    expect(clients).to.have.length(0);
  });

  it('no channel: INVALID_CHANNEL_NAME, no client', async () => {
    const { element, seen, clients } = await mountAudience({ 'app-id': 'app' });
    await expectShownError(element, seen, 'INVALID_CHANNEL_NAME', 'validate');
    expect(clients).to.have.length(0);
  });

  it('a channel name the SDK refuses: INVALID_CHANNEL_NAME, naming the rule', async () => {
    const { element, seen } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage*b' });
    const { error } = await expectShownError(element, seen, 'INVALID_CHANNEL_NAME', 'validate');
    expect(error.message).to.contain('"stage*b"');
  });

  for (const uid of ['12abc', '1.5', '-1', '4294967296']) {
    it(`uid="${uid}": INVALID_UID before any SDK call`, async () => {
      const { element, seen, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b', uid });
      await expectShownError(element, seen, 'INVALID_UID', 'validate');
      expect(clients).to.have.length(0);
    });
  }

  it('an unknown latency: INVALID_LATENCY', async () => {
    const { element, seen } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b', latency: 'fast' });
    await expectShownError(element, seen, 'INVALID_LATENCY', 'validate');
  });

  it('a token-url on another origin without CORS headers: unreachable, and CORS named as the likely cause', async () => {
    // The test server's own token endpoint, asked from the other loopback name: cross-origin, and it sends no CORS
    // headers, so the browser gives fetch() only an opaque TypeError.
    const other = new URL('/agora/token', location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const { element, seen, clients } = await mountAudience({
      'app-id': 'app',
      'channel-name': 'stage-b',
      'token-url': other.href,
    });
    const { words, error } = await expectShownError(element, seen, 'TOKEN_FETCH_FAILED', 'token');
    expect(error.message).to.contain('could not be reached');
    expect(error.message, 'the event says it too').to.contain('CORS');
    expect(words.action).to.contain('CORS');
    expect(allLeft(clients)).to.equal(true);
  });

  it('a token-url that answers 404: TOKEN_FETCH_FAILED with the status code', async () => {
    const { element, seen, clients } = await mountAudience({
      'app-id': 'app',
      'channel-name': 'stage-b',
      'token-url': '/no-such-token-endpoint',
    });
    const { error } = await expectShownError(element, seen, 'TOKEN_FETCH_FAILED', 'token');
    expect(error.message).to.contain('HTTP 404');
    expect(allLeft(clients)).to.equal(true);
  });

  it('a token Agora refuses: TOKEN_EXPIRE, and the client is not left joined', async () => {
    const fake = audienceFake(undefined, (client) => client.fake.failNext('join', 'TOKEN_EXPIRE'));
    const { element, seen, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' }, fake);
    await expectShownError(element, seen, 'TOKEN_EXPIRE', 'join');
    expect(clients).to.have.length(1);
    expect(allLeft(clients)).to.equal(true);
  });

  it('a join token that expires while watching: TOKEN_EXPIRE in the status', async () => {
    const { element, seen, clients, client } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => client()?.connectionState === 'CONNECTED', 'the join');
    client().fake.pushTokenDidExpire();
    await expectShownError(element, seen, 'TOKEN_EXPIRE', 'join');
    expect(allLeft(clients)).to.equal(true);
  });

  it('no route to Agora: NETWORK_ERROR within seconds, in plain words', async () => {
    const fake = audienceFake({ offline: true });
    const { element, seen, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' }, fake);
    const { words } = await expectShownError(element, seen, 'NETWORK_ERROR', 'join');
    expect(words.title).to.equal('Agora could not be reached from here.');
    expect(allLeft(clients)).to.equal(true);
  });

  it('a page whose window.AgoraRTC is older than 4.20: SDK_VERSION_UNSUPPORTED, no client', async () => {
    const old = createFakeAgoraRTC();
    const made: unknown[] = [];
    const page = window as { AgoraRTC?: unknown };
    const before = page.AgoraRTC;
    page.AgoraRTC = {
      ...old,
      VERSION: '4.19.1',
      createClient: (config: never) => {
        made.push(config);
        return old.createClient(config);
      },
    };
    try {
      const { element, seen } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' }, undefined, '', (audience) => {
        audience.sdk = null;
      });
      const { error } = await expectShownError(element, seen, 'SDK_VERSION_UNSUPPORTED', 'load');
      expect(error.message).to.contain('4.19.1');
      expect(made).to.have.length(0);
    } finally {
      page.AgoraRTC = before;
    }
  });

  it('fixing the input starts it: from an error to joined', async () => {
    const { element, seen, client } = await mountAudience({ 'channel-name': 'stage-b' });
    await expectShownError(element, seen, 'INVALID_PARAMS', 'validate');
    element.appId = 'app';
    await until(() => client()?.connectionState === 'CONNECTED', 'the join');
    await until(() => statusText(element).startsWith('Connected'), 'the waiting status');
    expect(statusOf(element)?.getAttribute('data-kind')).to.equal('info');
  });
});
