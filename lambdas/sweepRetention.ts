import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { lambdaLogger as logger } from '../lib/app/lambdaLogger.js';
import { awsSweepDeps } from '../lib/composition/aws.js';
import type { ErasureDeps } from '../lib/domain/retention/eraseMeeting.js';
import { sweepRetention, type SweepReport } from '../lib/domain/retention/sweepRetention.js';

/**
 * The retention sweep, invoked by an EventBridge schedule: one pass over every tenant's
 * retention (lib/domain/retention/sweepRetention.ts), its counts logged. The event carries
 * nothing the sweep needs.
 */
export function createSweepHandler(getDeps: () => Promise<ErasureDeps>) {
  return middy<unknown, Omit<SweepReport, 'erased'> & { erased: number }, Error, Context>()
    .use(injectLambdaContext(logger(), { resetKeys: true }))
    .handler(async () => {
      const report = await sweepRetention(await getDeps());
      // Tombstones hold no content, but the log needs only the counts.
      const summary = { ...report, erased: report.erased.length };
      logger().info('retention sweep', { tenants: report.tenants.length, erased: summary.erased, trimmed: report.trimmed.length, forgotten: report.forgotten.length, deferred: report.deferred.length });
      return summary;
    });
}

export const handler = createSweepHandler(awsSweepDeps);
