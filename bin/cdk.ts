import { App } from 'aws-cdk-lib';
import { PostCallStack } from '../lib/infra/PostCallStack.js';

// The CDK app: `npx cdk synth` works offline (no credentials); `npx cdk deploy` needs an AWS account.
const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
new PostCallStack(app, 'AftercallPostCall', account !== undefined && region !== undefined ? { env: { account, region } } : {});
