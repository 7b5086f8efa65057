import type { SearchDocument, SearchDocumentKind, SpeakerTurn } from '../ports/VectorIndex.js';
import type { Transcript, Utterance } from '../transcript/schema.js';
import type { ActionItem, ActionItems, Chapter, Chapters, Summary } from '../understanding/schema.js';
import { DEFAULT_WINDOW_OPTIONS, transcriptWindows, type TranscriptWindow, type WindowOptions } from './transcriptWindows.js';

export interface SearchDocumentsInput {
  tenantId: string;
  transcript: Transcript;
  summary?: Summary | undefined;
  actionItems?: ActionItems | undefined;
  chapters?: Chapters | undefined;
}

/** Words of a chapter's opening put beside its title: enough to say what it is about. */
const CHAPTER_HEAD_WORDS = 60;

/**
 * Everything of a processed meeting that search should find: overlapping transcript windows,
 * the summary, each action item and each chapter. Ids are `${meetingId}:${kind}:${n}`, numbered
 * in order within each kind, so processing the same meeting again gives the same ids.
 */
export function buildSearchDocuments(input: SearchDocumentsInput, windowOptions: WindowOptions = DEFAULT_WINDOW_OPTIONS): SearchDocument[] {
  const meeting = new MeetingText(input.transcript);
  const documentOf = (kind: SearchDocumentKind, n: number, fields: DocumentFields): SearchDocument => ({
    id: `${input.transcript.meetingId}:${kind}:${n}`,
    tenantId: input.tenantId,
    meetingId: input.transcript.meetingId,
    kind,
    ...fields,
  });

  const windows = transcriptWindows(input.transcript.utterances, windowOptions).map((window, n) =>
    documentOf('transcript', n, meeting.windowFields(window)),
  );
  const summary = input.summary && input.summary.text.trim().length > 0 ? [documentOf('summary', 0, meeting.summaryFields(input.summary))] : [];
  const actionItems = (input.actionItems?.items ?? []).map((item, n) => documentOf('action_item', n, meeting.actionItemFields(item)));
  const chapters = (input.chapters?.chapters ?? []).map((chapter, n) => documentOf('chapter', n, meeting.chapterFields(chapter)));
  return [...windows, ...summary, ...actionItems, ...chapters];
}

type DocumentFields = Pick<SearchDocument, 'text' | 'speaker' | 'turns' | 'startMs' | 'endMs' | 'utteranceIds'>;

/** Looks utterances and speaker names up by id, for turning citations into times and speakers. */
class MeetingText {
  readonly #transcript: Transcript;
  readonly #indexById = new Map<string, number>();
  readonly #speakerNames = new Map<string, string>();

  constructor(transcript: Transcript) {
    this.#transcript = transcript;
    transcript.utterances.forEach((utterance, index) => this.#indexById.set(utterance.id, index));
    for (const speaker of transcript.speakers) this.#speakerNames.set(speaker.id, speaker.name);
  }

  windowFields(window: TranscriptWindow): DocumentFields {
    const lines: { speakerId: string; text: string }[] = [];
    for (const passage of window) {
      // "Name: words" per change of speaker, not per turn: the name is worth matching
      // ("what did Laura say…") but repeated on every line it would outweigh the topic.
      const last = lines[lines.length - 1];
      if (last !== undefined && last.speakerId === passage.utterance.speakerId) last.text += ` ${passage.text}`;
      else lines.push({ speakerId: passage.utterance.speakerId, text: `${this.speakerName(passage.utterance.speakerId)}: ${passage.text}` });
    }
    // Each line is its speaker's turn, name included, so a snippet that starts at a turn shows whose it is.
    const turns: SpeakerTurn[] = [];
    let offset = 0;
    for (const line of lines) {
      turns.push({ speaker: this.speakerName(line.speakerId), start: offset, end: offset + line.text.length });
      offset += line.text.length + 1;
    }
    const words = window.map((passage) => ({ speakerId: passage.utterance.speakerId, words: passage.words }));
    return {
      text: lines.map((line) => line.text).join('\n'),
      speaker: this.dominantSpeaker(words),
      turns,
      startMs: Math.min(...window.map((passage) => passage.startMs)),
      endMs: Math.max(...window.map((passage) => passage.endMs)),
      utteranceIds: [...new Set(window.map((passage) => passage.utterance.id))],
    };
  }

  summaryFields(summary: Summary): DocumentFields {
    const cited = this.cited(summary.sentences.flatMap((sentence) => sentence.utteranceIds));
    return { text: summary.text, speaker: null, ...this.span(cited, { startMs: 0, endMs: this.#transcript.durationMs }) };
  }

  /** The owner and due date go into the text so "what does Craig have to do by Friday" finds it. */
  actionItemFields(item: ActionItem): DocumentFields {
    const owner = item.owner ? ` Owner: ${item.owner}.` : '';
    const due = item.dueText ? ` Due: ${item.dueText}.` : '';
    const cited = this.cited(item.utteranceIds);
    return {
      text: `${item.text}${owner}${due}`,
      speaker: this.dominantSpeakerOf(cited),
      ...this.span(cited, { startMs: item.startMs, endMs: item.startMs }),
    };
  }

  chapterFields(chapter: Chapter): DocumentFields {
    const cited = this.cited(chapter.utteranceIds);
    const head = this.chapterHead(cited);
    return {
      text: head.length > 0 ? `${chapter.title}\n${head}` : chapter.title,
      speaker: this.dominantSpeakerOf(cited),
      ...this.span(cited, { startMs: chapter.startMs, endMs: chapter.endMs }),
    };
  }

  /** The opening words of the chapter, read from its first cited utterance on. */
  private chapterHead(cited: readonly Utterance[]): string {
    const first = cited[0];
    const last = cited[cited.length - 1];
    if (!first || !last) return '';
    const from = this.#indexById.get(first.id)!;
    const to = this.#indexById.get(last.id)!;
    const words: string[] = [];
    for (const utterance of this.#transcript.utterances.slice(from, to + 1)) {
      words.push(...utterance.text.split(/\s+/).filter((word) => word.length > 0));
      if (words.length >= CHAPTER_HEAD_WORDS) break;
    }
    return words.slice(0, CHAPTER_HEAD_WORDS).join(' ');
  }

  /** Cited utterances that exist, in transcript order and once each; unknown ids are ignored. */
  private cited(ids: readonly string[]): Utterance[] {
    const indexes = [...new Set(ids)].map((id) => this.#indexById.get(id)).filter((index) => index !== undefined);
    return indexes.sort((a, b) => a - b).map((index) => this.#transcript.utterances[index]!);
  }

  private span(cited: readonly Utterance[], fallback: { startMs: number; endMs: number }): Pick<SearchDocument, 'startMs' | 'endMs' | 'utteranceIds'> {
    if (cited.length === 0) return { ...fallback, utteranceIds: [] };
    return {
      startMs: Math.min(...cited.map((utterance) => utterance.startMs)),
      endMs: Math.max(...cited.map((utterance) => utterance.endMs)),
      utteranceIds: cited.map((utterance) => utterance.id),
    };
  }

  private dominantSpeakerOf(utterances: readonly Utterance[]): string | null {
    return this.dominantSpeaker(utterances.map((utterance) => ({ speakerId: utterance.speakerId, words: utterance.text.split(/\s+/).length })));
  }

  /** Who said the most words; on a tie, who spoke first. */
  private dominantSpeaker(turns: readonly { speakerId: string; words: number }[]): string | null {
    const words = new Map<string, number>();
    for (const turn of turns) words.set(turn.speakerId, (words.get(turn.speakerId) ?? 0) + turn.words);
    let best: string | null = null;
    for (const [speakerId, count] of words) {
      if (best === null || count > words.get(best)!) best = speakerId;
    }
    return best === null ? null : this.speakerName(best);
  }

  private speakerName(speakerId: string): string {
    return this.#speakerNames.get(speakerId) ?? speakerId;
  }
}
