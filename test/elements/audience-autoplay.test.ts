// The browser's autoplay block on <agora-relay-audience> (fake SDK, simulated refusal; both browsers). The order of
// these tests matters: the block is page-wide, and the trusted click at the end lifts it for the rest of the page.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import type { FakeLocalTrack } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';
import {
  audienceFake,
  hostPublishes,
  mountAudience,
  shadow,
  statusText,
  tileUids,
  trustedClick,
  unmuteButton,
} from './audience-fixture.js';

describe('<agora-relay-audience> when the browser blocks autoplay', () => {
  it('shows a Play control (keeping the page’s own handler), tells a later embed, and a trusted click resumes audio', async () => {
    const fake = audienceFake();
    const pageHandlerCalls: string[] = [];
    fake.AgoraRTC.onAutoplayFailed = () => pageHandlerCalls.push('page');
    fake.AgoraRTC.fake.refuseAutoplay(true);
    const { element, client } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' }, fake);
    await until(() => client()?.connectionState === 'CONNECTED', 'the join');
    hostPublishes(client(), 1001);
    await until(() => !!unmuteButton(element), 'the Play control');
    const button = unmuteButton(element) as HTMLButtonElement;
    expect(button.localName).to.equal('button');
    expect(button.textContent?.trim()).to.equal('Play');
    expect(statusText(element)).to.equal(
      'Live: watching 1 host. The browser blocked sound and video from starting by themselves. Press “Play” to start them.',
    );
    expect(pageHandlerCalls, 'the page’s own handler still runs').to.deep.equal(['page']);
    const track = client().remoteUsers[0]?.audioTrack as FakeLocalTrack;
    expect(track.audible).to.equal(false);

    // Keyboard-reachable: a real button in the tab order.
    button.focus();
    expect(shadow(element).activeElement).to.equal(button);
    expect(button.tabIndex).to.equal(0);

    // An embed added after the refusal knows it at once (the SDK reports only once until a gesture).
    const later = document.createElement('agora-relay-audience') as AgoraRelayAudience;
    later.sdk = fake.AgoraRTC;
    later.appId = 'app';
    later.channelName = 'stage-c';
    element.after(later);
    await until(() => !!unmuteButton(later), 'the Play control on the later embed');
    expect(fake.AgoraRTC.fake.autoplayReports).to.equal(1);

    // A second, different page of errors and the axe check with tiles, an error status and the control on screen.
    const broken = await fixture<AgoraRelayAudience>(html`<agora-relay-audience channel-name="stage-d"></agora-relay-audience>`);
    broken.sdk = fake.AgoraRTC;
    await until(() => statusText(broken).startsWith('No App ID.'), 'the error status');
    expect(tileUids(element)).to.deep.equal(['1001']);
    await expect(element).to.be.accessible();
    await expect(broken).to.be.accessible();
    await expect(later).to.be.accessible();

    let clicked = 0;
    button.addEventListener('click', (event) => (clicked += event.isTrusted ? 1 : 0));
    await trustedClick(button);
    expect(clicked, 'one trusted click on the control').to.equal(1);
    await until(() => track.audible, 'the audio to play');
    await until(() => !unmuteButton(element) && !unmuteButton(later), 'the controls to go');
    expect(statusText(element)).to.equal('Live: watching 1 host.');
    later.remove();
  });
});
