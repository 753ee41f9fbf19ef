/* global document, customElements, getComputedStyle */
// A classic script, first in each CMS page's <head> (test/node/cms-*.test.mjs): window.__done resolves with what a reader
// of the page sees in every <agora-relay-audience>, in this document and in same-origin iframes: its status line once
// it has settled (live, waiting or an error; not loading or connecting), its tiles and labels, and, when the tag never
// got defined, the fallback text and whether the :not(:defined) rule styles it. Where a document's SDK is the offline
// fake (?sdk=fake, see page-setup.js) it also plays the hosts: each joined fake client's channel gets one publishing
// host, uid 2001, and that document's embeds have settled once they are live or show an error.
(() => {
  // The real SDK gives up on a join with no route after about 20 s (it retries).
  const SETTLE_MS = 45_000;
  const text = (node) => node?.innerText?.replace(/\s+/g, ' ').trim() ?? '';
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const transient = (status) => status === '' || status === 'Loading…' || status.startsWith('Connecting to');
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  });
  const loaded = new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));

  function documents() {
    const frames = [...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter(Boolean);
    return [document, ...frames];
  }

  function describe(element, where) {
    const root = element.shadowRoot;
    const defined = !!where.defaultView?.customElements.get('agora-relay-audience');
    const onFake = !!where.defaultView?.AgoraRTC?.fake;
    const style = getComputedStyle(element);
    return {
      where: where === document ? 'page' : 'iframe',
      onFake,
      channel: element.getAttribute('channel-name'),
      defined,
      status: text(root?.querySelector('[part="status"]')),
      statusRole: root?.querySelector('[part="status"]')?.getAttribute('role') ?? null,
      tiles: [...(root?.querySelectorAll('[part="remote"]') ?? [])].map((tile) => text(tile.querySelector('[part="label"]'))),
      fallback: defined ? '' : text(element),
      fallbackStyled: !defined && style.display === 'block' && style.borderTopStyle === 'solid',
    };
  }

  function hostsOnFake(where) {
    const clients = where.defaultView?.AgoraRTC?.fake?.clients ?? [];
    for (const client of clients) {
      if (client.connectionState !== 'CONNECTED' || client.remoteUsers.length > 0) continue;
      client.fake.addRemoteUser(2001);
      client.fake.publishRemote(2001, 'video');
    }
  }

  async function run() {
    await loaded;
    const start = Date.now();
    let embeds = [];
    for (;;) {
      for (const where of documents()) hostsOnFake(where);
      embeds = documents().flatMap((where) => [...where.querySelectorAll('agora-relay-audience')].map((element) => describe(element, where)));
      const settled = embeds.every(
        (embed) => !embed.defined || (!transient(embed.status) && !(embed.onFake && embed.status.startsWith('Connected to'))),
      );
      // An undefined tag may still be on its way: give a script a moment before reading the fallback.
      if (settled && (embeds.some((embed) => embed.defined) || Date.now() > start + 1000)) break;
      if (Date.now() > start + SETTLE_MS) break;
      await sleep(50);
    }
    const frame = document.querySelector('iframe');
    const policy = frame?.contentDocument?.featurePolicy;
    const fakeClients = documents().flatMap((where) => where.defaultView?.AgoraRTC?.fake?.clients ?? []);
    return {
      embeds,
      // Whether each fake client joined, and with what kind of token ("007…" is an AccessToken2): never the token.
      joinTokens: fakeClients.map((client) => {
        if (!client.joinInfo) return 'not joined';
        return client.joinInfo.token ? `${client.joinInfo.token.slice(0, 3)}…` : 'no token';
      }),
      clientsMade: window.__clientsMade ?? null,
      sdkVersion: window.AgoraRTC?.VERSION ?? null,
      frameAllows: policy ? ['camera', 'microphone', 'autoplay'].filter((feature) => policy.allowsFeature(feature)) : null,
      definedHere: !!customElements.get('agora-relay-audience'),
    };
  }

  window.__done = run();
})();
