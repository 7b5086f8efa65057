import { GeneratedBySchema } from '../../domain/labels/generatedBy.js';
import { z } from 'zod';
import { MAX_QUERY_CHARS } from '../../domain/search/searchArchive.js';
import { isoDate } from './apiSchemas.js';

export const AskBody = z
  .strictObject({
    question: z.string().min(1).max(MAX_QUERY_CHARS).meta({ description: 'free text, e.g. "what did we decide about the casing?"' }),
    meetingId: z.string().min(1).max(100).optional().meta({ description: 'ask one meeting; omit for the whole archive' }),
    from: isoDate('meetings recorded at or after').optional(),
    to: isoDate('meetings recorded at or before').optional(),
  })
  .meta({ id: 'AskRequest' });

const Citation = z
  .object({
    passageId: z.string(),
    meetingId: z.string(),
    utteranceIds: z.array(z.string()),
    startMs: z.number(),
    link: z.string().meta({ description: 'the meeting page, opening the player at startMs: /meetings/<id>?t=<ms>' }),
  })
  .meta({ id: 'AskCitation' });

const Passage = z
  .object({
    id: z.string().meta({ description: 'local to this answer: "1", "2", …, what citations name' }),
    meetingId: z.string(),
    startMs: z.number(),
    endMs: z.number(),
    score: z.number(),
    lines: z.array(z.object({ utteranceId: z.string(), speaker: z.string(), startMs: z.number(), text: z.string() })),
  })
  .meta({ id: 'AskPassage' });

export const AskAnswerSchema = z
  .object({
    question: z.string(),
    answered: z.boolean().meta({ description: 'false when nothing retrieved answers the question; text then says so' }),
    answeredBy: z.enum(['extractive', 'model']),
    text: z.string(),
    sentences: z.array(z.object({ text: z.string().meta({ description: 'extractive answers mark the question’s words in «…»' }), citations: z.array(Citation).min(1) })),
    passages: z.array(Passage),
    droppedSentences: z.number().int().meta({ description: 'sentences whose citations named no retrieved passage, dropped' }),
    notice: z.string().nullable().meta({ description: 'how the answer was made: extractive, a fallback from the model, cut short' }),
    generatedBy: GeneratedBySchema.meta({ description: 'the engine and model that wrote the answer' }),
    label: z.string().meta({ description: 'AI-generated — may be inaccurate: shown with every answer' }),
  })
  .meta({ id: 'AskAnswer' });

export const ASK_EVENTS_DESCRIPTION =
  'Server-sent events, in order: `passages` {passages}; per sentence `sentence` {index, citations} then `delta` {index, text} (its words, in pieces); ' +
  'finally `done` {answer: AskAnswer}, or `error` {message}. The extractive answer uses the same events.';
