// The core's demo: one RelaySession (agora-relay-elements/core) on the offline fake SDK (agora-relay-elements/testing).
// A host joins "stage-a" and publishes; destinations are added, edited and removed; every session event is logged.
// Plain DOM on purpose: the core needs no framework. Nothing here reaches the network.
import {
  RelaySession,
  type DestinationStatusDetail,
  type RelaySessionEventMap,
  type SessionDestination,
} from '../src/core/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient, type FakeLocalTrack } from '../src/testing/index.js';

const APP_ID = 'demo-app-id';
const SOURCE_CHANNEL = 'stage-a';
const HOST_UID = 1001;
const LOG_LIMIT = 300;
const SESSION_EVENTS = [
  'channel-media-relay-state',
  'channel-media-relay-event',
  'agora-relay-error',
  'agora-relay-destination-status',
] as const satisfies readonly (keyof RelaySessionEventMap)[];

export interface DemoOptions {
  /** The fake SDK's delay between the steps of each answer, in ms; long enough to watch CONNECTING go by. */
  latency?: number;
}

export interface DemoHandle {
  readonly sdk: FakeAgoraRTC;
  readonly client: FakeClient;
  readonly session: RelaySession;
  /** Settles once the host has joined, published and asked the relay to start (a failure is logged, not thrown). */
  readonly ready: Promise<void>;
  /** Stops the relay, leaves, closes the camera and empties the root. */
  dispose(): Promise<void>;
}

/** One destination as the page holds it: the form's values, uid as typed (the session validates it). */
interface DestinationModel extends SessionDestination {
  key: string;
  channelName: string;
  uid?: string;
}

interface Row {
  item: HTMLLIElement;
  status: HTMLElement;
  error: HTMLElement;
}

class Disposed extends Error {}

let mounts = 0;

/** JSON on one line with a space after each separator, so long details wrap between fields. */
function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

/** The page's skeleton; `id` keeps element ids unique when the demo is mounted more than once. */
const template = (id: string) => `
  <header class="intro">
    <h1>Channel media relay: the core session</h1>
    <p>
      A <code>RelaySession</code> from <code>agora-relay-elements/core</code> relays the host of
      <strong>${SOURCE_CHANNEL}</strong> into other channels. The SDK here is the offline fake from
      <code>agora-relay-elements/testing</code>: nothing leaves this page.
    </p>
    <details class="tour">
      <summary>Try this</summary>
      <ol>
        <li>Add <code>stage-e</code>, then <code>stage-f</code>: the fifth is rejected with <code>TOO_MANY_DESTINATIONS</code>.</li>
        <li>Remove an earlier destination: the fifth is promoted and relays.</li>
        <li>Set a uid to <code>1.5</code>: that row is rejected with <code>INVALID_UID</code>, the others keep relaying.</li>
        <li>Inject a relay failure, then recover by leaving and joining again.</li>
        <li>Disable the relay, then enable it.</li>
      </ol>
    </details>
  </header>

  <section class="panel source" aria-labelledby="${id}-source">
    <h2 id="${id}-source">Source <code>${SOURCE_CHANNEL}</code></h2>
    <div class="source-body">
      <div class="preview" data-ref="preview" role="img" aria-label="Camera preview (a canvas stands in for the camera)"></div>
      <dl class="facts">
        <dt>Client</dt>
        <dd><span class="badge" data-ref="connection">DISCONNECTED</span></dd>
        <dt>Relay state</dt>
        <dd><output class="badge" data-ref="relay-state">RELAY_STATE_IDLE</output></dd>
      </dl>
    </div>
    <div class="actions">
      <button type="button" data-ref="fail">Inject relay failure</button>
      <button type="button" data-ref="recover">Recover: leave and join again</button>
      <button type="button" data-ref="toggle" aria-pressed="false">Disable relay</button>
    </div>
  </section>

  <section class="panel destinations" aria-labelledby="${id}-destinations">
    <h2 id="${id}-destinations">Destinations</h2>
    <p class="hint">At most four relay, in list order. Edits apply when a field loses focus or on Enter.</p>
    <ol class="destination-list" data-ref="destinations"></ol>
    <form class="add" data-ref="add-form">
      <label>Channel name <input name="channelName" autocomplete="off" spellcheck="false" /></label>
      <label>uid <input name="uid" inputmode="numeric" placeholder="0" autocomplete="off" /></label>
      <button type="submit">Add destination</button>
    </form>
  </section>

  <section class="panel events" aria-labelledby="${id}-log">
    <div class="log-header">
      <h2 id="${id}-log">Event log</h2>
      <button type="button" data-ref="clear-log">Clear</button>
    </div>
    <ol class="log" data-ref="log" role="log" aria-live="off" tabindex="0" aria-labelledby="${id}-log"></ol>
  </section>
`;

/** Renders the demo into `root` and starts it. */
export function mountDemo(root: HTMLElement, options: DemoOptions = {}): DemoHandle {
  root.classList.add('relay-demo');
  root.innerHTML = template(`relay-demo-${++mounts}`);
  const ref = <T extends HTMLElement>(name: string) => {
    const element = root.querySelector<T>(`[data-ref="${name}"]`);
    if (!element) throw new Error(`demo: no [data-ref="${name}"]`);
    return element;
  };
  const preview = ref('preview');
  const connectionBadge = ref('connection');
  const stateOutput = ref<HTMLOutputElement>('relay-state');
  const failButton = ref<HTMLButtonElement>('fail');
  const recoverButton = ref<HTMLButtonElement>('recover');
  const toggleButton = ref<HTMLButtonElement>('toggle');
  const list = ref<HTMLOListElement>('destinations');
  const addForm = ref<HTMLFormElement>('add-form');
  const log = ref<HTMLOListElement>('log');

  const startedAt = performance.now();
  const sdk = createFakeAgoraRTC({ latency: options.latency ?? 150 });
  const client = sdk.createClient({ mode: 'live', codec: 'vp8' });
  let nextKey = 1;
  const model = (channelName: string, uid?: string): DestinationModel => ({ key: `d${nextKey++}`, channelName, uid });
  let destinations: DestinationModel[] = [model('stage-b'), model('stage-c', '42'), model('stage-d')];
  const rows = new Map<string, Row>();
  // The client and destinations are handed over once the log listens, so it shows every event from the first.
  const session = new RelaySession({ sdk, source: { channelName: SOURCE_CHANNEL } });
  let camera: FakeLocalTrack | undefined;
  let disposed = false;
  let busy = false;

  // ---- the log ----------------------------------------------------------------------------------------------

  function write(kind: string, text: string, tone = ''): void {
    const item = document.createElement('li');
    if (tone) item.dataset.tone = tone;
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = `+${((performance.now() - startedAt) / 1000).toFixed(2)} s`;
    const type = document.createElement('span');
    type.className = 'type';
    type.textContent = kind;
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = text;
    item.append(time, type, detail);
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 8;
    log.append(item);
    while (log.childElementCount > LOG_LIMIT) log.firstElementChild?.remove();
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  const note = (text: string) => write('app', text, 'app');

  // ---- the session's events -----------------------------------------------------------------------------------

  const onSessionEvent = (event: Event) => {
    const { detail } = event as CustomEvent<object>;
    const tone = event.type === 'agora-relay-error' ? 'error' : '';
    write(event.type, compactJson(detail), tone);
    if (event.type === 'agora-relay-destination-status') showStatus(detail as DestinationStatusDetail);
    if (event.type === 'channel-media-relay-state') showState();
  };
  for (const type of SESSION_EVENTS) session.addEventListener(type, onSessionEvent);

  const onConnection = (state: string) => {
    connectionBadge.textContent = state;
    connectionBadge.dataset.state = state;
    updateButtons();
  };
  client.on('connection-state-change', onConnection);

  function showState(): void {
    stateOutput.textContent = session.state;
    stateOutput.dataset.state = session.state;
  }

  function showStatus(detail: DestinationStatusDetail): void {
    const row = rows.get(detail.key as string);
    if (!row) return;
    row.item.dataset.status = detail.status;
    row.status.textContent = detail.status;
    row.error.textContent = detail.error ? `${detail.error.code}: ${detail.error.message}` : '';
    row.error.hidden = !detail.error;
  }

  function updateButtons(): void {
    failButton.disabled = busy || client.connectionState !== 'CONNECTED';
    recoverButton.disabled = busy;
    toggleButton.textContent = session.disabled ? 'Enable relay' : 'Disable relay';
    toggleButton.setAttribute('aria-pressed', String(session.disabled));
  }

  // ---- destinations -------------------------------------------------------------------------------------------

  function field(
    labelText: string,
    value: string,
    onChange: (value: string) => void,
    extra: Partial<Pick<HTMLInputElement, 'placeholder' | 'inputMode'>> = {},
  ): HTMLLabelElement {
    const label = document.createElement('label');
    label.className = 'field';
    const input = Object.assign(document.createElement('input'), { value, autocomplete: 'off', spellcheck: false }, extra);
    input.addEventListener('change', () => onChange(input.value.trim()));
    label.append(labelText, input);
    return label;
  }

  function addRow(destination: DestinationModel): void {
    const item = document.createElement('li');
    item.className = 'destination';
    item.dataset.key = destination.key;
    const channel = field('Channel', destination.channelName, (channelName) => edit(destination.key, { channelName }));
    const uid = field('uid', destination.uid ?? '', (value) => edit(destination.key, { uid: value || undefined }), {
      placeholder: '0',
      inputMode: 'numeric',
    });
    uid.classList.add('uid');
    const disabled = document.createElement('label');
    disabled.className = 'check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.addEventListener('change', () => edit(destination.key, { disabled: box.checked }));
    disabled.append(box, 'Disabled');
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = 'idle';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => removeDestination(destination.key));
    const error = document.createElement('p');
    error.className = 'error';
    error.hidden = true;
    const fields = document.createElement('div');
    fields.className = 'fields';
    fields.append(channel, uid, disabled, status, remove);
    item.append(fields, error);
    list.append(item);
    rows.set(destination.key, { item, status, error });
    labelRemoveButtons();
  }

  /** Each Remove button says which row it removes, by its current channel name. */
  function labelRemoveButtons(): void {
    for (const destination of destinations) {
      const button = rows.get(destination.key)?.item.querySelector('.remove');
      button?.setAttribute('aria-label', `Remove destination ${destination.channelName || '(no name)'}`);
    }
  }

  function apply(next: DestinationModel[], what: string): void {
    destinations = next;
    note(what);
    labelRemoveButtons();
    session.destinations = destinations;
  }

  function edit(key: string, change: Partial<DestinationModel>): void {
    apply(
      destinations.map((destination) => (destination.key === key ? { ...destination, ...change } : destination)),
      `edit destination: ${JSON.stringify(change)}`,
    );
  }

  function removeDestination(key: string): void {
    const removed = destinations.find((destination) => destination.key === key);
    const row = rows.get(key);
    const focusNext = row?.item.nextElementSibling ?? row?.item.previousElementSibling;
    rows.delete(key);
    row?.item.remove();
    (focusNext?.querySelector('.remove') as HTMLButtonElement | null)?.focus();
    apply(
      destinations.filter((destination) => destination.key !== key),
      `remove destination ${JSON.stringify(removed?.channelName)}`,
    );
  }

  function suggestName(): string {
    const taken = new Set(destinations.map((destination) => destination.channelName));
    for (let letter = 'b'.charCodeAt(0); letter <= 'z'.charCodeAt(0); letter += 1) {
      const name = `stage-${String.fromCharCode(letter)}`;
      if (!taken.has(name)) return name;
    }
    return '';
  }

  const nameInput = addForm.elements.namedItem('channelName') as HTMLInputElement;
  const uidInput = addForm.elements.namedItem('uid') as HTMLInputElement;
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const destination = model(nameInput.value.trim(), uidInput.value.trim() || undefined);
    addRow(destination);
    apply([...destinations, destination], `add destination ${JSON.stringify(destination.channelName)}`);
    nameInput.value = suggestName();
    uidInput.value = '';
  });

  showState();
  updateButtons();
  for (const destination of destinations) addRow(destination);
  note('session.client = client');
  session.client = client;
  note(`session.destinations = [${destinations.length} destinations]`);
  session.destinations = destinations;
  nameInput.value = suggestName();

  // ---- the host: join, publish, and say so ------------------------------------------------------------------

  const alive = () => {
    if (disposed) throw new Disposed();
  };

  async function joinAndPublish(): Promise<void> {
    note(`client.join(appId, "${SOURCE_CHANNEL}", null, ${HOST_UID})`);
    await client.join(APP_ID, SOURCE_CHANNEL, null, HOST_UID);
    alive();
    if (!camera) {
      camera = await sdk.createCameraVideoTrack();
      if (disposed) {
        camera.close();
        throw new Disposed();
      }
      camera.play(preview);
    }
    note('client.publish([cameraTrack])');
    await client.publish([camera]);
    alive();
    // The SDK fires no event on publish: start() is how an app tells the session "I have published".
    note('session.start()');
    await session.start();
  }

  /** Runs one user action; a failure is logged (the session has reported its own failures as events already). */
  async function act(action: () => Promise<void>): Promise<void> {
    busy = true;
    updateButtons();
    try {
      await action();
    } catch (error) {
      if (error instanceof Disposed || disposed) return;
      const { code, message } = error as { code?: string; message?: string };
      write('app', `failed: ${code ?? ''} ${message ?? String(error)}`.trim(), 'error');
    } finally {
      busy = false;
      if (!disposed) updateButtons();
    }
  }

  failButton.addEventListener('click', () => {
    note('client.fake.relayFail("DEST_TOKEN_EXPIRED"): the server ends the relay');
    client.fake.relayFail('DEST_TOKEN_EXPIRED');
  });
  recoverButton.addEventListener('click', () => {
    void act(async () => {
      note('client.leave()');
      await client.leave();
      alive();
      await joinAndPublish();
    });
  });
  toggleButton.addEventListener('click', () => {
    session.disabled = !session.disabled;
    note(`session.disabled = ${session.disabled}`);
    updateButtons();
  });
  ref('clear-log').addEventListener('click', () => log.replaceChildren());

  const ready = act(async () => {
    note('client.setClientRole("host")');
    await client.setClientRole('host');
    alive();
    await joinAndPublish();
  });

  return {
    sdk,
    client,
    session,
    ready,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const type of SESSION_EVENTS) session.removeEventListener(type, onSessionEvent);
      client.off('connection-state-change', onConnection);
      await session.dispose();
      await client.leave().catch(() => undefined);
      camera?.close();
      root.replaceChildren();
      root.classList.remove('relay-demo');
    },
  };
}
