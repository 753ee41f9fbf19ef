import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayDestination, AgoraRelayHost } from '../../src/index.js';
import { makeHost, nextTask, until } from '../core/session-fixture.js';

async function mount(template: ReturnType<typeof html>, options: { publish?: boolean } = {}) {
  const host = await makeHost(options);
  const element = await fixture<AgoraRelayHost>(template);
  const seen: { type: string; detail: unknown; target: EventTarget | null }[] = [];
  for (const type of ['channel-media-relay-state', 'channel-media-relay-event', 'agora-relay-error', 'agora-relay-destination-status']) {
    element.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail, target: event.target }));
  }
  element.sdk = host.AgoraRTC;
  element.client = host.client;
  const destinations = () => [...element.querySelectorAll('agora-relay-destination')] as AgoraRelayDestination[];
  const calls = () => host.client.fake.calls.map((call) => call.method);
  const lastDests = () => host.client.fake.calls.filter((c) => c.config).at(-1)?.config?.dests.map((d) => d.channelName);
  return { ...host, element, seen, destinations, calls, lastDests };
}

describe('<agora-relay-host> with a client the page brings', () => {
  it('turns attributes into the exact SDK configuration and starts once published', async () => {
    const { element, client, calls } = await mount(html`
      <agora-relay-host channel-name="stage-a" uid="7" token="src-token">
        <agora-relay-destination channel-name="stage-b" uid="42" token="b-token"></agora-relay-destination>
        <agora-relay-destination channel-name="stage-c"></agora-relay-destination>
      </agora-relay-host>
    `);
    await element.settled();
    expect(calls()).to.deep.equal(['start']);
    expect(client.fake.calls[0]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 7, token: 'src-token' },
      dests: [
        { channelName: 'stage-b', uid: 42, token: 'b-token' },
        { channelName: 'stage-c', uid: 0 },
      ],
    });
    expect(element.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('dispatches the relay state and events on the host, bubbling and composed', async () => {
    const { element, seen } = await mount(html`
      <agora-relay-host channel-name="stage-a">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await element.settled();
    const states = seen.filter((e) => e.type === 'channel-media-relay-state');
    expect(states.map((e) => (e.detail as { state: string }).state)).to.deep.equal([
      'RELAY_STATE_CONNECTING',
      'RELAY_STATE_RUNNING',
    ]);
    expect(states.every((e) => e.target === element)).to.equal(true);
    expect(seen.filter((e) => e.type === 'channel-media-relay-event')).to.have.length(4);
  });

  it('reflects each destination’s status and fires its status event on the destination', async () => {
    const { element, seen, destinations } = await mount(html`
      <agora-relay-host channel-name="stage-a">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
        <agora-relay-destination channel-name="stage-c" uid="1.5"></agora-relay-destination>
      </agora-relay-host>
    `);
    await element.settled();
    const [good, bad] = destinations();
    expect(good?.getAttribute('status')).to.equal('relaying');
    expect(bad?.getAttribute('status')).to.equal('rejected');
    expect(bad?.error?.code).to.equal('INVALID_UID');
    expect(bad?.error?.message).to.contain('<agora-relay-destination channel-name="stage-c">');
    const badEvents = seen.filter((e) => e.type === 'agora-relay-destination-status' && e.target === bad);
    expect(badEvents.map((e) => e.detail)).to.deep.equal([
      { channelName: 'stage-c', status: 'rejected', error: bad?.error },
    ]);
    const errors = seen.filter((e) => e.type === 'agora-relay-error').map((e) => e.detail);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'INVALID_UID', operation: 'validate', channelName: 'stage-c' });
  });

  it('picks up added, removed, reordered, disabled and edited destinations, one update per task', async () => {
    const { element, calls, lastDests, destinations } = await mount(html`
      <agora-relay-host channel-name="stage-a">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await element.settled();
    const added = document.createElement('agora-relay-destination');
    added.setAttribute('channel-name', 'stage-c');
    element.append(added);
    const another = document.createElement('agora-relay-destination');
    another.channelName = 'stage-d';
    element.append(another);
    await nextTask();
    await element.settled();
    expect(calls()).to.deep.equal(['start', 'update']);
    expect(lastDests()).to.deep.equal(['stage-b', 'stage-c', 'stage-d']);

    element.prepend(another); // reorder only: the same set, no call
    await nextTask();
    await element.settled();
    expect(calls()).to.deep.equal(['start', 'update']);

    destinations()[1]!.disabled = true; // stage-b
    await nextTask();
    await element.settled();
    expect(lastDests()).to.deep.equal(['stage-d', 'stage-c']);

    added.setAttribute('channel-name', 'stage-e');
    await nextTask();
    await element.settled();
    expect(lastDests()).to.deep.equal(['stage-d', 'stage-e']);

    added.remove();
    another.remove();
    await nextTask();
    await element.settled();
    expect(calls().at(-1), 'removing the last destination stops').to.equal('stop');
  });

  it('rejects a fifth destination and promotes it when an earlier one goes away', async () => {
    const { element, destinations, lastDests } = await mount(html`
      <agora-relay-host channel-name="stage-a">
        ${['b', 'c', 'd', 'e', 'f'].map((name) => html`<agora-relay-destination channel-name=${name}></agora-relay-destination>`)}
      </agora-relay-host>
    `);
    await element.settled();
    const fifth = destinations()[4]!;
    expect(fifth.status).to.equal('rejected');
    expect(fifth.error?.code).to.equal('TOO_MANY_DESTINATIONS');
    destinations()[0]!.remove();
    await nextTask();
    await element.settled();
    expect(fifth.status).to.equal('relaying');
    expect(lastDests()).to.deep.equal(['c', 'd', 'e', 'f']);
  });

  it('never reflects a token set as a property', async () => {
    const { element, destinations } = await mount(html`
      <agora-relay-host channel-name="stage-a">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    element.token = 'source-secret';
    destinations()[0]!.token = 'dest-secret';
    await element.updateComplete;
    await element.settled();
    expect(element.outerHTML).not.to.contain('secret');
  });

  it('removal stops the relay and removes every listener on the client; a move does not', async () => {
    const { element, client, calls } = await mount(html`
      <agora-relay-host channel-name="stage-a">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await element.settled();
    const other = document.createElement('div');
    document.body.append(other);
    other.append(element); // a move
    await nextTask();
    await element.settled();
    expect(calls()).to.deep.equal(['start']);
    element.remove();
    await until(() => calls().length === 2, 'the stop after removal');
    await element.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(client.fake.listenerCount()).to.equal(0);
    other.remove();
  });

  it('start() starts a relay for a client whose publish the host cannot see', async () => {
    const { element, calls } = await mount(
      html`
        <agora-relay-host channel-name="stage-a">
          <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
        </agora-relay-host>
      `,
      { publish: false },
    );
    await element.settled();
    expect(calls()).to.deep.equal([]);
    await element.start();
    expect(calls()).to.deep.equal(['start']);
    expect(element.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('disabled holds the relay stopped', async () => {
    const { element, calls } = await mount(html`
      <agora-relay-host channel-name="stage-a" disabled>
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await element.settled();
    expect(calls()).to.deep.equal([]);
    element.disabled = false;
    await element.updateComplete;
    await element.settled();
    expect(calls()).to.deep.equal(['start']);
  });
});
