// What <agora-relay-host> draws in managed mode: the local preview and a tile per co-host with video, with the
// tracks played into them (once per track and tile). Part of the managed-mode chunk (host-managed.ts): a host with
// the page's own client renders only its <slot>.
import { adoptStyles, css, html, nothing, type CSSResultOrNative, type LitElement, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { HostCohosts } from './host-cohosts.js';
import type { ManagedHost } from '../core/managed-host.js';
import type { LocalTrack, RemoteTrack } from '../core/sdk-types.js';
import { ownPlayer } from './own-player.js';

/** The stage's styles; the co-hosts' mute buttons bring theirs (host-cohosts.ts). */
export const tileStyles = css`
  .stage {
    display: grid;
    gap: var(--agora-relay-gap, 8px);
    grid-template-columns: repeat(auto-fill, minmax(var(--agora-relay-tile-width, 240px), 1fr));
  }
  [part='remotes'] {
    display: contents;
  }
  [part='local'],
  [part='remote'] {
    position: relative;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: 4px;
    background: var(--agora-relay-tile-background, #111);
  }
  [part='status'] {
    margin: 8px 0;
  }
  [part='remote'] .video {
    position: absolute;
    inset: 0;
  }
  .local-video {
    position: absolute;
    inset: 0;
  }
  .local-labels {
    position: absolute;
    left: 8px;
    bottom: 8px;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  [part='local-label'] {
    padding: 2px 6px;
    border-radius: 3px;
    background: rgb(0 0 0 / 60%);
    color: #fff;
    font-size: 0.8em;
  }
`;

/** The words on the local tile for what the local media does. */
const LOCAL_LABELS = [
  ['preview', 'Preview'],
  ['screen-share', 'Sharing your screen'],
  ['microphone-muted', 'Microphone muted'],
  ['camera-off', 'Camera off'],
] as const;

type Player = (LocalTrack | RemoteTrack) & { media?: MediaStreamTrack };

const samePlayer = (a: Player | undefined, b: Player) => a === b || (!!a?.media && a.media === b.media);

const styled = new WeakSet<ShadowRoot>();

export class HostTiles {
  readonly #element: LitElement;
  /** Co-hosts' audio on this page, once loaded: each remote tile has its mute button (host-cohosts.ts). */
  readonly #cohosts: () => HostCohosts | undefined;
  /** Which track plays in which tile, so a render does not restart playing videos. */
  #playing = new WeakMap<Element, Player>();
  /** Every track played in a tile, to stop before the tiles go. */
  readonly #played = new Set<Player>();

  constructor(element: LitElement, cohosts: () => HostCohosts | undefined) {
    this.#element = element;
    this.#cohosts = cohosts;
    const root = element.renderRoot;
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      const own = (element.constructor as unknown as { elementStyles: CSSResultOrNative[] }).elementStyles;
      adoptStyles(root, [...own, tileStyles]);
    }
  }

  render(managed: ManagedHost, status?: TemplateResult, preview = false): TemplateResult {
    const users = managed.remoteUsers.filter((user) => user.hasVideo);
    const { local } = managed;
    const on = { preview, 'screen-share': local.screenSharing, 'microphone-muted': local.microphoneMuted, 'camera-off': local.cameraOff };
    const labels = LOCAL_LABELS.filter(([state]) => on[state]);
    return html`
      <div class="stage">
        <div part="local" role="img" aria-label=${['Your camera', ...labels.map(([, words]) => words)].join(': ')}>
          <div class="local-video"></div>
          <div class="local-labels">
            ${labels.map(([state, words]) => html`<span part="local-label" data-state=${state}>${words}</span>`)}
          </div>
        </div>
        <div part="remotes" role="group" aria-label="Co-hosts">
          ${repeat(
            users,
            (user) => user.uid,
            (user) =>
              html`<div part="remote" role="group" aria-label=${`Co-host ${user.uid}`} data-uid=${user.uid}>
                <div class="video" role="img" aria-label=${`Co-host ${user.uid}'s video`}></div>
                ${this.#cohosts()?.button(user) ?? nothing}
              </div>`,
          )}
        </div>
      </div>
      ${status}
      <slot></slot>
    `;
  }

  /** After each render: play the local preview and each co-host's video in its tile. */
  play(managed: ManagedHost): void {
    const root = this.#element.renderRoot;
    const play = (tile: Element | null, track: LocalTrack | RemoteTrack | undefined) => {
      if (!tile || !track || samePlayer(this.#playing.get(tile), track)) return;
      this.#playing.set(tile, track);
      this.#played.add(track);
      track.play(tile as HTMLElement);
    };
    // Camera off: no picture in the tile (the SDK's own player stops too), the label says why.
    const localTile = root.querySelector('[part="local"] .local-video');
    const local = managed.local.cameraOff ? undefined : managed.localVideoTrack;
    const showing = localTile && this.#playing.get(localTile);
    if (localTile && showing && showing !== local) {
      showing.stop();
      this.#playing.delete(localTile);
    }
    play(localTile, local);
    for (const user of managed.remoteUsers) {
      const tile = root.querySelector(`[part="remote"][data-uid="${CSS.escape(String(user.uid))}"] .video`);
      // Our own <video>, not the SDK's player: until the co-host's first frame its play() stays pending, and a removal
      // then rejects it, unhandled inside the SDK (AbortError, code 20). Ours is caught, and only ours.
      const media = user.videoTrack?.getMediaStreamTrack?.();
      play(tile, media ? ownPlayer(media) : user.videoTrack);
    }
  }

  /**
   * Stops every track played in a tile before the tile leaves the document: the SDK's <video> would otherwise get
   * paused by the removal, and its own `play()` to resume it rejects unhandled (AbortError, code 20).
   */
  stop(): void {
    for (const track of this.#played) track.stop();
    this.#played.clear();
    this.#playing = new WeakMap();
  }
}
