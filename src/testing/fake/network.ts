// The fake's network switch, shared by every client of one fake namespace. It affects what reaches for the network
// from then on (join, a relay start); a running relay keeps its socket (use client.fake.dropRelaySocket for that).

export interface FakeNetworkControls {
  /** True while the network is up. */
  readonly online: boolean;
  /** Takes the network down: joins and relay starts then behave as the real SDK does with no route. */
  drop(): void;
  /** Brings the network back. */
  restore(): void;
}

export class FakeNetwork implements FakeNetworkControls {
  online: boolean;

  constructor(online: boolean) {
    this.online = online;
  }

  drop(): void {
    this.online = false;
  }

  restore(): void {
    this.online = true;
  }
}
