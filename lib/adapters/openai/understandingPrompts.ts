import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { TranscriptChunk } from './transcriptChunks.js';

// Every word here is paid for on every call of every meeting: say what the output must be, once.
const TASK = `You take notes on a meeting for people who missed it. Write in the meeting's language, in the third person, attributed to people by name or role ("Laura proposed that ..."), never quoting first-person speech; no fillers. JSON fields:
overview: 2-3 sentences: what the meeting was about and what came of it.
keyPoints: the main points made, outcomes and open questions, each saying who made it; ids = the utterances each rests on.
actionItems: work to do after this moment that someone took on or was given; not things done in the meeting itself (next slide, drawing on the board), not options or wishes; once each. text: the task, starting with a verb. owner: who will do it (for a request, the person asked, not the asker) as their speaker tag or name; "everyone" for the whole group; null if unknown. dueText: the words saying when, or null. dueDate: that day as YYYY-MM-DD counted from the meeting date, or null.
decisions: what the group settled (a choice made, a conclusion agreed), not proposals left open; ids = where it is settled.
chapters: the topics in order, one every 5-15 minutes, short titles; ids = the topic's first utterance, then its key ones.
speakerNames: a speaker's own name when the meeting says it: kind "introduced" when they say it ("I'm Laura"), "addressed" when someone calls them by it and they answer or have just spoken. speaker = their tag; name = the name exactly as said; ids = the utterances that say it. None for a speaker whose label already is that name.
Cite only ids from the input; leave out what you cannot cite.`;

const TRANSCRIPT_INPUT = 'Input lines: `[u12 S2] text` = utterance u12 by speaker S2 (names below); `-- 12:00 --` marks the time.';

const SYSTEM = {
  whole: `${TASK}\n${TRANSCRIPT_INPUT} keyPoints: 3-8.`,
  part: `${TASK}\n${TRANSCRIPT_INPUT} This is one part of a longer meeting: note this part only (keyPoints: 2-5); notes of all parts are merged later.`,
  merge: `${TASK}\nInput: notes on consecutive parts of one meeting, one item a line, ids in brackets. Merge them into notes on the whole: one overview, 3-8 key points, no duplicates, one name a speaker, one chapter for a topic that runs across parts; keep the ids of the notes you use.`,
};

export interface PromptContext {
  meetingDate: Date;
}

/** A meeting that fits in one call: the final notes directly. */
export function wholeMeetingMessages(chunk: TranscriptChunk, context: PromptContext): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: SYSTEM.whole },
    { role: 'user', content: `${heading(context)} Speakers: ${chunk.legend}\n${chunk.text}` },
  ];
}

/** Map: notes on one chunk of a long meeting. */
export function partMessages(chunk: TranscriptChunk, part: { index: number; count: number }, context: PromptContext): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: SYSTEM.part },
    { role: 'user', content: `${heading(context)} Part ${part.index + 1} of ${part.count}. Speakers: ${chunk.legend}\n${chunk.text}` },
  ];
}

/** Reduce: notes on consecutive parts, merged. */
export function mergeMessages(renderedNotes: string, context: PromptContext): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: SYSTEM.merge },
    { role: 'user', content: `${heading(context)}\n${renderedNotes}` },
  ];
}

function heading({ meetingDate }: PromptContext): string {
  const day = meetingDate.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  return `Meeting date: ${meetingDate.toISOString().slice(0, 10)} (${day}).`;
}
