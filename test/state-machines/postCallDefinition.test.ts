import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { stepHandlersByTaskState, taskFunctionsOf } from '../../lib/app/steps/taskStates.js';
import { TASK_FUNCTION_NAMES } from '../../lib/app/steps/workflowSteps.js';
import { ErrorNames, TRANSIENT_ERROR_NAMES } from '../../lib/domain/errors.js';
import { readPostCallDefinition, readPostCallDefinitionText, withFunctionArns } from '../../lib/stateMachine/postCallDefinition.js';

type State = Record<string, unknown> & { Type: string };

/** Every state of the definition, nested ones (Parallel branches, Map processors) included. */
function allStates(machine: Record<string, unknown>): [string, State][] {
  const states = Object.entries(machine.States as Record<string, State>);
  return states.flatMap(([name, state]) => {
    const nested = [
      ...((state.Branches as Record<string, unknown>[] | undefined) ?? []),
      ...(state.ItemProcessor === undefined ? [] : [state.ItemProcessor as Record<string, unknown>]),
    ];
    return [[name, state] as [string, State], ...nested.flatMap(allStates)];
  });
}


describe('state-machines/post-call.asl.json', () => {
  const definition = readPostCallDefinition();
  const states = allStates(definition);
  const tasks = states.filter(([, state]) => state.Type === 'Task');

  it('is valid Amazon States Language once CDK substitutes the Lambda ARNs', () => {
    const deployed = withFunctionArns(readPostCallDefinitionText(), (name) => `arn:aws:lambda:eu-west-1:123456789012:function:aftercall-${name}`);
    const result = aslValidator(deployed, { checkArn: true, checkPaths: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('runs the steps in the documented order', () => {
    const top = definition.States as Record<string, State>;
    expect(definition.StartAt).toBe('Intake');
    expect(top.Intake?.Next).toBe('ResumeFrom');
    expect(top.Transcribe?.Next).toBe('Analyse');
    expect(top.Analyse?.Type).toBe('Parallel');
    expect(top.Analyse?.Next).toBe('Index');
    expect(top.Index?.Next).toBe('Publish');
    const branchStarts = (top.Analyse?.Branches as { StartAt: string }[]).map((b) => b.StartAt);
    expect(branchStarts).toEqual(['TranslateOrKeep', 'Understand']);
  });

  it('has a local handler for every Task, and a Task for every handler', () => {
    const handlers = stepHandlersByTaskState(readPostCallDefinitionText(), async () => {
      throw new Error('not called');
    });
    expect(tasks.map(([name]) => name).sort()).toEqual(Object.keys(handlers).sort());
    // Every step of the registry is some Task's function, and no Task names a function without a step.
    expect([...new Set(Object.values(taskFunctionsOf(readPostCallDefinitionText())))].sort()).toEqual([...TASK_FUNCTION_NAMES].sort());
    expect(() => taskFunctionsOf(readPostCallDefinitionText().replace('${PublishFunctionArn}', '${PublishNotesFunctionArn}'))).toThrow(/Task Publish must name exactly one step's function/);
  });

  it('retries every Task on the transient errors our adapters throw', () => {
    for (const [name, state] of tasks) {
      const retried = ((state.Retry as { ErrorEquals: string[] }[] | undefined) ?? []).flatMap((r) => r.ErrorEquals);
      expect(retried, name).toContain(ErrorNames.BlobStoreUnavailable);
      if (name !== 'RecordFailure') for (const transient of TRANSIENT_ERROR_NAMES) expect(retried, name).toContain(transient);
    }
  });

  it('names only errors that exist: our exported names, or the States/Lambda ones', () => {
    const ours = new Set<string>(Object.values(ErrorNames));
    const named = states.flatMap(([, state]) =>
      [...((state.Retry as { ErrorEquals: string[] }[]) ?? []), ...((state.Catch as { ErrorEquals: string[] }[]) ?? [])].flatMap((r) => r.ErrorEquals),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) {
      expect(ours.has(name) || name.startsWith('States.') || name.startsWith('Lambda.'), name).toBe(true);
    }
  });

  it('catches failures of every top-level step so the failure is recorded beside the recording', () => {
    const top = Object.entries(definition.States as Record<string, State>);
    for (const [name, state] of top.filter(([n, s]) => (s.Type === 'Task' || s.Type === 'Parallel') && n !== 'RecordFailure')) {
      const catchers = (state.Catch as { ErrorEquals: string[]; Next: string }[] | undefined) ?? [];
      expect(catchers.some((c) => c.ErrorEquals.includes('States.ALL')), name).toBe(true);
    }
  });

  it('is written in JSONPath (the local runner ignores JSONata)', () => {
    expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    expect(JSON.stringify(definition)).not.toContain('{%');
  });
});
