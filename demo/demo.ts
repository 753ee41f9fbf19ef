// The elements' demo: an <agora-relay-host> in managed mode (it joins, publishes its camera and relays by itself) with
// <agora-relay-destination> children, on the offline fake SDK by default, or on the real Agora SDK given an App ID.
// Everything the page does is plain DOM on the elements: attributes and children in, DOM events out.
import '../src/index.js'; // registers <agora-relay-host> and <agora-relay-destination>
import type { AgoraRelayDestination, AgoraRelayEventMap, AgoraRelayHost } from '../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../src/testing/index.js';
import { mountLocalControls } from './local-controls.js';

const SOURCE_CHANNEL = 'stage-a';
const FIRST_DESTINATIONS: [channelName: string, uid?: string][] = [['stage-b'], ['stage-c', '42'], ['stage-d']];
const LOG_LIMIT = 300;
/** Every DOM event the elements dispatch; all bubble and are composed, so one listener on the page hears them. */
const ELEMENT_EVENTS = [
  'channel-media-relay-state',
  'channel-media-relay-event',
  'agora-relay-error',
  'agora-relay-destination-status',
  'connection-state-change',
  'user-joined',
  'user-left',
  'user-published',
  'user-unpublished',
  'devices-change',
  'screen-share-ended',
] as const satisfies readonly (keyof AgoraRelayEventMap)[];

export interface DemoOptions {
  /** The fake SDK's delay between the steps of each answer, in ms; long enough to watch CONNECTING go by. */
  latency?: number;
}

export interface DemoHandle {
  /** The offline fake SDK the demo runs on until an App ID is given. */
  readonly sdk: FakeAgoraRTC;
  /** The host element now on the page (recovery and a change of SDK put a new one in its place). */
  readonly host: AgoraRelayHost;
  /** Removes the host (it stops the relay and leaves) and empties the root; waits, bounded, for the fake to be left. */
  dispose(): Promise<void>;
}

/** Where the host gets its SDK: the offline fake, or the real SDK with an App ID and an optional token URL. */
type SdkChoice = { kind: 'fake' } | { kind: 'real'; appId: string; tokenUrl: string };

let mounts = 0;

/** JSON on one line with a space after each separator, so long details wrap between fields. */
const compactJson = (value: unknown) => JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');

const template = (id: string) => `
  <header class="intro">
    <h1>Channel media relay with <code>&lt;agora-relay-host&gt;</code></h1>
    <p>
      The host joins <strong>${SOURCE_CHANNEL}</strong>, publishes its camera and relays it to each
      <code>&lt;agora-relay-destination&gt;</code> child. Without an App ID it runs on the offline fake SDK from
      <code>agora-relay-elements/testing</code>: its camera is a canvas, and nothing leaves this page.
    </p>
    <details class="tour">
      <summary>Try this</summary>
      <ol>
        <li>Add <code>stage-e</code>, then <code>stage-f</code>: the fifth is rejected with <code>TOO_MANY_DESTINATIONS</code>.</li>
        <li>Remove an earlier destination: the fifth is promoted and relays.</li>
        <li>Set a uid to <code>1.5</code>: that one is rejected with <code>INVALID_UID</code>, the others keep relaying.</li>
        <li>Let a co-host join: the host shows their video next to yours.</li>
        <li>Inject a relay failure, then recover with a new host element (it leaves, then joins again).</li>
        <li>Disable the relay, then enable it.</li>
        <li>Mute, turn the camera off, share the screen, or go back to preview: the host stays published (or leaves,
          for preview) and its own tile and status line say so.</li>
      </ol>
    </details>
  </header>

  <section class="panel host-panel" aria-labelledby="${id}-host">
    <h2 id="${id}-host">Host <code>${SOURCE_CHANNEL}</code></h2>
    <dl class="facts">
      <dt>SDK</dt>
      <dd data-ref="sdk">offline fake</dd>
      <dt>Client</dt>
      <dd><span class="badge" data-ref="connection">DISCONNECTED</span></dd>
      <dt>Relay</dt>
      <dd><output class="badge" data-ref="relay-state">RELAY_STATE_IDLE</output></dd>
      <dt>Network</dt>
      <dd><output data-ref="network-quality">—</output></dd>
    </dl>
    <div class="actions" role="group" aria-labelledby="${id}-cohost-actions">
      <span class="group-label" id="${id}-cohost-actions">Co-hosts' audio and dual stream</span>
      <label>Co-hosts' volume <input type="range" min="0" max="100" value="100" data-ref="cohost-volume" /></label>
      <label><input type="checkbox" data-ref="dual-stream" /> Dual stream (a low stream for small viewer tiles)</label>
    </div>
    <div class="actions" role="group" aria-labelledby="${id}-relay-actions">
      <span class="group-label" id="${id}-relay-actions">Relay</span>
      <button type="button" data-ref="toggle" aria-pressed="false">Disable relay</button>
      <button type="button" data-ref="recover">Recover: new host element</button>
    </div>
    <div data-ref="local-controls"></div>
    <div class="actions" role="group" aria-labelledby="${id}-fake-actions" data-ref="fake-controls">
      <span class="group-label" id="${id}-fake-actions">Offline fake</span>
      <button type="button" data-ref="cohost-join">Co-host joins</button>
      <button type="button" data-ref="cohost-leave">Co-host leaves</button>
      <button type="button" data-ref="fail">Inject relay failure</button>
    </div>
    <p class="hint">
      The dashed box is the <code>&lt;agora-relay-host&gt;</code>: your camera and the co-hosts (its shadow DOM), then
      its <code>&lt;agora-relay-destination&gt;</code> children, one row each. At most four relay, in document order.
      Edits apply when a field loses focus or on Enter.
    </p>
    <div data-ref="stage"></div>
    <form class="add" data-ref="add-form">
      <label>Channel name <input name="channelName" autocomplete="off" spellcheck="false" /></label>
      <label>uid <input name="uid" inputmode="numeric" placeholder="0" autocomplete="off" /></label>
      <button type="submit">Add destination</button>
    </form>
  </section>

  <section class="panel real" aria-labelledby="${id}-real">
    <h2 id="${id}-real">Run it on the real Agora SDK</h2>
    <p class="hint">
      Same page, same elements, without the fake: the host loads <code>agora-rtc-sdk-ng</code> when first needed.
      A token URL answers <code>GET ?channelName=…&amp;uid=…&amp;purpose=…</code> with <code>{ "token": "…" }</code>
      (see <code>examples/</code>); leave it empty for a project without an App Certificate.
    </p>
    <form class="add" data-ref="real-form">
      <label>App ID <input name="appId" required autocomplete="off" spellcheck="false" /></label>
      <label>Token URL <input name="tokenUrl" placeholder="/agora/token" autocomplete="off" spellcheck="false" /></label>
      <button type="submit">Use the real SDK</button>
      <button type="button" data-ref="use-fake" hidden>Back to the offline fake</button>
    </form>
  </section>

  <section class="panel events" aria-labelledby="${id}-log">
    <div class="log-header">
      <h2 id="${id}-log">Event log</h2>
      <button type="button" data-ref="clear-log">Clear</button>
    </div>
    <ol class="log" data-ref="log" tabindex="0" aria-labelledby="${id}-log"></ol>
  </section>
`;

/** What each destination element holds: its row. The element renders nothing itself; its light DOM shows here. */
const ROW = `
  <label class="field">Channel <input data-attribute="channel-name" autocomplete="off" spellcheck="false" /></label>
  <label class="field uid">uid <input data-attribute="uid" inputmode="numeric" placeholder="0" autocomplete="off" /></label>
  <label class="check"><input type="checkbox" data-attribute="disabled" /> Disabled</label>
  <span class="status"></span>
  <button type="button" class="remove">Remove</button>
  <p class="error" hidden></p>
`;

/** Renders the demo into `root` and starts it. */
export function mountDemo(root: HTMLElement, options: DemoOptions = {}): DemoHandle {
  root.classList.add('relay-demo');
  root.innerHTML = template(`relay-demo-${++mounts}`);
  const ref = <T extends HTMLElement = HTMLElement>(name: string) => {
    const element = root.querySelector<T>(`[data-ref="${name}"]`);
    if (!element) throw new Error(`demo: no [data-ref="${name}"]`);
    return element;
  };
  const log = ref('log');
  const stateOutput = ref<HTMLOutputElement>('relay-state');
  const connectionBadge = ref('connection');
  const toggleButton = ref<HTMLButtonElement>('toggle');
  const joinButton = ref<HTMLButtonElement>('cohost-join');
  const leaveButton = ref<HTMLButtonElement>('cohost-leave');
  const failButton = ref<HTMLButtonElement>('fail');
  const addForm = ref<HTMLFormElement>('add-form');
  const realForm = ref<HTMLFormElement>('real-form');
  const nameInput = addForm.elements.namedItem('channelName') as HTMLInputElement;
  const uidInput = addForm.elements.namedItem('uid') as HTMLInputElement;

  const startedAt = performance.now();
  const sdk = createFakeAgoraRTC({ latency: options.latency ?? 150 });
  /** Every listener the page adds goes away with this, on dispose. */
  const listening = new AbortController();
  const on = <K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
  ) => target.addEventListener(type, listener, { signal: listening.signal });
  let choice: SdkChoice = { kind: 'fake' };
  let nextCohost = 2001;

  // ---- the log ----------------------------------------------------------------------------------------------

  function write(kind: string, text: string, tone = ''): void {
    const item = document.createElement('li');
    if (tone) item.dataset.tone = tone;
    const parts: [className: string, text: string][] = [
      ['time', `+${((performance.now() - startedAt) / 1000).toFixed(2)} s`],
      ['type', kind],
      ['detail', text],
    ];
    for (const [className, content] of parts) {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = content;
      item.append(span);
    }
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 8;
    log.append(item);
    while (log.childElementCount > LOG_LIMIT) log.firstElementChild?.remove();
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  /** What the page itself did, in the log between the events it caused. */
  const note = (text: string) => write('page', text, 'page');

  // ---- the host and its destinations -------------------------------------------------------------------------

  function createDestination(channelName: string, uid?: string): AgoraRelayDestination {
    const destination = document.createElement('agora-relay-destination');
    destination.setAttribute('channel-name', channelName);
    if (uid) destination.setAttribute('uid', uid);
    destination.innerHTML = ROW;
    input(destination, 'channel-name').value = channelName;
    input(destination, 'uid').value = uid ?? '';
    describeRow(destination);
    showStatus(destination);
    return destination;
  }

  const input = (destination: Element, attribute: string) =>
    destination.querySelector(`input[data-attribute="${attribute}"]`) as HTMLInputElement;

  /** The row is a group named after its channel, and its Remove button says which one it removes. */
  function describeRow(destination: Element): void {
    const name = destination.getAttribute('channel-name') || '(no name)';
    destination.setAttribute('role', 'group');
    destination.setAttribute('aria-label', `Destination ${name}`);
    destination.querySelector('.remove')?.setAttribute('aria-label', `Remove destination ${name}`);
  }

  /** The status badge repeats the reflected `status` attribute (which the CSS colours); the error says why. */
  function showStatus(destination: AgoraRelayDestination): void {
    const status = destination.querySelector('.status') as HTMLElement;
    const error = destination.querySelector('.error') as HTMLElement;
    status.textContent = destination.status;
    error.textContent = destination.error ? `${destination.error.code}: ${destination.error.message}` : '';
    error.hidden = !destination.error;
  }

  const destinations = () => [...host.querySelectorAll('agora-relay-destination')];

  /** Managed mode: `app-id` makes the host join, publish and relay by itself; `sdk` says which SDK it uses. */
  function useSdk(element: AgoraRelayHost, wanted: SdkChoice): void {
    if (wanted.kind === 'fake') {
      element.sdk = sdk;
      element.setAttribute('app-id', 'demo');
      element.removeAttribute('token-url');
    } else {
      element.sdk = null; // the element uses window.AgoraRTC, else loads agora-rtc-sdk-ng lazily
      element.setAttribute('app-id', wanted.appId);
      if (wanted.tokenUrl) element.setAttribute('token-url', wanted.tokenUrl);
      else element.removeAttribute('token-url');
    }
  }

  let host = document.createElement('agora-relay-host');
  host.setAttribute('channel-name', SOURCE_CHANNEL);
  host.style.setProperty('--agora-relay-tile-width', '160px');
  host.append(...FIRST_DESTINATIONS.map(([channelName, uid]) => createDestination(channelName, uid)));

  /**
   * Puts a new host element in place of the current one, with the same attributes and destinations (a deep clone:
   * properties such as `sdk` are not copied). The old one, removed, stops its relay and leaves; the new one joins.
   */
  function replaceHost(wanted: SdkChoice): void {
    const next = host.cloneNode(true) as AgoraRelayHost;
    for (const destination of next.querySelectorAll('agora-relay-destination')) {
      destination.removeAttribute('status');
      showStatus(destination);
    }
    useSdk(next, wanted);
    choice = wanted;
    host.replaceWith(next);
    host = next;
    connectionBadge.textContent = 'DISCONNECTED';
    delete connectionBadge.dataset.state;
    refresh();
  }

  /** The fake's client the host made last: the one it is using (a managed host makes a new client per join). */
  const fakeClient = (): FakeClient | undefined => (choice.kind === 'fake' ? sdk.fake.clients.at(-1) : undefined);

  function refresh(): void {
    stateOutput.textContent = host.state;
    stateOutput.dataset.state = host.state;
    const client = fakeClient();
    const connected = client?.connectionState === 'CONNECTED';
    ref('fake-controls').hidden = choice.kind !== 'fake';
    ref('use-fake').hidden = choice.kind === 'fake';
    ref('sdk').textContent = choice.kind === 'fake' ? 'offline fake' : `Agora SDK, App ID ${choice.appId}`;
    joinButton.disabled = !connected;
    leaveButton.disabled = !connected || !client?.remoteUsers.length;
    failButton.disabled = !connected || host.state !== 'RELAY_STATE_RUNNING';
    toggleButton.textContent = host.disabled ? 'Enable relay' : 'Disable relay';
    toggleButton.setAttribute('aria-pressed', String(host.disabled));
  }

  // ---- the elements' events: one listener each, on the root ------------------------------------------------

  for (const type of ELEMENT_EVENTS) {
    on(root, type, (event) => {
      write(type, compactJson(event.detail), type === 'agora-relay-error' ? 'error' : '');
      if (type === 'agora-relay-destination-status') showStatus(event.target as AgoraRelayDestination);
      if (type === 'connection-state-change') {
        const { state } = (event as AgoraRelayEventMap['connection-state-change']).detail;
        connectionBadge.textContent = state;
        connectionBadge.dataset.state = state;
      }
      refresh();
    });
  }

  // ---- the page's controls ---------------------------------------------------------------------------------

  mountLocalControls(ref('local-controls'), () => host, note, listening.signal);

  // A row's fields write the attribute they are named after; the host picks the change up by itself.
  on(root, 'change', (event) => {
    const field = event.target as HTMLInputElement;
    const destination = field.closest('agora-relay-destination');
    const attribute = field.dataset.attribute;
    if (!destination || !attribute) return;
    const name = destination.getAttribute('channel-name');
    const value = field.value.trim();
    if (field.type === 'checkbox') {
      destination.toggleAttribute(attribute, field.checked);
      note(`"${name}": toggleAttribute("${attribute}", ${field.checked})`);
    } else if (attribute === 'uid' && !value) {
      destination.removeAttribute(attribute);
      note(`"${name}": removeAttribute("uid")`);
    } else {
      destination.setAttribute(attribute, value);
      note(`"${name}": setAttribute("${attribute}", ${JSON.stringify(value)})`);
    }
    describeRow(destination);
  });

  on(root, 'click', (event) => {
    const button = (event.target as Element).closest('.remove');
    const destination = button?.closest('agora-relay-destination');
    if (!destination) return;
    const neighbour = destination.nextElementSibling ?? destination.previousElementSibling;
    note(`"${destination.getAttribute('channel-name')}": remove()`);
    destination.remove();
    // Focus stays in the list: the next row's Remove button, else the form to add one.
    (neighbour?.querySelector<HTMLElement>('.remove') ?? nameInput).focus();
  });

  function suggestName(): string {
    const taken = new Set(destinations().map((destination) => destination.getAttribute('channel-name')));
    for (let letter = 'b'.charCodeAt(0); letter <= 'z'.charCodeAt(0); letter += 1) {
      const name = `stage-${String.fromCharCode(letter)}`;
      if (!taken.has(name)) return name;
    }
    return '';
  }

  on(addForm, 'submit', (event) => {
    event.preventDefault();
    const channelName = nameInput.value.trim();
    const uid = uidInput.value.trim();
    note(`host.append(<agora-relay-destination channel-name="${channelName}"${uid ? ` uid="${uid}"` : ''}>)`);
    host.append(createDestination(channelName, uid || undefined));
    nameInput.value = suggestName();
    uidInput.value = '';
  });

  // ---- co-hosts' audio, dual stream, network quality (each co-host tile also has its own Mute button) ----
  const volumeInput = ref<HTMLInputElement>('cohost-volume');
  on(volumeInput, 'change', () => {
    host.setAttribute('cohost-volume', volumeInput.value);
    note(`host.setAttribute("cohost-volume", "${volumeInput.value}"): the co-hosts' audio on this page only`);
  });
  const dualStream = ref<HTMLInputElement>('dual-stream');
  on(dualStream, 'change', () => {
    host.toggleAttribute('dual-stream', dualStream.checked);
    note(`host.toggleAttribute("dual-stream", ${dualStream.checked})`);
  });
  // Every 2 s once joined: shown, not logged.
  const quality = ['unknown', 'excellent', 'good', 'poor', 'bad', 'very bad', 'down'];
  on(root, 'network-quality', (event) => {
    const { uplink, downlink } = event.detail;
    ref('network-quality').textContent = `up ${quality[uplink] ?? uplink}, down ${quality[downlink] ?? downlink}`;
  });

  on(toggleButton, 'click', () => {
    host.toggleAttribute('disabled');
    note(`host.toggleAttribute("disabled"): ${host.disabled ? 'the relay is held stopped' : 'the relay may run'}`);
    refresh();
  });

  on(ref('recover'), 'click', () => {
    // A new element rather than the same one re-added: a re-added managed host does not join again (yet).
    note('host.replaceWith(host.cloneNode(true)): the old host leaves, the new one joins');
    replaceHost(choice);
  });

  on(joinButton, 'click', () => {
    const uid = nextCohost++;
    note(`client.fake.addRemoteUser(${uid}); client.fake.publishRemote(${uid}, "video"), then "audio"`);
    fakeClient()?.fake.addRemoteUser(uid);
    fakeClient()?.fake.publishRemote(uid, 'video');
    // Audio too: the co-host's tile then has its Mute button (this page only).
    fakeClient()?.fake.publishRemote(uid, 'audio');
  });

  on(leaveButton, 'click', () => {
    const user = fakeClient()?.remoteUsers.at(-1);
    if (!user) return;
    note(`client.fake.removeRemoteUser(${user.uid})`);
    fakeClient()?.fake.removeRemoteUser(user.uid);
  });

  on(failButton, 'click', () => {
    note('client.fake.relayFail("DEST_TOKEN_EXPIRED"): the server ends the relay');
    fakeClient()?.fake.relayFail('DEST_TOKEN_EXPIRED');
  });

  on(realForm, 'submit', (event) => {
    event.preventDefault();
    const field = (name: string) => (realForm.elements.namedItem(name) as HTMLInputElement).value.trim();
    const appId = field('appId');
    if (!appId) return;
    note(`a new host with app-id="${appId}"${field('tokenUrl') ? ` token-url="${field('tokenUrl')}"` : ''}, no sdk`);
    replaceHost({ kind: 'real', appId, tokenUrl: field('tokenUrl') });
  });

  on(ref('use-fake'), 'click', () => {
    note('a new host on the offline fake SDK');
    replaceHost({ kind: 'fake' });
  });

  on(ref('clear-log'), 'click', () => log.replaceChildren());

  // ---- go ----------------------------------------------------------------------------------------------------

  useSdk(host, choice);
  note(`<agora-relay-host app-id="demo" channel-name="${SOURCE_CHANNEL}"> with host.sdk = createFakeAgoraRTC()`);
  ref('stage').append(host);
  nameInput.value = suggestName();
  refresh();

  return {
    sdk,
    get host() {
      return host;
    },
    async dispose() {
      if (listening.signal.aborted) return;
      listening.abort();
      host.remove();
      root.replaceChildren();
      root.classList.remove('relay-demo');
      // The removed host stops the relay, unpublishes and leaves by itself; give it a bounded moment to finish.
      const deadline = performance.now() + 3000;
      const left = () => sdk.fake.clients.every((client) => client.fake.listenerCount() === 0);
      while (!left() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
