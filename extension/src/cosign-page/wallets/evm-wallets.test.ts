import { type CosignRequest, cosignTypedData } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { eip1193OwnerWallet } from './evm-wallets';

const ADDRESS = '0x00000000000000000000000000000000000a11ce';
const SIGNATURE = `0x${'ab'.repeat(65)}`;
const request: CosignRequest = {
  format: 'eip712',
  fields: {
    action: 'approve', summary: 'Send 1 ETH', amount: '1 ETH', recipient: 'r', network: 'local-evm', wallet: 'bot',
    digest: 'd', signer: 's', nonce: '0123456789abcdef', issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:05:00Z',
  },
};

function fakeProvider(answers: Record<string, unknown>) {
  const calls: { method: string; params?: readonly unknown[] }[] = [];
  const request = async (args: { method: string; params?: readonly unknown[] }) => {
    calls.push(args);
    return answers[args.method];
  };
  return { calls, provider: { request } };
}

describe('an Owner wallet over an EIP-1193 provider', () => {
  it('asks the connected account to sign the EIP-712 typed data the signer verifies', async () => {
    const { calls, provider } = fakeProvider({ eth_requestAccounts: [ADDRESS], eth_signTypedData_v4: SIGNATURE });
    const wallet = eip1193OwnerWallet('eip6963:x', 'Fake EVM', provider);
    expect(await wallet.connect()).toBe(ADDRESS);
    expect(await wallet.sign(request)).toEqual({ signature: SIGNATURE, address: ADDRESS });
    expect(calls.map((c) => c.method)).toEqual(['eth_requestAccounts', 'eth_signTypedData_v4']);
    expect(calls[1]?.params).toEqual([ADDRESS, JSON.stringify(cosignTypedData(request.fields))]);
  });

  it('refuses no account, a malformed signature and a Solana request', async () => {
    const none = eip1193OwnerWallet('e', 'Fake EVM', fakeProvider({ eth_requestAccounts: [] }).provider);
    await expect(none.sign(request)).rejects.toMatchObject({ code: 'COSIGN_PAGE__NO_ACCOUNT', message: 'Fake EVM shared no account.' });
    const bad = eip1193OwnerWallet('e', 'Fake EVM', fakeProvider({ eth_requestAccounts: [ADDRESS], eth_signTypedData_v4: '0x12' }).provider);
    await expect(bad.sign(request)).rejects.toMatchObject({ code: 'COSIGN_PAGE__BAD_SIGNATURE', message: 'Fake EVM returned no EIP-712 signature.' });
    await expect(bad.sign({ ...request, format: 'solana-message' })).rejects.toMatchObject({ code: 'COSIGN_PAGE__WRONG_FORMAT' });
  });
});
