import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { loadAgoraRTC, RelaySession, SdkLoadError, type RelaySdk } from '../../src/core/index.js';
import { CHECKED_SDK_VERSIONS } from '../../src/core/sdk-versions.js';
import { createFakeAgoraRTC } from '../../src/testing/index.js';
import { destinations, makeHost, ofType, record } from './session-fixture.js';

type WithAgora = typeof globalThis & { AgoraRTC?: unknown };

describe('loadAgoraRTC: the injected SDK, else the page’s, else the peer dependency', () => {
  afterEach(() => {
    delete (globalThis as WithAgora).AgoraRTC;
  });

  it('returns the injected namespace without looking further', async () => {
    const fake = createFakeAgoraRTC();
    let imported = false;
    const sdk = await loadAgoraRTC(fake, async () => {
      imported = true;
      return {};
    });
    expect(sdk === fake, 'the injected namespace').to.equal(true);
    expect(imported).to.equal(false);
  });

  it('uses window.AgoraRTC from Agora’s own script tag before importing anything', async () => {
    const fake = createFakeAgoraRTC();
    (globalThis as WithAgora).AgoraRTC = fake;
    let imported = false;
    const sdk = await loadAgoraRTC(null, async () => {
      imported = true;
      return {};
    });
    expect(sdk === fake, 'the page’s namespace').to.equal(true);
    expect(imported).to.equal(false);
  });

  it('accepts a module with a default export or named exports', async () => {
    const fake = createFakeAgoraRTC();
    const viaDefault = await loadAgoraRTC(null, async () => ({ default: fake }));
    const viaNamed = await loadAgoraRTC(null, async () => fake);
    expect(viaDefault === fake && viaNamed === fake, 'both shapes').to.equal(true);
  });

  it('fails with SDK_LOAD_FAILED and a hint, and tries again next time', async () => {
    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      throw new TypeError('Failed to fetch dynamically imported module');
    };
    let error: unknown;
    await loadAgoraRTC(null, failing).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(SdkLoadError);
    expect((error as SdkLoadError).code).to.equal('SDK_LOAD_FAILED');
    expect((error as SdkLoadError).message).to.contain('npm install agora-rtc-sdk-ng');
    await loadAgoraRTC(null, failing).catch(() => undefined);
    expect(attempts).to.equal(2);
  });

  it('refuses a module that is not the SDK', async () => {
    let error: unknown;
    await loadAgoraRTC(null, async () => ({ default: {} })).catch((caught: unknown) => (error = caught));
    expect((error as SdkLoadError).code).to.equal('SDK_LOAD_FAILED');
  });

  it('imports the real agora-rtc-sdk-ng lazily when nothing else is there (its UMD build sets the global)', async () => {
    const sdk = (await loadAgoraRTC()) as RelaySdk & { VERSION?: string };
    expect(typeof sdk.createChannelMediaRelayConfiguration).to.equal('function');
    expect(sdk.VERSION).to.match(/^4\./);
  });
});

describe('loadAgoraRTC: a page’s own SDK of a version no test here ran', () => {
  const originalWarn = console.warn;
  let warnings: string[];
  // The check runs in a chunk of its own, a few tasks after the load.
  const aWhile = () => new Promise((resolve) => setTimeout(resolve, 100));
  const pageSdk = (version: string) => {
    (globalThis as WithAgora).AgoraRTC = { VERSION: version, createChannelMediaRelayConfiguration: () => ({}) };
  };

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = originalWarn;
    delete (globalThis as WithAgora).AgoraRTC;
  });

  it('warns once per version, naming the version and every version checked, and still uses it', async () => {
    pageSdk('4.19.3');
    const sdk = (await loadAgoraRTC()) as RelaySdk & { VERSION?: string };
    await loadAgoraRTC();
    await aWhile();
    expect(sdk.VERSION, 'the page’s SDK is used all the same').to.equal('4.19.3');
    expect(warnings, 'one warning for two loads').to.have.length(1);
    expect(warnings[0]).to.contain('agora-rtc-sdk-ng 4.19.3');
    for (const checked of CHECKED_SDK_VERSIONS) expect(warnings[0]).to.contain(checked);
    pageSdk('4.25.0');
    await loadAgoraRTC();
    await aWhile();
    expect(warnings, 'a newer minor warns too').to.have.length(2);
    expect(warnings[1]).to.contain('agora-rtc-sdk-ng 4.25.0');
  });

  it('says nothing for any patch of a checked minor, or an SDK that names no version', async () => {
    for (const version of ['4.20.0', '4.21.0', '4.22.1', '4.23.4', '4.24.8', '4.24.9']) {
      pageSdk(version);
      await loadAgoraRTC();
    }
    (globalThis as WithAgora).AgoraRTC = createFakeAgoraRTC();
    await loadAgoraRTC();
    (globalThis as WithAgora).AgoraRTC = { createChannelMediaRelayConfiguration: () => ({}) };
    await loadAgoraRTC();
    await aWhile();
    expect(warnings).to.deep.equal([]);
  });

  it('checks the newest patch of every minor in the peer range, 4.20 to 4.24', () => {
    expect(CHECKED_SDK_VERSIONS.map((version) => version.split('.').slice(0, 2).join('.'))).to.deep.equal([
      '4.20',
      '4.21',
      '4.22',
      '4.23',
      '4.24',
    ]);
  });
});

describe('RelaySession when the SDK cannot be loaded', () => {
  it('reports SDK_LOAD_FAILED (operation load) once, makes no relay call, and tries again on the next change', async () => {
    const { client } = await makeHost();
    let attempts = 0;
    const session = new RelaySession({
      client,
      importSdk: async () => {
        attempts += 1;
        throw new TypeError('Failed to fetch dynamically imported module');
      },
      source: { channelName: 'stage-a' },
      destinations: destinations('b'),
    });
    const seen = record(session);
    await session.settled();
    const errors = ofType(seen, 'agora-relay-error');
    expect(errors.map((e) => [e.code, e.operation])).to.deep.equal([['SDK_LOAD_FAILED', 'load']]);
    expect(errors[0]?.message).to.contain('Failed to fetch');
    expect(client.fake.calls).to.have.length(0);
    session.destinations = destinations('b', 'c');
    await session.settled();
    expect(attempts).to.equal(2);
    await session.dispose();
  });
});
