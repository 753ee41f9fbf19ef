/// <reference types="node" />
// The stand-in's TLS certificates. Tests get a fresh self-signed one per stand-in (browsers accept it only with
// --ignore-certificate-errors or an equivalent). The program instead keeps a small certificate authority of its own
// and a server certificate signed by it, so a person may import that authority into Firefox by hand, which keeps
// certificate exceptions per host and port and would otherwise need one per edge port.
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

const DAY_MS = 24 * 3600_000;
const AUTHORITY_NAME = 'agora-relay-elements stand-in local authority (test and development only)';

/** The names every stand-in certificate covers: the SDK reaches each service as `a-b-c-d.localhost`. */
const LOOPBACK_NAMES = ['localhost', '*.localhost', '127-0-0-1.localhost'];

function validity(validDays: number) {
  const now = Date.now();
  return { notBeforeDate: new Date(now - 60_000), notAfterDate: new Date(now + validDays * DAY_MS) };
}

/** The `a-b-c-d.localhost` name the SDK derives from an IPv4 address. */
export function dashedName(address: string): string {
  return `${address.replace(/\./g, '-')}.localhost`;
}

/**
 * A server certificate valid from a minute ago for `validDays` (tests: one day; the program keeps one a year), for
 * loopback and each of `addresses` (by IP and by its dashed `.localhost` name). Self-signed unless `authority` signs it.
 */
export async function createCertificate(validDays = 1, { authority, addresses = [] }: { authority?: Certificate; addresses?: readonly string[] } = {}): Promise<Certificate> {
  const ips = [...new Set(['127.0.0.1', ...addresses])];
  const names = [...new Set([...LOOPBACK_NAMES, ...ips.map(dashedName)])];
  const pems = await generate([{ name: 'commonName', value: 'agora-stand-in.localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    ...validity(validDays),
    ...(authority && { ca: authority }),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...names.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * A certificate authority made only to sign the stand-in's server certificate. selfsigned 5.5 passes no
 * nameConstraints extension through (it drops extensions it does not know), so the authority is not limited to
 * loopback names by the certificate itself: its key staying in the user's cache folder is what keeps it harmless.
 */
export async function createAuthority(validDays: number): Promise<Certificate> {
  const pems = await generate([{ name: 'commonName', value: AUTHORITY_NAME }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    ...validity(validDays),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
