import { jsPDF } from 'jspdf';
import type { NotesDocument } from '../../domain/export/meetingNotes.js';

// A4 in points, with 2 cm margins.
const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;

/**
 * The standard PDF fonts (no font file to ship, so it runs in Lambda as it does here) encode
 * Windows-1252 only: anything beyond it would print as garbage, so it prints as "?" instead, and
 * the Markdown export carries every script.
 */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export const toWinAnsi = (text: string): string =>
  Array.from(text.normalize('NFC'), (char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(char) ? char : /\s/.test(char) ? ' ' : '?';
  }).join('');

/** The notes as an A4 PDF: title, meta, each section under its heading and AI label, page numbers. */
export function notesPdf(notes: NotesDocument): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
  doc.setProperties({ title: toWinAnsi(notes.title), subject: 'Meeting notes', creator: 'aftercall' });
  let y = PAGE.margin;

  const write = (text: string, options: { size: number; style?: 'normal' | 'bold' | 'italic'; indent?: number; gapAfter?: number; color?: number }) => {
    doc.setFont('helvetica', options.style ?? 'normal');
    doc.setFontSize(options.size);
    doc.setTextColor(options.color ?? 20);
    const indent = options.indent ?? 0;
    const lineHeight = options.size * 1.35;
    for (const line of doc.splitTextToSize(toWinAnsi(text), WIDTH - indent) as string[]) {
      if (y + lineHeight > BOTTOM) {
        doc.addPage();
        y = PAGE.margin;
      }
      doc.text(line, PAGE.margin + indent, y + options.size);
      y += lineHeight;
    }
    y += options.gapAfter ?? 0;
  };

  write(notes.title, { size: 20, style: 'bold', gapAfter: 4 });
  for (const line of notes.meta) write(line, { size: 10, color: 90 });
  y += 10;
  for (const section of notes.sections) {
    // A heading never ends a page alone.
    if (y + 60 > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    write(section.heading, { size: 14, style: 'bold', gapAfter: 2 });
    if (section.label !== null) write(section.label, { size: 9, style: 'italic', color: 90, gapAfter: 4 });
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') write(block.text, { size: 11, gapAfter: 6 });
      if (block.kind === 'list') block.items.forEach((item, index) => write(`${block.ordered ? `${index + 1}.` : '•'} ${item}`, { size: 11, indent: 10, gapAfter: 3 }));
      if (block.kind === 'transcript') for (const line of block.lines) write(`${line.at}  ${line.speaker}: ${line.text}`, { size: 10, gapAfter: 3 });
    }
    y += 10;
  }

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(8);
    doc.setTextColor(120);
    doc.text(`${toWinAnsi(notes.title)} · page ${page} of ${pages}`, PAGE.margin, PAGE.height - PAGE.margin / 2);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
