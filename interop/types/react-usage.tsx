// Compiled by test/node/framework-types.test.mjs with tsc and @types/react 19: the React typings accept what the
// elements take and refuse what they do not (each @ts-expect-error must meet an error, or tsc fails).
import type {} from 'agora-relay-elements/types/react';
import { useRef, useState } from 'react';
import type { AgoraRelayHost, RelayState, TokenProvider } from 'agora-relay-elements';
import { createFakeAgoraRTC } from 'agora-relay-elements/testing';

const AgoraRTC = createFakeAgoraRTC();
const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
const tokenProvider: TokenProvider = async ({ channelName, uid, purpose }) => `${purpose}:${channelName}:${uid}`;

export function Stage() {
  const host = useRef<AgoraRelayHost>(null);
  const [channels, setChannels] = useState(['stage-b', 'stage-c']);
  const [state, setState] = useState<RelayState>('RELAY_STATE_IDLE');
  return (
    <agora-relay-host
      ref={host}
      channel-name="stage-a"
      uid={0}
      disabled={false}
      client={client}
      sdk={AgoraRTC}
      tokenProvider={tokenProvider}
      onchannel-media-relay-state={(event) => setState(event.detail.state)}
      onagora-relay-error={(event) => console.warn(event.detail.code, event.detail.operation, event.detail.message)}
      onchannel-media-relay-event={(event) => event.detail.event}
      onuser-joined={(event) => event.detail.uid}
    >
      <p>{state}</p>
      {channels.map((channel) => (
        <agora-relay-destination
          key={channel}
          channel-name={channel}
          uid="42"
          onagora-relay-destination-status={(event) => {
            const status: 'idle' | 'pending' | 'relaying' | 'rejected' | 'failed' = event.detail.status;
            if (status === 'rejected') setChannels(channels.filter((name) => name !== event.currentTarget.channelName));
          }}
        />
      ))}
    </agora-relay-host>
  );
}

export function Viewers() {
  const [hosts, setHosts] = useState<(number | string)[]>([]);
  return (
    <agora-relay-audience
      app-id="app"
      channel-name="stage-b"
      token-url="/agora/token"
      latency="ultra-low"
      muted
      sdk={AgoraRTC}
      tokenProvider={tokenProvider}
      onuser-published={(event) => setHosts([...hosts, event.detail.uid])}
      onagora-relay-error={(event) => console.warn(event.detail.code, event.detail.message)}
      onconnection-state-change={(event) => event.detail.state}
    >
      <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
    </agora-relay-audience>
  );
}

export const refused = (
  <>
    {/* @ts-expect-error a client is an object, not a string */}
    <agora-relay-host client="client" />
    {/* @ts-expect-error tokenProvider is a function */}
    <agora-relay-host tokenProvider="token" />
    {/* @ts-expect-error the state event's detail has no `status` */}
    <agora-relay-host onchannel-media-relay-state={(event) => event.detail.status} />
    {/* @ts-expect-error an error's operation is one of a closed list */}
    <agora-relay-host onagora-relay-error={(event) => event.detail.operation === 'explode'} />
    {/* @ts-expect-error `channel` is not an attribute (kebab-case typos are not caught: JSX never checks those) */}
    <agora-relay-destination channel="stage-b" />
    {/* @ts-expect-error latency is "low" or "ultra-low" */}
    <agora-relay-audience latency="fast" />
    {/* @ts-expect-error the audience's client is an object, not a string */}
    <agora-relay-audience client="client" />
    {/* @ts-expect-error status is read-only: the element reflects it */}
    <agora-relay-destination status="relaying" />
  </>
);
