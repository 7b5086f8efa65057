import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { SECRET_KEYS } from '../config/secretKeys.js';

/**
 * The provider keys, one JSON secret. The stack creates it with every key empty (an empty
 * value means "not configured") except the callback secret, which it generates, so a deploy
 * works before any provider is set up. Functions get only its ARN, never its values.
 */
export class ProviderSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const placeholders = Object.fromEntries(SECRET_KEYS.filter((key) => key !== 'AFTERCALL_CALLBACK_SECRET').map((key) => [key, '']));
    this.secret = new Secret(this, 'Secret', {
      description: 'aftercall provider keys (JSON): DEEPGRAM_API_KEY, OPENAI_API_KEY, PINECONE_API_KEY, LIVEKIT_API_KEY/SECRET, AFTERCALL_CALLBACK_SECRET, AFTERCALL_AUDIO_URL_SECRET',
      generateSecretString: {
        secretStringTemplate: JSON.stringify(placeholders),
        generateStringKey: 'AFTERCALL_CALLBACK_SECRET',
        excludePunctuation: true,
        passwordLength: 48,
      },
    });
  }

  /** Lets one function read the keys, and tells it where they are. */
  grantTo(fn: NodejsFunction): void {
    this.secret.grantRead(fn);
    fn.addEnvironment('AFTERCALL_SECRET_ARN', this.secret.secretArn);
  }
}
