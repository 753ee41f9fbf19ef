/// <reference types="node" />
// A fresh self-signed certificate per stand-in, for 127.0.0.1 and the `*.localhost` names the SDK derives from it
// (browsers accept it only with --ignore-certificate-errors or an equivalent: it is for tests).
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/** A fresh certificate valid from a minute ago for `validDays` (tests: one day; the program keeps one a year). */
export async function createCertificate(validDays = 1): Promise<Certificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'agora-stand-in.localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + validDays * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: '*.localhost' },
          { type: 2, value: '127-0-0-1.localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
