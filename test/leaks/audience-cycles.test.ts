// Leaks on <agora-relay-audience>: audiences that join, show hosts (their videos playing) and are removed, over and
// over, leave nothing behind: every client left with no listener on it, no timer running, and on the window only the
// page-wide gesture watch of autoplay.ts (added once for the page, whatever the number of embeds).
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';
import { describeLive, installProbe, type Probe } from './probe.js';

let probe: Probe;

before(() => {
  probe = installProbe();
});

after(() => {
  probe.uninstall();
});

describe('leaks: audiences joined, watching and removed', () => {
  it('100 audiences each show two hosts and are removed: clients left, no listener, no timer', async function () {
    this.timeout(120_000);
    const AgoraRTC = createFakeAgoraRTC();
    const stage = document.createElement('div');
    document.body.append(stage);
    const mark = probe.mark();
    const clients: FakeClient[] = [];
    for (let cycle = 0; cycle < 100; cycle += 1) {
      const audience = document.createElement('agora-relay-audience') as AgoraRelayAudience;
      audience.sdk = AgoraRTC;
      audience.setAttribute('app-id', 'app');
      audience.setAttribute('channel-name', `stage-${cycle % 3}`);
      stage.append(audience);
      await until(() => AgoraRTC.fake.clients.length === cycle + 1 && AgoraRTC.fake.clients[cycle]?.connectionState === 'CONNECTED', `join ${cycle}`);
      const client = AgoraRTC.fake.clients[cycle] as FakeClient;
      clients.push(client);
      for (const uid of [1001, 2001]) {
        client.fake.addRemoteUser(uid);
        client.fake.publishRemote(uid, 'video');
        client.fake.publishRemote(uid, 'audio');
      }
      await until(() => audience.shadowRoot?.querySelectorAll('[part="remote"] video').length === 2, `videos ${cycle}`);
      audience.remove();
      await until(() => client.connectionState === 'DISCONNECTED', `leave ${cycle}`);
    }
    const left = clients.filter((client) => client.connectionState !== 'DISCONNECTED' || client.fake.listenerCount() > 0);
    expect(left.length, 'clients still joined or listened to').to.equal(0);
    for (let task = 0; task < 5; task += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const report = probe.report(mark);
    expect(report.timers.length, `live timers:\n${describeLive(report)}`).to.equal(0);
    expect(report.timeoutsMade, 'the probe saw the timers at work').to.be.greaterThan(100);
    const where = report.windowListeners.map((listener) => `"${listener.type}" added at\n${listener.stack}`).join('\n---\n');
    expect(report.windowListeners.every((listener) => listener.stack.includes('autoplay')), where).to.equal(true);
    expect(report.windowListeners.map((listener) => listener.type).sort(), where).to.deep.equal(['click', 'keydown', 'touchend']);
    stage.remove();
  });
});
