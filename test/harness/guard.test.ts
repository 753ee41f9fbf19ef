import { expect } from '@open-wc/testing';
import '../support/guard.js';

// The suite-wide guard is only worth something if it really sees what it should fail on.
describe('the unhandled-rejection guard', () => {
  it('collects an unhandled rejection, so the running test fails', async () => {
    void Promise.reject(new Error('left unhandled on purpose'));
    const started = Date.now();
    let seen: string[] = [];
    while (seen.length === 0 && Date.now() - started < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = window.__takeUnhandled?.() ?? [];
    }
    expect(seen.some((line) => line.includes('left unhandled on purpose'))).to.equal(true);
  });

  it('does not collect a rejection that was handled', async () => {
    await Promise.reject(new Error('handled')).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.__takeUnhandled?.() ?? []).to.deep.equal([]);
  });
});
