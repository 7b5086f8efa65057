import { ArnFormat, Aspects, RemovalPolicy, Stack, type IAspect } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import type { StackOptions } from './stackOptions.js';

/**
 * The stack's customer-managed key (`-c kmsKey=create|<arn>`), or undefined for AWS-managed
 * encryption. A created key is rotated yearly and kept when the stack is deleted (data encrypted
 * under it would otherwise become unreadable); its policy lets CloudWatch Logs encrypt this
 * account's log groups and CloudWatch alarms publish to the encrypted topic. Roles get the key
 * through their grants (bucket access, queues).
 */
export function customerManagedKey(stack: Stack, option: StackOptions['kmsKey']): IKey | undefined {
  if (option === undefined) return undefined;
  if (option !== 'create') {
    // Its key policy is the owner's: it must already allow CloudWatch Logs and alarms (docs/governance.md).
    const given = Key.fromKeyArn(stack, 'DataKey', option.arn);
    Aspects.of(stack).add(new EncryptLogGroups(given));
    return given;
  }
  const key = new Key(stack, 'DataKey', {
    description: `aftercall ${stack.stackName}: recordings, results, queues, alarm topic and logs`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // CloudWatch Logs uses the key as itself, bound to this account's log groups by the encryption context.
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) } },
    }),
  );
  // Alarms publish to the encrypted SNS topic as CloudWatch.
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
  Aspects.of(stack).add(new EncryptLogGroups(key));
  return key;
}

/** Every log group of the stack (functions, state machine, API access logs, relay) under the key. */
class EncryptLogGroups implements IAspect {
  constructor(private readonly key: IKey) {}
  visit(node: IConstruct): void {
    if (node instanceof CfnLogGroup) node.kmsKeyId = this.key.keyArn;
  }
}
