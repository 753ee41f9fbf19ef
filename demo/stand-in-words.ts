// What the stand-in demo tells a person when co-hosting cannot start, and what to do about it. HTML (the page's own
// text; the only values put in are addresses the page itself chose or was told by `npm start`).
import type { Reach } from './stand-in-reach.js';

export type Trouble =
  | Exclude<Reach, { kind: 'reachable' }>
  | { kind: 'no-media'; address: string; sent: boolean }
  /** The stand-in answers at its first address, yet no client of this page joined a channel through it. */
  | { kind: 'not-joined'; authority?: string };

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const link = (url: string) => `<a href="${escape(url)}" target="_blank" rel="noopener">${escape(url)}</a>`;

/**
 * Firefox keeps a certificate exception per host and port, and the stand-in serves each client on a port of its own,
 * so there the one step is importing the stand-in's authority (measured: an exception for the linked port alone let
 * this page see the stand-in, yet no client ever joined).
 */
const firefoxStep = (authority?: string) =>
  `Firefox: accepting it there is not enough (Firefox keeps the decision per port, and the stand-in gives each client a
  port of its own); import the stand-in's own authority once instead: <em>Settings</em>, <em>Privacy &amp;
  Security</em>, <em>View Certificates…</em>, <em>Authorities</em>, <em>Import…</em>, the file
  ${authority ? `<code>${escape(authority)}</code>` : '<code>stand-in-authority.pem</code> whose path <code>npm start</code> printed'},
  tick <em>Trust this CA to identify websites</em>.`;

export function advice(trouble: Trouble): string {
  switch (trouble.kind) {
    case 'not-running':
      return trouble.served
        ? `The local Agora stand-in is not running. ${escape(trouble.message)} Stop <code>npm start</code> (Ctrl-C)
           and run it again; its output says what went wrong (a port in use: <code>STAND_IN_PORT=7450 npm start</code>).
           This page keeps looking.`
        : `No local Agora stand-in answers. ${escape(trouble.message)} Run <code>npm start</code> in the project (it
           starts the stand-in and serves this page), or <code>npx agora-relay-stand-in</code>. If it does run, your
           browser may not have accepted its certificate yet: open the address above and accept it. This page keeps
           looking.`;
    case 'certificate':
      return `One step first: the stand-in uses a certificate of its own, which your browser does not trust yet.
        Chromium: open ${link(trouble.acceptAt)} in a new tab, choose <em>Advanced</em>, then <em>Proceed</em>, and
        come back; Chromium remembers the decision for that host name, all ports. ${firefoxStep(trouble.authority)}
        This page carries on by itself.`;
    case 'not-joined':
      return `The stand-in answers, but neither host could join its channel through it. ${firefoxStep(trouble.authority)}
        Then reload. In another browser, the output of <code>npm start</code> may say what went wrong.`;
    case 'no-media': {
      const loopback = trouble.address.startsWith('127.');
      const where = trouble.sent ? 'Pictures leave this page but none come back' : 'No picture reached the stand-in';
      return loopback
        ? `${where}: WebRTC did not connect. The stand-in takes media on ${escape(trouble.address)} (loopback), which
           desktop browsers do not use for WebRTC by default. Either run <code>npm start</code> on a machine with a
           network address (it then announces that one; <code>MEDIA_ADDRESS=192.168.1.20 npm start</code> chooses),
           or let Chromium use loopback: start it with <code>--allow-loopback-in-peer-connection
           --disable-features=WebRtcHideLocalIpsWithMdns</code> (the page asks for no camera, so Chromium would
           otherwise hide its own loopback address behind an mDNS name). Firefox does
           not take loopback here even with <code>media.peerconnection.ice.loopback</code> = true in
           <code>about:config</code>: it offers WebRTC only its network address, so run <code>npm start</code>
           without <code>MEDIA_ADDRESS=loopback</code>. Then reload.`
        : `${where}: WebRTC did not connect to ${escape(trouble.address)}, where the stand-in takes media (UDP). A
           firewall may block it, or that address may have changed: restart <code>npm start</code>, or (Chromium
           only) run <code>MEDIA_ADDRESS=loopback npm start</code> and start Chromium with
           <code>--allow-loopback-in-peer-connection --disable-features=WebRtcHideLocalIpsWithMdns</code>. Then
           reload.`;
    }
  }
}
