import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpApi as ApiGatewayHttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { StepFunctionLambda } from './StepFunctionLambda.js';

export interface HttpApiProps {
  environment: Record<string, string>;
}

/** The path prefixes the Lambda serves; anything else gets API Gateway's own 404. */
export const API_PREFIXES = ['/webhooks', '/callbacks', '/api'] as const;

/**
 * The control plane's HTTP side: one Lambda running the Hono app (webhooks, provider
 * callbacks, the API) behind an API Gateway HTTP API, with access logs. Authentication is
 * the app's: signed LiveKit webhooks, HMAC-signed callback URLs, API keys on /api.
 */
export class HttpApi extends Construct {
  readonly handler: StepFunctionLambda;
  readonly api: ApiGatewayHttpApi;
  /** The base URL (no trailing slash): what LiveKit's webhook and Deepgram's callbacks point at. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    // API Gateway gives up after 30 s: the function must answer sooner.
    this.handler = new StepFunctionLambda(this, 'Handler', { entry: 'http/api', memoryMb: 1024, timeout: Duration.seconds(29), environment: props.environment });
    this.api = new ApiGatewayHttpApi(this, 'Api', { description: 'aftercall webhooks, provider callbacks and API', createDefaultStage: false });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY })) },
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const integration = new HttpLambdaIntegration('App', this.handler.function);
    for (const prefix of API_PREFIXES) this.api.addRoutes({ path: `${prefix}/{proxy+}`, methods: [HttpMethod.ANY], integration });
    this.url = this.api.apiEndpoint;
    new CfnOutput(this, 'Url', { value: this.url, description: 'Base URL: point LiveKit webhooks at <url>/webhooks/livekit' });
  }
}
