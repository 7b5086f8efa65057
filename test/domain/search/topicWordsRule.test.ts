import { describe, expect, it } from 'vitest';
import type { VectorHit } from '../../../lib/domain/ports/VectorIndex.js';
import { HashedTermEmbedder } from '../../../lib/domain/search/hashedTermEmbedder.js';
import { relevanceRuleFor } from '../../../lib/domain/search/relevance.js';
import { parseSearch, rankCandidates } from '../../../lib/domain/search/searchArchive.js';
import { queryStemsOf } from '../../../lib/domain/search/snippet.js';
import { speakerStems, topicStems } from '../../../lib/domain/search/topicStems.js';

/** A transcript passage as an index returns it: its text said by these speakers, one turn each in order, with its list's score. */
const hit = (id: string, text: string, score: number, speakers: readonly string[] = ['Project Manager', 'Marketing']): VectorHit => {
  const step = Math.ceil(text.length / speakers.length);
  return {
    document: {
      id,
      tenantId: 't1',
      meetingId: `m-${id}`,
      kind: 'transcript',
      text,
      speaker: speakers[0] ?? null,
      turns: speakers.map((speaker, n) => ({ speaker, start: n * step, end: Math.min(text.length, (n + 1) * step) })),
      startMs: 0,
      endMs: 10_000,
      utteranceIds: [`u-${id}`],
    },
    score,
  };
};
const ids = (hits: readonly { meetingId: string }[]) => hits.map((h) => h.meetingId.slice(2));

const rule = relevanceRuleFor(new HashedTermEmbedder());
const allWords = { ...rule, topicWordsOnly: false };
const search = (query: string) => parseSearch({ tenantId: 't1', query, limit: 10 });

describe('the relevance rule judges evidence on what a query asks about', () => {
  it('answers nothing to a question made only of general meeting words, however many passages hold them', () => {
    const keyword = [hit('a', 'the whole meeting ran late, a whole meeting of the group', 9), hit('b', 'before the meeting the team met', 7)];

    expect(rankCandidates(search('Summarize the whole meeting.'), { semantic: [], keyword }, rule)).toEqual([]);
    // The rule before topic words found it answered: both of its words are in passage a.
    expect(ids(rankCandidates(search('Summarize the whole meeting.'), { semantic: [], keyword }, allWords))).toContain('a');
  });

  it('does not take the name of a speaker for evidence: a passage on another subject that names the Project Manager does not answer a question about the budget', () => {
    // Three words, two of them the label of a speaker of the candidates: the passage holds those, not the subject.
    const keyword = [hit('label', 'as project manager I open the kick-off', 8)];
    const query = 'What did the Project Manager think of the budget?';

    expect(rankCandidates(search(query), { semantic: [], keyword }, rule)).toEqual([]);
    expect(ids(rankCandidates(search(query), { semantic: [], keyword }, allWords))).toEqual(['label']);
  });

  it('finds the passage about the subject, whoever says it', () => {
    // Speakers are known from the candidates' turns: Marketing speaks in the second one.
    const keyword = [hit('subject', 'the budget is twelve fifty a unit', 8, ['Industrial Designer']), hit('other', 'we could ask about the colours', 3, ['Marketing'])];

    expect(ids(rankCandidates(search('What did Marketing think of the budget?'), { semantic: [], keyword }, rule))).toEqual(['subject']);
  });

  it('still finds a speaker named alone: a search for "project manager" asks about nothing else', () => {
    const keyword = [hit('said', 'I am the project manager for this one', 8)];

    expect(ids(rankCandidates(search('project manager'), { semantic: [], keyword }, rule))).toEqual(['said']);
  });
});

describe('topicStems', () => {
  it('leaves out general meeting words and the stems of the speakers found in the candidates', () => {
    const speakers = speakerStems([hit('x', 'some text', 1, ['Industrial Designer', 'PhD C']).document]);

    expect([...topicStems(queryStemsOf('What did PhD C and the group think of the industrial rubber casing in this meeting?'), speakers)].sort()).toEqual(['case', 'rubber']);
  });

  it('keeps the words of a minister\'s portfolio, which name topics, out of the speakers\' names', () => {
    const speakers = speakerStems([hit('x', 'some text', 1, ['Hon. Mary Ng (Minister of Small Business, Export Promotion and International Trade)']).document]);

    expect(speakers.has('ng')).toBe(true);
    expect(speakers.has('export')).toBe(false);
    expect([...topicStems(queryStemsOf('What did Mary Ng say about export promotion?'), speakers)].sort()).toEqual(['export', 'promot']);
  });
});
