import { describe, expect, it } from 'vitest';
import { putJson } from '../../../../lib/domain/jsonBlobs.js';
import { resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { pendingTranscriptionKey } from '../../../../lib/domain/workflow/steps/transcribe.js';
import { keysToClearBeforeRun, stepsRun } from '../../../../lib/domain/workflow/steps/resultsOfSteps.js';
import { at, meetingOf, PREFIX, stepWorld } from './stepWorld.js';

describe('the steps a run redoes', () => {
  it('runs every step from where it resumes, except that understanding again keeps the translations', () => {
    expect(stepsRun('transcribe')).toEqual(['transcribe', 'translate', 'understand', 'index', 'publish']);
    expect(stepsRun('translate')).toEqual(['translate', 'understand', 'index', 'publish']);
    expect(stepsRun('understand')).toEqual(['understand', 'index', 'publish']);
    expect(stepsRun('index')).toEqual(['index', 'publish']);
    expect(stepsRun('publish')).toEqual(['publish']);
  });

  it("clears only the statuses of Intake and the steps it redoes (every language's), never a result", async () => {
    const { blobs } = stepWorld();
    for (const name of ['intake', 'transcribe', 'translate.fr', 'translate.pt-BR', 'understand', 'index', 'publish']) await putJson(blobs, at(resultFiles.stepStatus(name)), {});
    await putJson(blobs, pendingTranscriptionKey(PREFIX), {});
    await putJson(blobs, at(resultFiles.transcriptJson), {});
    await putJson(blobs, at(resultFiles.manifest), {});

    const steps = (keys: string[]) => keys.map((key) => key.slice(at('steps/').length));
    expect(steps(await keysToClearBeforeRun(blobs, meetingOf({ resumeFrom: 'translate' })))).toEqual(['index.json', 'intake.json', 'publish.json', 'translate.fr.json', 'translate.pt-BR.json', 'understand.json']);
    expect(steps(await keysToClearBeforeRun(blobs, meetingOf({ resumeFrom: 'index' })))).toEqual(['index.json', 'intake.json', 'publish.json']);
    // A provider request still waiting belongs to Transcribe: a run that redoes Transcribe removes it.
    expect(steps(await keysToClearBeforeRun(blobs, meetingOf({ resumeFrom: 'transcribe' })))).toContain('transcribe.pending.json');
  });
});
