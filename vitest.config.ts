import { configDefaults, defineConfig } from 'vitest/config';

// Tests are split by what they need to run (docs/testing.md). `npm run test:unit` runs the unit
// project alone; `npm test` runs every project. A test file no pattern below names lands in
// `integration`, so nothing is ever left out of `npm test`.

/** In memory or a temp folder only: no socket, no child process, no browser, no CDK synth. */
const UNIT = [
  'test/domain/*.test.ts',
  'test/domain/!(crm)/**/*.test.ts',
  // deliverDue posts to a receiver on loopback.
  'test/domain/crm/!(deliverDue).test.ts',
  // modelPathEval talks to a fake OpenAI server on loopback.
  'test/evaluation/!(modelPathEval).test.ts',
  'test/state-machines/*.test.ts',
  'test/platform/**/*.test.ts',
  'test/bench/benchDocs.test.ts',
  'test/live/{liveDomain,liveTranslation,pcmWav,sampleRecordingAudio}.test.ts',
  'test/infra/{secrets,lambdaHandlers}.test.ts',
  'test/web/webUiRoutes.test.ts',
  'test/adapters/crm/{FileDeliveryQueue,subscriptionRoutes}.test.ts',
];
/** Debian's Chromium through playwright-core, against a whole local stack. */
const BROWSER = ['test/web/**/*.test.ts', 'test/live/liveWebUi.test.ts'];
/** CDK synth of the AWS stack (and what is checked on the synthesized templates). */
const INFRA = ['test/infra/**/*.test.ts', 'test/security/compromisedRoleMintsApiKeys.test.ts'];

const project = (name: string, include: string[], exclude: string[] = [], options: { pool?: 'threads'; isolate?: boolean } = {}) => ({
  extends: true as const,
  test: { name, include, exclude: [...configDefaults.exclude, ...exclude], ...options },
});

export default defineConfig({
  test: {
    setupFiles: ['lib/platform/promiseWithResolvers.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Step failures are asserted on through the status beside the recording; their Lambda logs are noise here.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      project('unit', UNIT, [], { pool: 'threads', isolate: false }),
      // Real servers on loopback (S3, the local stack, fake providers), LanceDB on disk, spawned CLIs.
      project('integration', ['test/**/*.test.ts'], [...UNIT, ...BROWSER, ...INFRA]),
      project('browser', BROWSER, UNIT),
      project('infra', INFRA, UNIT),
    ],
  },
});
