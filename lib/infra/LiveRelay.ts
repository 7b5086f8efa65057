import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Port, SubnetType, Vpc, type IVpc } from 'aws-cdk-lib/aws-ec2';
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
import { ApplicationLoadBalancer, ApplicationProtocol, ListenerCertificate } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { asInterface } from './cdkTypes.js';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RELAY_PORT = 8787;
/** Keys of the provider secret the relay reads (live speech-to-text, live translation), as ECS secrets. */
export const RELAY_SECRET_KEYS = ['DEEPGRAM_API_KEY', 'OPENAI_API_KEY'] as const;
/** The relay's routes (bin/relay.ts): the web UI reaches them through CloudFront on its own origin. */
export const RELAY_PATHS = ['/api/live/*', '/live/*'] as const;

export interface LiveRelayProps {
  bucket: Bucket;
  providerSecret: Secret;
  /** An ACM certificate for HTTPS/WSS on the load balancer; without one it listens on HTTP only. */
  certificateArn?: string | undefined;
}

/**
 * The live caption relay (bin/relay.ts) as a long-running service: Lambda cannot hold streams.
 * One Fargate task (arm64, 0.25 vCPU, 0.5 GB) in public subnets of a two-AZ VPC with no NAT
 * gateway (the task has a public IP for Deepgram and LiveKit; only the load balancer can reach
 * its port), behind an Application Load Balancer whose idle timeout suits WebSockets.
 */
export class LiveRelay extends Construct {
  readonly vpc: Vpc;
  readonly cluster: Cluster;
  readonly service: FargateService;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly taskDefinition: FargateTaskDefinition;
  readonly url: string;

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
    // Captions are saved beside recordings: read and write objects, never delete.
    props.bucket.grantRead(this.taskDefinition.taskRole);
    props.bucket.grantPut(this.taskDefinition.taskRole);

    this.service = new FargateService(this, 'Service', {
      cluster: asInterface<ICluster>(this.cluster),
      taskDefinition: this.taskDefinition,
      desiredCount: 1,
      assignPublicIp: true,
      vpcSubnets: { subnetType: SubnetType.PUBLIC },
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
    });

    // A caption stream is one long WebSocket: idle up to an hour before the balancer closes it.
    this.loadBalancer = new ApplicationLoadBalancer(this, 'LoadBalancer', { vpc: asInterface<IVpc>(this.vpc), internetFacing: true, idleTimeout: Duration.hours(1), dropInvalidHeaderFields: true });
    // HTTP is what CloudFront (the web UI's origin, which terminates TLS for browsers) forwards to;
    // with a certificate the balancer also answers HTTPS/WSS directly, on a domain of your own.
    const listeners = [this.loadBalancer.addListener('Http', { protocol: ApplicationProtocol.HTTP, port: 80 })];
    if (props.certificateArn !== undefined) {
      listeners.push(this.loadBalancer.addListener('Https', { protocol: ApplicationProtocol.HTTPS, port: 443, certificates: [ListenerCertificate.fromArn(props.certificateArn)] }));
    }
    for (const listener of listeners) {
      listener.addTargets('Relay', {
        protocol: ApplicationProtocol.HTTP,
        port: RELAY_PORT,
        targets: [this.service],
        healthCheck: { path: '/healthz', healthyHttpCodes: '200', interval: Duration.seconds(30) },
        deregistrationDelay: Duration.seconds(30),
      });
    }
    this.service.connections.allowFrom(this.loadBalancer, Port.tcp(RELAY_PORT), 'the load balancer only');

    this.url = `${props.certificateArn === undefined ? 'http' : 'https'}://${this.loadBalancer.loadBalancerDnsName}`;
    new CfnOutput(this, 'Url', { value: this.url, description: 'The live caption relay (GET /healthz answers 200)' });
    // For `aws ecs update-service --cluster … --service … --force-new-deployment` after the keys change.
    new CfnOutput(this, 'ClusterName', { value: this.cluster.clusterName });
    new CfnOutput(this, 'ServiceName', { value: this.service.serviceName });
  }
}
