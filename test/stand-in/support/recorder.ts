// Records what an app can observe of a client, in order, as short strings both SDKs (real and fake) can be
// compared on: connection states with reasons, remote-user and token events, relay states and events, and how each
// awaited call ended ("join: resolved", "start: rejected TIMEOUT").
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';

type Listener = (...args: never[]) => void;

const uidOf = (user: { uid?: unknown } | undefined) => String(user?.uid);

/** The rejection's SDK code, else its message. */
export function codeOf(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? code : String(message ?? error);
}

export class Recorder {
  readonly steps: string[] = [];
  /** Milliseconds each awaited call took, by label (the last call with that label). */
  readonly took: Record<string, number> = {};
  readonly #detach: (() => void)[] = [];

  record(step: string): void {
    this.steps.push(step);
  }

  /** Records the client's events from now on (until `detach()`). */
  watch(client: IAgoraRTCClient): void {
    const on = (event: string, listener: (...args: never[]) => void) => {
      (client.on as (event: string, fn: Listener) => void)(event, listener);
      this.#detach.push(() => (client.off as (event: string, fn: Listener) => void)(event, listener));
    };
    on('connection-state-change', (current: string, previous: string, reason?: string) =>
      this.record(`connection ${previous}→${current}${reason ? ` ${reason}` : ''}`),
    );
    on('user-joined', (user: { uid: unknown }) => this.record(`user-joined ${uidOf(user)}`));
    on('user-published', (user: { uid: unknown }, media: string) => this.record(`user-published ${uidOf(user)} ${media}`));
    on('user-unpublished', (user: { uid: unknown }, media: string) => this.record(`user-unpublished ${uidOf(user)} ${media}`));
    on('user-left', (user: { uid: unknown }, reason: string) => this.record(`user-left ${uidOf(user)} ${reason}`));
    on('token-privilege-will-expire', () => this.record('token-privilege-will-expire'));
    on('token-privilege-did-expire', () => this.record('token-privilege-did-expire'));
    on('channel-media-relay-state', (state: string, code?: string) =>
      this.record(`relay-state ${state}${code === undefined ? '' : ` ${code}`}`),
    );
    on('channel-media-relay-event', (event: string) => this.record(`relay-event ${event}`));
  }

  /** Awaits `call`, records "label: resolved" or "label: rejected CODE", and returns its value (undefined if rejected). */
  async outcome<T>(label: string, call: Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const value = await call;
      this.record(`${label}: resolved`);
      return value;
    } catch (error) {
      this.record(`${label}: rejected ${codeOf(error)}`);
      return undefined;
    } finally {
      this.took[label] = Math.round(performance.now() - started);
    }
  }

  detach(): void {
    for (const detach of this.#detach.splice(0)) detach();
  }
}
