#!/usr/bin/env node
/// <reference types="node" />
// `agora-relay-stand-in`: the local Agora stand-in as a program (with media by default). Prints its addresses and
// what a page needs, and stops cleanly on Ctrl-C / SIGTERM. Exit codes: 0 stopped, 1 could not start, 2 bad arguments.
import { X509Certificate } from 'node:crypto';
import { ArgumentError, parseArguments, USAGE } from './program/arguments.js';
import type { ProgramOptions } from './program/arguments.js';
import { defaultCacheDir, keptCertificate } from './program/kept-certificate.js';
import type { KeptCertificate } from './program/kept-certificate.js';
import { startAgoraStandIn } from './start-agora-stand-in.js';
import type { AgoraStandIn } from './start-agora-stand-in.js';

/** A stand-in left running all day keeps only the latest log entries. */
const LOG_LIMIT = 5000;
/** Stopping takes milliseconds; if something hangs, the process still ends. */
const STOP_LIMIT_MS = 5000;

function describe(standIn: AgoraStandIn, options: ProgramOptions, kept: KeptCertificate, fingerprint: string): string {
  const { accessPoint, relay } = standIn.addresses;
  // The SDK reaches every service by the name `a-b-c-d.localhost` (loopback), so the certificate is accepted there.
  const origin = `https://${accessPoint.host.replace(/\./g, '-')}.localhost:${accessPoint.port}`;
  return `agora-relay-stand-in: the local Agora stand-in is running${options.media ? ' with media' : ' (signalling only)'}.
  access point + gateway  ${origin}${options.media ? '  (and one edge port per joined client)' : ''}
  relay service           ${origin.replace(/:\d+$/, `:${relay.port}`)}${standIn.addresses.accessPoint.host !== '127.0.0.1' ? `\n  media (WebRTC, UDP)     ${accessPoint.host}` : ''}
  certificate             ${kept.certPath}
                          SHA-256 ${fingerprint}
  its local authority     ${kept.authorityPath}
                          SHA-256 ${kept.authorityFingerprint}

A page points the real agora-rtc-sdk-ng at it with the browser helpers of agora-relay-elements/testing:

  import { standInSdk } from 'agora-relay-elements/testing';
  const addresses = ${JSON.stringify(standIn.addresses)};
  host.sdk = standInSdk(AgoraRTC, addresses);   // every client the element makes joins here

Chromium: accept the certificate once, at ${origin}/
Firefox keeps that decision per port, so import the local authority above by hand instead, once (Settings, Privacy
& Security, View Certificates, Authorities, Import, trust it to identify websites); this program never installs it.
The browser uses WebRTC on
${accessPoint.host === '127.0.0.1' ? 'loopback (Chromium: --allow-loopback-in-peer-connection; or start this with --media-address <this machine\'s address>).' : `${accessPoint.host}.`} Test and development use only; checked with
agora-rtc-sdk-ng 4.24.8. Ctrl-C stops it.
`;
}

async function main(): Promise<number> {
  let options: ProgramOptions;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    process.stderr.write(`agora-relay-stand-in: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let standIn: AgoraStandIn;
  let certificate: KeptCertificate;
  try {
    certificate = await keptCertificate(options.cacheDir ?? defaultCacheDir(), options.mediaAddress ? [options.mediaAddress] : []);
    standIn = await startAgoraStandIn({
      media: options.media,
      port: options.port,
      relayPort: options.relayPort,
      ...(options.mediaAddress && { mediaAddress: options.mediaAddress }),
      certificate,
      logLimit: LOG_LIMIT,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const port = (error as { port?: number }).port;
    const message =
      code === 'EADDRINUSE'
        ? `port ${port ?? '?'} is in use (another stand-in?); choose others with --port <n> --relay-port <n>, or --port 0 for free ones`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`agora-relay-stand-in: could not start: ${message}\n`);
    return 1;
  }

  const fingerprint = new X509Certificate(certificate.cert).fingerprint256;
  const { certPath, authorityPath, authorityFingerprint } = certificate;
  process.stdout.write(
    options.json
      ? `${JSON.stringify({ addresses: standIn.addresses, media: options.media, certificate: certPath, fingerprint, authority: authorityPath, authorityFingerprint, acceptAt: `https://${standIn.addresses.accessPoint.host.replace(/\./g, '-')}.localhost:${standIn.addresses.accessPoint.port}/` })}\n`
      : describe(standIn, options, certificate, fingerprint),
  );

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      process.stderr.write(`agora-relay-stand-in: ${signal}, stopping\n`);
      setTimeout(() => resolve(1), STOP_LIMIT_MS).unref();
      standIn.stop().then(
        () => {
          process.stderr.write('agora-relay-stand-in: stopped\n');
          resolve(0);
        },
        (error: unknown) => {
          process.stderr.write(`agora-relay-stand-in: stop failed: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed, so the process ends by itself at once; should a handle linger, it still ends.
    setTimeout(() => process.exit(code), STOP_LIMIT_MS).unref();
  },
  (error: unknown) => {
    process.stderr.write(`agora-relay-stand-in: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
