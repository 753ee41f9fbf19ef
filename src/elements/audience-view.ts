// What <agora-relay-audience> draws once it is in use: its styles, the host tiles with their labels, the status
// line and the unmute control, and the videos played into the tiles. Loaded lazily with the viewer (a page without an
// audience never downloads it); the element class itself stays small in the entry.
import { adoptStyles, css, html, nothing, type CSSResultOrNative, type LitElement, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { reportAutoplayRefused } from '../core/autoplay.js';
import { AudienceViewer } from '../core/audience-viewer.js';
import type { RemoteTrack } from '../core/sdk-types.js';
import { ownPlayer, type OwnPlayer } from './own-player.js';

export { AudienceViewer };

const LABEL_TAG = 'agora-relay-label';

const styles = css`
  [part='remotes'] {
    display: grid;
    gap: var(--agora-relay-gap, 8px);
    grid-template-columns: repeat(auto-fill, minmax(var(--agora-relay-tile-width, 240px), 1fr));
  }
  [part='remote'] {
    position: relative;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: 4px;
    background: var(--agora-relay-tile-background, #111);
    color: #fff;
  }
  .video,
  [part='placeholder'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
  }
  [part='label'] {
    position: absolute;
    left: 0;
    bottom: 0;
    padding: 2px 8px;
    background: #000c;
  }
  [part='status'] {
    margin: 8px 0;
  }
`;

/** The element as the view sees it. */
export interface AudienceElement extends LitElement {
  muted: boolean;
}

const styled = new WeakSet<ShadowRoot>();

/** A host's video as a tile plays it: our own player for its MediaStreamTrack, or (`own` undefined) the SDK's. */
interface Played {
  track: RemoteTrack;
  own?: OwnPlayer;
}

const sameVideo = (played: Played | undefined, track: RemoteTrack) =>
  !!played && (played.track === track || (!!played.own && played.own.media === track.getMediaStreamTrack?.()));
const playerOf = ({ track, own }: Played): RemoteTrack => own ?? track;

export class AudienceView {
  readonly viewer: AudienceViewer;
  readonly #element: AudienceElement;
  readonly #observer: MutationObserver;
  #labels = new Map<string, string>();
  /** What plays in each tile's video box, so a render does not restart a playing video, and a box gone is let go. */
  readonly #playing = new Map<Element, Played>();
  #wasBlocked = false;

  constructor(element: AudienceElement, viewer: AudienceViewer) {
    this.#element = element;
    this.viewer = viewer;
    const root = element.renderRoot;
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      const own = (element.constructor as unknown as { elementStyles: CSSResultOrNative[] }).elementStyles;
      adoptStyles(root, [...own, styles]);
    }
    this.#observer = new MutationObserver(() => this.#readLabels());
    this.#observer.observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
    this.#readLabels();
  }

  close(): void {
    this.#observer.disconnect();
    for (const played of this.#playing.values()) playerOf(played).stop();
    this.#playing.clear();
  }

  render(): TemplateResult {
    const viewer = this.viewer;
    const status = viewer.status;
    const hosts = viewer.hosts;
    const blocked = viewer.autoplayBlocked;
    return html`
      <div part="remotes" role="list" aria-label="Hosts">
        ${repeat(
          hosts,
          (host) => host.uid,
          (host) => {
            const label = this.#labels.get(String(host.uid)) ?? String(host.uid);
            return html`<div part="remote" role="listitem" data-uid=${host.uid}>
              ${host.hasVideo ? html`<div class="video"></div>` : html`<div part="placeholder" aria-hidden="true">${label}</div>`}
              <span part="label">${label}</span>
            </div>`;
          },
        )}
      </div>
      <p part="status" role="status" aria-live="polite" data-kind=${status.kind}>${status.text}</p>
      ${blocked || (this.#element.muted && hosts.length > 0)
        ? html`<button part="unmute" type="button" @click=${this.#onUnmute}>${blocked ? 'Play' : 'Unmute'}</button>`
        : nothing}
    `;
  }

  /**
   * After each render: play each host's video in its tile (once per track and tile), in a <video> of ours (see
   * own-player.ts), and let go of the videos whose tile went. The SDK still plays the hosts' audio.
   */
  rendered(): void {
    for (const [box, played] of this.#playing) {
      if (box.isConnected) continue;
      playerOf(played).stop();
      this.#playing.delete(box);
    }
    const root = this.#element.renderRoot;
    for (const host of this.viewer.hosts) {
      const box = root.querySelector(`[part="remote"][data-uid="${CSS.escape(String(host.uid))}"] .video`);
      const track = host.videoTrack;
      if (!box || !track || sameVideo(this.#playing.get(box), track)) continue;
      const before = this.#playing.get(box);
      if (before) playerOf(before).stop();
      const media = track.getMediaStreamTrack?.();
      // A refusal shows the Play control, as the SDK reports its own player's.
      const played: Played = media ? { track, own: ownPlayer(media, { refused: reportAutoplayRefused }) } : { track };
      this.#playing.set(box, played);
      playerOf(played).play(box as HTMLElement);
    }
    // A gesture anywhere lifted the browser's block: start again the videos it paused.
    const blocked = this.viewer.autoplayBlocked;
    if (this.#wasBlocked && !blocked) this.#resume();
    this.#wasBlocked = blocked;
  }

  /** Inside a gesture: every video again, which a browser that blocked muted video too has paused. */
  #resume(): void {
    for (const [box, { track, own }] of this.#playing) {
      if (own) own.resume();
      else track.play(box as HTMLElement);
    }
  }

  readonly #onUnmute = (): void => {
    this.#element.muted = false;
    this.viewer.resume();
    this.#resume();
    this.#element.requestUpdate();
  };

  /** `<agora-relay-label uid="1001">Stage B — Alice</agora-relay-label>` children: uid → visible label. */
  #readLabels(): void {
    const labels = new Map<string, string>();
    for (const child of this.#element.children) {
      if (child.localName !== LABEL_TAG) continue;
      const uid = child.getAttribute('uid')?.trim();
      const text = child.textContent?.replace(/\s+/g, ' ').trim();
      if (uid && text && !labels.has(uid)) labels.set(uid, text);
    }
    const changed = labels.size !== this.#labels.size || [...labels].some(([uid, text]) => this.#labels.get(uid) !== text);
    this.#labels = labels;
    if (changed) this.#element.requestUpdate();
  }
}
