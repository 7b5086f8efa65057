import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Peer, Port, SecurityGroup, SubnetType, Vpc, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  AwsLogDriver,
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  type ICluster,
  OperatingSystemFamily,
  Secret as EcsSecret,
} from 'aws-cdk-lib/aws-ecs';
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ListenerAction,
  ListenerCertificate,
  ListenerCondition,
  type ApplicationListener,
  type ApplicationTargetGroup,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { EMBEDDED_DEFAULTS } from '../config/embeddedDefaults.js';
import { BUCKET_ACCESS, grantBucketAccess } from './bucketAccess.js';
import { asInterface } from './cdkTypes.js';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RELAY_PORT = EMBEDDED_DEFAULTS.relayPort;
/** Keys of the provider secret the relay reads (live speech-to-text, live translation), as ECS secrets. */
export const RELAY_SECRET_KEYS = ['DEEPGRAM_API_KEY', 'OPENAI_API_KEY'] as const;
/** The relay's routes (bin/relay.ts): the web UI reaches them through CloudFront on its own origin. */
export const RELAY_PATHS = ['/api/live/*', '/live/*'] as const;
/** CloudFront adds this header, with the generated secret, to every request it sends the relay; the balancer forwards nothing without it. */
export const ORIGIN_SECRET_HEADER = 'X-Aftercall-Origin-Secret';
/** AWS's managed prefix list of CloudFront's origin-facing addresses: the only sources the balancer accepts. */
export const CLOUDFRONT_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';

export interface LiveRelayProps {
  bucket: Bucket;
  providerSecret: Secret;
  /**
   * HTTPS from CloudFront to the balancer: an ACM certificate and the domain name it is for (a DNS
   * name of yours pointed at the balancer, which CloudFront connects to). Without it CloudFront
   * reaches the balancer over HTTP on port 80.
   */
  https?: { certificateArn: string; domainName: string } | undefined;
  /** Bumped to rotate the origin secret (a new secret replaces the old one). */
  originSecretGeneration: number;
}

/** How CloudFront reaches the relay: where, over which protocol, and the header that lets it in. */
export interface RelayOrigin {
  domainName: string;
  https: boolean;
  headers: Record<string, string>;
}

/**
 * The live caption relay (bin/relay.ts) as a long-running service: Lambda cannot hold streams.
 * One Fargate task (arm64, 0.25 vCPU, 0.5 GB) in public subnets of a two-AZ VPC with no NAT
 * gateway (the task has a public IP for Deepgram and LiveKit; only the load balancer can reach
 * its port), behind an Application Load Balancer whose idle timeout suits WebSockets. Clients reach
 * it through CloudFront alone (the web UI's distribution): see `origin`.
 */
export class LiveRelay extends Construct {
  readonly vpc: Vpc;
  readonly cluster: Cluster;
  readonly service: FargateService;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly taskDefinition: FargateTaskDefinition;
  readonly listener: ApplicationListener;
  readonly targetGroup: ApplicationTargetGroup;
  readonly originSecret: Secret;
  /** Looks up CloudFront's origin-facing prefix list id at deploy time. */
  readonly prefixListLookup: AwsCustomResource;
  readonly origin: RelayOrigin;

  constructor(scope: Construct, id: string, props: LiveRelayProps) {
    super(scope, id);
    this.vpc = new Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 }] });
    this.cluster = new Cluster(this, 'Cluster', { vpc: asInterface<IVpc>(this.vpc), containerInsightsV2: ContainerInsights.ENABLED });

    this.taskDefinition = new FargateTaskDefinition(this, 'Task', {
      cpu: 256,
      memoryLimitMiB: 512,
      runtimePlatform: { cpuArchitecture: CpuArchitecture.ARM64, operatingSystemFamily: OperatingSystemFamily.LINUX },
    });
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.taskDefinition.addContainer('relay', {
      // Built by `cdk deploy` (Docker needed then, not at synth); the context is the repository root.
      image: ContainerImage.fromAsset(REPO_ROOT, { file: 'lib/infra/relay/Dockerfile', platform: Platform.LINUX_ARM64 }),
      portMappings: [{ containerPort: RELAY_PORT }],
      // AFTERCALL_HOST: in a container the relay must listen on every interface, not loopback.
      environment: { PORT: String(RELAY_PORT), AFTERCALL_HOST: '0.0.0.0', AFTERCALL_BUCKET: props.bucket.bucketName, AWS_REGION: Stack.of(this).region },
      secrets: Object.fromEntries(RELAY_SECRET_KEYS.map((key) => [key, EcsSecret.fromSecretsManager(asInterface<ISecret>(props.providerSecret), key)])),
      logging: new AwsLogDriver({ streamPrefix: 'relay', logGroup }),
      healthCheck: {
        command: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${RELAY_PORT}/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`],
        interval: Duration.seconds(30),
        startPeriod: Duration.seconds(20),
      },
    });
    // Internet-facing: it reads API key records and writes each call's live-captions.json, nothing else.
    grantBucketAccess(props.bucket, this.taskDefinition.taskRole, BUCKET_ACCESS.Relay);

    this.service = new FargateService(this, 'Service', {
      cluster: asInterface<ICluster>(this.cluster),
      taskDefinition: this.taskDefinition,
      desiredCount: 1,
      assignPublicIp: true,
      vpcSubnets: { subnetType: SubnetType.PUBLIC },
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
    });

    // A caption stream is one long WebSocket: idle up to an hour before the balancer closes it (the
    // relay pings every 30 s). Only CloudFront may reach it: its prefix list is the one source the
    // security group admits (no listener is opened to the world), and the listener forwards only
    // requests that carry the origin secret CloudFront adds; anything else gets 403.
    const balancerGroup = new SecurityGroup(this, 'LoadBalancerSecurityGroup', { vpc: asInterface<IVpc>(this.vpc), description: 'relay load balancer: CloudFront origin-facing addresses only', allowAllOutbound: false });
    this.loadBalancer = new ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: asInterface<IVpc>(this.vpc),
      internetFacing: true,
      idleTimeout: Duration.hours(1),
      dropInvalidHeaderFields: true,
      securityGroup: balancerGroup,
    });
    // The prefix list's id differs per region: looked up at deploy time, so synth stays offline.
    this.prefixListLookup = new AwsCustomResource(this, 'CloudFrontPrefixList', {
      onUpdate: {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: { Filters: [{ Name: 'prefix-list-name', Values: [CLOUDFRONT_PREFIX_LIST] }] },
        physicalResourceId: PhysicalResourceId.of(CLOUDFRONT_PREFIX_LIST),
        outputPaths: ['PrefixLists.0.PrefixListId'],
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    const port = props.https === undefined ? 80 : 443;
    // One rule only: the CloudFront list counts as ~55 rules against the group's quota of 60.
    balancerGroup.addIngressRule(Peer.prefixList(this.prefixListLookup.getResponseField('PrefixLists.0.PrefixListId')), Port.tcp(port), 'CloudFront origin-facing addresses');

    this.originSecret = new Secret(this, `OriginSecret${props.originSecretGeneration > 1 ? props.originSecretGeneration : ''}`, {
      description: `Sent by CloudFront in ${ORIGIN_SECRET_HEADER}; the relay's load balancer forwards only requests that carry it`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    // A CloudFormation dynamic reference: resolved at deploy, never in the template or cdk.out.
    const secretValue = this.originSecret.secretValue.unsafeUnwrap();
    this.listener = this.loadBalancer.addListener(props.https === undefined ? 'Http' : 'Https', {
      protocol: props.https === undefined ? ApplicationProtocol.HTTP : ApplicationProtocol.HTTPS,
      port,
      open: false,
      ...(props.https === undefined ? {} : { certificates: [ListenerCertificate.fromArn(props.https.certificateArn)] }),
      defaultAction: ListenerAction.fixedResponse(403, { contentType: 'text/plain', messageBody: 'Forbidden' }),
    });
    this.targetGroup = this.listener.addTargets('Relay', {
      priority: 1,
      conditions: [ListenerCondition.httpHeader(ORIGIN_SECRET_HEADER, [secretValue])],
      protocol: ApplicationProtocol.HTTP,
      port: RELAY_PORT,
      targets: [this.service],
      healthCheck: { path: '/healthz', healthyHttpCodes: '200', interval: Duration.seconds(30) },
      deregistrationDelay: Duration.seconds(30),
    });
    this.service.connections.allowFrom(this.loadBalancer, Port.tcp(RELAY_PORT), 'the load balancer only');
    this.origin = {
      domainName: props.https?.domainName ?? this.loadBalancer.loadBalancerDnsName,
      https: props.https !== undefined,
      headers: { [ORIGIN_SECRET_HEADER]: secretValue },
    };

    // For `aws ecs update-service --cluster … --service … --force-new-deployment` after the keys change.
    new CfnOutput(this, 'ClusterName', { value: this.cluster.clusterName });
    new CfnOutput(this, 'ServiceName', { value: this.service.serviceName });
  }
}
