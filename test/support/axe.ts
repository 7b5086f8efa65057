import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | null = null;

/** What axe found wrong on a page: one line per rule, with the first offending element. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

// Runs in the page, where the injected axe-core lives; the test's tsconfig has no DOM types.
declare const axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> };

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on what the page shows now
 * and returns its violations; a test expects none. The script is injected from node_modules,
 * never downloaded.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not a <script>: the page's CSP (script-src 'self') stays as it is.
  const code = await source;
  await page.evaluate((axeSource) => (0, eval)(axeSource), code);
  const results = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
}

declare const document: unknown;
declare function eval(code: string): unknown;
