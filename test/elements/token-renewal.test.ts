import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost, TokenRequest } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';

describe('token renewal in managed mode (tokenProvider)', () => {
  it('renews the join token when it will expire, and asks fresh relay tokens after a relay token expired', async function () {
    this.timeout(10_000);
    const AgoraRTC = createFakeAgoraRTC();
    const asked: TokenRequest[] = [];
    let minted = 0;
    const element = await fixture<AgoraRelayHost>(html`
      <agora-relay-host channel-name="stage-a" join-uid="11">
        <agora-relay-destination channel-name="stage-b" uid="22"></agora-relay-destination>
      </agora-relay-host>
    `);
    element.tokenProvider = (request) => {
      asked.push(request);
      minted += 1;
      return `tok-${minted}`;
    };
    element.sdk = AgoraRTC;
    element.appId = 'app-id';
    const running = () => element.state === 'RELAY_STATE_RUNNING';
    await until(running, 'the relay to run', 3000);
    const purposes = () => asked.map((request) => `${request.purpose}:${request.channelName}:${request.uid}`);
    expect(purposes()).to.deep.equal(['join:stage-a:11', 'relay-source:stage-a:0', 'relay-destination:stage-b:22']);

    const first = AgoraRTC.fake.clients[0] as FakeClient;
    const renewed: string[] = [];
    const renew = first.renewToken.bind(first);
    first.renewToken = (token: string) => {
      renewed.push(token);
      return renew(token);
    };
    first.fake.pushTokenWillExpire();
    await until(() => renewed.length === 1, 'the join token renewal', 3000);
    expect(purposes().at(-1)).to.equal('join:stage-a:11');
    expect(renewed).to.deep.equal(['tok-4']);

    // A relay token expired: FAILURE, the host leaves and joins again (rule 4) with fresh tokens for everything.
    first.fake.relayFail('DEST_TOKEN_EXPIRED');
    await until(() => AgoraRTC.fake.clients.length === 2 && running(), 'the relay on a new join', 5000);
    expect(purposes().slice(4)).to.deep.equal([
      'join:stage-a:11',
      'relay-source:stage-a:0',
      'relay-destination:stage-b:22',
    ]);
    const config = (AgoraRTC.fake.clients[1] as FakeClient).fake.calls[0]!.config!;
    expect([config.src.token, config.dests[0]!.token]).to.deep.equal(['tok-6', 'tok-7']);
  });
});
