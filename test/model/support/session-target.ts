// The session itself as the target of a model run: every change is a new input, as the elements would give it.
import { RelaySession, type SessionDestination } from '../../../src/core/index.js';
import type { FakeClient } from '../../../src/testing/index.js';
import { type DestModel, type Model } from './model.js';
import type { Target } from './world.js';
import type { World } from './world.js';

export const SESSION_EVENTS = [
  'channel-media-relay-state',
  'channel-media-relay-event',
  'agora-relay-error',
  'agora-relay-destination-status',
  'agora-relay-stuck',
] as const;

const input = (dest: DestModel): SessionDestination => ({
  key: `d${dest.id}`,
  channelName: dest.name.value,
  uid: dest.uid.value,
  token: dest.token.value,
  disabled: dest.disabled,
});

const source = (m: Model) => ({ channelName: m.source.name.value, uid: m.source.uid.value, token: m.source.token.value });

export class SessionTarget implements Target {
  readonly kind = 'session';
  readonly session: RelaySession;

  constructor(world: World, m: Model) {
    this.session = new RelaySession({ sdk: world.AgoraRTC, source: source(m), destinations: m.dests.map(input) });
    world.listen(this.session, SESSION_EVENTS);
    this.session.client = world.clients.A;
  }

  destinations(m: Model) {
    this.session.destinations = m.dests.map(input);
  }
  source(m: Model) {
    this.session.source = source(m);
  }
  disabled(m: Model) {
    this.session.disabled = m.disabled;
  }
  client(client: FakeClient | null) {
    this.session.client = client;
  }
  tokenProvider(provider: Parameters<Target['tokenProvider']>[0]) {
    this.session.tokenProvider = provider;
  }
  start() {
    return this.session.start();
  }
  stop() {
    return this.session.stop();
  }
  settled() {
    return this.session.settled();
  }
  get state() {
    return this.session.state;
  }
  statuses() {
    return this.session.statuses.map(({ status, error }) => (error ? { status, error } : { status }));
  }
  statusKey(m: Model, index: number) {
    return `d${m.dests[index]!.id}`;
  }
  extraProblems() {
    return [];
  }
  async teardown() {
    await this.session.dispose();
  }
}
