// React 19 (react-dom/client), JSX compiled by esbuild's automatic runtime as a React build compiles it.
import type {} from 'agora-relay-elements/types/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { interopSuite, type AppProps } from './scenario.js';

function App({ props, expose }: { props: AppProps; expose: (set: (channels: string[]) => void) => void }) {
  const [channels, setChannels] = useState(props.channels);
  const [state, setState] = useState('');
  const [errors, setErrors] = useState(0);
  const [published, setPublished] = useState(0);
  expose(setChannels);
  return (
    <div>
      <agora-relay-host
        channel-name="stage-a"
        uid="7"
        client={props.client}
        sdk={props.sdk}
        tokenProvider={props.tokenProvider}
        onchannel-media-relay-state={(event) => {
          setState(event.detail.state);
          props.onState(event.detail);
        }}
        onagora-relay-error={(event) => {
          setErrors((count) => count + 1);
          props.onError(event.detail);
        }}
      >
        {channels.map((channel) => (
          <agora-relay-destination key={channel} channel-name={channel} />
        ))}
      </agora-relay-host>
      <output className="relay-state">{state}</output>
      <output className="relay-errors">{errors}</output>
      <agora-relay-audience
        app-id="app"
        channel-name="stage-b"
        sdk={props.audienceSdk}
        tokenProvider={props.audienceTokenProvider}
        onuser-published={(event) => {
          setPublished((count) => count + 1);
          props.onPublished(event.detail);
        }}
      >
        <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
      </agora-relay-audience>
      <output className="audience-published">{published}</output>
    </div>
  );
}

interopSuite('React 19', async (container, props) => {
  const root = createRoot(container);
  let setChannels: (channels: string[]) => void = () => undefined;
  flushSync(() => root.render(<App props={props} expose={(set) => (setChannels = set)} />));
  return {
    async setChannels(channels) {
      flushSync(() => setChannels(channels));
    },
    async unmount() {
      root.unmount();
    },
  };
});
