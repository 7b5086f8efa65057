import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildWeb } from '../../lib/web/buildWeb.js';
import { PostCallStack } from '../../lib/infra/PostCallStack.js';

export type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };

/**
 * The stack as the CDK app builds it (web UI built first, as bin/cdk.ts does), its template, and
 * a way to name a construct's logical id in that template. `context` is what `-c` would set.
 * `bundle: false` skips esbuild for the Lambda code (as `cdk synth --exclusively` does for other
 * stacks): the template is the same, only the code assets are placeholders. Much faster.
 */
export async function testStack(context: Record<string, string> = {}, options: { bundle?: boolean } = {}) {
  await buildWeb();
  const app = new App({ context: { ...context, ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}) } });
  const stack = new PostCallStack(app, 'Test');
  const template = Template.fromStack(stack);
  const logicalId = (construct: IConstruct): string => stack.resolve(Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement)) as string;
  const resources = (type: string): Record<string, Resource> => template.findResources(type) as Record<string, Resource>;
  return { app, stack, template, logicalId, resources };
}
