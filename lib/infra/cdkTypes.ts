/**
 * CDK's classes declare some optional properties (Vpc.vpnGatewayId, Cluster.defaultCloudMapNamespace,
 * Bucket.isWebsite, Secret.secretFullArn) as `T | undefined` where their interfaces say `T?`, which
 * our tsconfig's exactOptionalPropertyTypes rejects where a class is passed as its interface. They
 * are the same object at run time: this says so, in one place.
 */
export const asInterface = <T extends object>(construct: object): T => construct as T;
