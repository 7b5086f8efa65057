import type { AskEvent } from '../domain/ask/askArchive.js';
import type { Citation } from '../domain/ask/passages.js';
import { clockTime } from '../domain/clockTime.js';

const citationLine = (citation: Citation): string => `    [${citation.passageId}] ${citation.meetingId} at ${clockTime(citation.startMs)}  ${citation.link}`;

/**
 * Prints an ask as it streams: each sentence's words as they arrive, its citations under it,
 * then what the reader should know (extractive, a fallback) or that nothing answers it.
 */
export async function printAnswer(events: AsyncIterable<AskEvent>, write: (text: string) => void): Promise<boolean> {
  let pending: Citation[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    write(`\n${pending.map(citationLine).join('\n')}\n`);
    pending = [];
  };
  for await (const event of events) {
    if (event.type === 'sentence') {
      flush();
      pending = event.citations;
    } else if (event.type === 'delta') write(event.text);
    else if (event.type === 'done') {
      flush();
      if (!event.answer.answered) write(`${event.answer.text}\n`);
      if (event.answer.notice !== null) write(`\n(${event.answer.notice})\n`);
      if (event.answer.answered) write(`${event.answer.label} (${event.answer.generatedBy.engine}, ${event.answer.generatedBy.model})\n`);
      return event.answer.answered;
    }
  }
  return false;
}
