// What the stand-in demo tells a person when co-hosting cannot start, and what to do about it. HTML (the page's own
// text; the only values put in are addresses the page itself chose or was told by `npm start`).
import type { Reach } from './stand-in-reach.js';

export type Trouble = Exclude<Reach, { kind: 'reachable' }> | { kind: 'no-media'; address: string; sent: boolean };

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const link = (url: string) => `<a href="${escape(url)}" target="_blank" rel="noopener">${escape(url)}</a>`;

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
      return `One step first: the stand-in uses a self-signed certificate, which your browser has not accepted yet.
        Open ${link(trouble.acceptAt)} in a new tab, accept the warning (Chromium: <em>Advanced</em>, then
        <em>Proceed</em>; Firefox: <em>Advanced</em>, then <em>Accept the Risk and Continue</em>), and come back: this
        page carries on by itself. Chromium remembers the decision for that host name, all ports.`;
    case 'no-media': {
      const loopback = trouble.address.startsWith('127.');
      const where = trouble.sent ? 'Pictures leave this page but none come back' : 'No picture reached the stand-in';
      return loopback
        ? `${where}: WebRTC did not connect. The stand-in takes media on ${escape(trouble.address)} (loopback), which
           desktop browsers do not use for WebRTC by default. Either run <code>npm start</code> on a machine with a
           network address (it then announces that one; <code>MEDIA_ADDRESS=192.168.1.20 npm start</code> chooses),
           or let the browser use loopback: Chromium started with <code>--allow-loopback-in-peer-connection</code>;
           Firefox: <code>about:config</code>, <code>media.peerconnection.ice.loopback</code> = true. Then reload.`
        : `${where}: WebRTC did not connect to ${escape(trouble.address)}, where the stand-in takes media (UDP). A
           firewall may block it, or that address may have changed: restart <code>npm start</code>, or run
           <code>MEDIA_ADDRESS=loopback npm start</code> and let the browser use loopback (Chromium:
           <code>--allow-loopback-in-peer-connection</code>; Firefox: <code>media.peerconnection.ice.loopback</code> =
           true in <code>about:config</code>). Then reload.`;
    }
  }
}
