import { speakerReference } from './summary/speakerReference.js';
import type { ActionItems, Chapters, Decisions, Summary } from './schema.js';

/** A speaker's old display name and the one people should now see. */
export interface SpeakerRename {
  from: string;
  to: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Node 20 has no inline (?i:…) groups: each letter as a class of its two cases.
const anyCase = (text: string): string =>
  [...text].map((char) => (char.toLowerCase() === char.toUpperCase() ? escape(char) : `[${char.toLowerCase()}${char.toUpperCase()}]`)).join('');

/**
 * Rewrites a text that names speakers by their old labels, as the engines write them: the label
 * itself ("Speaker 0", "Marketing", an article before it taken along: "the Project Manager will" →
 * "Laura will") and a role as notes speak of it ("The project manager said …", "the chair").
 * A label of several words is matched in any case; a one-word label only as written, and its role
 * form only after "the", so "Marketing" the speaker is renamed and "marketing" the subject is
 * not. Longest labels first and all in one pass, so "Speaker 1" never touches "Speaker 10" and two
 * speakers can swap names.
 */
export function speakerLabelRewriter(renames: readonly SpeakerRename[]): (text: string) => string {
  const labels = new Map<string, string>();
  const roles = new Map<string, string>();
  for (const { from, to } of renames) {
    if (from === to || from.trim().length === 0) continue;
    labels.set(from.includes(' ') ? from.toLowerCase() : from, to);
    // Only labels that are roles ("Project Manager", "Chair") are spoken of as "the …".
    const { inline } = speakerReference(from);
    if (inline !== from) roles.set(inline.replace(/^the\s+/, '').toLowerCase(), to);
  }
  if (labels.size === 0) return (text) => text;
  const alternation = (forms: Iterable<string>, matchCase: (form: string) => boolean): string =>
    [...forms].sort((a, b) => b.length - a.length).map((form) => (matchCase(form) ? escape(form) : anyCase(form))).join('|');
  const roleForms = roles.size === 0 ? '' : `|[Tt]he\\s+(${alternation(roles.keys(), () => false)})`;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:[Tt]he\\s+)?(${alternation(labels.keys(), (form) => !form.includes(' '))})${roleForms})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) =>
    text.replace(pattern, (whole, label: string | undefined, role: string | undefined) =>
      (label === undefined ? roles.get(role?.toLowerCase() ?? '') : (labels.get(label) ?? labels.get(label.toLowerCase()))) ?? whole,
    );
}

/**
 * The stored notes after a speaker rename, without asking any engine again: the same items with
 * the same ids and citations, only the names changed — in the summary's every section, action
 * items' text and owners, decisions and chapter titles.
 */
export function relabelResults(
  results: { summary: Summary | null; actionItems: ActionItems | null; decisions: Decisions | null; chapters: Chapters | null },
  renames: readonly SpeakerRename[],
): typeof results {
  const rewrite = speakerLabelRewriter(renames);
  const owners = new Map(renames.map(({ from, to }) => [from, to]));
  const lines = <T extends { text: string }>(items: readonly T[]): T[] => items.map((item) => ({ ...item, text: rewrite(item.text) }));
  const { summary, actionItems, decisions, chapters } = results;
  return {
    summary:
      summary === null
        ? null
        : {
            ...summary,
            text: rewrite(summary.text),
            sentences: lines(summary.sentences),
            ...(summary.sections === undefined
              ? {}
              : { sections: { overview: lines(summary.sections.overview), keyPoints: lines(summary.sections.keyPoints), decisions: lines(summary.sections.decisions), nextSteps: lines(summary.sections.nextSteps) } }),
          },
    actionItems: actionItems === null ? null : { ...actionItems, items: lines(actionItems.items).map((item) => ({ ...item, owner: item.owner === null ? null : (owners.get(item.owner) ?? item.owner) })) },
    decisions: decisions === null ? null : { ...decisions, decisions: lines(decisions.decisions) },
    chapters: chapters === null ? null : { ...chapters, chapters: chapters.chapters.map((chapter) => ({ ...chapter, title: rewrite(chapter.title) })) },
  };
}
