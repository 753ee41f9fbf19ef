// The elements as the target of a model run: an <agora-relay-host> with the page's own client, changed the way a page
// changes it (attributes, properties, children added, removed and reordered), moved and removed.
import '../../../src/index.js';
import type { AgoraRelayDestination, AgoraRelayHost } from '../../../src/index.js';
import type { FakeClient } from '../../../src/testing/index.js';
import { type DestModel, type Model, TOKEN_MARKER, type UidChoice } from './model.js';
import type { DestChange, Target, World } from './world.js';

export const HOST_EVENTS = [
  'channel-media-relay-state',
  'channel-media-relay-event',
  'agora-relay-error',
  'agora-relay-destination-status',
] as const;

/** A uid the way a page gives it: a string as an attribute, a number (or nothing) as the property. */
function applyUid(element: AgoraRelayHost | AgoraRelayDestination, uid: UidChoice): void {
  if (typeof uid.value === 'string') {
    element.setAttribute('uid', uid.value);
  } else {
    element.removeAttribute('uid');
    element.uid = uid.value;
  }
}

function applyName(element: AgoraRelayHost | AgoraRelayDestination, name: string): void {
  element.setAttribute('channel-name', name);
}

/** Tokens go in as properties: a token in an attribute would be the page's own doing, and the check below is that
 * the elements never put one there. */
function makeDestination(dest: DestModel): AgoraRelayDestination {
  const element = document.createElement('agora-relay-destination');
  applyName(element, dest.name.value);
  applyUid(element, dest.uid);
  element.token = dest.token.value;
  // As an attribute, like the edits below: a property set on an element out of the document is reflected only at
  // its first update, so removing the attribute before that would change nothing (Lit's reflection, not a bug).
  element.toggleAttribute('disabled', dest.disabled);
  return element;
}

export class ElementsTarget implements Target {
  readonly kind = 'elements';
  readonly host: AgoraRelayHost;
  readonly places: [HTMLElement, HTMLElement];
  readonly elements: AgoraRelayDestination[];
  /** Destination elements taken out of the host: their status must not claim they relay. */
  readonly removed = new Set<AgoraRelayDestination>();

  constructor(world: World, m: Model) {
    this.places = [document.createElement('div'), document.createElement('div')];
    document.body.append(...this.places);
    const host = document.createElement('agora-relay-host');
    this.host = host;
    world.listen(host, HOST_EVENTS);
    applyName(host, m.source.name.value);
    applyUid(host, m.source.uid);
    host.token = m.source.token.value;
    this.elements = m.dests.map(makeDestination);
    host.append(...this.elements);
    host.sdk = world.AgoraRTC;
    host.client = world.clients.A;
    this.places[0].append(host);
  }

  destinations(m: Model, change: DestChange) {
    const host = this.host;
    if (change.kind === 'add') {
      const element = makeDestination(m.dests[change.index]!);
      host.insertBefore(element, this.elements[change.index] ?? null);
      this.elements.splice(change.index, 0, element);
    } else if (change.kind === 'remove') {
      const [element] = this.elements.splice(change.index, 1);
      element!.remove();
      this.removed.add(element!);
    } else if (change.kind === 'move') {
      const [element] = this.elements.splice(change.from, 1);
      host.insertBefore(element!, this.elements[change.to] ?? null);
      this.elements.splice(change.to, 0, element!);
    } else {
      const element = this.elements[change.index]!;
      const dest = m.dests[change.index]!;
      if (change.field === 'name') applyName(element, dest.name.value);
      else if (change.field === 'uid') applyUid(element, dest.uid);
      else if (change.field === 'token') element.token = dest.token.value;
      else element.toggleAttribute('disabled', dest.disabled);
    }
  }
  source(m: Model, field: 'name' | 'uid' | 'token') {
    if (field === 'name') applyName(this.host, m.source.name.value);
    else if (field === 'uid') applyUid(this.host, m.source.uid);
    else this.host.token = m.source.token.value;
  }
  disabled(m: Model) {
    this.host.disabled = m.disabled;
  }
  client(client: FakeClient | null) {
    this.host.client = client;
  }
  tokenProvider(provider: Parameters<Target['tokenProvider']>[0]) {
    this.host.tokenProvider = provider as AgoraRelayHost['tokenProvider'];
  }
  start() {
    return this.host.start();
  }
  stop() {
    return this.host.stop();
  }
  /**
   * Lit updates and the host's MutationObserver run in microtasks: let them, then wait for the session. (An element
   * never connected has its first update only once it is: its updateComplete would wait for that.)
   */
  async settled() {
    const connected = [this.host, ...this.elements].filter((element) => element.isConnected);
    await Promise.all(connected.map((element) => element.updateComplete));
    await this.host.settled();
  }
  get state() {
    return this.host.state;
  }
  statuses() {
    return this.elements.map((element) => (element.error ? { status: element.status, error: element.error } : { status: element.status }));
  }
  statusKey(_m: Model, index: number) {
    return this.elements[index];
  }
  extraProblems(m: Model) {
    const problems: string[] = [];
    this.elements.forEach((element, index) => {
      if (!m.connected) return;
      if (element.getAttribute('status') !== element.status) {
        problems.push(`destination ${index}: status attribute ${String(element.getAttribute('status'))}, property ${element.status}`);
      }
    });
    for (const element of this.removed) {
      if (!this.elements.includes(element) && element.status === 'relaying') {
        problems.push(`a destination taken out of the host still says relaying (${element.channelName})`);
      }
    }
    const markup = this.places.map((place) => place.outerHTML).join('');
    if (markup.includes(TOKEN_MARKER)) problems.push('a token appears in the markup');
    if (this.host.isConnected !== m.connected) problems.push(`the host is ${this.host.isConnected ? '' : 'not '}in the document`);
    return problems;
  }

  /** The host leaves the document (a removal, not a move: it stays out past this task). */
  removeHost() {
    this.host.remove();
  }
  addHost(m: Model) {
    this.places[m.movedAway ? 1 : 0].append(this.host);
  }
  /** A move within the document: out and in within one task. */
  moveHost(m: Model) {
    this.places[m.movedAway ? 1 : 0].append(this.host);
  }
  async teardown() {
    this.host.remove();
    for (const place of this.places) place.remove();
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  }
}
