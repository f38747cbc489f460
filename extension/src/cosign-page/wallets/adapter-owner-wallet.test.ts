import { type CosignRequest, cosignText } from '@waiaas/protocol';
import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import { adapterOwnerWallet, type SolanaMessageAdapter } from './adapter-owner-wallet';

const request: CosignRequest = {
  format: 'solana-message',
  fields: {
    action: 'approve', summary: 'Send 1 SOL', amount: '1 SOL', recipient: 'r', network: 'local-solana', wallet: 'bot',
    digest: 'd', signer: 's', nonce: '0123456789abcdef', issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:05:00Z',
  },
};

/** A wallet-adapter stand-in over a real Ed25519 key; `tamper` decides what it really signs. */
async function fakeAdapter(opts: { tamper?: (message: Uint8Array) => Uint8Array; signatureLength?: number; canSign?: boolean } = {}) {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const publicKey = { toBytes: () => raw, toBase58: () => bs58.encode(raw) };
  let connected = false;
  const adapter: SolanaMessageAdapter = {
    name: 'Fake adapter',
    get publicKey() {
      return connected ? publicKey : null;
    },
    connect: async () => void (connected = true),
    signMessage:
      opts.canSign === false
        ? undefined
        : async (message) => {
            const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, new Uint8Array(opts.tamper ? opts.tamper(message) : message)));
            return opts.signatureLength ? signature.slice(0, opts.signatureLength) : signature;
          },
  };
  return { adapter, address: bs58.encode(raw), keys };
}

describe('an Owner wallet over a Solana wallet adapter', () => {
  it('connects, signs the exact cosign text, and returns the base58 signature with the adapter public key', async () => {
    const { adapter, address, keys } = await fakeAdapter();
    const wallet = adapterOwnerWallet(adapter, 'standard:Fake');
    expect(await wallet.connect()).toBe(address);
    const signed = await wallet.sign(request);
    expect(signed.address).toBe(address);
    const text = new TextEncoder().encode(cosignText(request.fields));
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, keys.publicKey, new Uint8Array(bs58.decode(signed.signature)), text)).toBe(true);
  });

  it('refuses a signature over other bytes than the text shown', async () => {
    const { adapter } = await fakeAdapter({ tamper: (message) => new Uint8Array([...message, 0x20]) });
    await expect(adapterOwnerWallet(adapter, 'x').sign(request)).rejects.toMatchObject({ code: 'COSIGN_PAGE__BAD_SIGNATURE', message: expect.stringMatching(/^Fake adapter signed something other than the message shown/) });
  });

  it('refuses what is not a 64-byte signature, an EIP-712 request, and an account that cannot sign messages', async () => {
    const short = await fakeAdapter({ signatureLength: 63 });
    await expect(adapterOwnerWallet(short.adapter, 'x').sign(request)).rejects.toMatchObject({ code: 'COSIGN_PAGE__BAD_SIGNATURE', message: 'Fake adapter returned no Ed25519 signature.' });
    await expect(adapterOwnerWallet(short.adapter, 'x').sign({ ...request, format: 'eip712' })).rejects.toMatchObject({ code: 'COSIGN_PAGE__WRONG_FORMAT' });
    const mute = await fakeAdapter({ canSign: false });
    await expect(adapterOwnerWallet(mute.adapter, 'x').sign(request)).rejects.toMatchObject({ code: 'COSIGN_PAGE__CANNOT_SIGN_MESSAGES' });
  });
});
