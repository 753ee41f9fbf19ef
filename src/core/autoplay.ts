// The browser's refusal to start media without a gesture, as the SDK reports it, shared by every embed on the page.
//
// agora-rtc-sdk-ng has one page-wide slot, `AgoraRTC.onAutoplayFailed` (media elements refused), and since 4.18 an
// event, `AgoraRTC.on('autoplay-failed')`, which 4.24.8 fires only for its WebAudio path (read from its code). We
// listen to both, and never take the slot from anyone: the handler already there (the page's own, another embed's)
// is kept and called first. The SDK reports a refusal once until a gesture, so the fact is remembered page-wide (on
// globalThis, so a second copy of this library sees it too) and an embed added later knows it at once.

export interface AutoplaySdk {
  onAutoplayFailed?: (() => void) | undefined;
  on?: (event: string, listener: () => void) => void;
}

export interface AutoplayWatcher {
  /** The page's media was refused and no gesture has resumed it yet. */
  refused(): void;
  /** A gesture happened: media may start now. */
  resumed(): void;
}

interface PageAutoplay {
  refused: boolean;
  watchers: Set<AutoplayWatcher>;
  /** The namespaces we hooked, and the handler we put in each one's slot. */
  hooked: WeakMap<object, () => void>;
  gestureListening: boolean;
}

const KEY = Symbol.for('agora-relay-elements.autoplay');

function page(): PageAutoplay {
  const holder = globalThis as { [KEY]?: PageAutoplay };
  holder[KEY] ??= { refused: false, watchers: new Set(), hooked: new WeakMap(), gestureListening: false };
  return holder[KEY];
}

function notifyRefused(): void {
  const state = page();
  state.refused = true;
  for (const watcher of [...state.watchers]) watcher.refused();
}

/** A trusted gesture anywhere on the page lifts the browser's block (the SDK resumes its own media on it too). */
function listenForGesture(): void {
  const state = page();
  const target = globalThis as { addEventListener?: typeof addEventListener };
  if (state.gestureListening || !target.addEventListener) return;
  state.gestureListening = true;
  const onGesture = (event: Event) => {
    if (!event.isTrusted || !state.refused) return;
    markResumed();
  };
  // Events that give the page user activation (a click, a key, a tap), seen before any element's own listener.
  for (const type of ['click', 'keydown', 'touchend']) target.addEventListener(type, onGesture, { capture: true });
}

/** Says that a gesture lifted the block: every watcher may start its media again. */
export function markResumed(): void {
  const state = page();
  state.refused = false;
  for (const watcher of [...state.watchers]) watcher.resumed();
}

/** True when the page's media was refused and no gesture has come since. */
export function autoplayRefused(): boolean {
  return page().refused;
}

/**
 * A refusal the SDK cannot see (a <video> of ours refused: src/elements/own-player.ts), reported as the SDK's own are;
 * tests use it to simulate one.
 */
export function reportAutoplayRefused(): void {
  notifyRefused();
}

/**
 * Hooks the namespace once (keeping whatever handler its slot held) and adds a watcher; the disposer removes the
 * watcher (the hook stays: taking it out could drop a handler chained after ours).
 */
export function watchAutoplay(sdk: AutoplaySdk | null | undefined, watcher: AutoplayWatcher): () => void {
  const state = page();
  if (sdk && typeof sdk === 'object') hook(sdk, state);
  listenForGesture();
  state.watchers.add(watcher);
  if (state.refused) watcher.refused();
  return () => {
    state.watchers.delete(watcher);
  };
}

function hook(sdk: AutoplaySdk, state: PageAutoplay): void {
  const ours = state.hooked.get(sdk);
  // Still ours: nothing to do. Replaced since (the page set its own): chain again, keeping theirs.
  if (ours && sdk.onAutoplayFailed === ours) return;
  const previous = sdk.onAutoplayFailed;
  const handler = function (this: unknown) {
    try {
      if (typeof previous === 'function') previous.call(this);
    } finally {
      notifyRefused();
    }
  };
  try {
    sdk.onAutoplayFailed = handler;
  } catch {
    // A frozen namespace: the event below is all we get.
  }
  if (!ours && typeof sdk.on === 'function') {
    try {
      sdk.on('autoplay-failed', notifyRefused);
    } catch {
      // An SDK before 4.18 has no such event.
    }
  }
  state.hooked.set(sdk, handler);
}
