import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostCallStack } from '../../lib/infra/PostCallStack.js';
import { testStack, type Resource } from './testStack.js';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Principal?: { AWS: unknown };
  Condition?: Record<string, Record<string, string>>;
}

const actions = (statement: Statement) => [statement.Action].flat();
const mentionsAudit = (value: unknown) => JSON.stringify(value).includes('/_aftercall/audit/*');
const roleArnsIn = (principal: unknown): string[] =>
  [(principal as { AWS: unknown }).AWS].flat().map((arn) => (arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);

describe('the audit log on AWS: append-only by bucket policy', () => {
  let stack: PostCallStack;
  let bucketStatements: Statement[];
  let resources: (type: string) => Record<string, Resource>;
  let logicalId: (construct: IConstruct) => string;

  beforeAll(async () => {
    ({ stack, resources, logicalId } = await testStack({}, { bundle: false }));
    const [policy] = Object.values(resources('AWS::S3::BucketPolicy'));
    bucketStatements = (policy?.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  }, 300_000);

  // grantBucketAccess gives each role it grants a ListBucket statement: those are the roles that reach the bucket.
  const bucketRoles = (): string[] =>
    Object.values(resources('AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.some((s) => s.Effect === 'Allow' && actions(s).includes('s3:ListBucket')))
      .flatMap((policy) => (policy.Properties.Roles as { Ref: string }[]).map((role) => role.Ref));

  it('denies every role that reaches the bucket deleting an audit entry or any version of one', () => {
    const deny = bucketStatements.find((statement) => statement.Sid === 'AuditLogNoDelete');
    expect(deny).toMatchObject({ Effect: 'Deny' });
    expect(actions(deny as Statement).sort()).toEqual(['s3:DeleteObject', 's3:DeleteObjectVersion']);
    expect(mentionsAudit(deny?.Resource)).toBe(true);
    const roles = bucketRoles();
    // Every step, the API, the S3 intake, the delivery consumer and the relay.
    expect(roles.length).toBeGreaterThanOrEqual(10);
    expect(roleArnsIn(deny?.Principal).sort()).toEqual([...new Set(roles)].sort());
  });

  it('denies them a write over an entry: a PutObject without If-None-Match is refused', () => {
    const deny = bucketStatements.find((statement) => statement.Sid === 'AuditLogNoOverwrite');
    expect(deny).toMatchObject({ Effect: 'Deny', Action: 's3:PutObject', Condition: { Null: { 's3:if-none-match': 'true' } } });
    expect(mentionsAudit(deny?.Resource)).toBe(true);
    expect(roleArnsIn(deny?.Principal).sort()).toEqual(roleArnsIn(bucketStatements.find((s) => s.Sid === 'AuditLogNoDelete')?.Principal).sort());
  });

  it('lets the API append and read the log, and no role delete from it', () => {
    const apiRole = logicalId(stack.http.handler.function.role as IConstruct);
    const policies = Object.values(resources('AWS::IAM::Policy'));
    const apiStatements = policies
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(apiRole))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const allowed = (action: string) => apiStatements.some((s) => s.Effect === 'Allow' && actions(s).includes(action) && mentionsAudit(s.Resource));
    expect(allowed('s3:PutObject')).toBe(true);
    expect(allowed('s3:GetObject')).toBe(true);
    for (const policy of policies) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (statement.Effect === 'Allow' && mentionsAudit(statement.Resource)) expect(actions(statement)).not.toContain('s3:DeleteObject');
      }
    }
  });
});
