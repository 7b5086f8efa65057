import { createHash, randomUUID } from 'node:crypto';
import type { Transcript } from '../../../lib/domain/transcript/schema.js';

/** One speaker's turn in the fake's script: what Deepgram would hear in the audio. */
export interface ScriptedTurn {
  speaker: number;
  text: string;
  startMs: number;
  endMs: number;
}

/** The `/v1/listen` query options the fake's answer depends on, as Deepgram's does. */
export interface ListenOptions {
  model: string;
  diarize: boolean;
  utterances: boolean;
  punctuate: boolean;
  smartFormat: boolean;
  paragraphs: boolean;
  detectLanguage: boolean;
  redact: readonly string[];
  extra: Readonly<Record<string, string>>;
}

/** A script from a transcript (e.g. an imported WebVTT): speaker numbers follow the transcript's speaker order. */
export function turnsFromTranscript(transcript: Transcript): ScriptedTurn[] {
  const numberOf = new Map(transcript.speakers.map((speaker, index) => [speaker.id, index]));
  return transcript.utterances.map((u) => ({ speaker: numberOf.get(u.speakerId) ?? 0, text: u.text, startMs: u.startMs, endMs: u.endMs }));
}

// Groups that, per Deepgram's redaction docs, cover digit runs (cards, accounts, SSNs).
const REDACTS_DIGITS = new Set(['true', 'numbers', 'aggressive_numbers', 'pci', 'pii', 'ssn', 'account_number', 'credit_card', 'cvv']);

const seconds = (ms: number): number => Math.round(ms) / 1000;

// Stable, plausible confidences: the same word always scores the same.
function confidenceOf(text: string): number {
  const byte = createHash('sha1').update(text).digest()[0] ?? 0;
  return 0.85 + (byte % 15) / 100;
}

/**
 * Deepgram masks redacted digits; the exact placeholder differs between number and entity
 * redaction and between models (asterisks, "[CREDIT_CARD_1]"), so the fake masks any run of
 * three or more digits with asterisks — what matters downstream is that the digits are gone.
 */
const redactToken = (token: string, redact: readonly string[]): string =>
  redact.some((value) => REDACTS_DIGITS.has(value)) && /\d{3,}/.test(token.replace(/[-\s]/g, '')) ? token.replace(/\d/g, '*') : token;

interface FakeWord {
  word: string;
  start: number;
  end: number;
  confidence: number;
  punctuated_word?: string;
  speaker?: number;
  speaker_confidence?: number;
}

function wordsOf(turn: ScriptedTurn, options: ListenOptions): FakeWord[] {
  const tokens = turn.text.split(/\s+/).filter((token) => token.length > 0);
  const span = Math.max(turn.endMs - turn.startMs, 0) / Math.max(tokens.length, 1);
  return tokens.map((token, index) => {
    const punctuated = redactToken(token, options.redact);
    const bare = punctuated.toLowerCase().replace(/[^\p{L}\p{N}*'-]/gu, '');
    return {
      word: bare.length > 0 ? bare : punctuated,
      start: seconds(turn.startMs + index * span),
      end: seconds(turn.startMs + (index + 0.9) * span),
      confidence: confidenceOf(bare),
      ...(options.punctuate || options.smartFormat ? { punctuated_word: punctuated } : {}),
      ...(options.diarize ? { speaker: turn.speaker, speaker_confidence: 0.6 + (turn.speaker % 4) / 10 } : {}),
    };
  });
}

const textOf = (words: readonly FakeWord[]): string => words.map((w) => w.punctuated_word ?? w.word).join(' ');
const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

function paragraphsOf(turns: readonly ScriptedTurn[], wordsByTurn: readonly FakeWord[][], options: ListenOptions) {
  const paragraphs = turns.map((turn, index) => {
    const words = wordsByTurn[index] ?? [];
    const sentences: { text: string; start: number; end: number }[] = [];
    let from = 0;
    words.forEach((word, at) => {
      if (/[.?!]$/.test(word.punctuated_word ?? '') || at === words.length - 1) {
        const slice = words.slice(from, at + 1);
        sentences.push({ text: textOf(slice), start: slice[0]?.start ?? 0, end: word.end });
        from = at + 1;
      }
    });
    return {
      sentences,
      ...(options.diarize ? { speaker: turn.speaker } : {}),
      num_words: words.length,
      start: seconds(turn.startMs),
      end: seconds(turn.endMs),
    };
  });
  const transcript = paragraphs
    .map((p) => `\n${p.speaker === undefined ? '' : `Speaker ${p.speaker}: `}${p.sentences.map((s) => s.text).join(' ')}`)
    .join('\n');
  return { transcript, paragraphs };
}

/** A realistic `/v1/listen` response to the script, shaped by the request's options. */
export function listenResponse(
  turns: readonly ScriptedTurn[],
  options: ListenOptions,
  meta: { requestId: string; durationSeconds: number; detectedLanguage: string; audioDigest: string },
): unknown {
  const wordsByTurn = turns.map((turn) => wordsOf(turn, options));
  const allWords = wordsByTurn.flat();
  const modelId = randomUUID();
  return {
    metadata: {
      transaction_key: 'deprecated',
      request_id: meta.requestId,
      sha256: meta.audioDigest,
      created: new Date().toISOString(),
      duration: meta.durationSeconds,
      channels: 1,
      models: [modelId],
      model_info: { [modelId]: { name: `general-${options.model}`, version: '2024-12-20.0', arch: options.model } },
      ...(Object.keys(options.extra).length === 0 ? {} : { extra: options.extra }),
    },
    results: {
      channels: [
        {
          ...(options.detectLanguage ? { detected_language: meta.detectedLanguage, language_confidence: 0.97 } : {}),
          alternatives: [
            {
              transcript: textOf(allWords),
              confidence: mean(allWords.map((w) => w.confidence)),
              words: allWords,
              ...(options.paragraphs ? { paragraphs: paragraphsOf(turns, wordsByTurn, options) } : {}),
            },
          ],
        },
      ],
      ...(options.utterances
        ? {
            utterances: turns.map((turn, index) => {
              const words = wordsByTurn[index] ?? [];
              return {
                start: seconds(turn.startMs),
                end: seconds(turn.endMs),
                confidence: mean(words.map((w) => w.confidence)),
                channel: 0,
                transcript: textOf(words),
                words,
                ...(options.diarize ? { speaker: turn.speaker } : {}),
                id: randomUUID(),
              };
            }),
          }
        : {}),
    },
  };
}
