import { parseVTTTimestamp, type VTTCue } from 'media-captions';

/** Where a parsed cue sits in its file: the 1-based number of its time line. */
export interface LocatedCue {
  cue: VTTCue;
  timeLine: number | null;
}

/** A time line that produced no cue, and why. */
export interface DroppedTimeLine {
  line: number;
  reason: string;
}

const TIME_LINE = /^\s*(\S+?)\s*-->\s*(\S*)/;

const seconds = (stamp: string | undefined): number | null => (stamp === undefined ? null : parseVTTTimestamp(stamp.replace(',', '.')));

/**
 * Pairs the cues the parser kept with the time lines of the file, in order, so a problem can be
 * reported by line, and finds the time lines the parser dropped without a word (a cut-off or
 * reversed time range). "-->" appears only on time lines in both WebVTT and SRT.
 * `droppingErrors` are the parser's errors that cost a cue, by line.
 */
export function locateCues(body: string, cues: readonly VTTCue[], droppingErrors: ReadonlyMap<number, string>): { located: LocatedCue[]; dropped: DroppedTimeLine[] } {
  const located: LocatedCue[] = [];
  const dropped: DroppedTimeLine[] = [];
  let next = 0;
  body.split(/\r?\n/).forEach((text, index) => {
    const match = TIME_LINE.exec(text);
    if (match === null) return;
    const line = index + 1;
    const start = seconds(match[1]);
    const end = seconds(match[2]);
    const cue = cues[next];
    const sameCue = cue !== undefined && cue.startTime === start && cue.endTime === end;
    if (sameCue && !droppingErrors.has(line)) {
      located.push({ cue, timeLine: line });
      next += 1;
      return;
    }
    const reason =
      droppingErrors.get(line) ??
      (start !== null && end !== null && end < start ? `the cue ends (${match[2]}) before it starts (${match[1]})` : `the time line "${text.trim().slice(0, 60)}" is not valid`);
    dropped.push({ line, reason });
  });
  // Cues the pairing could not place (a parser more lenient than this scan) are kept, unlocated.
  for (const cue of cues.slice(next)) located.push({ cue, timeLine: null });
  return { located, dropped };
}
