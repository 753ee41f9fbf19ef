// The offline fake (createFakeAgoraRTC) as a scenario world: each move made with the fake's own controls, mapped to
// what the stand-in does for the real SDK.
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { createFakeAgoraRTC } from '../../../src/testing/index.js';
import type { FakeClient } from '../../../src/testing/index.js';
import { standInClientConfig } from '../../../src/testing/stand-in/browser.js';
import type { RelayStartFailure, ScenarioWorld } from './world.js';

const START_FAILURE_CODES: Record<RelayStartFailure, string> = {
  'server-error': 'CROSS_CHANNEL_SERVER_ERROR_RESPONSE',
  'status-failed': 'CROSS_CHANNEL_WAIT_STATUS_ERROR',
  'status-missing': 'TIMEOUT',
};

let channels = 0;

export function createFakeWorld(): ScenarioWorld {
  const sdk = createFakeAgoraRTC();
  const fake = (client: IAgoraRTCClient) => (client as unknown as FakeClient).fake;

  return {
    name: 'fake SDK',
    sdk: sdk as unknown as IAgoraRTC,
    createClient: () => sdk.createClient(standInClientConfig({ mode: 'rtc', codec: 'vp8' })) as unknown as IAgoraRTCClient,
    channel: (prefix) => `${prefix}-${++channels}`,
    // The fake has no timers of the SDK's length: a short wait shows the same thing.
    patience: (realMs) => Math.min(realMs, 100),

    remoteUserJoins: async (client, uid) => fake(client).addRemoteUser(uid),
    remoteUserPublishes: async (client, uid, media) => fake(client).publishRemote(uid, media),
    async remoteUserUnpublishes(client, uid) {
      const user = client.remoteUsers.find((candidate) => candidate.uid === uid);
      if (user?.hasAudio) fake(client).unpublishRemote(uid, 'audio');
      if (user?.hasVideo) fake(client).unpublishRemote(uid, 'video');
    },
    remoteUserLeaves: async (client, uid) => fake(client).removeRemoteUser(uid),
    tokenWillExpire: async (client) => fake(client).pushTokenWillExpire(),
    tokenDidExpire: async (client) => fake(client).pushTokenDidExpire(),
    dropGatewaySocket: async (client) => fake(client).dropGatewaySocket(),
    refuseNextJoin: async (client) => fake(client).failNext('join', 'TOKEN_EXPIRE'),
    leaveNextJoinUnanswered: async (client) => void fake(client).hold('join'),
    gatewayRejoins: async () => undefined,
    publishedMedia: async () => undefined,

    failNextRelayStart: async (client, how) => fake(client).failNext('start', START_FAILURE_CODES[how]),
    // The fake has no 3 s timer: an unanswered update is its TIMEOUT rejection, at once.
    leaveNextUpdateUnanswered: async (client) => fake(client).failNext('update', 'TIMEOUT'),
    relayTokenExpires: async (client, which) =>
      fake(client).relayFail(which === 'source' ? 'SRC_TOKEN_EXPIRED' : 'DEST_TOKEN_EXPIRED'),
    relayPacketsReceived: async (client, media) =>
      fake(client).emitRelayEvent(media === 'audio' ? 'PACKET_RECEIVED_AUDIO_FROM_SRC' : 'PACKET_RECEIVED_VIDEO_FROM_SRC'),
    dropRelaySocket: async (client, options) => fake(client).dropRelaySocket(options),
    relayCommands: async () => undefined,
    refusedRelayReconnections: async () => undefined,
    refuseNextAllocation: async (client) => fake(client).failNext('start', 'UNEXPECTED_RESPONSE'),
    sentDestinations: async (client) =>
      fake(client)
        .calls.filter((call) => call.method !== 'stop' && call.config && call.outcome === 'resolved')
        .map((call) => call.config!.dests.map((dest) => dest.channelName)),

    reset: async () => undefined,
  };
}
