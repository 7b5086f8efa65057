import { describe, expect, it } from 'vitest';
import { ErrorNames } from '../../lib/domain/errors.js';
import { transcriptionWaitSeconds } from '../../lib/domain/transcriptionCallback/transcriptionWait.js';
import { readPostCallDefinition } from '../../lib/stateMachine/postCallDefinition.js';

type State = Record<string, unknown> & { Type: string };
const states = readPostCallDefinition().States as Record<string, State>;
const errorsIn = (list: unknown): string[] => ((list as { ErrorEquals: string[] }[] | undefined) ?? []).flatMap((entry) => entry.ErrorEquals);

describe('how long the workflow waits for a transcript, and what it does when the wait runs out', () => {
  it('waits for Transcribe as long as Intake computed for the recording, at a path both AWS and the local runner resolve', () => {
    expect(states.PlanTranscribe).toMatchObject({ Type: 'Pass', Parameters: { 'waitSeconds.$': '$.results.intake.transcribeWaitSeconds' }, ResultPath: '$.Payload', Next: 'Transcribe' });
    expect(states.ResumeFrom?.Default).toBe('PlanTranscribe');
    const transcribe = states.Transcribe;
    expect(transcribe?.TimeoutSeconds).toBeUndefined();
    expect(transcribe?.TimeoutSecondsPath).toBe('$.Payload.waitSeconds');
    expect((transcribe?.Parameters as { Payload: Record<string, string> }).Payload['waitSeconds.$']).toBe('$.Payload.waitSeconds');
  });

  it('never retries a task-token wait on States.Timeout: that would resubmit a paid job', () => {
    const waits = Object.entries(states).filter(([, state]) => String(state.Resource).endsWith('.waitForTaskToken'));
    expect(waits.map(([name]) => name).sort()).toEqual(['Transcribe', 'TranscribeWithSecondary']);
    for (const [name, state] of waits) expect(errorsIn(state.Retry), name).not.toContain('States.Timeout');
  });

  it('checks for the result when the wait runs out, and either goes on or fails the run, never transcribing again', () => {
    const catches = (states.Transcribe?.Catch as { ErrorEquals: string[]; Next: string }[]).filter((c) => c.ErrorEquals.includes('States.Timeout'));
    expect(catches.map((c) => c.Next)).toEqual(['CheckLostTranscription']);
    const check = states.CheckLostTranscription;
    expect(check).toMatchObject({ Type: 'Task', Resource: '${CheckTranscriptionFunctionArn}', Next: 'Analyse', Parameters: { 'waitSeconds.$': '$.Payload.waitSeconds' } });
    expect((check?.Catch as { Next: string }[]).map((c) => c.Next)).toEqual(['RecordFailure']);
    expect(Object.values(ErrorNames)).toContain('TranscriptionLostError');
  });
});

describe('transcriptionWaitSeconds', () => {
  const FLOOR = 960;
  const hour = 3600;

  it('waits about the floor for a short recording', () => {
    expect(transcriptionWaitSeconds({ bytes: 0, mime: 'audio/ogg' }, FLOOR)).toBe(FLOOR);
    const fiveMinutes = transcriptionWaitSeconds({ bytes: 300 * (32_000 / 8), mime: 'audio/ogg' }, FLOOR);
    expect(fiveMinutes).toBeGreaterThan(FLOOR);
    expect(fiveMinutes).toBeLessThan(FLOOR + 60);
  });

  it('waits longer for a longer recording, bounded from its size at a low bitrate', () => {
    const sixHoursOpus = 6 * hour * (32_000 / 8);
    const wait = transcriptionWaitSeconds({ bytes: sixHoursOpus, mime: 'audio/ogg' }, FLOOR);
    expect(wait).toBeGreaterThan(FLOOR + 6 * 300);
    expect(wait).toBeLessThan(2 * hour);
    // Uncompressed audio carries more bytes per second: a 1-hour WAV is not waited for as if it were 30 hours.
    const oneHourWav = hour * 32_000;
    expect(transcriptionWaitSeconds({ bytes: oneHourWav, mime: 'audio/wav' }, FLOOR)).toBeLessThan(FLOOR + 3 * 300);
  });

  it('never waits more than the old fixed 4 hours', () => {
    expect(transcriptionWaitSeconds({ bytes: 2_000_000_000, mime: 'audio/mpeg' }, FLOOR)).toBe(4 * hour);
  });
});
