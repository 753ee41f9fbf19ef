// <agora-relay-host> with the page's own client, misused (api.md "Validation"): two hosts given one client, and a
// channel-name that is not the client's channel. Each is reported on the host, and the SDK gets no call for it.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayDestination, AgoraRelayHost } from '../../src/index.js';
import { makeHost, nextTask, until } from '../core/session-fixture.js';

type Seen = { type: string; detail: Record<string, unknown>; target: EventTarget | null };

function listen(element: HTMLElement): Seen[] {
  const seen: Seen[] = [];
  for (const type of ['channel-media-relay-state', 'agora-relay-error', 'agora-relay-destination-status']) {
    element.addEventListener(type, (event) => {
      const detail = (event as CustomEvent).detail as Record<string, unknown>;
      seen.push({ type, detail, target: event.target });
    });
  }
  return seen;
}

const errorsOf = (seen: Seen[]) => seen.filter((event) => event.type === 'agora-relay-error').map((event) => event.detail);
const statusOf = (host: AgoraRelayHost) =>
  [...host.querySelectorAll<AgoraRelayDestination>('agora-relay-destination')].map((d) => d.getAttribute('status'));

describe('<agora-relay-host> with a page’s own client, misused', () => {
  it('two hosts on one client: the second reports CLIENT_IN_USE and makes no call; once the first is removed, it starts', async () => {
    const { AgoraRTC, client } = await makeHost();
    const calls = () => client.fake.calls.map((call) => call.method);
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <agora-relay-host id="first" channel-name="stage-a">
          <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
        </agora-relay-host>
        <agora-relay-host id="second" channel-name="stage-a">
          <agora-relay-destination channel-name="stage-c"></agora-relay-destination>
        </agora-relay-host>
      </div>
    `);
    const first = container.querySelector<AgoraRelayHost>('#first')!;
    const second = container.querySelector<AgoraRelayHost>('#second')!;
    const seenFirst = listen(first);
    const seenSecond = listen(second);
    for (const host of [first, second]) {
      host.sdk = AgoraRTC;
      host.client = client;
    }
    await until(() => first.state === 'RELAY_STATE_RUNNING', 'the first host relaying');
    await first.settled();
    await second.settled();
    await nextTask();
    expect(calls(), 'one start, by the first host').to.deep.equal(['start']);
    expect(client.fake.calls[0]?.config?.dests).to.deep.equal([{ channelName: 'stage-b', uid: 0 }]);
    expect(errorsOf(seenFirst)).to.deep.equal([]);
    const [inUse] = seenSecond.filter((event) => event.type === 'agora-relay-error');
    expect(inUse?.detail).to.deep.include({ code: 'CLIENT_IN_USE', operation: 'start' });
    expect(inUse?.target).to.equal(second);
    expect(errorsOf(seenSecond)).to.have.length(1);
    expect([first.state, second.state]).to.deep.equal(['RELAY_STATE_RUNNING', 'RELAY_STATE_IDLE']);
    expect(seenSecond.filter((event) => event.type === 'channel-media-relay-state'), 'not the first one’s relay').to.deep.equal([]);
    expect([statusOf(first), statusOf(second)]).to.deep.equal([['relaying'], ['pending']]);

    first.remove();
    await until(() => second.state === 'RELAY_STATE_RUNNING', 'the second host relaying after the first was removed');
    await second.settled();
    expect(calls()).to.deep.equal(['start', 'stop', 'start']);
    expect(client.fake.calls[2]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 0 },
      dests: [{ channelName: 'stage-c', uid: 0 }],
    });
    expect(statusOf(second)).to.deep.equal(['relaying']);
    expect(errorsOf(seenSecond), 'nothing more to say').to.have.length(1);
  });

  it('a channel-name other than the client’s channel: SOURCE_MISMATCH on the host, no call', async () => {
    const { AgoraRTC, client } = await makeHost();
    const host = await fixture<AgoraRelayHost>(html`
      <agora-relay-host channel-name="stage-x">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    const seen = listen(host);
    host.sdk = AgoraRTC;
    host.client = client;
    await host.settled();
    await host.start();
    expect(client.fake.calls).to.deep.equal([]);
    const errors = seen.filter((event) => event.type === 'agora-relay-error');
    expect(errors.map((event) => [event.detail.code, event.detail.operation, event.detail.channelName, event.target])).to.deep.equal([
      ['SOURCE_MISMATCH', 'validate', 'stage-x', host],
    ]);
    expect(errors[0]?.detail.message).to.contain('"stage-a"');
    expect(statusOf(host)).to.deep.equal(['idle']);

    host.removeAttribute('channel-name');
    await nextTask();
    await host.settled();
    expect(client.fake.calls.map((call) => call.config?.src)).to.deep.equal([{ channelName: 'stage-a', uid: 0 }]);
  });

  it('no channel-name: relays the channel the client is in', async () => {
    const { AgoraRTC, client } = await makeHost();
    const host = await fixture<AgoraRelayHost>(html`
      <agora-relay-host uid="1001">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    const seen = listen(host);
    host.sdk = AgoraRTC;
    host.client = client;
    await host.settled();
    expect(client.fake.calls.map((call) => call.config)).to.deep.equal([
      { src: { channelName: 'stage-a', uid: 1001 }, dests: [{ channelName: 'stage-b', uid: 0 }] },
    ]);
    expect(host.state).to.equal('RELAY_STATE_RUNNING');
    expect(errorsOf(seen)).to.deep.equal([]);
  });
});
