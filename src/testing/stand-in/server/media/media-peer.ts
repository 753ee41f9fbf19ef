/// <reference types="node" />
// One werift peer per joined client, on the client's own edge port (the SDK takes the access point's edge address as
// the only remote ICE candidate). The SDK never sends SDP: the peer is set up from a made-up offer carrying the
// browser's ICE and DTLS parameters from `join_v3`, and what the `join_v3` answer needs comes from werift's answer.
// werift answers `setup:active`, so the browser is the DTLS server (the join answer says role "client").
// RTP and RTCP go through the DTLS transport directly: it hands over every SSRC, negotiated or not.
import type { RtcpPacket, RtpHeader, RtpPacket, RTCPeerConnection } from 'werift';
import type { WeriftModule } from './load-werift.js';

/** What `join_v3` carries in `ortc` (4.24.8). */
export interface BrowserOrtc {
  iceParameters?: { iceUfrag?: string; icePwd?: string };
  dtlsParameters?: { fingerprints?: { hashFunction?: string; algorithm?: string; fingerprint?: string }[] };
}

/** What the `join_v3` answer tells the browser about this peer. */
export interface PeerParameters {
  iceParameters: { iceUfrag: string; icePwd: string };
  fingerprint: { algorithm: string; fingerprint: string };
}

export interface MediaPeerHandlers {
  rtp(packet: RtpPacket): void;
  rtcp(packet: RtcpPacket): void;
  /** DTLS is up: media can flow both ways. */
  connected(): void;
}

/** How long a peer may take to bind its port and gather (it is local: a few ms). */
const GATHER_TIMEOUT_MS = 5000;
/** werift's close() is not always prompt; the stand-in never waits on it longer than this. */
const CLOSE_LIMIT_MS = 2000;

/** `promise`, or undefined after `ms` (the timer never outlives it). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function browserOffer(browser: BrowserOrtc): string {
  const ice = browser.iceParameters ?? {};
  const print = browser.dtlsParameters?.fingerprints?.find((each) => each.fingerprint);
  if (!ice.iceUfrag || !ice.icePwd || !print?.fingerprint) throw new Error('join_v3 has no ICE or DTLS parameters');
  const algorithm = print.hashFunction ?? print.algorithm ?? 'sha-256';
  // One m-line is enough for one BUNDLE transport; no a=ssrc, so werift's own receivers ignore every packet.
  return [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    'c=IN IP4 0.0.0.0',
    `a=ice-ufrag:${ice.iceUfrag}`,
    `a=ice-pwd:${ice.icePwd}`,
    `a=fingerprint:${algorithm} ${print.fingerprint}`,
    'a=setup:actpass',
    'a=mid:0',
    'a=sendonly',
    'a=rtcp-mux',
    'a=rtpmap:96 VP8/90000',
    '',
  ].join('\r\n');
}

function sdpValue(sdp: string, name: string): string | undefined {
  return new RegExp(`^a=${name}:(.+)$`, 'm').exec(sdp)?.[1]?.trim();
}

export class MediaPeer {
  #connected = false;
  #closed = false;
  #closing?: Promise<void>;
  readonly #unsubscribe: (() => void)[] = [];

  private constructor(
    private readonly werift: WeriftModule,
    private readonly pc: RTCPeerConnection,
    readonly parameters: PeerParameters,
  ) {}

  /** Opens a peer bound to UDP `host:port`, ready for the browser's ICE checks. */
  static async open(
    werift: WeriftModule,
    host: string,
    port: number,
    browser: BrowserOrtc,
    handlers: MediaPeerHandlers,
  ): Promise<MediaPeer> {
    const offer = browserOffer(browser);
    const pc = new werift.RTCPeerConnection({
      iceLite: true,
      // werift binds the low end first and refuses a range of one port.
      icePortRange: [port, port + 1],
      iceInterfaceAddresses: { udp4: host, udp6: undefined },
      iceAdditionalHostAddresses: [host],
      iceUseIpv4: false,
      iceUseIpv6: false,
    });
    try {
      const negotiated = within(
        (async () => {
          await pc.setRemoteDescription({ type: 'offer', sdp: offer });
          await pc.setLocalDescription(await pc.createAnswer());
          await gathered(pc);
          return true;
        })(),
        GATHER_TIMEOUT_MS,
      );
      if (!(await negotiated)) throw new Error(`werift did not answer within ${GATHER_TIMEOUT_MS} ms`);
      const sdp = pc.localDescription?.sdp ?? '';
      const iceUfrag = sdpValue(sdp, 'ice-ufrag');
      const icePwd = sdpValue(sdp, 'ice-pwd');
      const [algorithm = '', fingerprint = ''] = (sdpValue(sdp, 'fingerprint') ?? '').split(' ');
      const candidatePort = /^a=candidate:\S+ \d+ udp \d+ \S+ (\d+) typ host/m.exec(sdp)?.[1];
      if (!iceUfrag || !icePwd || !fingerprint) throw new Error('werift gave an answer without ICE or DTLS parameters');
      if (candidatePort !== String(port)) throw new Error(`the media port ${port} is taken (bound ${candidatePort ?? 'none'})`);
      const peer = new MediaPeer(werift, pc, { iceParameters: { iceUfrag, icePwd }, fingerprint: { algorithm, fingerprint } });
      peer.#listen(handlers);
      return peer;
    } catch (error) {
      await within(pc.close().catch(() => undefined), CLOSE_LIMIT_MS);
      throw error;
    }
  }

  get connected(): boolean {
    return this.#connected;
  }

  #listen(handlers: MediaPeerHandlers): void {
    const transport = this.pc.dtlsTransports[0];
    if (!transport) throw new Error('werift made no DTLS transport');
    const subscriptions = [
      transport.onRtp.subscribe((packet) => handlers.rtp(packet)),
      transport.onRtcp.subscribe((packet) => handlers.rtcp(packet)),
      transport.onStateChange.subscribe((state) => {
        if (state !== 'connected' || this.#connected) return;
        this.#connected = true;
        handlers.connected();
      }),
    ];
    for (const subscription of subscriptions) this.#unsubscribe.push(() => subscription.unSubscribe());
  }

  sendRtp(payload: Buffer, header: Partial<RtpHeader>): void {
    const transport = this.pc.dtlsTransports[0];
    if (!this.#connected || this.#closed || !transport) return;
    transport.sendRtp(payload, new this.werift.RtpHeader(header)).catch(() => undefined);
  }

  sendRtcp(packets: RtcpPacket[]): void {
    const transport = this.pc.dtlsTransports[0];
    if (!this.#connected || this.#closed || !transport) return;
    transport.sendRtcp(packets).catch(() => undefined);
  }

  /** Closes the peer and its UDP socket. */
  close(): Promise<void> {
    this.#closed = true;
    this.#closing ??= (async () => {
      for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
      await within(this.pc.close().catch(() => undefined), CLOSE_LIMIT_MS);
    })();
    return this.#closing;
  }
}

async function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unSubscribe();
      reject(new Error(`werift did not gather within ${GATHER_TIMEOUT_MS} ms`));
    }, GATHER_TIMEOUT_MS);
    const subscription = pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      clearTimeout(timer);
      subscription.unSubscribe();
      resolve();
    });
  });
}
