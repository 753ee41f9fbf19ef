// The browser's autoplay block on <agora-relay-audience> (fake SDK, simulated refusal; both browsers). The order of
// these tests matters: the block is page-wide, and the trusted click at the end lifts it for the rest of the page.
// The tiles' videos play in <video>s of ours (src/elements/own-player.ts): their refusal is ours to report.
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

  it('a host’s video refused by the browser (our own <video>): the Play control, and a trusted click plays it', async () => {
    const play = HTMLMediaElement.prototype.play;
    let refusing = true;
    let played = 0;
    // As a browser refuses: the element stays paused (no autoplay either), and play() rejects NotAllowedError.
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!(this instanceof HTMLVideoElement)) return play.call(this);
      if (!refusing) {
        played += 1;
        return play.call(this);
      }
      this.pause();
      return Promise.reject(new DOMException('Refused for this test.', 'NotAllowedError'));
    };
    try {
      const { element, client } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-e' });
      await until(() => client()?.connectionState === 'CONNECTED', 'the join');
      hostPublishes(client(), 1001, ['video']);
      await until(() => !!unmuteButton(element), 'the Play control');
      expect(unmuteButton(element)?.textContent?.trim()).to.equal('Play');
      const video = shadow(element).querySelector('[part="remote"][data-uid="1001"] video') as HTMLVideoElement;
      expect(video.paused, 'refused').to.equal(true);
      refusing = false;
      await trustedClick(unmuteButton(element) as HTMLButtonElement);
      await until(() => !video.paused, 'the video to play');
      expect(played, 'played again from the click').to.be.greaterThan(0);
      await until(() => !unmuteButton(element), 'the control to go');
      expect(statusText(element)).to.equal('Live: watching 1 host.');
    } finally {
      HTMLMediaElement.prototype.play = play;
    }
  });
});
