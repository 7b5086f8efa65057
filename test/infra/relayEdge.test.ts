import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOUDFRONT_PREFIX_LIST, LiveRelay, ORIGIN_SECRET_HEADER, RELAY_PATHS } from '../../lib/infra/LiveRelay.js';
import { PostCallStack } from '../../lib/infra/PostCallStack.js';
import { StackOptionError } from '../../lib/infra/stackOptions.js';
import { testStack, type Resource } from './testStack.js';

/**
 * Issue 10, item 8: the relay's load balancer took API keys over plain HTTP from anywhere (port 80
 * open to the world, forwarding even with a certificate; the output advertised http://). Only
 * CloudFront may reach it now: its prefix list is the only source, a secret header CloudFront adds
 * is the only way past the listener (default 403), HTTPS end to end with a certificate, and the
 * outputs advertise the HTTPS URL on CloudFront.
 */

const CERTIFICATE = 'arn:aws:acm:us-east-1:111122223333:certificate/relay';
const DOMAIN = 'relay.example.com';

type World = Awaited<ReturnType<typeof testStack>>;
type Origin = { Id: string; DomainName: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string }; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] };

const relayOf = (world: World) => world.stack.relay as LiveRelay;
const listeners = (world: World) => Object.values(world.resources('AWS::ElasticLoadBalancingV2::Listener'));
const balancerGroupId = (world: World) => world.logicalId(relayOf(world).loadBalancer.connections.securityGroups[0]!);
/** Every ingress rule of the balancer's security group, inline or as its own resource. */
function balancerIngress(world: World): Record<string, unknown>[] {
  const id = balancerGroupId(world);
  const inline = (world.resources('AWS::EC2::SecurityGroup')[id]?.Properties.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? [];
  const separate = Object.values(world.resources('AWS::EC2::SecurityGroupIngress'))
    .map((r) => r.Properties)
    .filter((p) => JSON.stringify(p.GroupId).includes(id));
  return [...inline, ...separate];
}
function relayOrigins(world: World): Origin[] {
  const [distribution] = Object.values(world.resources('AWS::CloudFront::Distribution'));
  const config = distribution?.Properties.DistributionConfig as { CacheBehaviors: { PathPattern: string; TargetOriginId: string }[]; Origins: Origin[] };
  return RELAY_PATHS.map((path) => config.Origins.find((o) => o.Id === config.CacheBehaviors.find((b) => b.PathPattern === path)?.TargetOriginId) as Origin);
}
const secretReference = (world: World) => {
  const secretId = world.logicalId(relayOf(world).originSecret);
  return { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] };
};

function expectOnlyCloudFrontWithTheSecret(world: World, port: number): void {
  // The listener answers 403 to anything no rule matches; the one rule forwards only with the header.
  const all = listeners(world);
  expect(all).toHaveLength(1);
  expect(all[0]?.Properties).toMatchObject({ Port: port, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '403' } }] });
  const rules = Object.values(world.resources('AWS::ElasticLoadBalancingV2::ListenerRule'));
  expect(rules).toHaveLength(1);
  expect(rules[0]?.Properties.Conditions).toEqual([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: ORIGIN_SECRET_HEADER, Values: [secretReference(world)] } }]);
  expect(rules[0]?.Properties.Actions).toEqual([expect.objectContaining({ Type: 'forward' })]);
  // CloudFront sends the same secret, resolved at deploy time: the value is in neither the template nor cdk.out.
  for (const origin of relayOrigins(world)) {
    expect(origin.OriginCustomHeaders).toEqual([{ HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: secretReference(world) }]);
  }
  expect(world.resources('AWS::SecretsManager::Secret')[world.logicalId(relayOf(world).originSecret)]?.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });

  // Nothing is open to the world: one ingress rule, from CloudFront's origin-facing prefix list, on the listener's port.
  const ingress = balancerIngress(world);
  expect(ingress).toHaveLength(1);
  expect(ingress[0]).toMatchObject({ IpProtocol: 'tcp', FromPort: port, ToPort: port });
  expect(ingress[0]).not.toHaveProperty('CidrIp');
  expect(ingress[0]).not.toHaveProperty('CidrIpv6');
  const lookupId = world.logicalId(relayOf(world).prefixListLookup.node.findChild('Resource'));
  expect(ingress[0]?.SourcePrefixListId).toEqual({ 'Fn::GetAtt': [lookupId, 'PrefixLists.0.PrefixListId'] });
  const lookup = world.resources('Custom::AWS')[lookupId];
  expect(JSON.stringify(lookup?.Properties.Update)).toContain(CLOUDFRONT_PREFIX_LIST);
  expect(JSON.stringify(world.template.toJSON())).not.toMatch(/"CidrIp":\s*"0\.0\.0\.0\/0"[^}]*"FromPort":\s*(80|443)\b/);

  // The relay's URL output is the HTTPS one on CloudFront; no output advertises plain http.
  const outputs = world.template.findOutputs('*') as Record<string, { Value: unknown }>;
  const relayUrl = Object.entries(outputs).find(([name]) => name.startsWith('LiveRelayUrl'))?.[1];
  expect(relayUrl?.Value).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [world.logicalId(world.stack.webUi.distribution), 'DomainName'] }]] });
  expect(JSON.stringify(outputs)).not.toContain('http://');
}

describe('the relay is reachable through CloudFront only', () => {
  describe('without a certificate (CloudFront reaches the balancer over HTTP)', () => {
    let world: World;
    beforeAll(async () => {
      world = await testStack({}, { bundle: false });
    }, 300_000);

    it('has one HTTP listener on 80 whose default is 403, forwarding only requests with the origin secret, from CloudFront addresses only', () => {
      expectOnlyCloudFrontWithTheSecret(world, 80);
      expect(listeners(world)[0]?.Properties.Protocol).toBe('HTTP');
      for (const origin of relayOrigins(world)) {
        expect(origin.CustomOriginConfig?.OriginProtocolPolicy).toBe('http-only');
        expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [world.logicalId(relayOf(world).loadBalancer), 'DNSName'] });
      }
    });
  });

  describe('with relayCertificateArn and relayDomainName (HTTPS end to end)', () => {
    let world: World;
    beforeAll(async () => {
      world = await testStack({ relayCertificateArn: CERTIFICATE, relayDomainName: DOMAIN }, { bundle: false });
    }, 300_000);

    it('has one HTTPS listener on 443 with the certificate and no listener or ingress on 80', () => {
      expectOnlyCloudFrontWithTheSecret(world, 443);
      expect(listeners(world)[0]?.Properties).toMatchObject({ Protocol: 'HTTPS', Certificates: [{ CertificateArn: CERTIFICATE }] });
      expect(listeners(world).some((l) => l.Properties.Port === 80)).toBe(false);
      expect(balancerIngress(world).some((rule) => rule.FromPort === 80)).toBe(false);
    });

    it('makes CloudFront connect to the certificate\'s domain over HTTPS only', () => {
      for (const origin of relayOrigins(world)) {
        expect(origin.DomainName).toBe(DOMAIN);
        expect(origin.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
      }
    });
  });

  it('refuses a certificate without the domain it is for (CloudFront would fail to verify it), and a bad rotation number', () => {
    expect(() => new PostCallStack(new App({ context: { relayCertificateArn: CERTIFICATE } }), 'Half')).toThrow(StackOptionError);
    expect(() => new PostCallStack(new App({ context: { relayDomainName: DOMAIN } }), 'Half')).toThrow(/go together/);
    expect(() => new PostCallStack(new App({ context: { relayOriginSecretGeneration: '0' } }), 'Bad')).toThrow(/relayOriginSecretGeneration/);
  });

  it('rotates the origin secret by generation: a new secret replaces the old one in the rule and the origin alike', () => {
    const secretsOf = (generation: number) => {
      const stack = new Stack(new App(), `Relay${generation}`);
      const relay = new LiveRelay(stack, 'LiveRelay', { bucket: new Bucket(stack, 'Recordings'), providerSecret: new Secret(stack, 'Keys'), originSecretGeneration: generation });
      const template = Template.fromStack(stack);
      const id = stack.resolve(stack.getLogicalId(relay.originSecret.node.defaultChild as never)) as string;
      const [rule] = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule') as Record<string, Resource>);
      return { id, secrets: Object.keys(template.findResources('AWS::SecretsManager::Secret')), rule: JSON.stringify(rule?.Properties.Conditions), header: JSON.stringify(stack.resolve(relay.origin.headers)) };
    };
    const first = secretsOf(1);
    const second = secretsOf(2);
    expect(second.id).not.toBe(first.id);
    expect(second.secrets).not.toContain(first.id);
    expect(second.rule).toContain(second.id);
    expect(second.header).toContain(second.id);
    expect(second.header).not.toContain(first.id);
  });
});
