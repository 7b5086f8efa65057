import type { NotesBlock, NotesDocument } from './meetingNotes.js';

/**
 * Text from the meeting as Markdown text, never as markup: characters that Markdown (or the HTML
 * it allows) would read as syntax are escaped, so a transcript line cannot become a link or a tag.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/\s+/g, ' ')
    .replace(/^([#>+-]|\d+[.)])/, (start) => `\\${start}`);
}

const block = (item: NotesBlock): string => {
  switch (item.kind) {
    case 'paragraph':
      return escapeMarkdown(item.text);
    case 'list':
      return item.items.map((text, index) => `${item.ordered ? `${index + 1}.` : '-'} ${escapeMarkdown(text)}`).join('\n');
    case 'transcript':
      return item.lines.map((line) => `**${escapeMarkdown(line.speaker)}** (${line.at}): ${escapeMarkdown(line.text)}`).join('\n\n');
  }
};

/** The notes as CommonMark: a title, its meta lines, then a section per result under its AI label. */
export function notesMarkdown(notes: NotesDocument): string {
  const parts = [`# ${escapeMarkdown(notes.title)}`, notes.meta.map(escapeMarkdown).join('  \n')];
  for (const section of notes.sections) {
    parts.push(`## ${section.heading}`);
    if (section.label !== null) parts.push(`_${escapeMarkdown(section.label)}_`);
    parts.push(...section.blocks.map(block));
  }
  return `${parts.join('\n\n')}\n`;
}
