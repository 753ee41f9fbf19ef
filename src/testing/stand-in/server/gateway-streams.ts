// Which media a `publish` / `unpublish` request is about: `_message.ortc` lists streams by `stream_type`
// ("audio", "high" and "low" for video, "screen" for a screen track), each with its `ssrcs` (measured with 4.24.8).

export interface MediaSsrcs {
  audio?: number;
  video?: number;
}

interface OrtcStream {
  stream_type?: string;
  ssrcs?: { ssrcId?: number }[];
}

export function streamSsrcs(message: Record<string, unknown>): MediaSsrcs {
  const found: MediaSsrcs = {};
  for (const stream of Array.isArray(message.ortc) ? (message.ortc as OrtcStream[]) : []) {
    const ssrc = stream.ssrcs?.[0]?.ssrcId ?? 0;
    if (stream.stream_type === 'audio') found.audio = ssrc;
    else if (stream.stream_type === 'high' || stream.stream_type === 'screen') found.video = ssrc;
  }
  return found;
}
