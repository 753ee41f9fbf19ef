import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';

// The token endpoint here is examples/token-server.mjs, mounted at /agora/token by web-test-runner, minting real
// AccessToken2 tokens ("007…") with Agora's agora-token package.

function capturingFake() {
  const AgoraRTC = createFakeAgoraRTC();
  const joins: (string | null)[] = [];
  const renewals: string[] = [];
  const clients: FakeClient[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    const join = client.join.bind(client);
    client.join = (appId, channel, token, uid) => {
      joins.push(token);
      return join(appId, channel, token, uid);
    };
    const renew = client.renewToken.bind(client);
    client.renewToken = (token) => {
      renewals.push(token);
      return renew(token);
    };
    return client;
  }) as FakeAgoraRTC['createClient'];
  return { AgoraRTC, joins, renewals, clients };
}

describe('token-url against a real local token endpoint (agora-token)', () => {
  it('the endpoint mints a token per request and refuses bad input with 400', async () => {
    const ok = await fetch('/agora/token?channelName=stage-a&uid=0&purpose=relay-source');
    expect(ok.status).to.equal(200);
    const { token } = (await ok.json()) as { token: string };
    expect(token).to.match(/^007[A-Za-z0-9+/=]{40,}$/);
    for (const query of ['channelName=a*b&uid=0&purpose=join', 'channelName=a&uid=1.5&purpose=join', 'channelName=a&uid=1&purpose=x']) {
      expect((await fetch(`/agora/token?${query}`)).status, query).to.equal(400);
    }
  });

  it('managed mode gets its join token and every relay token from token-url, and renews the join token', async () => {
    const fake = capturingFake();
    const element = await fixture<AgoraRelayHost>(html`
      <agora-relay-host channel-name="stage-a" join-uid="1001" token-url="/agora/token">
        <agora-relay-destination channel-name="stage-b" uid="7"></agora-relay-destination>
        <agora-relay-destination channel-name="stage-c" token="given-token"></agora-relay-destination>
      </agora-relay-host>
    `);
    const errors: unknown[] = [];
    element.addEventListener('agora-relay-error', (event) => errors.push(event.detail));
    element.sdk = fake.AgoraRTC;
    element.appId = 'app-id';
    await until(() => element.state === 'RELAY_STATE_RUNNING', 'the relay to run', 5000);
    expect(errors).to.deep.equal([]);
    expect(fake.joins).to.have.length(1);
    expect(fake.joins[0]).to.match(/^007/);
    const config = fake.clients[0]!.fake.calls[0]!.config!;
    expect(config.src.token).to.match(/^007/);
    expect(config.dests.map((d) => [d.channelName, d.uid, d.token?.startsWith('007') ? '007…' : d.token])).to.deep.equal([
      ['stage-b', 7, '007…'],
      ['stage-c', 0, 'given-token'],
    ]);
    expect(new Set([fake.joins[0], config.src.token, config.dests[0]!.token]).size, 'one token per purpose').to.equal(3);

    fake.clients[0]!.fake.pushTokenWillExpire();
    await until(() => fake.renewals.length === 1, 'the renewal', 3000);
    expect(fake.renewals[0]).to.match(/^007/);
    expect(element.outerHTML).not.to.contain('007');
  });
});
