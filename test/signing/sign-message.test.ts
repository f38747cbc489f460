import { createPublicKey, verify } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  address,
  appendTransactionMessageInstruction,
  type Blockhash,
  compileTransaction,
  createTransactionMessage,
  getAddressEncoder,
  getBase58Encoder,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
} from '@solana/kit';
import { getAddress, verifyMessage, verifyTypedData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient } from '../support/agent.js';
import { errorCode } from '../support/http.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

// Signing never reaches a chain: both networks point at a closed port, so a test that needed one would fail.
const DEAD_RPC = 'http://127.0.0.1:9';
const USDC = getAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
const SPENDER = getAddress('0x000000000000000000000000000000000000dEaD');
type Signed = { chain: string; address: string; signature: string; digest: string };
type AuditEntries = { entries: { action: string; details: Record<string, unknown> }[] };

const MAIL = {
  domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: getAddress('0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC') },
  types: {
    Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }],
    Mail: [{ name: 'from', type: 'Person' }, { name: 'to', type: 'Person' }, { name: 'contents', type: 'string' }],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallet: getAddress('0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826') },
    to: { name: 'Bob', wallet: getAddress('0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB') },
    contents: 'Hello, Bob!',
  },
} as const;

const permit = (verifyingContract: `0x${string}`, owner: string) => ({
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract },
  types: {
    Permit: [
      { name: 'owner', type: 'address' },
      { name: 'spender', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'nonce', type: 'uint256' },
      { name: 'deadline', type: 'uint256' },
    ],
  },
  primaryType: 'Permit',
  message: { owner, spender: SPENDER, value: '115792089237316195423570985008687907853269984665640564039457584007913129639935', nonce: 0, deadline: '99999999999' },
});

/** A real Solana v0 transaction message paying from the wallet: what a "message" must never be. */
function transactionMessageHex(feePayer: string): string {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayer(address(feePayer), m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k' as Blockhash, lastValidBlockHeight: 100n }, m),
    (m) => appendTransactionMessageInstruction({ programAddress: address('11111111111111111111111111111111'), data: new Uint8Array([2, 0, 0, 0, 0, 202, 154, 59, 0, 0, 0, 0]) }, m),
  );
  return `0x${Buffer.from(compileTransaction(message).messageBytes).toString('hex')}`;
}

/** Ed25519 verification with node:crypto, against the public key the base58 address is. */
function verifiesEd25519(walletAddress: string, message: Uint8Array, signatureBase58: string): boolean {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(getAddressEncoder().encode(address(walletAddress)))]);
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  return verify(null, message, key, Buffer.from(getBase58Encoder().encode(signatureBase58)));
}

describe('off-chain signing by agents, through the daemon socket', () => {
  let home: TestHome;
  let signer: RunningSigner;
  let evm: ReturnType<typeof agentClient>;
  let sol: ReturnType<typeof agentClient>;
  let evmAddress: `0x${string}`;
  let solAddress: string;

  const cli = async (...args: string[]) => {
    const res = await home.cli(...args);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    return res;
  };
  const newAgent = async (chain: 'evm' | 'solana', name: string) => {
    const network = chain === 'evm' ? 'local-evm' : 'local-solana';
    const created = (await cli('wallet', 'create', '--chain', chain, '--network', network, '--name', name, '--json')).json<{ wallet: { address: string } }>();
    const session = (await cli('session', 'create', '--wallet', name, '--json')).json<{ token: string }>();
    return { address: created.wallet.address, agent: agentClient(home.socketPath, session.token) };
  };
  const sign = async (agent: ReturnType<typeof agentClient>, path: 'sign-message' | 'sign-typed-data', body: unknown, status = 200) => {
    const res = await agent.call('POST', `/v1/wallet/${path}`, body);
    expect(res.status, res.text).toBe(status);
    return res;
  };

  beforeAll(async () => {
    home = await createTestHome();
    appendFileSync(
      join(home.home, 'config.toml'),
      `\n[networks.local-evm]\nfamily = "evm"\nrpc_url = "${DEAD_RPC}"\nchain_id = 31337\n\n[networks.local-solana]\nfamily = "solana"\nrpc_url = "${DEAD_RPC}"\n`,
    );
    signer = await startSigner(home, { WAIAAS_AUTOSTOP_BURST_COUNT: '2' });
    const e = await newAgent('evm', 'evm-agent');
    const s = await newAgent('solana', 'sol-agent');
    [evm, sol, evmAddress, solAddress] = [e.agent, s.agent, getAddress(e.address), s.address];
  }, 120_000);

  afterAll(async () => {
    await signer?.stop();
    home?.remove();
  });

  it('needs a session token', async () => {
    const res = await agentClient(home.socketPath, '').call('POST', '/v1/wallet/sign-message', { message: 'hi' });
    expect([res.status, errorCode(res)]).toEqual([401, 'AUTH__MISSING_TOKEN']);
  });

  it('refuses every signing request by default, on both chains, and says which command allows it', async () => {
    for (const agent of [evm, sol]) {
      const res = await sign(agent, 'sign-message', { message: 'Sign in to example.com' }, 403);
      expect(res.body).toMatchObject({
        error: {
          code: 'POLICY__SIGNING_NOT_ALLOWED',
          message:
            'Message signing is not allowed for this wallet: no ALLOWED_SIGNING rule applies, and signing is refused by default. The Owner can allow it with "waiaas policy set allowed-signing --messages".',
        },
      });
    }
    expect(errorCode(await sign(evm, 'sign-typed-data', { typedData: MAIL }, 403))).toBe('POLICY__SIGNING_NOT_ALLOWED');
    expect(errorCode(await sign(sol, 'sign-typed-data', { typedData: MAIL }, 400))).toBe('CHAIN__UNSUPPORTED');
  });

  it('refuses malformed input with coded 400s before policy', async () => {
    expect(errorCode(await sign(evm, 'sign-message', { message: 'zz', encoding: 'hex' }, 400))).toBe('SIGNING__INVALID_MESSAGE');
    expect(errorCode(await sign(evm, 'sign-message', { message: '' }, 400))).toBe('REQUEST__VALIDATION_FAILED');
    const { to: _to, ...missing } = MAIL.message;
    expect(errorCode(await sign(evm, 'sign-typed-data', { typedData: { ...MAIL, message: missing } }, 400))).toBe('SIGNING__INVALID_TYPED_DATA');
    expect(errorCode(await sign(evm, 'sign-typed-data', { typedData: { ...MAIL, primaryType: 'Order' } }, 400))).toBe('REQUEST__VALIDATION_FAILED');
  });

  it('after the Owner allows it, an EVM personal_sign and an EIP-712 signature verify for the wallet address', async () => {
    await cli('policy', 'set', 'allowed-signing', '--wallet', 'evm-agent', '--messages', '--domain', `name=Ether Mail`, '--domain', `1:${USDC}`);
    const listed = (await cli('policy', 'list', '--wallet', 'evm-agent')).stdout;
    expect(listed).toContain(`ALLOWED_SIGNING messages; EIP-712 domains: name "Ether Mail"; chainId 1, verifyingContract ${USDC}; anything else: refused`);

    const text = 'Sign in to example.com\nNonce: 42';
    const signed = (await sign(evm, 'sign-message', { message: text })).body as Signed;
    expect(signed).toMatchObject({ chain: 'evm', address: evmAddress });
    expect(signed.signature).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/);
    expect(await verifyMessage({ address: evmAddress, message: text, signature: signed.signature as `0x${string}` })).toBe(true);
    const hex = (await sign(evm, 'sign-message', { message: '0xdeadbeef', encoding: 'hex' })).body as Signed;
    expect(await verifyMessage({ address: evmAddress, message: { raw: '0xdeadbeef' }, signature: hex.signature as `0x${string}` })).toBe(true);

    const typed = (await sign(evm, 'sign-typed-data', { typedData: MAIL })).body as Signed;
    expect(typed.digest).toBe('0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2');
    expect(await verifyTypedData({ address: evmAddress, ...MAIL, signature: typed.signature as `0x${string}` })).toBe(true);

    const allowedPermit = (await sign(evm, 'sign-typed-data', { typedData: permit(USDC, evmAddress) })).body as Signed;
    expect(await verifyTypedData({ address: evmAddress, ...permit(USDC, evmAddress), primaryType: 'Permit', signature: allowedPermit.signature as `0x${string}` })).toBe(true);
  });

  it('refuses a permit for a domain that is not listed, even one named like a listed one', async () => {
    const impostor = getAddress('0x1111111111111111111111111111111111111111');
    const res = await sign(evm, 'sign-typed-data', { typedData: permit(impostor, evmAddress) }, 403);
    expect(errorCode(res)).toBe('POLICY__SIGNING_NOT_ALLOWED');
    expect((res.body as { error: { message: string } }).error.message).toContain(`Permit lets someone else move the wallet's tokens, and its domain (chainId 1, verifyingContract ${impostor}, name "USD Coin")`);
    const mailAsPermit = { ...permit(impostor, evmAddress), domain: { ...MAIL.domain, name: 'Ether Mail' } };
    expect(errorCode(await sign(evm, 'sign-typed-data', { typedData: mailAsPermit }, 403))).toBe('POLICY__SIGNING_NOT_ALLOWED');
  });

  it('signs Solana text with Ed25519 verifiable against the wallet address, and refuses transaction-shaped bytes', async () => {
    await cli('policy', 'set', 'allowed-signing', '--wallet', 'sol-agent', '--messages');
    const text = 'Sign in to example.com ✓';
    const signed = (await sign(sol, 'sign-message', { message: text })).body as Signed;
    expect(signed).toMatchObject({ chain: 'solana', address: solAddress });
    expect(verifiesEd25519(solAddress, new TextEncoder().encode(text), signed.signature)).toBe(true);
    expect(verifiesEd25519(solAddress, new TextEncoder().encode(`${text}!`), signed.signature)).toBe(false);

    const tx = await sign(sol, 'sign-message', { message: transactionMessageHex(solAddress), encoding: 'hex' }, 400);
    expect(errorCode(tx)).toBe('SIGNING__MESSAGE_LOOKS_LIKE_TRANSACTION');
    const offchain = `0x${Buffer.concat([Buffer.from([0xff]), Buffer.from('solana offchain'), Buffer.from([0, 0]), Buffer.from('hello')]).toString('hex')}`;
    const signedOffchain = (await sign(sol, 'sign-message', { message: offchain, encoding: 'hex' })).body as Signed;
    expect(verifiesEd25519(solAddress, Buffer.from(offchain.slice(2), 'hex'), signedOffchain.signature)).toBe(true);
  });

  it('audits every request, signed or refused, with its digest and never the message', async () => {
    const entries = (await cli('audit', 'list', '--wallet', 'evm-agent', '--limit', '100', '--json')).json<AuditEntries>().entries;
    const signed = entries.filter((e) => e.action === 'signing.sign');
    const refused = entries.filter((e) => e.action === 'signing.refused');
    expect(signed).toHaveLength(4);
    expect(refused.map((e) => e.details.code).sort()).toEqual([
      'POLICY__SIGNING_NOT_ALLOWED',
      'POLICY__SIGNING_NOT_ALLOWED',
      'POLICY__SIGNING_NOT_ALLOWED',
      'POLICY__SIGNING_NOT_ALLOWED',
      'SIGNING__INVALID_MESSAGE',
      'SIGNING__INVALID_TYPED_DATA',
    ]);
    expect(signed.find((e) => e.details.primaryType === 'Mail')?.details).toEqual({
      kind: 'typedData',
      primaryType: 'Mail',
      domain: { chainId: 1, verifyingContract: MAIL.domain.verifyingContract, name: 'Ether Mail' },
      digest: '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2',
    });
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Sign in to example.com');
    expect(text).not.toContain('Hello, Bob!');
  });

  it('a RATE_LIMIT counts signatures', async () => {
    await cli('policy', 'set', 'rate-limit', '--wallet', 'sol-agent', '--max-requests', '3', '--window', '1h');
    // Two signatures so far (text and off-chain message): one more is allowed, then none.
    await sign(sol, 'sign-message', { message: 'third' });
    expect(errorCode(await sign(sol, 'sign-message', { message: 'fourth' }, 429))).toBe('POLICY__RATE_LIMITED');
  });

  it('a wallet AutoStop suspended is refused with 503 before any policy is looked at', async () => {
    // The daemon runs with burst_count 2: the third transaction request within a minute suspends the wallet.
    const burst = await newAgent('evm', 'burst-agent');
    const transfer = { type: 'TRANSFER', to: SPENDER, amount: '1' };
    for (let i = 0; i < 2; i += 1) expect((await burst.agent.call('POST', '/v1/transactions/send', transfer)).status).toBe(200);
    expect(errorCode(await burst.agent.call('POST', '/v1/transactions/send', transfer))).toBe('WALLET__SUSPENDED');
    const res = await sign(burst.agent, 'sign-message', { message: 'still here?' }, 503);
    expect(errorCode(res)).toBe('WALLET__SUSPENDED');
  });

  it('the kill switch stops signing with 503', async () => {
    await cli('kill-switch', 'activate', '--reason', 'signing test');
    const res = await sign(evm, 'sign-message', { message: 'after the kill switch' }, 503);
    expect(errorCode(res)).toBe('KILL_SWITCH__ENGAGED');
  });
});
