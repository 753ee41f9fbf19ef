/// <reference types="node" />
// The program's certificates, kept per machine in the user's cache folder: a local certificate authority made for
// the stand-in only, and a server certificate it signed. Chromium: accepting the server certificate once (per host
// name) still holds the next time the stand-in starts. Firefox: a person may import the authority by hand, once, and
// then every port of the stand-in is trusted; nothing here ever installs it anywhere. Each is made again when
// missing, unreadable or close to expiry, and the server certificate also when it lacks a name it must cover. The
// keys are readable by this user only and never leave this folder.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createAuthority, createCertificate, dashedName } from '../certificate.js';
import type { Certificate } from '../certificate.js';

const VALID_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 24 * 3600_000;

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const base =
    env.XDG_CACHE_HOME ||
    (platform === 'win32' ? env.LOCALAPPDATA : undefined) ||
    (platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : join(homedir(), '.cache'));
  return join(base, 'agora-relay-elements');
}

async function readKept(certPath: string, keyPath: string): Promise<Certificate | undefined> {
  try {
    return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
  } catch {
    return undefined; // Missing or unreadable: made again.
  }
}

async function store(dir: string, certPath: string, keyPath: string, made: Certificate): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, made.key, { mode: 0o600 });
  await writeFile(certPath, made.cert, { mode: 0o644 });
}

function lastsLongEnough(parsed: X509Certificate): boolean {
  return Date.parse(parsed.validTo) - Date.now() > RENEW_BEFORE_MS;
}

function goodAuthority(kept: Certificate | undefined): kept is Certificate {
  if (!kept) return false;
  try {
    const parsed = new X509Certificate(kept.cert);
    return parsed.ca && lastsLongEnough(parsed) && parsed.checkPrivateKey(createPrivateKey(kept.key));
  } catch {
    return false;
  }
}

function goodServer(kept: Certificate | undefined, authority: Certificate, addresses: readonly string[]): kept is Certificate {
  if (!kept) return false;
  try {
    const parsed = new X509Certificate(kept.cert);
    const names = (parsed.subjectAltName ?? '').split(', ');
    const needed = ['DNS:*.localhost', ...['127.0.0.1', ...addresses].flatMap((ip) => [`IP Address:${ip}`, `DNS:${dashedName(ip)}`])];
    return lastsLongEnough(parsed) && parsed.verify(new X509Certificate(authority.cert).publicKey) && needed.every((name) => names.includes(name));
  } catch {
    return false;
  }
}

export interface KeptCertificate extends Certificate {
  certPath: string;
  /** The authority's certificate (never its key): the file a person may import into Firefox. */
  authorityPath: string;
  authorityFingerprint: string;
  created: boolean;
}

/** The kept server certificate (with its authority made and stored first if needed) for loopback and `addresses`. */
export async function keptCertificate(dir: string, addresses: readonly string[] = []): Promise<KeptCertificate> {
  const authorityPath = join(dir, 'stand-in-authority.pem');
  const authorityKeyPath = join(dir, 'stand-in-authority-key.pem');
  const certPath = join(dir, 'stand-in-certificate.pem');
  const keyPath = join(dir, 'stand-in-key.pem');

  let authority = await readKept(authorityPath, authorityKeyPath);
  if (!goodAuthority(authority)) {
    authority = await createAuthority(VALID_DAYS);
    await store(dir, authorityPath, authorityKeyPath, authority);
  }
  const authorityFingerprint = new X509Certificate(authority.cert).fingerprint256;

  const kept = await readKept(certPath, keyPath);
  if (goodServer(kept, authority, addresses)) return { ...kept, certPath, authorityPath, authorityFingerprint, created: false };
  const made = await createCertificate(VALID_DAYS, { authority, addresses });
  await store(dir, certPath, keyPath, made);
  return { ...made, certPath, authorityPath, authorityFingerprint, created: true };
}
