// <agora-relay-audience>'s side of dual stream and network quality: each host's tile is measured (a ResizeObserver,
// and again after each render), and a tile narrower than SMALL_TILE_WIDTH subscribes to that host's low stream, a wider
// one to its high stream (core/stream-types.ts); the client's `network-quality` becomes the element's event.
// Playing the video is audience-view.ts's; this only chooses which stream arrives.
import type { AudienceViewer } from '../core/audience-viewer.js';
import type { StreamTypeClient } from '../core/sdk-types.js';
import { followNetworkQuality } from '../core/network-quality.js';
import { StreamTypes, streamTypeFor } from '../core/stream-types.js';
import { emit } from './events.js';

export class AudienceStreams {
  readonly #element: HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  readonly #viewer: AudienceViewer;
  readonly #types: StreamTypes;
  readonly #resize: ResizeObserver;
  readonly #observed = new Set<Element>();
  #unlisten: (() => void) | undefined;
  #listened: unknown;
  #closed = false;

  constructor(element: HTMLElement & { renderRoot: HTMLElement | DocumentFragment }, viewer: AudienceViewer) {
    this.#element = element;
    this.#viewer = viewer;
    this.#types = new StreamTypes({
      isClosed: () => this.#closed,
      report: (error) => emit(element, 'agora-relay-error', error),
    });
    this.#resize = new ResizeObserver((entries) => {
      for (const entry of entries) this.#choose(entry.target);
    });
    viewer.addEventListener('change', this.#listen);
  }

  /** After each render: measure new tiles, forget gone ones, and choose each host's stream. */
  rendered(): void {
    if (this.#closed) return;
    this.#listen();
    const tiles = new Set(this.#element.renderRoot.querySelectorAll('[part="remote"][data-uid]'));
    for (const tile of this.#observed) {
      if (tiles.has(tile)) continue;
      this.#resize.unobserve(tile);
      this.#observed.delete(tile);
    }
    for (const tile of tiles) {
      if (!this.#observed.has(tile)) {
        this.#observed.add(tile);
        this.#resize.observe(tile);
      }
      this.#choose(tile);
    }
  }

  close(): void {
    this.#closed = true;
    this.#resize.disconnect();
    this.#observed.clear();
    this.#viewer.removeEventListener('change', this.#listen);
    this.#unlisten?.();
    this.#unlisten = undefined;
  }

  /** The client once it exists (a page's own, or the one the viewer made): its network quality, as ours. */
  readonly #listen = (): void => {
    const client = this.#viewer.client;
    if (this.#closed || !client || this.#listened === client) return;
    this.#unlisten?.();
    this.#listened = client;
    this.#unlisten = followNetworkQuality(client, (detail) => emit(this.#element, 'network-quality', detail));
  };

  #choose(tile: Element): void {
    const client = this.#viewer.client;
    const uid = tile.getAttribute('data-uid');
    const host = this.#viewer.hosts.find((candidate) => String(candidate.uid) === uid);
    if (!client || !host?.hasVideo || client.connectionState !== 'CONNECTED') return;
    void this.#types.set(client as Partial<StreamTypeClient>, host.uid, streamTypeFor(tile.clientWidth));
  }
}
