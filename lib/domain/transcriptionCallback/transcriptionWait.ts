/**
 * How long the Transcribe task may wait for its result before the run checks what happened,
 * scaled to the recording. Its length is not known before transcription, so it is bounded from
 * its size at the lowest bitrate its kind of file plausibly has: speech Opus/MP3/AAC at 16 kbps,
 * uncompressed PCM at 128 kbps (8 kHz, 16-bit, mono) — an overestimate, so never a timeout
 * shorter than the recording needs. Deepgram transcribes an hour of audio in well under a
 * minute; PER_AUDIO_HOUR_SECONDS leaves room for a slow day and its callback retries.
 */
const PCM_BYTES_PER_SECOND = 128_000 / 8;
const COMPRESSED_BYTES_PER_SECOND = 16_000 / 8;
const PER_AUDIO_HOUR_SECONDS = 300;
/** Step Functions' own ceiling for a task is a year; ours is the old fixed timeout. */
const MAX_WAIT_SECONDS = 4 * 3600;

export function transcriptionWaitSeconds(recording: { bytes: number; mime: string }, floorSeconds: number): number {
  const pcm = /wav|wave|pcm|aiff/i.test(recording.mime);
  const audioHours = recording.bytes / (pcm ? PCM_BYTES_PER_SECOND : COMPRESSED_BYTES_PER_SECOND) / 3600;
  return Math.min(MAX_WAIT_SECONDS, Math.max(floorSeconds, Math.ceil(floorSeconds + audioHours * PER_AUDIO_HOUR_SECONDS)));
}
