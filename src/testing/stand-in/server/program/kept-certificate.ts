/// <reference types="node" />
// The program's certificate: one per machine, kept in the user's cache folder, so a browser's decision to accept it
// (per host name in Chromium) still holds the next time the stand-in starts. Made again when missing, unreadable,
// or close to expiry. The key is readable by this user only.
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createCertificate } from '../certificate.js';
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

function stillGood(certificate: Certificate): boolean {
  try {
    const parsed = new X509Certificate(certificate.cert);
    const names = parsed.subjectAltName ?? '';
    return Date.parse(parsed.validTo) - Date.now() > RENEW_BEFORE_MS && names.includes('127.0.0.1') && names.includes('*.localhost');
  } catch {
    return false;
  }
}

/** The kept certificate (made and stored first if needed), with where it is and whether it is new. */
export async function keptCertificate(dir: string): Promise<Certificate & { certPath: string; created: boolean }> {
  const certPath = join(dir, 'stand-in-certificate.pem');
  const keyPath = join(dir, 'stand-in-key.pem');
  try {
    const kept = { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
    if (stillGood(kept)) return { ...kept, certPath, created: false };
  } catch {
    // Missing or unreadable: made below.
  }
  const made = await createCertificate(VALID_DAYS);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, made.key, { mode: 0o600 });
  await writeFile(certPath, made.cert, { mode: 0o644 });
  return { ...made, certPath, created: true };
}
