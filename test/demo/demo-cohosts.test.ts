// The demo's co-hosts' audio, dual stream and network quality controls, on the fake SDK: the volume slider and the
// dual-stream box set the host's attributes (and so the co-host's track and the client), the co-host tile carries its
// mute button, and the network quality shows in words.
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

const until = (predicate: () => boolean, message: string, timeout = 8000) => waitUntil(predicate, message, { timeout, interval: 20 });
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;

describe('demo: co-hosts’ audio, dual stream and network quality', () => {
  it('the slider turns the co-host down, the box enables the low stream, the tile has its Mute button, quality shows', async () => {
    container = document.createElement('main');
    document.body.append(container);
    demo = mountDemo(container, { latency: 5 });
    const handle = demo;
    await until(() => $('[data-ref="relay-state"]').textContent === 'RELAY_STATE_RUNNING', 'the relay runs');
    const client = () => handle.sdk.fake.clients.at(-1)!;
    $<HTMLButtonElement>('[data-ref="cohost-join"]').click();
    const muteButton = () => handle.host.shadowRoot?.querySelector('[part="remote"] [part="cohost-mute"]');
    await until(() => !!muteButton(), 'the co-host tile with its Mute button');

    const slider = $<HTMLInputElement>('[data-ref="cohost-volume"]');
    slider.value = '25';
    slider.dispatchEvent(new Event('change'));
    expect(handle.host.getAttribute('cohost-volume')).to.equal('25');
    const track = () => client().remoteUsers.find((user) => user.audioTrack)?.audioTrack;
    await until(() => track()?.getVolume() === 0.25, 'the co-host’s track at 25');

    const box = $<HTMLInputElement>('[data-ref="dual-stream"]');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await until(() => client().fake.dualStream, 'the low stream enabled');

    client().fake.emitNetworkQuality(1, 3);
    expect($('[data-ref="network-quality"]').textContent).to.equal('up excellent, down poor');
  });
});
