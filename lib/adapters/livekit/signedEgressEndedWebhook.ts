import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

/**
 * A LiveKit egress_ended webhook for a file in the bucket, signed as LiveKit signs it: a JWT
 * from the API key whose sha256 claim is the body's hash. The demo and the tests use it in
 * place of a running LiveKit server.
 */
export async function signedEgressEndedWebhook(options: {
  apiKey: string;
  apiSecret: string;
  bucket: string;
  key: string;
  roomName: string;
  endedAt?: Date;
}): Promise<{ body: string; authorization: string }> {
  const endedNs = BigInt((options.endedAt ?? new Date()).getTime()) * 1_000_000n;
  const body = JSON.stringify({
    event: 'egress_ended',
    id: `EV_${createHash('sha256').update(options.key).digest('hex').slice(0, 12)}`,
    createdAt: String(Math.floor(Number(endedNs / 1_000_000_000n))),
    egressInfo: {
      egressId: `EG_${createHash('sha256').update(options.roomName).digest('hex').slice(0, 12)}`,
      roomName: options.roomName,
      status: 'EGRESS_COMPLETE',
      endedAt: String(endedNs),
      fileResults: [{ filename: options.key, location: `s3://${options.bucket}/${options.key}`, endedAt: String(endedNs) }],
    },
  });
  const token = new AccessToken(options.apiKey, options.apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}
