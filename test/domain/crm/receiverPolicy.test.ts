import { describe, expect, it } from 'vitest';
import { checkReceiverUrl, classifyAddress } from '../../../lib/domain/crm/receiverPolicy.js';

describe('which addresses CRM webhooks may reach', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.0.0.1', 'internal'],
    ['172.31.255.255', 'internal'],
    ['192.168.1.1', 'internal'],
    ['::ffff:10.0.0.1', 'internal'],
    ['169.254.169.254', 'internal'],
    ['fe80::1', 'internal'],
    ['fd00:ec2::254', 'internal'],
    ['fc00::1', 'internal'],
    ['fec0::1', 'internal'],
    ['100.64.0.1', 'internal'],
    ['100.100.100.200', 'internal'],
    ['0.0.0.0', 'internal'],
    ['::', 'internal'],
    ['255.255.255.255', 'internal'],
    ['224.0.0.251', 'internal'],
    ['ff02::1', 'internal'],
    ['192.0.0.192', 'internal'],
    ['240.0.0.1', 'internal'],
    ['::7f00:1', 'internal'],
    ['64:ff9b::a00:1', 'internal'],
    ['2002:a00:1::', 'internal'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address).kind).toBe(kind);
  });

  it('reads the address the URL parser normalised, whatever form the URL wrote it in', () => {
    const off = { allowLoopback: false };
    for (const url of ['https://127.1/', 'https://2130706433/', 'https://0x7f000001/', 'https://0177.0.0.1/', 'https://[::ffff:127.0.0.1]/', 'https://127.0.0.1./']) {
      expect(() => checkReceiverUrl(url, off)).toThrow(/loopback/);
    }
    expect(checkReceiverUrl('https://LOCALHOST:3000/x', { allowLoopback: true }).host).toBe('localhost');
    expect(checkReceiverUrl('https://CRM.Example.com./hooks', off)).toMatchObject({ host: 'crm.example.com', literal: false });
  });
});
