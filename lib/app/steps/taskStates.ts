import { FUNCTION_ARN_PLACEHOLDER } from '../../stateMachine/postCallDefinition.js';
import type { DepsProvider, StepHandler } from './stepHandler.js';
import { isTaskFunctionName, workflowStepHandler, type TaskFunctionName } from './workflowSteps.js';

type State = Record<string, unknown>;

/** Every state of a definition, nested ones (Parallel branches, Map processors) included. */
function statesOf(machine: State): [string, State][] {
  return Object.entries((machine.States ?? {}) as Record<string, State>).flatMap(([name, state]) => {
    const nested = [...((state.Branches as State[] | undefined) ?? []), ...(state.ItemProcessor === undefined ? [] : [state.ItemProcessor as State]), ...(state.Iterator === undefined ? [] : [state.Iterator as State])];
    return [[name, state] as [string, State], ...nested.flatMap(statesOf)];
  });
}

/**
 * Task state name → the function it invokes, read off the definition text (before the ARNs are
 * filled in): a Task names its function in `Resource` or, for `lambda:invoke.waitForTaskToken`,
 * in `Parameters.FunctionName`. A Task naming a function no step has is a mistake in the ASL.
 */
export function taskFunctionsOf(definitionText: string): Record<string, TaskFunctionName> {
  const tasks = statesOf(JSON.parse(definitionText) as State).filter(([, state]) => state.Type === 'Task');
  return Object.fromEntries(
    tasks.map(([stateName, state]) => {
      const named = [...JSON.stringify({ resource: state.Resource, parameters: state.Parameters }).matchAll(new RegExp(FUNCTION_ARN_PLACEHOLDER.source, 'g'))].map((match) => match[1] ?? '');
      const [functionName] = named;
      if (named.length !== 1 || functionName === undefined || !isTaskFunctionName(functionName)) {
        throw new Error(`Task ${stateName} must name exactly one step's function as \${<Step>FunctionArn}, found ${named.join(', ') || 'none'}`);
      }
      return [stateName, functionName];
    }),
  );
}

/** Task state name → its step's handler, for the local runner. */
export function stepHandlersByTaskState(definitionText: string, getDeps: DepsProvider): Record<string, StepHandler<unknown>> {
  return Object.fromEntries(Object.entries(taskFunctionsOf(definitionText)).map(([stateName, functionName]) => [stateName, workflowStepHandler(functionName, getDeps)]));
}
