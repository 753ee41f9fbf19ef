// The demo page's module, mounted into a container: it must reach a running relay on the fake SDK, and its
// controls must show the flow the page promises (limit of four, promotion, a rejected uid, failure and recovery).
import '../support/guard.js';
import { expect, waitUntil } from '@open-wc/testing';
import { mountDemo, type DemoHandle } from '../../demo/demo.js';

let container: HTMLElement;
let demo: DemoHandle | undefined;

afterEach(async () => {
  await demo?.dispose();
  demo = undefined;
  container.remove();
});

function mount(options?: { latency?: number }): DemoHandle {
  container = document.createElement('main');
  document.body.append(container);
  demo = mountDemo(container, options);
  return demo;
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const element = container.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
};
const relayState = () => $('[data-ref="relay-state"]').textContent;
const statuses = () => [...container.querySelectorAll('.destination .status')].map((status) => status.textContent);
const rowOf = (channelName: string) => {
  const input = [...container.querySelectorAll<HTMLInputElement>('.destination input')].find(
    (candidate) => candidate.value === channelName,
  );
  const row = input?.closest<HTMLElement>('.destination');
  if (!row) throw new Error(`no row for ${channelName}`);
  return row;
};

/** Polls with a deadline: a demo that never gets there fails the test instead of hanging the run. */
const until = (predicate: () => boolean, message: string, timeout = 8000) =>
  waitUntil(predicate, message, { timeout, interval: 20 });

function add(channelName: string, uid = ''): void {
  $<HTMLInputElement>('input[name="channelName"]').value = channelName;
  $<HTMLInputElement>('input[name="uid"]').value = uid;
  $<HTMLButtonElement>('.add button[type="submit"]').click();
}

function change(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

describe('demo page (core RelaySession on the fake SDK)', () => {
  it('joins, publishes and shows RELAY_STATE_RUNNING with every destination relaying', async () => {
    mount();
    expect(relayState()).to.equal('RELAY_STATE_IDLE');
    await until(() => relayState() === 'RELAY_STATE_RUNNING', 'the relay state shows RELAY_STATE_RUNNING');
    await until(() => statuses().every((status) => status === 'relaying'), 'every destination relays');
    expect(statuses()).to.deep.equal(['relaying', 'relaying', 'relaying']);
    expect($('[data-ref="connection"]').textContent).to.equal('CONNECTED');
    const logged = [...container.querySelectorAll('.log .type')].map((type) => type.textContent);
    expect(logged).to.include.members(['channel-media-relay-state', 'channel-media-relay-event', 'agora-relay-destination-status']);
  });

  it('rejects a fifth destination, promotes it when an earlier one goes away, and rejects uid "1.5" alone', async () => {
    mount({ latency: 5 });
    await until(() => relayState() === 'RELAY_STATE_RUNNING', 'the relay runs');
    add('stage-e');
    add('stage-f');
    await until(() => rowOf('stage-f').dataset.status === 'rejected', 'the fifth is rejected');
    expect(rowOf('stage-f').querySelector('.error')!.textContent).to.contain('TOO_MANY_DESTINATIONS');
    await until(() => rowOf('stage-e').dataset.status === 'relaying', 'the fourth relays');

    rowOf('stage-b').querySelector<HTMLButtonElement>('.remove')!.click();
    await until(() => rowOf('stage-f').dataset.status === 'relaying', 'the fifth is promoted');
    expect(container.querySelectorAll('.destination').length).to.equal(4);

    change(rowOf('stage-c').querySelector<HTMLInputElement>('.uid input')!, '1.5');
    await until(() => rowOf('stage-c').dataset.status === 'rejected', 'uid 1.5 is rejected');
    expect(rowOf('stage-c').querySelector('.error')!.textContent).to.contain('INVALID_UID');
    await demo!.session.settled();
    expect(relayState()).to.equal('RELAY_STATE_RUNNING');
    expect(['stage-d', 'stage-e', 'stage-f'].map((name) => rowOf(name).dataset.status)).to.deep.equal([
      'relaying',
      'relaying',
      'relaying',
    ]);
  });

  it('injects a relay failure, recovers by leave and join, and disables and enables the relay', async () => {
    mount({ latency: 5 });
    await until(() => relayState() === 'RELAY_STATE_RUNNING', 'the relay runs');
    $<HTMLButtonElement>('[data-ref="fail"]').click();
    await until(() => relayState() === 'RELAY_STATE_FAILURE', 'the failure shows');
    await until(() => statuses().every((status) => status === 'failed'), 'every destination shows failed');

    $<HTMLButtonElement>('[data-ref="recover"]').click();
    await until(() => relayState() === 'RELAY_STATE_RUNNING', 'the relay runs again after leave and join');
    await until(() => statuses().every((status) => status === 'relaying'), 'every destination relays again');

    const toggle = $<HTMLButtonElement>('[data-ref="toggle"]');
    toggle.click();
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await until(() => relayState() === 'RELAY_STATE_IDLE', 'disabled: the relay stops');
    await until(() => statuses().every((status) => status === 'idle'), 'disabled: every destination idle');
    toggle.click();
    await until(() => relayState() === 'RELAY_STATE_RUNNING', 'enabled: the relay runs again');
    expect(container.querySelectorAll('.log [data-tone="error"]').length).to.be.greaterThan(0);
  });

  it('dispose() stops the relay, leaves and empties its container', async () => {
    const { client } = mount({ latency: 5 });
    await until(() => relayState() === 'RELAY_STATE_RUNNING', 'the relay runs');
    await demo!.dispose();
    demo = undefined;
    expect(client.connectionState).to.equal('DISCONNECTED');
    expect(client.fake.listenerCount()).to.equal(0);
    expect(container.childElementCount).to.equal(0);
  });
});
