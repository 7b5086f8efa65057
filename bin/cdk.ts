import { App } from 'aws-cdk-lib';
import { buildWeb } from '../lib/web/buildWeb.js';
import { applyNag } from '../lib/infra/nag.js';
import { PostCallStack } from '../lib/infra/PostCallStack.js';

// The CDK app: `npx cdk synth` works offline (no credentials); `npx cdk deploy` needs an AWS account.
// cdk-nag's AWS Solutions checks run on every synth: an unacknowledged error-level finding fails it.
// The web UI is deployed from web/dist: built here when missing or older than its sources.
const web = await buildWeb();
const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
new PostCallStack(app, 'AftercallPostCall', { webDistDir: web.dir, ...(account !== undefined && region !== undefined ? { env: { account, region } } : {}) });
applyNag(app);
