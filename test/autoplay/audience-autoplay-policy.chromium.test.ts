// Chromium with --autoplay-policy=document-user-activation-required: the browser itself refuses media before a
// gesture. First the real agora-rtc-sdk-ng reports such a refusal and our page-wide watch hears it (keeping the page's
// own handler); then an audience on the fake (whose remote audio plays in a real <audio>) shows its Play control, and
// a trusted click (a real input event, not element.click()) starts the audio. Order matters: the click lifts the block.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import { autoplayRefused, watchAutoplay } from '../../src/core/autoplay.js';
import type { FakeLocalTrack } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';
import { hostPublishes, mountAudience, statusText, trustedClick, unmuteButton } from '../elements/audience-fixture.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';

interface RealSdk {
  onAutoplayFailed?: () => void;
  on(event: string, listener: () => void): void;
  createCustomAudioTrack(config: { mediaStreamTrack: MediaStreamTrack }): Promise<{ play(): void; stop(): void; close(): void }>;
}

describe('autoplay refused by the browser (Chromium, user activation required)', function () {
  this.timeout(20_000);

  it('the real SDK reports the refusal, and the watch hears it without taking the page’s handler', async () => {
    expect(navigator.userActivation.hasBeenActive, 'no gesture yet').to.equal(false);
    const sdk = (await loadRealAgoraRTC()) as RealSdk;
    const page: string[] = [];
    sdk.onAutoplayFailed = () => page.push('page');
    const heard: string[] = [];
    const stop = watchAutoplay(sdk, { refused: () => heard.push('refused'), resumed: () => heard.push('resumed') });
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const destination = context.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    const [mediaStreamTrack] = destination.stream.getAudioTracks();
    const track = await sdk.createCustomAudioTrack({ mediaStreamTrack: mediaStreamTrack as MediaStreamTrack });
    track.play();
    await until(() => heard.includes('refused'), 'the SDK to report the refusal', 5000);
    expect(autoplayRefused()).to.equal(true);
    track.close();
    oscillator.stop();
    await context.close();
    stop();
  });

  it('an audience shows the Play control, and a trusted click starts the hosts’ audio', async () => {
    const { element, client } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => client()?.connectionState === 'CONNECTED', 'the join');
    hostPublishes(client(), 1001, ['audio']);
    await until(() => statusText(element).includes('The browser blocked sound and video'), 'the blocked status');
    expect(unmuteButton(element)?.textContent?.trim()).to.equal('Play');
    const track = client().remoteUsers[0]?.audioTrack as FakeLocalTrack;
    // The fake's remote audio plays in a real <audio>: this refusal is the browser's own.
    await until(() => client().remoteUsers[0]?.audioTrack?.isPlaying === true, 'the play() attempt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(track.audible, 'refused by the browser').to.equal(false);
    await trustedClick(unmuteButton(element) as HTMLButtonElement);
    await until(() => track.audible, 'the audio to play');
    await until(() => !unmuteButton(element), 'the control to go');
    expect(navigator.userActivation.hasBeenActive).to.equal(true);
  });
});
