import type { SummarySections, SummarySentence } from '../../domain/understanding/schema.js';
import { speakerReference } from '../../domain/understanding/summary/speakerReference.js';
import { GROUP_OWNER_WORD } from './groundAnswer.js';
import type { UnderstandingAnswer } from './understandingAnswer.js';

// Next steps are for people: at most this many, the rest stay in the action items.
const MAX_NEXT_STEPS = 8;

/**
 * The summary in the sections the offline engine writes: the model's overview and key points;
 * decisions and next steps written from its decisions and owned action items (not asked for twice,
 * which would cost output tokens and could disagree), labelled as the offline engine labels them.
 */
export function summaryFromAnswer(answer: UnderstandingAnswer): { text: string; sentences: SummarySentence[]; sections: SummarySections } {
  const cited = (text: string, ids: readonly string[]): SummarySentence => ({ text, utteranceIds: [...ids] });
  const nextSteps = answer.actionItems
    .filter((item) => item.owner !== null && item.owner !== GROUP_OWNER_WORD)
    .slice(0, MAX_NEXT_STEPS)
    .map((item) => cited(nextStep(item.owner ?? '', item.text, item.dueText, item.dueDate), item.ids));
  const sections: SummarySections = {
    overview: answer.overview.map((point) => cited(point.text, point.ids)),
    keyPoints: answer.keyPoints.map((point) => cited(point.text, point.ids)),
    decisions: labelled('Decided:', answer.decisions.map((decision) => cited(sentence(decision.text), decision.ids))),
    nextSteps: labelled('Next steps:', nextSteps),
  };
  const sentences = [...sections.overview, ...sections.keyPoints, ...sections.decisions, ...sections.nextSteps];
  return { text: sentences.map((s) => s.text).join(' '), sentences, sections };
}

/** "Carol to finish the docs by Friday." — the owner as notes name people, the task, when. */
function nextStep(owner: string, task: string, dueText: string | null, dueDate: string | null): string {
  const body = task.replace(/[.!]+$/, '').trim();
  // Lower-case the first word unless it is a name or an acronym ("API", "Laura").
  const lowered = /^\p{Lu}\p{Ll}/u.test(body) && !body.startsWith(owner) ? `${body.charAt(0).toLowerCase()}${body.slice(1)}` : body;
  const when = dueText !== null && !body.toLowerCase().includes(dueText.toLowerCase()) ? ` ${dueText}` : dueText === null && dueDate !== null ? ` (due ${dueDate})` : '';
  return `${speakerReference(owner).subject} to ${lowered}${when}.`;
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const labelled = (label: string, lines: SummarySentence[]): SummarySentence[] =>
  lines.map((line, i) => (i === 0 ? { ...line, text: `${label} ${line.text}` } : line));
