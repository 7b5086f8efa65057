import { Match } from 'aws-cdk-lib/assertions';
import { App, Stack } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEYS } from '../../lib/config/secretKeys.js';
import { RELAY_PATHS, RELAY_SECRET_KEYS } from '../../lib/infra/LiveRelay.js';
import { PostCallStack } from '../../lib/infra/PostCallStack.js';
import { StackOptionError } from '../../lib/infra/stackOptions.js';
import { DELIVERY_LOG_KEYS, MAX_RECEIVE_COUNT, SUBSCRIPTION_KEYS } from '../../lib/infra/WebhookDelivery.js';
import { WebUi, WebUiNotBuiltError } from '../../lib/infra/WebUi.js';
import { testStack, type Resource } from './testStack.js';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown };
const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement): unknown[] => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

describe('the stack on AWS: webhook delivery, web UI, live relay, lifecycle', () => {
  let world: Awaited<ReturnType<typeof testStack>>;
  beforeAll(async () => {
    world = await testStack({}, { bundle: false });
  }, 300_000);

  /** Every statement of the policies attached to a role. */
  const statementsOf = (roleId: string): Statement[] =>
    Object.values(world.resources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const bucketArn = () => ({ 'Fn::GetAtt': [world.logicalId(world.stack.bucket), 'Arn'] });
  const objectsArn = (keys: string) => ({ 'Fn::Join': ['', [bucketArn(), `/${keys}`]] });

  describe('CRM webhook delivery', () => {
    const queues = () => ({ queue: world.logicalId(world.stack.delivery.queue), dlq: world.logicalId(world.stack.delivery.deadLetterQueue) });

    it('has a queue and a dead-letter queue, both encrypted, TLS only, kept 14 days, with a redrive policy', () => {
      const { queue, dlq } = queues();
      // The third queue is the S3 intake's on-failure destination (test/infra/alarmsDashboard.test.ts).
      const all = world.resources('AWS::SQS::Queue');
      expect(Object.keys(all).sort()).toEqual([queue, dlq, world.logicalId(world.stack.s3EventFailures)].sort());
      for (const q of Object.values(all)) expect(q.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      expect(all[queue]?.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: MAX_RECEIVE_COUNT });
      expect(all[queue]?.Properties.VisibilityTimeout).toBe(360);
      const denied = Object.values(world.resources('AWS::SQS::QueuePolicy')).filter((p) =>
        (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport')),
      );
      expect(denied.flatMap((p) => (p.Properties.Queues as { Ref: string }[]).map((q) => q.Ref)).sort()).toEqual(Object.keys(all).sort());
    });

    it('feeds the consumer with partial batch responses', () => {
      world.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [queues().queue, 'Arn'] },
        FunctionName: { Ref: world.logicalId(world.stack.delivery.consumer.function) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 10,
      });
    });

    it('lets the consumer consume only its queue, send only to the DLQ, and touch only subscriptions and the delivery log', () => {
      const statements = statementsOf(world.logicalId(world.stack.delivery.consumer.function.role!));
      const { queue, dlq } = queues();
      const sqs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
      for (const s of sqs) {
        const onQueue = resourcesOf(s).every((r) => JSON.stringify(r) === JSON.stringify({ 'Fn::GetAtt': [queue, 'Arn'] }));
        const onDlq = resourcesOf(s).every((r) => JSON.stringify(r) === JSON.stringify({ 'Fn::GetAtt': [dlq, 'Arn'] }));
        expect(onQueue || onDlq).toBe(true);
        if (onDlq) expect(actionsOf(s)).toEqual(expect.arrayContaining(['sqs:SendMessage']));
        if (onDlq) expect(actionsOf(s)).not.toContain('sqs:ReceiveMessage');
      }
      expect(sqs.flatMap(actionsOf)).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:DeleteMessage']));
      const s3 = statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => a.startsWith('s3:')));
      const allowed = [bucketArn(), objectsArn(SUBSCRIPTION_KEYS), objectsArn(DELIVERY_LOG_KEYS)].map((r) => JSON.stringify(r));
      for (const s of s3) for (const r of resourcesOf(s)) expect(allowed).toContain(JSON.stringify(r));
      const writes = s3.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:Put')));
      expect(writes.flatMap(resourcesOf)).toEqual([objectsArn(DELIVERY_LOG_KEYS)]);
      expect(s3.flatMap(actionsOf).some((a) => a.startsWith('s3:Delete'))).toBe(false);
      expect(JSON.stringify(statements)).not.toContain('secretsmanager:');
    });

    it('gives Publish and the API the queue URL and SendMessage on it, and the consumer both queue URLs', () => {
      const functions = world.resources('AWS::Lambda::Function');
      const env = (fn: Parameters<typeof world.logicalId>[0]) => (functions[world.logicalId(fn)]?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const { queue, dlq } = queues();
      for (const fn of [world.stack.functions.Publish.function, world.stack.http.handler.function]) {
        expect(env(fn).AFTERCALL_DELIVERY_QUEUE_URL).toEqual({ Ref: queue });
        expect(statementsOf(world.logicalId(fn.role!))).toEqual(
          expect.arrayContaining([expect.objectContaining({ Action: expect.arrayContaining(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [queue, 'Arn'] } })]),
        );
      }
      expect(env(world.stack.delivery.consumer.function)).toMatchObject({ AFTERCALL_DELIVERY_QUEUE_URL: { Ref: queue }, AFTERCALL_DELIVERY_DLQ_URL: { Ref: dlq } });
    });

    it('alarms to the SNS topic as soon as one message is in the dead-letter queue', () => {
      world.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queues().dlq, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: world.logicalId(world.stack.alarms.topic) }],
      });
    });
  });

  describe('web UI on CloudFront', () => {
    it('keeps the site bucket private and encrypted; only CloudFront (this distribution, via OAC) reads it', () => {
      const site = world.resources('AWS::S3::Bucket')[world.logicalId(world.stack.webUi.bucket)];
      expect(site?.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      });
      expect(site?.Properties).not.toHaveProperty('WebsiteConfiguration');
      const policy = Object.values(world.resources('AWS::S3::BucketPolicy')).find((p) => JSON.stringify(p.Properties.Bucket).includes(world.logicalId(world.stack.webUi.bucket)));
      const allows = (policy?.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter((s) => s.Effect === 'Allow');
      expect(allows).toHaveLength(1);
      expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
      expect(JSON.stringify(allows[0]?.Condition)).toContain(world.logicalId(world.stack.webUi.distribution));
      world.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
      });
    });

    it('serves over HTTPS only with security headers, and routes /api/* uncached to the HTTP API on the same origin', () => {
      const [distribution] = Object.values(world.resources('AWS::CloudFront::Distribution'));
      const config = distribution?.Properties.DistributionConfig as {
        DefaultRootObject: string;
        DefaultCacheBehavior: { ViewerProtocolPolicy: string; ResponseHeadersPolicyId: unknown };
        CacheBehaviors: { PathPattern: string; ViewerProtocolPolicy: string; AllowedMethods: string[]; CachePolicyId: string; TargetOriginId: string }[];
        Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string } }[];
      };
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(config.Origins.find((o) => o.OriginAccessControlId !== undefined)).toBeDefined();
      const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
      expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' });
      expect(api?.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
      const apiOrigin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
      expect(apiOrigin?.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
      expect(JSON.stringify(apiOrigin?.DomainName)).toContain(world.logicalId(world.stack.http.api));
      expect(JSON.stringify(apiOrigin?.DomainName)).toContain('.execute-api.');
      world.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: {
          SecurityHeadersConfig: Match.objectLike({
            ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'.*frame-ancestors 'none'") }),
            StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 730 * 24 * 3600 }),
            FrameOptions: Match.objectLike({ FrameOption: 'DENY' }),
            ContentTypeOptions: Match.objectLike({ Override: true }),
          }),
        },
      });
    });

    it('deploys the built UI: hashed assets cached a year, index.html revalidated and invalidated', () => {
      const deployments = Object.values(world.resources('Custom::CDKBucketDeployment'));
      expect(deployments).toHaveLength(2);
      const index = deployments.find((d) => d.Properties.DistributionPaths !== undefined);
      expect(index?.Properties.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
      const assets = deployments.find((d) => d.Properties.DistributionPaths === undefined);
      expect(assets?.Properties.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
      for (const d of deployments) expect(d.Properties.Prune).toBe(false);
    });

    it('refuses to synth without a built UI, saying how to build it', () => {
      const empty = mkdtempSync(join(tmpdir(), 'aftercall-noweb-'));
      const stack = new Stack(new App(), 'NoWeb');
      expect(() => new WebUi(stack, 'Web', { distDir: empty, api: new HttpApi(stack, 'Api') })).toThrow(WebUiNotBuiltError);
    });
  });

  describe('live caption relay on Fargate', () => {
    it('runs one arm64 task of 0.25 vCPU / 0.5 GB with a public IP in a two-AZ VPC without NAT, with container insights', () => {
      world.template.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '256', Memory: '512', RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' } });
      world.template.hasResourceProperties('AWS::ECS::Service', {
        LaunchType: 'FARGATE',
        DesiredCount: 1,
        NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'ENABLED' }) },
      });
      world.template.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
      world.template.resourceCountIs('AWS::EC2::NatGateway', 0);
      world.template.resourceCountIs('AWS::EC2::Subnet', 2);
    });

    it('injects the provider keys as ECS secrets from the provider secret, never as plain environment values', () => {
      const [task] = Object.values(world.resources('AWS::ECS::TaskDefinition'));
      const [container] = task?.Properties.ContainerDefinitions as { Environment: { Name: string; Value: unknown }[]; Secrets: { Name: string; ValueFrom: unknown }[]; LogConfiguration: { LogDriver: string } }[];
      const secretRef = world.logicalId(world.stack.providerSecret.secret);
      expect(container?.Secrets.map((s) => s.Name).sort()).toEqual([...RELAY_SECRET_KEYS].sort());
      for (const s of container?.Secrets ?? []) expect(s.ValueFrom).toEqual({ 'Fn::Join': ['', [{ Ref: secretRef }, `:${s.Name}::`]] });
      for (const key of SECRET_KEYS) expect(container?.Environment.map((e) => e.Name)).not.toContain(key);
      expect(JSON.stringify(container?.Environment)).not.toContain(secretRef);
      expect(container?.LogConfiguration.LogDriver).toBe('awslogs');
    });

    it('listens on every interface in the container, and serves its routes on the web UI origin ahead of /api/*', () => {
      const [task] = Object.values(world.resources('AWS::ECS::TaskDefinition'));
      const [container] = task?.Properties.ContainerDefinitions as { Environment: { Name: string; Value: unknown }[] }[];
      expect(container?.Environment).toEqual(expect.arrayContaining([{ Name: 'AFTERCALL_HOST', Value: '0.0.0.0' }, { Name: 'PORT', Value: '8787' }]));
      const [distribution] = Object.values(world.resources('AWS::CloudFront::Distribution'));
      const config = distribution?.Properties.DistributionConfig as { CacheBehaviors: { PathPattern: string; TargetOriginId: string }[]; Origins: { Id: string; DomainName: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string } }[] };
      expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual([...RELAY_PATHS, '/api/*']);
      for (const path of RELAY_PATHS) {
        const origin = config.Origins.find((o) => o.Id === config.CacheBehaviors.find((b) => b.PathPattern === path)?.TargetOriginId);
        expect(origin?.DomainName).toEqual({ 'Fn::GetAtt': [world.logicalId(world.stack.relay!.loadBalancer), 'DNSName'] });
      }
    });

    it('puts an ALB in front with a WebSocket-friendly idle timeout and a /healthz health check; the task port is open to the ALB only', () => {
      world.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Scheme: 'internet-facing',
        LoadBalancerAttributes: Match.arrayWith([{ Key: 'idle_timeout.timeout_seconds', Value: '3600' }]),
      });
      world.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/healthz', Matcher: { HttpCode: '200' }, Port: 8787, TargetType: 'ip' });
      const ingress = Object.values(world.resources('AWS::EC2::SecurityGroupIngress')).filter((r) => r.Properties.FromPort === 8787);
      expect(ingress).toHaveLength(1);
      expect(ingress[0]?.Properties.SourceSecurityGroupId).toBeDefined();
      expect(ingress[0]?.Properties).not.toHaveProperty('CidrIp');
    });

    it('lets the task reach the recordings bucket only, and never delete (what exactly: test/security/compromisedRoleMintsApiKeys.test.ts)', () => {
      const statements = statementsOf(world.logicalId(world.stack.relay!.taskDefinition.taskRole));
      const s3 = statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => a.startsWith('s3:')));
      expect(s3.length).toBeGreaterThan(0);
      for (const s of s3) for (const r of resourcesOf(s)) expect(JSON.stringify(r)).toContain(world.logicalId(world.stack.bucket));
      expect(s3.flatMap(actionsOf).some((a) => a.startsWith('s3:Delete'))).toBe(false);
    });

    it('stages the image from the repository root without node_modules or data (no docker needed to synth)', () => {
      const staged = readdirSync(world.app.outdir).filter((name) => name.startsWith('asset.') && existsSync(join(world.app.outdir, name, 'lib/infra/relay/Dockerfile')));
      expect(staged).toHaveLength(1);
      const dir = join(world.app.outdir, staged[0] ?? '');
      for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'lib']) expect(existsSync(join(dir, needed))).toBe(true);
      for (const absent of ['node_modules', 'cdk.out', 'test', 'samples', '.aftercall', 'web']) expect(existsSync(join(dir, absent))).toBe(false);
    });
  });

  describe('the recordings bucket lifecycle', () => {
    it('expires old versions after 30 days and aborts unfinished uploads after 7, keeping current objects in Standard', () => {
      const recordings = world.resources('AWS::S3::Bucket')[world.logicalId(world.stack.bucket)];
      expect((recordings?.Properties.LifecycleConfiguration as { Rules: unknown[] }).Rules).toEqual([
        { Id: 'old-versions-and-unfinished-uploads', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 }, ExpiredObjectDeleteMarker: true, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
      ]);
    });
  });
});

describe('the stack with context options', () => {
  it('leaves the relay out with -c live=false, and moves objects to Standard-IA when asked', async () => {
    const { template, stack, resources, logicalId } = await testStack({ live: 'false', infrequentAccessAfterDays: '45', noncurrentVersionDays: '14' }, { bundle: false });
    expect(stack.relay).toBeUndefined();
    for (const type of ['AWS::ECS::Cluster', 'AWS::ECS::Service', 'AWS::EC2::VPC', 'AWS::ElasticLoadBalancingV2::LoadBalancer']) template.resourceCountIs(type, 0);
    const [distribution] = Object.values(resources('AWS::CloudFront::Distribution'));
    expect((distribution?.Properties.DistributionConfig as { CacheBehaviors: { PathPattern: string }[] }).CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/api/*']);
    const rules = (resources('AWS::S3::Bucket')[logicalId(stack.bucket)] as Resource).Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] };
    expect(rules.Rules).toEqual([
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 14 } }),
      { Id: 'infrequent-access', Status: 'Enabled', Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 45 }] },
    ]);
  }, 300_000);

  it('refuses a bad option with the fix', () => {
    expect(() => new PostCallStack(new App({ context: { infrequentAccessAfterDays: '7' } }), 'Bad')).toThrow(StackOptionError);
    expect(() => new PostCallStack(new App({ context: { live: 'maybe' } }), 'Bad')).toThrow(/live must be true or false/);
  });
});
