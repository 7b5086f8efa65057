import { AI_LABEL_TEXT, type GeneratedBy } from '../labels/generatedBy.js';
import { clockTime } from '../clockTime.js';
import type { Transcript } from '../transcript/schema.js';
import type { ActionItem, Chapter, Decision } from '../understanding/schema.js';

/** A meeting's notes as blocks, the one shape both the Markdown and the PDF are written from. */
export interface NotesDocument {
  title: string;
  /** Lines under the title: when, how long, who. */
  meta: string[];
  sections: NotesSection[];
}

export interface NotesSection {
  heading: string;
  /** "AI-generated — may be inaccurate · engine", or null for what people wrote or said. */
  label: string | null;
  blocks: NotesBlock[];
}

export type NotesBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; ordered: boolean; items: string[] } | { kind: 'transcript'; lines: TranscriptLine[] };

export interface TranscriptLine {
  at: string;
  speaker: string;
  text: string;
}

export interface NotesInput {
  title: string;
  recordedAt: string;
  summary: { text: string; generatedBy?: GeneratedBy | null | undefined } | null;
  decisions: { decisions: Decision[]; generatedBy?: GeneratedBy | null | undefined } | null;
  actionItems: { items: ActionItem[]; generatedBy?: GeneratedBy | null | undefined } | null;
  chapters: { chapters: Chapter[]; generatedBy?: GeneratedBy | null | undefined } | null;
  /** Given only when the transcript is asked for. */
  transcript: Transcript | null;
  transcriptGeneratedBy?: GeneratedBy | null | undefined;
}

const labelOf = (generatedBy: GeneratedBy | null | undefined): string | null =>
  generatedBy === null || generatedBy === undefined ? `${AI_LABEL_TEXT}` : generatedBy.aiGenerated ? `${AI_LABEL_TEXT} · ${generatedBy.engine}` : null;

const ownerOf = (item: ActionItem): string => item.owner ?? (item.ownerKind === 'group' ? 'everyone' : 'unassigned');
const dueOf = (item: ActionItem): string => item.dueDate ?? item.dueText ?? 'no date';

/**
 * The notes people take away from a meeting: summary, decisions, action items (owner, due date,
 * when said), chapters, and the transcript if asked for. Empty results say so rather than vanish,
 * so a reader can tell "none" from "left out".
 */
export function meetingNotes(input: NotesInput): NotesDocument {
  const recorded = new Date(input.recordedAt);
  const meta = [`Recorded ${Number.isNaN(recorded.getTime()) ? input.recordedAt : recorded.toISOString().replace('T', ' ').slice(0, 16)} UTC`];
  if (input.transcript !== null) {
    const end = Math.max(0, ...input.transcript.utterances.map((utterance) => utterance.endMs));
    meta.push(`Length ${clockTime(end)}`);
    meta.push(`Speakers: ${input.transcript.speakers.map((speaker) => speaker.name).join(', ') || 'none'}`);
  }
  const none = (what: string): NotesBlock[] => [{ kind: 'paragraph', text: `No ${what}.` }];
  const sections: NotesSection[] = [
    {
      heading: 'Summary',
      label: labelOf(input.summary?.generatedBy),
      blocks: input.summary === null || input.summary.text.trim() === '' ? none('summary') : [{ kind: 'paragraph', text: input.summary.text.trim() }],
    },
    {
      heading: 'Decisions',
      label: labelOf(input.decisions?.generatedBy),
      blocks: (input.decisions?.decisions.length ?? 0) === 0 ? none('decisions') : [{ kind: 'list', ordered: false, items: (input.decisions?.decisions ?? []).map((decision) => `${decision.text} (at ${clockTime(decision.startMs)})`) }],
    },
    {
      heading: 'Action items',
      label: labelOf(input.actionItems?.generatedBy),
      blocks:
        (input.actionItems?.items.length ?? 0) === 0
          ? none('action items')
          : [{ kind: 'list', ordered: false, items: (input.actionItems?.items ?? []).map((item) => `${item.text} — owner: ${ownerOf(item)}; due: ${dueOf(item)} (at ${clockTime(item.startMs)})`) }],
    },
    {
      heading: 'Chapters',
      label: labelOf(input.chapters?.generatedBy),
      blocks: (input.chapters?.chapters.length ?? 0) === 0 ? none('chapters') : [{ kind: 'list', ordered: true, items: (input.chapters?.chapters ?? []).map((chapter) => `${clockTime(chapter.startMs)} ${chapter.title}`) }],
    },
  ];
  if (input.transcript !== null) {
    const names = new Map(input.transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
    const lines = [...input.transcript.utterances]
      .sort((a, b) => a.startMs - b.startMs)
      .map((utterance) => ({ at: clockTime(utterance.startMs), speaker: names.get(utterance.speakerId) ?? utterance.speakerId, text: utterance.text.trim() }));
    sections.push({ heading: 'Transcript', label: labelOf(input.transcriptGeneratedBy), blocks: lines.length === 0 ? none('transcript lines') : [{ kind: 'transcript', lines }] });
  }
  return { title: input.title, meta, sections };
}
