// The command line of `agora-relay-stand-in`: parsed strictly, so a typo is an error with a clear message, never a
// silently ignored flag.

export interface ProgramOptions {
  port: number;
  relayPort: number;
  media: boolean;
  json: boolean;
  cacheDir?: string;
  /** See AgoraStandInNodeOptions.mediaAddress. */
  mediaAddress?: string;
  help: boolean;
}

export const DEFAULT_PORT = 7350;

export const USAGE = `Usage: agora-relay-stand-in [options]

Starts the local Agora stand-in on 127.0.0.1 with media, so the real agora-rtc-sdk-ng joins, publishes, subscribes
and relays between channels on this machine, offline. Test and development use only.

Options:
  --port <n>        access point and gateway port (default ${DEFAULT_PORT}; 0 picks a free one)
  --relay-port <n>  relay service port (default: port + 1; 0 picks a free one)
  --no-media        signalling only, no media forwarding (no werift needed)
  --media-address <ipv4>
                    the address WebRTC media goes to (default 127.0.0.1): give this machine's own address for a
                    browser that uses no loopback for WebRTC (desktop Chromium and Firefox by default); its UDP
                    ports are then open on that network too
  --cache-dir <dir> where the certificates are kept (default: $XDG_CACHE_HOME or ~/.cache, /agora-relay-elements)
  --json            print the addresses as one JSON line instead of the explanation
  -h, --help        show this help

Stops on Ctrl-C or SIGTERM.`;

export class ArgumentError extends Error {}

function portValue(flag: string, value: string | undefined): number {
  if (value === undefined || value.startsWith('--')) throw new ArgumentError(`${flag} needs a port number`);
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new ArgumentError(`${flag} must be a port number from 0 to 65535, not "${value}"`);
  return Number(value);
}

export function parseArguments(args: readonly string[]): ProgramOptions {
  const options: ProgramOptions = { port: DEFAULT_PORT, relayPort: -1, media: true, json: false, help: false };
  for (let index = 0; index < args.length; index += 1) {
    const [flag = '', inline] = (args[index] ?? '').split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : args[(index += 1)]);
    switch (flag) {
      case '--port':
        options.port = portValue(flag, value());
        break;
      case '--relay-port':
        options.relayPort = portValue(flag, value());
        break;
      case '--no-media':
        options.media = false;
        break;
      case '--json':
        options.json = true;
        break;
      case '--cache-dir': {
        const dir = value();
        if (!dir || dir.startsWith('--')) throw new ArgumentError('--cache-dir needs a folder');
        options.cacheDir = dir;
        break;
      }
      case '--media-address': {
        const address = value();
        const parts = address?.split('.') ?? [];
        if (!address || parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
          throw new ArgumentError(`--media-address needs an IPv4 address such as 192.168.1.20, not "${address ?? ''}"`);
        }
        options.mediaAddress = address;
        break;
      }
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new ArgumentError(`unknown argument "${args[index]}"`);
    }
  }
  if (options.relayPort === -1) options.relayPort = options.port === 0 ? 0 : options.port + 1;
  if (options.port !== 0 && options.port === options.relayPort) throw new ArgumentError('--port and --relay-port must differ');
  if (options.relayPort > 65535) throw new ArgumentError(`--relay-port would be ${options.relayPort}: give one from 0 to 65535`);
  return options;
}
