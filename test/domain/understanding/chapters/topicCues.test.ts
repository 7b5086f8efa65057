import { describe, expect, it } from 'vitest';
import { opensTopic } from '../../../../lib/domain/understanding/chapters/topicCues.js';

describe('opensTopic', () => {
  it('recognises what people say to open a topic', () => {
    for (const text of ['Okay, shall we move on?', 'The next item is the budget.', 'Could you give us your presentation?', "Let's talk about the case.", 'We now have questions on funding from Janet.', "Okay, let's wrap up.", 'Anything else before the next meeting?']) {
      expect(opensTopic(text), text).toBe(true);
    }
  });

  it('leaves ordinary talk alone', () => {
    for (const text of ['I think the battery is fine.', 'Yeah, okay.', 'It is next to the button.']) expect(opensTopic(text), text).toBe(false);
  });
});
