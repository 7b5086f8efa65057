import { SFNClient } from '@aws-sdk/client-sfn';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { BlobDeliveryLog } from '../lib/adapters/sqs/BlobDeliveryLog.js';
import { SfnWorkflowRunner } from '../lib/adapters/stepfunctions/SfnWorkflowRunner.js';
import type { ErasureDeps } from '../lib/domain/retention/eraseMeeting.js';
import { sweepRetention, type SweepReport } from '../lib/domain/retention/sweepRetention.js';
import { stateMachineArnFrom } from './http/awsControlPlane.js';
import { lambdaLogger as logger } from './shared/logger.js';
import { once } from '../lib/platform/once.js';
import { productionConfig, productionDeps } from './shared/productionDeps.js';

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

const productionSweepDeps = once(async (): Promise<ErasureDeps> => {
  const [config, deps] = await Promise.all([productionConfig(), productionDeps()]);
  return {
    blobs: deps.blobs,
    vectorIndex: deps.vectorIndex,
    workflow: new SfnWorkflowRunner(new SFNClient({ region: config.AWS_REGION }), stateMachineArnFrom(config)),
    // The delivery log in the bucket: erasing a delivery removes its record (SQS holds only pointers).
    deliveries: new BlobDeliveryLog(deps.blobs),
    clock: deps.clock,
    audit: deps.audit,
  };
});

export const handler = createSweepHandler(productionSweepDeps);
