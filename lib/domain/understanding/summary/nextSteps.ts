import { reportSpeech } from './reportSpeech.js';
import { speakerReference } from './speakerReference.js';

/** What the summary needs of an action item (the action-item extractor's or a model's). */
export interface NextStepInput {
  text: string;
  owner: string | null;
  dueDate: string | null;
  dueText: string | null;
  utteranceIds: readonly string[];
}

// "David, can you ...", "could you please ...": the request, without the asking.
const REQUEST_OPENING = /^(?:\p{Lu}\p{Ll}+,\s*)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)/iu;

/**
 * One next step as notes write it: "Laura will send the specs by Friday." for what the owner
 * said they would do, "David to look into the battery." for what someone was asked to do, and the
 * retold sentence with "(no owner named)" when nobody was. `speakerOf` names who said the item.
 */
export function nextStepSentence(item: NextStepInput, speakerName: string | null, keepCase: (word: string) => boolean): string | null {
  const due = item.dueDate !== null && item.dueText === null ? ` (due ${item.dueDate})` : '';
  const text = item.text.replace(/…$/, '').trim();
  if (item.owner !== null && item.owner !== speakerName) {
    const task = text.replace(REQUEST_OPENING, '').replace(/[.?!]+$/, '').trim();
    if (task.length > 0 && task !== text.replace(/[.?!]+$/, '').trim()) return `${speakerReference(item.owner).subject} to ${task.charAt(0).toLowerCase()}${task.slice(1)}${due}.`;
  }
  const speaker = speakerReference(item.owner ?? speakerName ?? 'Someone');
  const reported = reportSpeech(text, speaker, keepCase);
  if (reported === null) return null;
  const withDue = due === '' ? reported.text : `${reported.text.replace(/\.$/, '')}${due}.`;
  if (item.owner !== null) return withDue;
  return `${withDue.replace(/\.$/, '')} (no owner named).`;
}
