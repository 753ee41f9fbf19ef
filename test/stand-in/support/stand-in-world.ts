// The real agora-rtc-sdk-ng (UMD, window.AgoraRTC) in this page, joined and relaying through a local stand-in that
// the test runner's plugin started for this page.
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { createStandInClient, startRemoteAgoraStandIn } from '../../../src/testing/stand-in/browser.js';
import type { RemoteAgoraStandIn } from '../../../src/testing/stand-in/browser.js';
import { absorbRelayVideoProfileRejections } from '../../../src/core/sdk-quirks.js';
import { loadRealAgoraRTC } from '../../support/contract-load-real-sdk.js';
import { withoutPreStartStops } from './sdk-version.js';
import type { RelayStartFailure, ScenarioWorld } from './world.js';

let channels = 0;

/** Which commands make a start fail, and how (agora-relay-protocol.md §4). */
const START_FAILURES: Record<RelayStartFailure, (standIn: RemoteAgoraStandIn) => Promise<void>> = {
  'server-error': (standIn) => standIn.relay.reply('SetDestChannel', { fail: 500, times: 1 }),
  'status-failed': (standIn) => standIn.relay.status('SetDestChannelStatus', { state: 1, times: 1 }),
  'status-missing': (standIn) => standIn.relay.status('SetDestChannelStatus', { missing: true, times: 1 }),
};

export interface StandInWorld extends ScenarioWorld {
  readonly standIn: RemoteAgoraStandIn;
  stop(): Promise<void>;
}

export async function createStandInWorld(): Promise<StandInWorld> {
  const sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
  // The scenarios call the SDK's relay directly: the SDK's own unhandled rejections around it (src/core/sdk-quirks.ts;
  // seen under load with 4.24.8, and at every stop with 4.20 to 4.23) are absorbed as the elements absorb them.
  absorbRelayVideoProfileRejections();
  const standIn = await startRemoteAgoraStandIn();
  // The gateway knows a client by its channel and uid once joined.
  const target = (client: IAgoraRTCClient) => ({ channel: client.channelName, uid: client.uid as number });

  return {
    name: 'real SDK + stand-in',
    sdk,
    standIn,
    createClient: () => createStandInClient(sdk, standIn.addresses, { mode: 'rtc', codec: 'vp8' }),
    channel: (prefix) => `${prefix}-${++channels}`,
    patience: (realMs) => realMs,

    remoteUserJoins: (client, uid) => standIn.users.join(client.channelName!, uid),
    remoteUserPublishes: (client, uid, media) => standIn.users.publish(client.channelName!, uid, media),
    remoteUserUnpublishes: (client, uid) => standIn.users.unpublish(client.channelName!, uid),
    remoteUserLeaves: (client, uid) => standIn.users.leave(client.channelName!, uid),
    tokenWillExpire: (client) => standIn.gateway.tokenWillExpire(target(client)),
    tokenDidExpire: (client) => standIn.gateway.tokenDidExpire(target(client)),
    dropGatewaySocket: () => standIn.gateway.dropSockets(),
    refuseNextJoin: () => standIn.gateway.reply('join_v3', { fail: 110, reason: 'token expired', times: 1 }),
    leaveNextJoinUnanswered: () => standIn.gateway.reply('join_v3', { ignore: true, times: 1 }),
    async gatewayRejoins() {
      const entries = await standIn.log.entries({ service: 'gateway', direction: 'in' });
      return entries.filter(({ type }) => type === 'join_v3' || type === 'rejoin_v3').map(({ type }) => type).slice(1);
    },
    async publishedMedia() {
      const entries = await standIn.log.entries({ service: 'gateway', direction: 'in' });
      return entries.flatMap(({ type, message }) => {
        if (type !== 'publish' && type !== 'unpublish') return [];
        const streams = (message as { ortc?: { stream_type?: string }[] }).ortc ?? [];
        return streams.map((stream) => `${type} ${stream.stream_type === 'audio' ? 'audio' : 'video'}`);
      });
    },

    failNextRelayStart: (_client, how) => START_FAILURES[how](standIn),
    leaveNextUpdateUnanswered: () => standIn.relay.reply('UpdateDestChannel', { ignore: true, times: 1 }),
    relayTokenExpires: (_client, which) =>
      standIn.relay.pushStatus(which === 'source' ? 'onSrcTokenPrivilegeDidExpire' : 'onDestTokenPrivilegeDidExpire'),
    relayPacketsReceived: (_client, media) =>
      standIn.relay.pushStatus(media === 'audio' ? 'onAudioPacketReceived' : 'onVideoPacketReceived'),
    async dropRelaySocket(_client, { reconnect }) {
      if (!reconnect) await standIn.relay.refuseConnections(true);
      await standIn.relay.dropSockets();
    },
    async relayCommands() {
      const entries = withoutPreStartStops(await standIn.log.entries({ direction: 'in' }));
      return entries
        .filter(({ service, type }) => (service === 'relay' && !['ping', 'socket closed'].includes(type)) || service === 'allocation')
        .map(({ service, type }) => (service === 'allocation' ? 'allocation' : type));
    },
    refusedRelayReconnections: async () =>
      (await standIn.log.entries({ service: 'relay', direction: 'out', type: 'socket refused' })).length,
    refuseNextAllocation: () => standIn.relay.allocation({ innerCode: 403, reason: 'relay not enabled', times: 1 }),
    // The log is cleared between scenarios (reset), so what it holds is this scenario's.
    async sentDestinations() {
      const sent = await standIn.log.entries({ service: 'relay', direction: 'in' });
      return sent
        .filter(({ type }) => type === 'SetDestChannel' || type === 'UpdateDestChannel')
        .map(({ message }) => (message as { channelName?: string[] }).channelName ?? []);
    },

    reset: () => standIn.reset(),
    stop: () => standIn.stop(),
  };
}
