// The SDK client's events an audience follows, as named callbacks, with one disposer that removes every listener.
import type { AudienceClient } from './audience-types.js';
import type { ConnectionState, RemoteUser } from './sdk-types.js';

export interface AudienceListeners {
  connectionStateChange(state: ConnectionState, previousState: ConnectionState, reason?: string): void;
  userJoined(user: RemoteUser): void;
  userLeft(user: RemoteUser, reason?: string): void;
  userPublished(user: RemoteUser, mediaType: 'audio' | 'video'): void;
  userUnpublished(user: RemoteUser, mediaType: 'audio' | 'video'): void;
  /** Left out for a page's own client: the page renews its token. */
  tokenWillExpire?(): void;
  tokenDidExpire?(): void;
}

/** Listens to the client; the function it returns stops listening. */
export function listenToClient(client: Pick<AudienceClient, 'on' | 'off'>, listeners: AudienceListeners): () => void {
  const handlers: [string, (...args: never[]) => void][] = [
    ['connection-state-change', listeners.connectionStateChange],
    ['user-joined', listeners.userJoined],
    ['user-left', listeners.userLeft],
    ['user-published', listeners.userPublished],
    ['user-unpublished', listeners.userUnpublished],
  ];
  if (listeners.tokenWillExpire) handlers.push(['token-privilege-will-expire', listeners.tokenWillExpire]);
  if (listeners.tokenDidExpire) handlers.push(['token-privilege-did-expire', listeners.tokenDidExpire]);
  for (const [event, handler] of handlers) client.on(event, handler);
  return () => {
    for (const [event, handler] of handlers) client.off(event, handler);
  };
}
