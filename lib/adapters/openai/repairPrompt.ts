// Sent after an answer that failed our checks, with the answer itself just before it, so the
// model corrects its own output instead of starting over.
const MAX_LISTED = 20;

export function repairPrompt(problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED).map((problem) => `- ${problem}`);
  if (problems.length > MAX_LISTED) listed.push(`- and ${problems.length - MAX_LISTED} more like these`);
  return `Your answer has problems:\n${listed.join('\n')}\nAnswer again with the complete corrected JSON.`;
}
