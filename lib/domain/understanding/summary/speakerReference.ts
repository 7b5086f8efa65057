/** How a summary names a speaker, at the start of a sentence and inside one. */
export interface SpeakerReference {
  subject: string;
  inline: string;
}

// Words a role label ends in ("Project Manager", "Industrial Designer", "The Chair"): spoken of as "the project manager".
const ROLE_NOUN = /\b(?:manager|designer|chair|chairman|chairwoman|chairperson|moderator|host|facilitator|lead|engineer|expert|secretary|clerk|director|officer|interviewer|interviewee|presenter|facilitator)$/i;

/**
 * A person by name ("Laura"); a role by role ("The project manager"), as notes speak of people.
 * Brackets after a name hold a riding, party or the person behind a role ("The Acting Chair
 * (Mrs. Carol Hughes)"), which notes leave out.
 */
export function speakerReference(displayName: string): SpeakerReference {
  const name = displayName.replace(/\s*\(.*$/, '').trim() || displayName.trim();
  if (!ROLE_NOUN.test(name)) return { subject: name, inline: name };
  const role = name.replace(/^the\s+/i, '').toLowerCase();
  return { subject: `The ${role}`, inline: `the ${role}` };
}
