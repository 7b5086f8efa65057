import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one definition of the workflow: run by the local runner, deployed by CDK. */
export const POST_CALL_DEFINITION_PATH = fileURLToPath(new URL('../../state-machines/post-call.asl.json', import.meta.url));

export const readPostCallDefinitionText = (): string => readFileSync(POST_CALL_DEFINITION_PATH, 'utf8');

export const readPostCallDefinition = (): Record<string, unknown> => JSON.parse(readPostCallDefinitionText()) as Record<string, unknown>;

/** The "${IntakeFunctionArn}"-style placeholders of the definition, by step function name ("Intake"). */
export const FUNCTION_ARN_PLACEHOLDER = /\$\{(\w+)FunctionArn\}/g;

export function functionNamesInDefinition(text: string): string[] {
  return [...new Set([...text.matchAll(FUNCTION_ARN_PLACEHOLDER)].map((match) => match[1] ?? ''))].sort();
}

/** Fills the Task Resources with ARNs, as CDK does at deploy; locally with ARNs that name the step. */
export function withFunctionArns(text: string, arnFor: (functionName: string) => string): Record<string, unknown> {
  return JSON.parse(text.replace(FUNCTION_ARN_PLACEHOLDER, (_, name: string) => arnFor(name))) as Record<string, unknown>;
}

export const localFunctionArn = (functionName: string): string => `arn:aws:lambda:local:000000000000:function:aftercall-${functionName}`;
