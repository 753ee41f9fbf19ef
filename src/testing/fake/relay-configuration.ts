// The relay configuration as createChannelMediaRelayConfiguration() makes it (class Fte in the 4.24.8 bundle):
// infos stored BY REFERENCE, destinations in a Map keyed by channel name (same name twice: last write wins), no
// 4-destination limit, validation throws synchronously.
import type { RelayChannelInfo } from '../../core/sdk-types.js';
import { checkChannelName, checkRelayChannelInfo } from './validation.js';

/** A snapshot of one channel info, copied when a relay call is made. */
export interface RelayInfoSnapshot {
  channelName: string;
  uid: number;
  token?: string;
}

/** A snapshot of a whole configuration as a relay call sent it. */
export interface RelayConfigSnapshot {
  src: RelayInfoSnapshot;
  dests: RelayInfoSnapshot[];
}

export class FakeChannelMediaRelayConfiguration {
  private destChannelMediaInfos = new Map<string, RelayChannelInfo>();
  private srcChannelMediaInfo: RelayChannelInfo | undefined = undefined;

  setSrcChannelInfo(info: RelayChannelInfo): void {
    checkRelayChannelInfo(info);
    this.srcChannelMediaInfo = info;
  }

  addDestChannelInfo(info: RelayChannelInfo): void {
    checkRelayChannelInfo(info);
    this.destChannelMediaInfos.set(info.channelName, info);
  }

  removeDestChannelInfo(channelName: string): void {
    checkChannelName(channelName);
    this.destChannelMediaInfos.delete(channelName);
  }

  /** As on the SDK: the stored source info (the same object that was passed). */
  getSrcChannelMediaInfo(): RelayChannelInfo | undefined {
    return this.srcChannelMediaInfo;
  }

  /** As on the SDK: the live Map of destinations. */
  getDestChannelMediaInfo(): Map<string, RelayChannelInfo> {
    return this.destChannelMediaInfos;
  }
}

function snapshotInfo(info: RelayChannelInfo): RelayInfoSnapshot {
  const copy: RelayInfoSnapshot = { channelName: info.channelName, uid: info.uid };
  if (info.token) copy.token = info.token;
  return copy;
}

/** Copies the values a relay call sends at the moment of the call (the config itself holds references). */
export function snapshotConfig(config: FakeChannelMediaRelayConfiguration): RelayConfigSnapshot | undefined {
  const src = config.getSrcChannelMediaInfo();
  if (!src) return undefined;
  return { src: snapshotInfo(src), dests: [...config.getDestChannelMediaInfo().values()].map(snapshotInfo) };
}
