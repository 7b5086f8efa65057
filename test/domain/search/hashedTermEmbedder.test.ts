import { describe, expect, it } from 'vitest';
import { contentTerms, isFillerOnly } from '../../../lib/domain/search/analyzeText.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { stableHash32 } from '../../../lib/domain/search/stableHash.js';
import { dot } from './fixtures.js';

const norm = (vector: Float32Array): number => Math.sqrt(dot(vector, vector));

describe('contentTerms', () => {
  it('lowercases, stems and drops stopwords, fillers and conversational words', () => {
    const stems = contentTerms("Um, yeah, I think we're discussing the Remote Controls' batteries, okay?").map((term) => term.stem);
    expect(stems).toEqual(['remot', 'control', 'batteri']);
  });

  it('keeps the offsets of each word as written', () => {
    const text = 'The Emails arrived.';
    const [email] = contentTerms(text);
    expect(email?.stem).toBe('email');
    expect(text.slice(email!.start, email!.end)).toBe('Emails');
  });

  it('recognises a turn of nothing but fillers', () => {
    expect(isFillerOnly('Mm-hmm. Okay, yeah. Uh-huh.')).toBe(true);
    expect(isFillerOnly('Okay, the budget.')).toBe(false);
  });
});

describe('stableHash32', () => {
  it('gives the values of an independent FNV-1a + murmur3 finaliser implementation', () => {
    // Reference values computed with a separate Python implementation over UTF-8 bytes;
    // if they change, every stored vector is invalid.
    expect(stableHash32('')).toBe(2872998923);
    expect(stableHash32('a')).toBe(444641715);
    expect(stableHash32('remot control')).toBe(3296122064);
    expect(stableHash32('café')).toBe(3746663762);
  });
});

describe('HashedTermEmbedder', () => {
  const embedder = new HashedTermEmbedder();

  it('has 512 dimensions by default and a model name that carries its settings', () => {
    expect(embedder.dimensions).toBe(512);
    expect(embedder.model).toBe('hashed-terms-v1-d512');
    const small = new HashedTermEmbedder({ dimensions: 64 });
    expect(small.dimensions).toBe(64);
    expect(small.model).not.toBe(embedder.model);
  });

  it('rejects impossible settings', () => {
    expect(() => new HashedTermEmbedder({ dimensions: 0 })).toThrow(RangeError);
    expect(() => new HashedTermEmbedder({ dimensions: 10.5 })).toThrow(RangeError);
    expect(() => new HashedTermEmbedder({ bigramWeight: -1 })).toThrow(RangeError);
  });

  it('gives the same vector for the same text, across calls and instances', async () => {
    const text = 'The remote control needs a rubber casing and a cheaper battery.';
    const [first] = await embedder.embed([text]);
    const [again] = await new HashedTermEmbedder().embed([text]);
    expect(first).toBeInstanceOf(Float32Array);
    expect(Array.from(again!)).toEqual(Array.from(first!));
  });

  it('returns one unit-length vector per text, in order', async () => {
    const vectors = await embedder.embed(['budget for marketing', 'speech recognition', 'battery life']);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    const [budget] = await embedder.embed(['budget for marketing']);
    expect(Array.from(vectors[0]!)).toEqual(Array.from(budget!));
  });

  it('puts related texts closer than unrelated ones', async () => {
    const [query, related, unrelated] = await embedder.embed([
      'How long does the battery of the remote last?',
      'We tested the remote control batteries: they last about two years.',
      'The committee asked the minister about summer jobs for students.',
    ]);
    expect(dot(query!, related!)).toBeGreaterThan(0.2);
    expect(dot(query!, related!)).toBeGreaterThan(dot(query!, unrelated!) + 0.2);
  });

  it('matches inflections and ignores case and fillers', async () => {
    const [a, b] = await embedder.embed(['Um, the BATTERIES were charging, yeah.', 'battery charged']);
    expect(dot(a!, b!)).toBeCloseTo(1, 5);
  });

  it('uses word order through bigrams', async () => {
    const [phrase, samePhrase, swapped] = await embedder.embed(['remote control', 'the remote control', 'control remote']);
    expect(dot(phrase!, samePhrase!)).toBeCloseTo(1, 5);
    expect(dot(phrase!, swapped!)).toBeLessThan(0.99);
  });

  it('gives a zero vector, never NaN, for a text without content words', async () => {
    for (const text of ['', '   ', 'Um, uh, yeah. Okay. Mm-hmm. The and of it.']) {
      const [vector] = await embedder.embed([text]);
      expect(vector).toHaveLength(512);
      expect(vector!.every((value) => value === 0)).toBe(true);
    }
  });
});
