// The demo by default: two managed hosts, `stage-a` and `stage-b`, relaying to each other with the REAL agora-rtc-sdk-ng
// through the local Agora stand-in (`npm start` runs it), each publishing a synthetic picture of its own, each
// showing the other's live video as its co-host; and an <agora-relay-audience> of each channel. The page finds the
// stand-in, and says in words what to do when it is not running, its certificate is not accepted yet, or WebRTC never
// connects. Everything else is the elements: attributes in, DOM events out.
import '../src/index.js';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import type { AgoraRelayAudience, AgoraRelayHost } from '../src/index.js';
import { standInSdk } from '../src/testing/index.js';
import type { StandInAddresses } from '../src/testing/stand-in/browser.js';
import { standInControls } from './stand-in-controls.js';
import { reachStandIn } from './stand-in-reach.js';
import type { Reach } from './stand-in-reach.js';
import { syntheticMedia } from './synthetic-media.js';
import type { ChannelLook, SyntheticMedia } from './synthetic-media.js';
import { advice } from './stand-in-words.js';

/** The two channels: each host joins one with a fixed uid and relays into the other under that same uid. */
export const STAGES: readonly { channel: string; other: string; uid: number; name: string; look: ChannelLook }[] = [
  { channel: 'stage-a', other: 'stage-b', uid: 1001, name: 'Stage A', look: { colour: [196, 52, 44], pitch: 660 } },
  { channel: 'stage-b', other: 'stage-a', uid: 2001, name: 'Stage B', look: { colour: [36, 86, 196], pitch: 440 } },
];

const SDK_URL = '/node_modules/agora-rtc-sdk-ng/AgoraRTC_N-production.js';

export interface StandInDemoOptions {
  /** Skip /__stand-in/status and use these (a test's own stand-in). */
  addresses?: StandInAddresses;
  statusUrl?: string;
  /** How long co-host pictures may take before the page says WebRTC did not connect (default 15 s). */
  mediaPatienceMs?: number;
  /** How often to look for the stand-in again while it cannot be reached (default 2 s). */
  retryMs?: number;
}

export interface StandInDemoHandle {
  readonly hosts: readonly AgoraRelayHost[];
  readonly audiences: readonly AgoraRelayAudience[];
  /** The words the status box shows now. */
  readonly status: string;
  dispose(): Promise<void>;
}

function find<T extends Element = Element>(parent: ParentNode, selector: string): T {
  const found = parent.querySelector<T>(selector);
  if (!found) throw new Error(`demo: no ${selector}`);
  return found;
}

let loading: Promise<IAgoraRTC> | undefined;
/** The real SDK's UMD build, once per page; no log output or upload. */
function loadSdk(): Promise<IAgoraRTC> {
  loading ??= new Promise<IAgoraRTC>((resolve, reject) => {
    const present = (window as { AgoraRTC?: IAgoraRTC }).AgoraRTC;
    if (present) return resolve(present);
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.onload = () => {
      const sdk = (window as { AgoraRTC?: IAgoraRTC }).AgoraRTC;
      if (!sdk) return reject(new Error('agora-rtc-sdk-ng loaded without window.AgoraRTC'));
      sdk.setLogLevel(4);
      sdk.disableLogUpload();
      resolve(sdk);
    };
    script.onerror = () => reject(new Error(`could not load ${SDK_URL}`));
    document.head.append(script);
  });
  return loading;
}

const template = () => `
  <header class="intro">
    <h1>Co-hosting across channels, on this machine</h1>
    <p>
      Two <code>&lt;agora-relay-host&gt;</code> elements join <strong>stage-a</strong> and <strong>stage-b</strong>
      with the real <code>agora-rtc-sdk-ng</code> and relay to each other through the local Agora stand-in that
      <code>npm start</code> runs: no App ID, nothing leaves this machine. Each host publishes a picture of its own (its
      channel's colour, name and clock) and a soft tick instead of a camera and microphone, and shows the other as its
      co-host. Below each, an <code>&lt;agora-relay-audience&gt;</code> watches that channel: its own host and the one
      relayed in.
    </p>
    <p class="hint">
      No Node process at hand? <a href="?sdk=fake">The offline fake demo</a> runs in the page alone; it also takes a
      real App ID (in a page of its own: the stand-in's SDK settings are page-wide).
    </p>
  </header>
  <p class="notice" role="status" aria-live="polite" data-ref="status" data-tone="wait">Looking for the local Agora stand-in…</p>
  <div class="stages" data-ref="stages"></div>
`;

export function mountStandInDemo(root: HTMLElement, options: StandInDemoOptions = {}): StandInDemoHandle {
  root.classList.add('relay-demo', 'stand-in-demo');
  root.innerHTML = template();
  const statusBox = find<HTMLElement>(root, '[data-ref="status"]');
  const stagesBox = find<HTMLElement>(root, '[data-ref="stages"]');
  const hosts: AgoraRelayHost[] = [];
  const audiences: AgoraRelayAudience[] = [];
  const media: SyntheticMedia[] = [];
  const clients: IAgoraRTCClient[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let disposed = false;
  /** Since when co-host pictures are awaited: the mount, or the last time they all played (or were off on purpose). */
  let waitingSince = 0;
  let mediaAddress = '';
  let authority: string | undefined;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!disposed) run();
    }, ms);
    timers.add(timer);
  };

  function say(html: string, tone: 'wait' | 'ok' | 'bad'): void {
    if (statusBox.innerHTML === html && statusBox.dataset.tone === tone) return;
    statusBox.innerHTML = html;
    statusBox.dataset.tone = tone;
  }

  async function look(): Promise<void> {
    const reach: Reach = await reachStandIn(options.statusUrl ?? '/__stand-in/status', options.addresses);
    if (disposed) return;
    if (reach.kind !== 'reachable') {
      say(advice(reach), 'bad');
      later(options.retryMs ?? 2000, () => void look());
      return;
    }
    say('The stand-in answers. Loading the Agora SDK and joining both channels…', 'wait');
    let sdk: IAgoraRTC;
    try {
      sdk = await loadSdk();
    } catch (error) {
      say(`The Agora SDK did not load: ${(error as Error).message}. Run <code>npm install</code>, then reload.`, 'bad');
      return;
    }
    authority = reach.authority;
    if (!disposed) mount(sdk, reach.addresses);
  }

  /** The namespace one host uses: pointed at the stand-in, its own synthetic tracks, its clients recorded. */
  function sdkFor(sdk: IAgoraRTC, addresses: StandInAddresses, tracks?: SyntheticMedia): IAgoraRTC {
    const pointed = standInSdk(sdk as never, addresses, tracks ?? {}) as unknown as IAgoraRTC;
    const recording = Object.create(pointed) as IAgoraRTC;
    Object.defineProperty(recording, 'createClient', {
      value: (config: Parameters<IAgoraRTC['createClient']>[0]) => {
        const client = pointed.createClient(config);
        clients.push(client);
        return client;
      },
    });
    return recording;
  }

  function mount(sdk: IAgoraRTC, addresses: StandInAddresses): void {
    mediaAddress = addresses.accessPoint.host;
    for (const stage of STAGES) {
      const tracks = syntheticMedia(sdk, stage.channel, stage.look);
      media.push(tracks);
      const column = document.createElement('section');
      column.className = 'panel stage';
      column.setAttribute('aria-label', stage.name);
      column.innerHTML = `
        <h2>${stage.name}: host of <code>${stage.channel}</code>, relaying to <code>${stage.other}</code></h2>
        <p class="state">Relay: <output class="badge" data-ref="relay">RELAY_STATE_IDLE</output></p>`;

      const host = document.createElement('agora-relay-host');
      host.setAttribute('app-id', 'stand-in-demo');
      host.setAttribute('channel-name', stage.channel);
      host.setAttribute('join-uid', String(stage.uid));
      host.style.setProperty('--agora-relay-tile-width', '200px');
      host.style.setProperty('--demo-local-caption', `'Own picture, ${stage.channel}'`);
      const destination = document.createElement('agora-relay-destination');
      destination.setAttribute('channel-name', stage.other);
      destination.setAttribute('uid', String(stage.uid));
      destination.innerHTML = `<span>Relays into <code>${stage.other}</code> as uid ${stage.uid}:</span> <span class="status">idle</span>`;
      destination.addEventListener('agora-relay-destination-status', (event) => {
        find(destination, '.status').textContent = event.detail.status;
      });
      host.append(destination);
      host.sdk = sdkFor(sdk, addresses, tracks) as never;
      const relay = find<HTMLOutputElement>(column, '[data-ref="relay"]');
      host.addEventListener('channel-media-relay-state', (event) => {
        relay.textContent = event.detail.state;
        relay.dataset.state = event.detail.state;
      });

      const watching = document.createElement('h3');
      watching.textContent = `The audience of ${stage.channel}`;
      const audience = document.createElement('agora-relay-audience');
      audience.setAttribute('app-id', 'stand-in-demo');
      audience.setAttribute('channel-name', stage.channel);
      audience.toggleAttribute('muted', true);
      audience.style.setProperty('--agora-relay-tile-width', '160px');
      for (const other of STAGES) {
        const label = document.createElement('agora-relay-label');
        label.setAttribute('uid', String(other.uid));
        label.textContent = other.channel === stage.channel ? `${other.name} (its own host)` : `${other.name} (relayed in)`;
        audience.append(label);
      }
      audience.sdk = sdkFor(sdk, addresses) as never;
      column.append(host, standInControls(host, stage.name), watching, audience);
      stagesBox.append(column);
      hosts.push(host);
      audiences.push(audience);
    }
    waitingSince = performance.now();
    watchMedia();
  }

  /** Frames each co-host <video> presented since the page first looked at it (requestVideoFrameCallback). */
  const presented = new WeakMap<HTMLVideoElement, number>();
  function presentedFrames(video: HTMLVideoElement): number {
    const seen = presented.get(video);
    if (seen !== undefined) return seen;
    presented.set(video, 0);
    const onFrame = () => {
      presented.set(video, (presented.get(video) ?? 0) + 1);
      if (video.isConnected && !disposed) video.requestVideoFrameCallback(onFrame);
    };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(onFrame);
    return 0;
  }

  // Firefox's getVideoPlaybackQuality() stays at 0 for a <video> playing a MediaStream: its frames are counted as
  // presented instead (without that, Firefox showed moving co-host pictures under the words "WebRTC did not connect").
  const coHostFrames = (host: AgoraRelayHost) => {
    const video = host.shadowRoot?.querySelector<HTMLVideoElement>('[part="remote"] video');
    return video ? Math.max(video.getVideoPlaybackQuality().totalVideoFrames, presentedFrames(video)) : 0;
  };

  /** A host whose picture a person turned off with the controls: its co-host tile is gone on purpose. */
  const pictureOff = () => hosts.find((host) => host.hasAttribute('camera-off') || host.hasAttribute('preview'));

  /**
   * Pictures in both co-host tiles: co-hosting works. A picture turned off with the controls: say so. None after a
   * while (since the page loaded, or since the pictures were last all there): say why WebRTC may not connect.
   */
  function watchMedia(): void {
    const playing = hosts.every((host) => coHostFrames(host) > 0);
    const off = pictureOff();
    if (playing || off) waitingSince = performance.now();
    if (playing) {
      say('Co-hosting: each host shows the other channel’s picture as its co-host, relayed by the stand-in.', 'ok');
    } else if (off) {
      const stage = STAGES.find((each) => each.channel === off.getAttribute('channel-name'));
      const why = off.hasAttribute('preview') ? 'is back in preview (not live)' : 'turned its picture off';
      say(`${stage?.name ?? 'A host'} ${why}: the other stage’s co-host tile is gone until it comes back.`, 'ok');
    } else if (performance.now() - waitingSince > (options.mediaPatienceMs ?? 15_000)) {
      // No client joined at all: the edges' certificate (Firefox: one exception per port) rather than media.
      if (!clients.some((client) => client.connectionState === 'CONNECTED')) {
        say(advice({ kind: 'not-joined', ...(authority ? { authority } : {}) }), 'bad');
        later(1000, watchMedia);
        return;
      }
      const sent = clients.some((client) => (client.getLocalVideoStats?.().sendBytes ?? 0) > 0);
      say(advice({ kind: 'no-media', address: mediaAddress, sent }), 'bad');
    } else {
      say('Joining both channels and starting the relays…', 'wait');
    }
    later(1000, watchMedia);
  }

  void look();

  return {
    hosts,
    audiences,
    get status() {
      return statusBox.textContent ?? '';
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      // Removed, each element stops its relay, unpublishes and leaves by itself.
      for (const element of [...hosts, ...audiences]) element.remove();
      const deadline = performance.now() + 5000;
      const left = () => clients.every((client) => client.connectionState === 'DISCONNECTED');
      while (!left() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      for (const tracks of media.splice(0)) tracks.stop();
      root.replaceChildren();
      root.classList.remove('relay-demo', 'stand-in-demo');
    },
  };
}
