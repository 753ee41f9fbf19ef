// The screen a managed host shares instead of its camera (local-media.ts holds it): opened with the SDK's
// createScreenVideoTrack, closed when sharing is no longer wanted, and followed for the browser's own "Stop sharing"
// (the track's `track-ended`), which the host turns into going back to the camera.
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { ControlledSdk, ControlledTrack } from './sdk-types.js';

export class ScreenTrack {
  #track: ControlledTrack | undefined;
  #onEnded: (() => void) | undefined;

  get track(): ControlledTrack | undefined {
    return this.#track;
  }

  /**
   * Opens the screen (the browser asks which). Resolves 'failed' when it could not (reported, in words that say the
   * camera stays on), 'unwanted' when sharing was no longer wanted once it opened (closed again), else 'open'; then
   * `ended` runs once if the person stops sharing from the browser. Never rejects.
   */
  async open(
    sdk: ControlledSdk,
    stillWanted: () => boolean,
    ended: () => void,
    report: (error: RelayErrorDetail) => void,
  ): Promise<'open' | 'failed' | 'unwanted'> {
    let screen: ControlledTrack;
    try {
      screen = await sdk.createScreenVideoTrack({}, 'disable');
    } catch (error) {
      const detail = fromSdkError(error, 'publish', 'The screen could not be shared.');
      report({ ...detail, message: `screen-share: the screen could not be shared (${detail.message}); the camera stays on.` });
      return 'failed';
    }
    if (!stillWanted()) {
      screen.close();
      return 'unwanted';
    }
    this.#track = screen;
    const onEnded = () => {
      if (this.#track === screen) ended();
    };
    this.#onEnded = onEnded;
    screen.on('track-ended', onEnded);
    return 'open';
  }

  /** Closes the screen, if one is open, and stops listening to it; returns the track that was closed. */
  close(): ControlledTrack | undefined {
    const screen = this.#track;
    if (!screen) return undefined;
    this.#track = undefined;
    if (this.#onEnded) screen.off('track-ended', this.#onEnded);
    this.#onEnded = undefined;
    screen.close();
    return screen;
  }
}
