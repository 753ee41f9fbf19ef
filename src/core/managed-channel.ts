// Following the channel once a managed host's client exists: the SDK's events passed on as the host's, each co-host
// subscribed to as they publish (their audio played at once), and the join token renewed before it expires.
import { fromSdkError } from './relay-error.js';
import type { ManagedContext } from './managed-host-types.js';
import { joinUidOf } from './managed-joining.js';
import type { ConnectionState, ManagedClient, NetworkQualityStats, RemoteUser } from './sdk-types.js';
import { networkQualityDetail } from './network-quality.js';
import { requestToken } from './tokens.js';

/** Listens to the client; the function it returns stops listening. */
export function followChannel(context: ManagedContext, client: ManagedClient): () => void {
  const handlers: [string, (...args: never[]) => void][] = [
    [
      'connection-state-change',
      (state: ConnectionState, previousState: ConnectionState, reason?: string) => {
        context.emit('connection-state-change', reason ? { state, previousState, reason } : { state, previousState });
      },
    ],
    ['user-joined', (user: RemoteUser) => context.emit('user-joined', { uid: user.uid })],
    [
      'user-left',
      (user: RemoteUser, reason?: string) => {
        context.emit('user-left', reason ? { uid: user.uid, reason } : { uid: user.uid });
        context.emit('media-change', undefined);
      },
    ],
    [
      'user-published',
      (user: RemoteUser, mediaType: 'audio' | 'video') => {
        void subscribe(context, client, user, mediaType);
      },
    ],
    [
      'user-unpublished',
      (user: RemoteUser, mediaType: 'audio' | 'video') => {
        context.emit('user-unpublished', { uid: user.uid, mediaType });
        context.emit('media-change', undefined);
      },
    ],
    ['network-quality', (stats: NetworkQualityStats) => context.emit('network-quality', networkQualityDetail(stats))],
    ['token-privilege-will-expire', () => void renewJoinToken(context, client)],
    [
      'token-privilege-did-expire',
      () =>
        context.report({
          code: 'TOKEN_EXPIRE',
          message: 'The join token expired and the client left the channel; give a new join-token or a token source.',
          operation: 'join',
        }),
    ],
  ];
  for (const [event, handler] of handlers) client.on(event, handler);
  return () => {
    for (const [event, handler] of handlers) client.off(event, handler);
  };
}

async function subscribe(
  context: ManagedContext,
  client: ManagedClient,
  user: RemoteUser,
  mediaType: 'audio' | 'video',
): Promise<void> {
  try {
    await client.subscribe(user, mediaType);
  } catch (error) {
    if (!context.isClosed()) context.report(fromSdkError(error, 'join', `Could not subscribe to user ${user.uid}.`));
    return;
  }
  if (context.isClosed()) return;
  // Co-hosts must hear each other: remote audio plays as soon as it arrives (video needs a view).
  if (mediaType === 'audio') user.audioTrack?.play();
  context.emit('user-published', { uid: user.uid, mediaType });
  context.emit('media-change', undefined);
}

async function renewJoinToken(context: ManagedContext, client: ManagedClient): Promise<void> {
  const { tokenProvider, channelName } = context.options;
  if (!tokenProvider || context.isClosed()) return;
  const uid = joinUidOf(context.options) ?? 0;
  try {
    const token = await requestToken(tokenProvider, { channelName, uid, purpose: 'join' });
    await client.renewToken(token);
  } catch (error) {
    const detail = fromSdkError(error, 'token', 'Could not renew the join token.');
    context.report({ ...detail, code: detail.code === 'UNEXPECTED_ERROR' ? 'TOKEN_FETCH_FAILED' : detail.code });
  }
}
