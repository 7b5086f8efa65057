import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWeb } from '../../lib/web/buildWeb.js';
import { applyNag } from '../../lib/infra/nag.js';
import { PostCallStack } from '../../lib/infra/PostCallStack.js';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingResources: { resourceLogicalId: string; locations: string[] }[] }[] }[];
}

/**
 * Synthesizes with cdk-nag as bin/cdk.ts does; returns the rule ids of the report's findings:
 * errors, and all of them (an unacknowledged warning fails synth too).
 */
function synthWithNag(build: (app: App) => void, context: Record<string, string> = {}): { threw: unknown; errors: string[]; findings: string[] } {
  const outdir = mkdtempSync(join(tmpdir(), 'aftercall-nag-'));
  // No esbuild for the Lambda code: nag reads the template, and the bundles are the same either way.
  const app = new App({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
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
  const violations = report.pluginReports.flatMap((plugin) => plugin.violations);
  return { threw, errors: violations.filter((v) => v.severity === 'error').map((v) => v.ruleName), findings: violations.map((v) => v.ruleName) };
}

describe('cdk-nag (AWS Solutions checks)', () => {
  it('finds no unacknowledged finding in the stack: without the relay (with OpenTelemetry on), with it over HTTP, and with it over HTTPS', async () => {
    await buildWeb();
    const https = { relayCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/relay', relayDomainName: 'relay.example.com' };
    for (const context of [{ live: 'false', openTelemetry: 'true', kmsKey: 'create' }, { live: 'true' }, { live: 'true', ...https }]) {
      const { threw, findings } = synthWithNag((app) => new PostCallStack(app, 'AftercallPostCall'), context);
      expect(findings).toEqual([]);
      expect(threw).toBeNull();
    }
  }, 600_000);

  it('is really on: an unencrypted-in-transit bucket elsewhere fails synth', () => {
    const { threw, errors } = synthWithNag((app) => new Bucket(new Stack(app, 'Careless'), 'Open'));
    expect(errors).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    expect(String(threw)).toMatch(/ValidationFailed/);
  });
});
