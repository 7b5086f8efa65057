import type { UnderstandingAnswer } from './understandingAnswer.js';

type Section = keyof UnderstandingAnswer;
const SECTIONS: readonly Section[] = ['overview', 'keyPoints', 'actionItems', 'decisions', 'chapters', 'speakerNames'];

const labelOf = (item: { text: string } | { title: string } | { name: string }): string => ('title' in item ? item.title : 'name' in item ? item.name : item.text);

/** Items that cite no id of the input: what a repair is asked to fix. */
export function ungroundedItems(answer: UnderstandingAnswer, allowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const section of SECTIONS) {
    answer[section].forEach((item, i) => {
      if (item.ids.some((id) => allowed.has(id))) return;
      const cited = item.ids.length === 0 ? 'cites no ids' : `cites ${item.ids.slice(0, 3).join(', ')}, not ids of the input`;
      problems.push(`${section}[${i}] "${labelOf(item).slice(0, 60)}" ${cited}`);
    });
  }
  return problems;
}

/**
 * Keeps what the input supports: citations filtered to ids of the input (once each), items left
 * citing nothing or saying nothing dropped, owners given as speaker tags named, dates that are
 * not real calendar days cleared (the due words stay).
 */
export function groundAnswer(answer: UnderstandingAnswer, allowed: ReadonlySet<string>, speakerLabels: ReadonlyMap<string, string>): UnderstandingAnswer {
  const cited = (ids: readonly string[]): string[] => [...new Set(ids.filter((id) => allowed.has(id)))];
  const points = (list: UnderstandingAnswer['overview']): UnderstandingAnswer['overview'] =>
    list.map((point) => ({ text: point.text.trim(), ids: cited(point.ids) })).filter((point) => point.text.length > 0 && point.ids.length > 0);
  const actionItems = answer.actionItems
    .map((item) => ({
      text: item.text.trim(),
      owner: ownerName(item.owner, speakerLabels),
      dueText: blankToNull(item.dueText),
      dueDate: calendarDay(item.dueDate),
      ids: cited(item.ids),
    }))
    .filter((item) => item.text.length > 0 && item.ids.length > 0);
  const chapters = answer.chapters
    .map((chapter) => ({ title: chapter.title.trim(), ids: cited(chapter.ids) }))
    .filter((chapter) => chapter.title.length > 0 && chapter.ids.length > 0);
  // Whether the name is really said in its evidence is checked against the transcript's words (draftFromAnswer, groundDraft).
  const speakerNames = answer.speakerNames
    .map((proposal) => ({ speaker: proposal.speaker.trim(), name: proposal.name.trim(), kind: proposal.kind, ids: cited(proposal.ids) }))
    .filter((proposal) => proposal.speaker.length > 0 && proposal.name.length > 0 && proposal.ids.length > 0);
  return { overview: points(answer.overview), keyPoints: points(answer.keyPoints), actionItems, decisions: points(answer.decisions), chapters, speakerNames };
}

const NO_VALUE = /^(null|none|unknown|n\/a|-)$/i;

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length === 0 || NO_VALUE.test(trimmed) ? null : trimmed;
}

// The whole group as owner, however the model words it: the prompt asks for "everyone".
const GROUP_OWNER = /^(?:everyone|everybody|all|group|the group|the team|team|we|us|all of us)$/i;
export const GROUP_OWNER_WORD = 'everyone';

/** A speaker tag becomes that speaker's name; the whole group becomes "everyone" (a draft reads it as the group). */
function ownerName(owner: string | null, speakerNames: ReadonlyMap<string, string>): string | null {
  const name = blankToNull(owner);
  if (name === null) return null;
  if (GROUP_OWNER.test(name)) return GROUP_OWNER_WORD;
  return speakerNames.get(name) ?? name;
}

function calendarDay(value: string | null): string | null {
  const day = value?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null;
}
