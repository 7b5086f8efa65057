import { describe, expect, it } from 'vitest';
import { resultFiles } from '../../../../lib/domain/meetings/resultKeys.js';
import { TranslationSchema } from '../../../../lib/domain/transcript/translationSchema.js';
import { findJson } from '../../../../lib/domain/jsonBlobs.js';
import { translate } from '../../../../lib/domain/workflow/steps/translate.js';
import { at, meetingOf, stepStatusOf, stepWorld, storeTranscript, TaggingTranslator, transcriptFor } from './stepWorld.js';

const frJson = at(resultFiles.translationJson('fr'));
const frVtt = at(resultFiles.translationVtt('fr'));

describe('Translate step (one language of the Map)', () => {
  it('writes the translation as JSON and WebVTT, every line under its source id, with its own status', async () => {
    const translator = new TaggingTranslator();
    const world = stepWorld({ translator });
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);

    const result = await translate(world.deps, { meeting, language: 'fr' });

    expect(result).toEqual({ language: 'fr', state: 'succeeded', reason: null, keys: [frJson, frVtt] });
    const translation = await findJson(world.blobs, frJson, TranslationSchema);
    expect(translation).toMatchObject({ meetingId: meeting.meetingId, language: 'fr', sourceLanguage: 'en', engine: 'fake-translator@1' });
    expect(translation?.utterances).toEqual(transcriptFor(meeting).utterances.map((u) => ({ id: u.id, text: `[fr] ${u.text}` })));
    // The subtitles keep the source lines' times.
    expect(world.blobs.objects.get(frVtt)).toMatch(/00:00:10\.000 --> 00:00:19\.000\n<v Ahmed>\[fr\] We agreed to ship the yellow case first\./);
    expect(await stepStatusOf(world.blobs, 'translate.fr')).toMatchObject({ step: 'translate', state: 'succeeded' });
    expect(await stepStatusOf(world.blobs, 'translate')).toBeNull();
  });

  it('sends a long meeting in batches of at most 40 lines and maps every line back', async () => {
    const translator = new TaggingTranslator();
    const world = stepWorld({ translator });
    const meeting = meetingOf();
    const turns = Array.from({ length: 95 }, (_, i) => [i % 2 === 0 ? 'Laura' : 'Ahmed', `Point number ${i}.`] as const);
    await storeTranscript(world.blobs, meeting, transcriptFor(meeting, turns));

    await translate(world.deps, { meeting, language: 'de' });

    expect(translator.batches.map((b) => b.ids.length)).toEqual([40, 40, 15]);
    expect(translator.batches.flatMap((b) => b.ids)).toEqual(turns.map((_, i) => `u${i}`));
    const translation = await findJson(world.blobs, at(resultFiles.translationJson('de')), TranslationSchema);
    expect(translation?.utterances.at(-1)).toEqual({ id: 'u94', text: '[de] Point number 94.' });
  });

  it('is skipped with the reason, writing no file, when no translation provider is configured', async () => {
    const world = stepWorld();
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);

    const result = await translate(world.deps, { meeting, language: 'fr' });

    const reason = 'no translation provider is configured: set OPENAI_API_KEY to translate into "fr"';
    expect(result).toEqual({ language: 'fr', state: 'skipped', reason, keys: [] });
    expect(await world.blobs.list(at('translations/'))).toEqual([]);
    expect(await stepStatusOf(world.blobs, 'translate.fr')).toMatchObject({ state: 'skipped', detail: reason });
  });

  it('fails, retryable and writing nothing, when the provider loses a line id', async () => {
    const translator = new TaggingTranslator();
    translator.lose = new Set(['u2']);
    const world = stepWorld({ translator });
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);

    await expect(translate(world.deps, { meeting, language: 'fr' })).rejects.toMatchObject({ name: 'ProviderUnavailableError', message: 'translation into fr lost 1 segment ids (first: u2)' });

    expect(await world.blobs.list(at('translations/'))).toEqual([]);
    expect(await stepStatusOf(world.blobs, 'translate.fr')).toMatchObject({ state: 'failed' });
  });

  it('fails clearly on a missing or corrupt transcript', async () => {
    const world = stepWorld({ translator: new TaggingTranslator() });
    const meeting = meetingOf();
    await expect(translate(world.deps, { meeting, language: 'fr' })).rejects.toMatchObject({ name: 'ResultMissingError', message: `${at('transcript.json')} does not exist: run the step that writes it first` });

    await world.blobs.put(at(resultFiles.transcriptJson), '{"schemaVersion": 1, "utterances": "none"}', 'application/json');
    await expect(translate(world.deps, { meeting, language: 'fr' })).rejects.toMatchObject({ name: 'CorruptResultError' });
    expect(await world.blobs.list(at('translations/'))).toEqual([]);
  });

  it('writes the same files again on a rerun', async () => {
    const world = stepWorld({ translator: new TaggingTranslator() });
    const meeting = meetingOf();
    await storeTranscript(world.blobs, meeting);

    await translate(world.deps, { meeting, language: 'fr' });
    const first = [world.blobs.objects.get(frJson), world.blobs.objects.get(frVtt)];
    await translate(world.deps, { meeting: { ...meeting, runId: 'run-2' }, language: 'fr' });

    expect([world.blobs.objects.get(frJson), world.blobs.objects.get(frVtt)]).toEqual(first);
  });
});
