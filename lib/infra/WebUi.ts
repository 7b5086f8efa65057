import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { asInterface } from './cdkTypes.js';
import type { RelayOrigin } from './LiveRelay.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InternalError } from '../domain/errors.js';

export interface WebUiProps {
  /** The built UI (bin/buildWeb.ts writes web/dist): index.html and content-hashed assets. */
  distDir: string;
  api: HttpApi;
  /** The live relay's load balancer, when deployed: its routes are served on the UI's origin too. */
  relay?: { origin: RelayOrigin; paths: readonly string[] } | undefined;
}

/** What the UI loads: its own scripts and styles, audio as blob: URLs, the API on the same origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export class WebUiNotBuiltError extends InternalError {
  override readonly name = 'WebUiNotBuiltError';
}

/**
 * The web UI on AWS: its static files in a private bucket, served by CloudFront through Origin
 * Access Control (no public bucket, no website endpoint), HTTPS only with security headers, and
 * `/api/*` routed to the HTTP API on the same origin, so the UI's relative URLs work without CORS.
 * index.html is revalidated on every load; the hashed assets are cached for a year.
 */
export class WebUi extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebUiProps) {
    super(scope, id);
    if (!existsSync(join(props.distDir, 'index.html'))) {
      throw new WebUiNotBuiltError(`${props.distDir} has no index.html: build the UI first (npx tsx bin/buildWeb.ts; bin/cdk.ts does it before synth)`);
    }
    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'aftercall web UI: CSP, HSTS, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    // API Gateway answers only to its own host name: CloudFront must not forward the viewer's Host.
    // Nothing under /api is cached (responses depend on the API key), so Authorization is forwarded.
    const apiDomain = `${props.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
    const passThrough = (origin: HttpOrigin) => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    });
    // The relay's paths come first: CloudFront matches behaviours in order, and /api/live/* is also /api/*.
    // CloudFront carries WebSocket upgrades. It reaches the balancer over HTTPS when the relay has a
    // certificate (on the domain it is for), else over HTTP; always with the origin secret header.
    const relay = props.relay;
    const relayOrigin = (origin: RelayOrigin) =>
      new HttpOrigin(origin.domainName, { protocolPolicy: origin.https ? OriginProtocolPolicy.HTTPS_ONLY : OriginProtocolPolicy.HTTP_ONLY, customHeaders: origin.headers });
    const relayBehaviors = relay === undefined ? {} : Object.fromEntries(relay.paths.map((path) => [path, passThrough(relayOrigin(relay.origin))]));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'aftercall web UI and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(asInterface<IBucket>(this.bucket)),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: { ...relayBehaviors, '/api/*': passThrough(new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY })) },
    });

    // Two deployments into one bucket, neither pruning the other's files: hashed assets are
    // immutable; index.html (which names them) is revalidated, and invalidated on each deploy.
    const common = { destinationBucket: asInterface<IBucket>(this.bucket), prune: false, memoryLimit: 512 } as const;
    const assets = new BucketDeployment(this, 'Assets', {
      ...common,
      sources: [Source.asset(props.distDir, { exclude: ['index.html', 'build.json', '*.map'] })],
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
    });
    const index = new BucketDeployment(this, 'Index', {
      ...common,
      sources: [Source.asset(props.distDir, { exclude: ['*', '!index.html'] })],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/'],
    });
    // The page must never name assets that are not there yet.
    index.node.addDependency(assets);

    this.url = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'Url', { value: this.url, description: 'The web UI; sign in with an API key (aftercall keys create --bucket …)' });
  }
}
