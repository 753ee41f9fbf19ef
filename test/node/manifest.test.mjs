// The custom elements manifest (dist/custom-elements.json, from `npm run analyze`) against the elements themselves:
// every attribute the classes observe, their public properties (client, sdk and tokenProvider included), every event
// with its detail type, the slot and the CSS parts; nothing private or internal. And the framework typings in types/
// name every attribute and event the manifest lists, so neither can drift from the elements unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AgoraRelayAudience, AgoraRelayDestination, AgoraRelayHost } from '../../dist/index.js';

const read = async (path) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(await read('package.json'));
const manifest = JSON.parse(await read(pkg.customElements));
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const element = (tag) => declarations.find((declaration) => declaration.tagName === tag);
const names = (list) => (list ?? []).map((item) => item.name);

test('package.json names the manifest, which defines every tag in the shipped files', () => {
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  const definitions = manifest.modules.flatMap((module) =>
    (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition'),
  );
  assert.deepEqual(
    definitions.map((d) => [d.name, d.declaration.name, d.declaration.module]),
    [
      ['agora-relay-host', 'AgoraRelayHost', 'dist/elements/agora-relay-host.js'],
      ['agora-relay-destination', 'AgoraRelayDestination', 'dist/elements/agora-relay-destination.js'],
      ['agora-relay-audience', 'AgoraRelayAudience', 'dist/elements/agora-relay-audience.js'],
    ],
  );
});

test('<agora-relay-host>: attributes, properties, events with detail types, slot, parts', () => {
  const host = element('agora-relay-host');
  assert.ok(host, 'described');
  assert.deepEqual(names(host.attributes), AgoraRelayHost.observedAttributes, 'exactly the attributes it observes');
  for (const attribute of host.attributes) assert.ok(attribute.fieldName && attribute.description, attribute.name);
  const fields = Object.fromEntries(host.members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
  assert.equal(fields.client?.type.text, 'RelayClient | null');
  assert.equal(fields.sdk?.type.text, 'RelaySdk | null');
  assert.equal(fields.tokenProvider?.type.text, 'TokenProvider | null');
  assert.equal(fields.state?.readonly, true);
  assert.deepEqual(
    host.members.filter((m) => m.kind === 'method').map((m) => m.name),
    ['start', 'stop', 'settled', 'setCohostVolume', 'setCohostMuted'],
  );
  assert.ok(!host.members.some((m) => m.name.startsWith('#') || m.privacy === 'private'), 'no private members');
  assert.deepEqual(
    host.events.map((event) => [event.name, event.type?.text]),
    [
      ['channel-media-relay-state', 'CustomEvent<RelayStateDetail>'],
      ['channel-media-relay-event', 'CustomEvent<RelayEventDetail>'],
      ['agora-relay-error', 'CustomEvent<RelayErrorDetail>'],
      ['connection-state-change', 'CustomEvent<ConnectionStateDetail>'],
      ['user-joined', 'CustomEvent<RemoteUserDetail>'],
      ['user-left', 'CustomEvent<RemoteUserDetail>'],
      ['user-published', 'CustomEvent<RemoteUserDetail>'],
      ['user-unpublished', 'CustomEvent<RemoteUserDetail>'],
      ['network-quality', 'CustomEvent<NetworkQualityDetail>'],
      ['devices-change', 'CustomEvent<DevicesDetail>'],
      ['screen-share-ended', 'CustomEvent<ScreenShareEndedDetail>'],
    ],
  );
  assert.equal(fields.tracks?.type.text, 'PageTracks | null');
  assert.deepEqual(names(host.slots), ['']);
  assert.deepEqual(names(host.cssParts), ['local', 'local-label', 'remotes', 'remote', 'cohost-mute', 'status']);
  assert.deepEqual(names(host.cssProperties), ['--agora-relay-gap', '--agora-relay-tile-width', '--agora-relay-tile-background']);
});

test('<agora-relay-destination>: attributes (status read-only), properties, its status event', () => {
  const destination = element('agora-relay-destination');
  assert.ok(destination, 'described');
  assert.deepEqual(names(destination.attributes), [...AgoraRelayDestination.observedAttributes, 'status']);
  const status = destination.members.find((m) => m.name === 'status');
  assert.equal(status?.readonly, true);
  assert.equal(status?.type.text, 'DestinationStatus');
  assert.ok(destination.members.some((m) => m.name === 'error' && m.readonly));
  assert.ok(!destination.members.some((m) => m.name === 'setStatus'), 'the host-only setter is internal');
  assert.deepEqual(
    destination.events.map((event) => [event.name, event.type?.text]),
    [['agora-relay-destination-status', 'CustomEvent<DestinationStatusEventDetail>']],
  );
});

test('<agora-relay-audience>: attributes, properties, events with detail types, slot, parts', () => {
  const audience = element('agora-relay-audience');
  assert.ok(audience, 'described');
  assert.deepEqual(names(audience.attributes), AgoraRelayAudience.observedAttributes, 'exactly the attributes it observes');
  assert.deepEqual(names(audience.attributes), ['app-id', 'channel-name', 'uid', 'token', 'token-url', 'latency', 'muted']);
  for (const attribute of audience.attributes) assert.ok(attribute.fieldName && attribute.description, attribute.name);
  const fields = Object.fromEntries(audience.members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
  assert.equal(fields.client?.type.text, 'AudienceClient | null');
  assert.equal(fields.sdk?.type.text, 'AudienceSdk | null');
  assert.equal(fields.tokenProvider?.type.text, 'TokenProvider | null');
  assert.ok(!audience.members.some((m) => m.name.startsWith('#') || m.privacy === 'private'), 'no private members');
  assert.deepEqual(
    audience.events.map((event) => [event.name, event.type?.text]),
    [
      ['connection-state-change', 'CustomEvent<ConnectionStateDetail>'],
      ['user-joined', 'CustomEvent<RemoteUserDetail>'],
      ['user-left', 'CustomEvent<RemoteUserDetail>'],
      ['user-published', 'CustomEvent<RemoteUserDetail>'],
      ['user-unpublished', 'CustomEvent<RemoteUserDetail>'],
      ['network-quality', 'CustomEvent<NetworkQualityDetail>'],
      ['agora-relay-error', 'CustomEvent<RelayErrorDetail>'],
    ],
  );
  assert.deepEqual(names(audience.slots), ['']);
  assert.deepEqual(names(audience.cssParts), ['remotes', 'remote', 'label', 'placeholder', 'status', 'unmute']);
  assert.deepEqual(names(audience.cssProperties), ['--agora-relay-gap', '--agora-relay-tile-width', '--agora-relay-tile-background']);
});

test('the framework typings name every attribute and event the manifest lists', async () => {
  const typings = await read('types/elements.d.ts');
  for (const tag of ['agora-relay-host', 'agora-relay-destination', 'agora-relay-audience']) {
    const described = element(tag);
    for (const attribute of described.attributes.filter((a) => a.name !== 'status')) {
      assert.match(typings, new RegExp(`'?${attribute.name}'?\\?:`), `${tag} attribute ${attribute.name}`);
      assert.match(typings, new RegExp(`'${attribute.fieldName}'`), `${tag} property ${attribute.fieldName}`);
    }
    for (const event of described.events) assert.ok(typings.includes(`'${event.name}'`), `${tag} event ${event.name}`);
  }
  for (const property of ['client', 'sdk', 'tokenProvider']) assert.ok(typings.includes(`'${property}'`), property);
});
