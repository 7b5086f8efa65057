import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyNag } from '../../lib/infra/nag.js';
import { PostCallStack } from '../../lib/infra/PostCallStack.js';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
}

/** Synthesizes with cdk-nag as bin/cdk.ts does; returns the error-level rule ids the report holds. */
function synthWithNag(build: (app: App) => void): { threw: unknown; errors: string[] } {
  const outdir = mkdtempSync(join(tmpdir(), 'aftercall-nag-'));
  const app = new App({ outdir });
  build(app);
  applyNag(app);
  let threw: unknown = null;
  try {
    app.synth();
  } catch (error) {
    threw = error;
  }
  const reportPath = join(outdir, 'validation-report.json');
  const report: ValidationReport = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as ValidationReport) : { pluginReports: [] };
  const errors = report.pluginReports.flatMap((plugin) => plugin.violations.filter((v) => v.severity === 'error').map((v) => v.ruleName));
  return { threw, errors };
}

describe('cdk-nag (AWS Solutions checks)', () => {
  it('finds no unacknowledged error-level finding in the stack', () => {
    const { threw, errors } = synthWithNag((app) => new PostCallStack(app, 'AftercallPostCall'));
    expect(errors).toEqual([]);
    expect(threw).toBeNull();
  }, 120_000);

  it('is really on: an unencrypted-in-transit bucket elsewhere fails synth', () => {
    const { threw, errors } = synthWithNag((app) => new Bucket(new Stack(app, 'Careless'), 'Open'));
    expect(errors).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    expect(String(threw)).toMatch(/ValidationFailed/);
  });
});
