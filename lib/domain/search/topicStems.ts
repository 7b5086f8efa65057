import type { SearchDocument } from '../ports/VectorIndex.js';
import { stem } from '../understanding/text/stem.js';
import { contentTerms } from './analyzeText.js';
import { turnsOf } from './speakerExcerpt.js';

/**
 * Words that questions about meetings use whatever the meeting was about ("summarise the whole
 * meeting", "what did the group decide…"): in any archive they are in every meeting, so a passage
 * holding them is no evidence that the archive answers the question. Compared after stemming.
 * Chosen by hand on the tune third of QMSum's questions: template words that name the meeting or
 * its people rather than a subject (docs/search.md, "What a query asks about").
 */
const MEETING_QUESTION_WORDS = `
meeting meetings whole group groups team teams topic topics member members participant participants
everyone everybody people person opinion opinions view views
`;

const GENERAL_STEMS: ReadonlySet<string> = new Set(MEETING_QUESTION_WORDS.split(/\s+/).filter((word) => word.length > 0).map((word) => stem(word)));

/** True for the stem of a word every meeting question may use (see MEETING_QUESTION_WORDS). */
export const isGeneralStem = (term: string): boolean => GENERAL_STEMS.has(term);

/**
 * The stems of speakers' names and labels in these documents ("Project Manager", "PhD C",
 * "Kirsty Williams AM"), without what a label adds in brackets (a minister's portfolio names
 * topics, not the person).
 */
export function speakerStems(documents: Iterable<Pick<SearchDocument, 'text' | 'speaker' | 'turns'>>): Set<string> {
  const labels = new Set<string>();
  for (const document of documents) for (const turn of turnsOf(document)) labels.add(turn.speaker);
  const stems = new Set<string>();
  for (const label of labels) for (const term of contentTerms(label.replace(/\([^)]*\)?/g, ' '))) stems.add(term.stem);
  return stems;
}

/**
 * What a query asks about: its content stems without the words every meeting question uses and
 * without the names of the people speaking (who is asked about is not what: "What did Marketing
 * think of the rubber casing?" is answered by a passage about the rubber casing, whoever says it).
 * A query that names only speakers keeps their names (someone searching for "Project Manager");
 * one made only of general words ("summarise the whole meeting") asks about nothing.
 */
export function topicStems(queryStems: ReadonlySet<string>, speakers: ReadonlySet<string>): Set<string> {
  const specific = [...queryStems].filter((term) => !isGeneralStem(term));
  const topic = specific.filter((term) => !speakers.has(term));
  return new Set(topic.length > 0 ? topic : specific);
}
