import { describe, expect, it } from 'vitest';
import { extractDecisions } from '../../../lib/domain/understanding/extractDecisions.js';
import { DecisionSchema } from '../../../lib/domain/understanding/schema.js';
import { transcriptOf } from './transcriptBuilder.js';

describe('extractDecisions', () => {
  it('finds what the group settles, citing where it was said', () => {
    const transcript = transcriptOf([
      { speaker: 'Industrial Designer', text: 'The rubber case costs too much.' },
      { speaker: 'Project Manager', text: "Okay, we'll stick to the plastic case then." },
      { speaker: 'Marketing', text: 'Fine.' },
    ]);
    const decisions = extractDecisions(transcript);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ text: "We'll stick to the plastic case then.", utteranceIds: ['u1'], startMs: 5_000 });
    expect(DecisionSchema.safeParse({ id: 'd1', ...decisions[0] }).success).toBe(true);
  });

  it('reads "we decided on X, right?" as a decision, other questions and open options as none', () => {
    const decisions = extractDecisions(
      transcriptOf([
        { speaker: 'A', text: "Energy, we've decided on kinetic, right?" },
        { speaker: 'B', text: 'Yes.' },
        { speaker: 'C', text: 'The weather is nice.' },
        { speaker: 'C', text: 'The weather is nice.' },
        { speaker: 'C', text: 'The weather is nice.' },
        { speaker: 'C', text: 'The weather is nice.' },
        { speaker: 'A', text: 'Should we go with the yellow one?' },
        { speaker: 'B', text: 'Maybe we could go for a rubber case.' },
        { speaker: 'C', text: "We haven't decided on the colour yet." },
        { speaker: 'A', text: 'The government decided to act alone.' },
      ]),
    );
    expect(decisions.map((d) => d.text)).toEqual(["Energy, we've decided on kinetic, right?"]);
  });

  it('merges sentences a few turns apart into one decision with the strongest wording, citing all', () => {
    const decisions = extractDecisions(
      transcriptOf([
        { speaker: 'A', text: 'So we drop the LCD display.' },
        { speaker: 'B', text: 'Yeah.' },
        { speaker: 'A', text: "So it's decided: no LCD, we use the regular chip." },
      ]),
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ text: "It's decided: no LCD, we use the regular chip.", utteranceIds: ['u0', 'u2'], startMs: 0 });
  });

  it('reads "we have determined" as settled, a decision told as a clause or quoted as none, and an elision as no quote', () => {
    const decisionsOf = (text: string) => extractDecisions(transcriptOf([{ speaker: 'Lead', text }]));
    expect(decisionsOf("So the aluminium frame is what we've determined.")).toHaveLength(1);
    expect(decisionsOf('That is why we decided to use a flat screen.')).toHaveLength(0);
    expect(decisionsOf("Parents told us, 'if you struggle, we'll put the support in.'")).toHaveLength(0);
    expect(decisionsOf("'Kay we'll stick to the blue theme then.")).toHaveLength(1);
  });

  it('ignores talk about the meeting itself', () => {
    expect(extractDecisions(transcriptOf([{ speaker: 'A', text: "Okay, let's go with the next presentation then." }]))).toEqual([]);
  });
});
