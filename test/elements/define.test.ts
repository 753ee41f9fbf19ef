import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { AgoraRelayDestination, AgoraRelayHost } from '../../src/index.js';
import { defineOnce } from '../../src/elements/define.js';

describe('registration', () => {
  it('importing the package defines both tags with the package’s classes', () => {
    expect(customElements.get('agora-relay-host') === AgoraRelayHost, 'host').to.equal(true);
    expect(customElements.get('agora-relay-destination') === AgoraRelayDestination, 'destination').to.equal(true);
  });

  it('a second copy warns instead of throwing, and the first copy keeps the tag', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      defineOnce('agora-relay-host', class SecondCopy extends HTMLElement {});
      defineOnce('agora-relay-host', AgoraRelayHost);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<agora-relay-host> is already defined by another copy');
    expect(customElements.get('agora-relay-host') === AgoraRelayHost, 'first copy kept').to.equal(true);
  });
});
