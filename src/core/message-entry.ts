// The shape of one catalogue entry (messages-catalogue.ts): what an error means and what to do about it.
//
// `evidence` says where each entry comes from: `seen` = produced here, by the real SDK (offline or through the local
// stand-in, see shared/reference/agora-relay-sdk.md) or by our own code; `inferred` = from Agora's documentation and
// what its users report, not reproduced here.

export type Evidence = 'seen' | 'inferred';

export interface MessageEntry {
  /** An error code, or `CODE:variant` for a case of a code that needs other words. */
  id: string;
  title: string;
  action: string;
  evidence: Evidence;
}
