import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Understander, UnderstandingDraft } from '../../domain/ports/Understander.js';
import type { Transcript } from '../../domain/transcript/schema.js';
import { draftFromAnswer } from './draftFromAnswer.js';
import { groundAnswer, ungroundedItems } from './groundAnswer.js';
import pMap from 'p-map';
import { renderNotes, type MeetingNotes } from './meetingNotes.js';
import { structuredCompletion } from './structuredCompletion.js';
import { estimateTokens } from './tokenEstimate.js';
import { chunkTranscript, speakerTags, type TranscriptChunk } from './transcriptChunks.js';
import { EMPTY_ANSWER, UNDERSTANDING_SCHEMA_NAME, UnderstandingAnswerSchema, type UnderstandingAnswer } from './understandingAnswer.js';
import { mergeMessages, partMessages, wholeMeetingMessages, type PromptContext } from './understandingPrompts.js';

export interface OpenAiUnderstanderOptions {
  client: OpenAI;
  /** e.g. `gpt-4o-mini`, or whatever model an OpenAI-compatible server serves. */
  model: string;
  /**
   * SDK retries per call (429 honouring retry-after, 5xx, timeouts). The only retry of
   * understanding: when they are spent the error reaches the extractive fallback. Default 2.
   */
  maxRetries?: number;
  /** Per attempt. Default 120 s: a full chunk's notes take a while on a slow self-hosted model. */
  timeoutMs?: number;
  /** Estimated tokens of transcript lines per call. Default 12,000: fits every current context window with room for the answer. */
  chunkTokens?: number;
  /** Map calls in flight at once. Default 4. */
  concurrency?: number;
}

interface Grounding {
  allowed: ReadonlySet<string>;
  speakerNames: ReadonlyMap<string, string>;
}

/**
 * Summary (overview, key points, decisions, next steps), action items, decisions, chapters and
 * proposed speaker names from a language model, grounded in utterance ids.
 * A meeting that fits one chunk is one call. A longer one is map-reduce: notes per chunk
 * (map, in parallel), then one call merging the notes (reduce; merged in rounds if the notes
 * themselves outgrow a chunk). Every call's answer is checked against the ids it could cite and
 * repaired once if something cites nothing valid; what is still ungrounded is dropped.
 */
export class OpenAiUnderstander implements Understander {
  readonly name: string;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #requestOptions: { maxRetries: number; timeout: number };
  readonly #chunkTokens: number;
  readonly #concurrency: number;

  constructor(options: OpenAiUnderstanderOptions) {
    this.#client = options.client;
    this.#model = options.model;
    this.name = `openai:${options.model}`;
    this.#requestOptions = { maxRetries: options.maxRetries ?? 2, timeout: options.timeoutMs ?? 120_000 };
    this.#chunkTokens = options.chunkTokens ?? 12_000;
    this.#concurrency = options.concurrency ?? 4;
    if (!(this.#chunkTokens >= 500)) throw new RangeError(`chunkTokens must be at least 500, got ${this.#chunkTokens}`);
    if (!(Number.isInteger(this.#concurrency) && this.#concurrency >= 1)) throw new RangeError(`concurrency must be a positive integer, got ${this.#concurrency}`);
  }

  async understand(transcript: Transcript, options: { meetingDate: Date }): Promise<UnderstandingDraft> {
    if (transcript.utterances.length === 0) return draftFromAnswer(EMPTY_ANSWER, transcript);
    const tags = speakerTags(transcript);
    const names = new Map(transcript.speakers.map((s) => [s.id, s.name]));
    const speakerNames = new Map([...tags].map(([id, tag]) => [tag, names.get(id) ?? tag]));
    const whole: Grounding = { allowed: new Set(transcript.utterances.map((u) => u.id)), speakerNames };
    const context: PromptContext = { meetingDate: options.meetingDate };
    const chunks = chunkTranscript(transcript, tags, this.#chunkTokens);

    const [only] = chunks;
    const answer =
      chunks.length === 1 && only !== undefined
        ? await this.#ask(wholeMeetingMessages(only, context), whole, 'understanding')
        : await this.#merge(await this.#notesOnParts(chunks, speakerNames, context), whole, context);
    return draftFromAnswer(answer, transcript);
  }

  #notesOnParts(chunks: TranscriptChunk[], speakerNames: ReadonlyMap<string, string>, context: PromptContext): Promise<MeetingNotes[]> {
    return pMap(chunks, async (chunk, index) => {
      const part = { index, count: chunks.length };
      // A part may cite only its own lines: an id from elsewhere would be a guess.
      const grounding = { allowed: new Set(chunk.utterances.map((u) => u.id)), speakerNames };
      const answer = await this.#ask(partMessages(chunk, part, context), grounding, `understanding part ${index + 1} of ${chunks.length}`);
      return { answer, startMs: chunk.startMs, endMs: chunk.endMs };
    }, { concurrency: this.#concurrency });
  }

  async #merge(parts: MeetingNotes[], whole: Grounding, context: PromptContext, round = 1): Promise<UnderstandingAnswer> {
    if (parts.every((part) => isEmpty(part.answer))) return EMPTY_ANSWER;
    const rendered = renderNotes(parts);
    // Notes of a very long meeting may outgrow one call: then neighbours are merged first.
    const groups = estimateTokens(rendered) <= this.#chunkTokens ? [parts] : groupWithinBudget(parts, this.#chunkTokens);
    if (groups.length === 1) {
      return this.#ask(mergeMessages(rendered, context), whole, `understanding merge of ${parts.length} parts`);
    }
    const merged = await pMap(groups, async (group, i) => ({
      answer: await this.#ask(mergeMessages(renderNotes(group), context), whole, `understanding merge round ${round}, group ${i + 1}`),
      startMs: group[0]?.startMs ?? 0,
      endMs: group[group.length - 1]?.endMs ?? 0,
    }), { concurrency: this.#concurrency });
    return this.#merge(merged, whole, context, round + 1);
  }

  async #ask(messages: ChatCompletionMessageParam[], grounding: Grounding, what: string): Promise<UnderstandingAnswer> {
    const { value } = await structuredCompletion({
      client: this.#client,
      model: this.#model,
      schema: UnderstandingAnswerSchema,
      schemaName: UNDERSTANDING_SCHEMA_NAME,
      messages,
      check: (answer) => ungroundedItems(answer, grounding.allowed),
      what,
      requestOptions: this.#requestOptions,
    });
    return groundAnswer(value, grounding.allowed, grounding.speakerNames);
  }
}

const isEmpty = (answer: UnderstandingAnswer): boolean => Object.values(answer).every((items: readonly unknown[]) => items.length === 0);

/** Consecutive groups of at least two parts whose notes fit the budget (a group may exceed it only to reach two). */
function groupWithinBudget(parts: readonly MeetingNotes[], budgetTokens: number): MeetingNotes[][] {
  const groups: MeetingNotes[][] = [];
  let current: MeetingNotes[] = [];
  for (const part of parts) {
    if (current.length >= 2 && estimateTokens(renderNotes([...current, part])) > budgetTokens) {
      groups.push(current);
      current = [];
    }
    current.push(part);
  }
  if (current.length === 1 && groups.length > 0) groups[groups.length - 1]?.push(...current);
  else if (current.length > 0) groups.push(current);
  return groups;
}
