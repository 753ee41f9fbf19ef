// Errors shaped like the SDK's AgoraRTCException (measured on agora-rtc-sdk-ng 4.24.8): an Error subclass with
// `name === 'AgoraRTCException'`, a string `code`, optional `data`, and `message === 'AgoraRTCError <CODE>: <msg>'`
// (an empty message still keeps the trailing ': '). `String(err)` is the message. Compare `code`, never instanceof.

export class FakeAgoraRTCError extends Error {
  override name = 'AgoraRTCException';
  readonly code: string;
  readonly data: unknown;

  constructor(code: string, message = '', data?: unknown) {
    super(`AgoraRTCError ${code}: ${message}`);
    this.name = 'AgoraRTCException';
    this.code = code;
    this.data = data;
    this.message = `AgoraRTCError ${code}: ${message}`;
  }

  override toString(): string {
    return this.data ? `${this.message}\ndata: ${JSON.stringify(this.data)}` : this.message;
  }
}

/** Creates an SDK-shaped error. */
export function sdkError(code: string, message = ''): FakeAgoraRTCError {
  return new FakeAgoraRTCError(code, message);
}

/** Messages the SDK uses, kept in one place (all read from the 4.24.8 bundle or measured). */
export const MESSAGES = {
  /** A gateway request cut off by its socket closing (read from the bundle: `type: <request>`). */
  joinAborted: 'type: join_v3',
  joinFirst: 'can not create channel media relay client, please join channel first',
  notConfig: 'Config should be instance of [ChannelMediaRelayConfiguration]',
  noSrc: 'srcChannelMediaInfo should not be empty',
  noDest: 'destChannelMediaInfo should not be empty',
  networkError: 'Network Error',
  cancelled: 'cancel token canceled',
  publishNotJoined: "Can't publish stream, haven't joined yet!",
  unpublishNotJoined: "Can't unpublish stream, haven't joined yet!",
  audiencePublish: 'audience can not publish stream',
  renewNotJoined: 'renewToken should not be called before user join',
} as const;
