import type { CosignRequest, owner } from '@waiaas/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanionChannel, PageMessageBody } from './companion-channel';
import { type CosignModel, createCosignModel } from './cosign-model';
import { encodeWindowHash } from './parse-window-hash';
import { CosignPageError, type OwnerWallet } from './wallets/owner-wallet';

const TICKET = 'tttttttttttttttttttttt';
const NOW = Date.parse('2026-01-01T00:01:00Z');
const SOLANA_SIGNATURE = '5'.repeat(88);
const request = (format: CosignRequest['format'], expiresAt = '2026-01-01T00:05:00Z'): CosignRequest => ({
  format,
  fields: {
    action: 'approve', summary: 'Send 1 SOL', amount: '1 SOL', recipient: 'r', network: 'local-solana', wallet: 'bot',
    digest: 'd', signer: 's', nonce: '0123456789abcdef', issuedAt: '2026-01-01T00:00:00Z', expiresAt,
  },
});

/** A wallet that answers as told, one answer per call. */
function fakeWallet(chain: owner.OwnerChain, answers: (() => Promise<{ signature: string; address: string }>)[]): OwnerWallet & { asked: CosignRequest[] } {
  const asked: CosignRequest[] = [];
  return {
    id: `${chain}:fake`, name: 'Fake wallet', chain, asked,
    connect: async () => 'OwnerAddress1111',
    sign: (req) => {
      asked.push(req);
      const next = answers.shift();
      return next ? next() : Promise.reject(new Error('no more answers'));
    },
  };
}

function setUp(hash: owner.CosignWindowHash | string, wallets: OwnerWallet[] = []) {
  const posted: PageMessageBody[] = [];
  let listener: ((m: owner.CompanionMessage) => void) | null = null;
  const channel: CompanionChannel = {
    post: (body) => void posted.push(body),
    listen: (l) => {
      listener = l;
      return () => (listener = null);
    },
  };
  const close = vi.fn();
  const watched: owner.OwnerChain[] = [];
  const model: CosignModel = createCosignModel({
    hash: typeof hash === 'string' ? hash : encodeWindowHash(hash),
    openChannel: (ticket) => {
      if (ticket !== TICKET) throw new Error(`channel opened for ${ticket}`);
      return channel;
    },
    watchWallets: (chain, onChange) => {
      watched.push(chain);
      onChange(wallets);
      return () => undefined;
    },
    now: () => NOW,
    close,
    closeDelayMs: 10,
  });
  const companion = (body: { kind: 'sign'; request: CosignRequest } | { kind: 'done'; ok: boolean; message: string }) =>
    listener?.({ source: 'waiaas-companion', ticket: TICKET, ...body });
  return { model, posted, close, watched, companion, listening: () => listener !== null };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the co-sign window model', () => {
  afterEach(() => vi.useRealTimers());

  it('sign mode: lists the wallets of the request format, posts the signature, then shows the verdict and closes', async () => {
    const wallet = fakeWallet('solana', [async () => ({ signature: SOLANA_SIGNATURE, address: 'OwnerAddress1111' })]);
    const { model, posted, close, watched, companion } = setUp({ v: '1', mode: 'sign', ticket: TICKET, request: request('solana-message') }, [wallet]);
    expect(watched).toEqual(['solana']);
    expect(model.view.value).toMatchObject({ step: 'choose', chain: 'solana' });
    expect(model.wallets.value).toEqual([wallet]);
    model.choose(wallet);
    expect(model.busy.value).toBe('solana:fake');
    await settle();
    expect(posted).toEqual([{ kind: 'signed', signature: SOLANA_SIGNATURE, address: 'OwnerAddress1111' }]);
    expect(model.view.value).toMatchObject({ step: 'sent', address: 'OwnerAddress1111' });
    companion({ kind: 'done', ok: true, message: 'APPROVED' });
    expect(model.view.value).toMatchObject({ step: 'done', ok: true, message: 'APPROVED' });
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
  });

  it('a refusal in the wallet is shown and the Owner may try again, or decline with that reason', async () => {
    const wallet = fakeWallet('evm', [() => Promise.reject(new Error('User rejected the request.')), () => Promise.reject(new Error(''))]);
    const { model, posted, close } = setUp({ v: '1', mode: 'sign', ticket: TICKET, request: request('eip712') }, [wallet]);
    model.choose(wallet);
    await settle();
    expect(model.problem.value).toEqual({ code: 'COSIGN_PAGE__WALLET_REFUSED', message: 'Fake wallet did not sign: User rejected the request.' });
    expect(model.view.value.step).toBe('choose');
    expect(model.busy.value).toBeNull();
    model.choose(wallet);
    await settle();
    expect(wallet.asked).toHaveLength(2);
    expect(model.problem.value?.message).toBe('Fake wallet did not sign: no reason given');
    model.decline();
    expect(posted).toEqual([{ kind: 'declined', reason: 'Fake wallet did not sign: no reason given' }]);
    expect(model.view.value.step).toBe('declined');
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('an expired request says so and posts nothing, not even later', async () => {
    const wallet = fakeWallet('solana', []);
    const { model, posted, watched, listening } = setUp({ v: '1', mode: 'sign', ticket: TICKET, request: request('solana-message', '2026-01-01T00:00:30Z') }, [wallet]);
    expect(model.view.value).toMatchObject({ step: 'expired' });
    expect(watched).toEqual([]);
    expect(listening()).toBe(false);
    model.choose(wallet);
    model.decline();
    await settle();
    expect(posted).toEqual([]);
    expect(wallet.asked).toEqual([]);
  });

  it('a malformed hash is a readable error and opens no channel', () => {
    const { model, watched, listening } = setUp('#%%%');
    expect(model.view.value).toEqual({ step: 'invalid', reason: 'The request in the address is not base64url.' });
    expect(watched).toEqual([]);
    expect(listening()).toBe(false);
  });

  it('connect mode: shares the address, then has the same wallet sign the request the companion sends', async () => {
    const wallet = fakeWallet('solana', [() => Promise.reject(new CosignPageError('COSIGN_PAGE__BAD_SIGNATURE', 'Fake wallet returned no Ed25519 signature.')), async () => ({ signature: SOLANA_SIGNATURE, address: 'OwnerAddress1111' })]);
    const { model, posted, companion } = setUp({ v: '1', mode: 'connect', ticket: TICKET, chain: 'solana' }, [wallet]);
    // A request before the address was shared is not an answer to anything.
    companion({ kind: 'sign', request: request('solana-message') });
    expect(model.view.value).toMatchObject({ step: 'choose', request: null });
    model.choose(wallet);
    await settle();
    expect(posted).toEqual([{ kind: 'connected', chain: 'solana', address: 'OwnerAddress1111' }]);
    expect(model.view.value).toMatchObject({ step: 'awaiting', address: 'OwnerAddress1111' });
    companion({ kind: 'sign', request: request('eip712') });
    expect(model.problem.value?.code).toBe('COSIGN_PAGE__WRONG_FORMAT');
    companion({ kind: 'sign', request: request('solana-message') });
    await settle();
    expect(model.view.value.step).toBe('confirm');
    expect(model.problem.value).toEqual({ code: 'COSIGN_PAGE__BAD_SIGNATURE', message: 'Fake wallet returned no Ed25519 signature.' });
    model.retry();
    await settle();
    expect(posted.slice(1)).toEqual([{ kind: 'signed', signature: SOLANA_SIGNATURE, address: 'OwnerAddress1111' }]);
    expect(model.view.value.step).toBe('sent');
  });

  it('connect mode: a signature from another account than the one shared is refused', async () => {
    const wallet = fakeWallet('solana', [async () => ({ signature: SOLANA_SIGNATURE, address: 'SomeoneElse' })]);
    const { model, posted, companion } = setUp({ v: '1', mode: 'connect', ticket: TICKET, chain: 'solana' }, [wallet]);
    model.choose(wallet);
    await settle();
    companion({ kind: 'sign', request: request('solana-message') });
    await settle();
    expect(model.problem.value).toEqual({ code: 'COSIGN_PAGE__ACCOUNT_CHANGED', message: 'Fake wallet signed with SomeoneElse, not with the account it shared (OwnerAddress1111).' });
    expect(posted).toHaveLength(1);
  });

  it('a signature in an unknown format never reaches the companion', async () => {
    const wallet = fakeWallet('evm', [async () => ({ signature: '0x1234', address: '0xabc' })]);
    const { model, posted } = setUp({ v: '1', mode: 'sign', ticket: TICKET, request: request('eip712') }, [wallet]);
    model.choose(wallet);
    await settle();
    expect(model.problem.value?.code).toBe('COSIGN_PAGE__BAD_SIGNATURE');
    expect(posted).toEqual([]);
  });

  it('a verdict that arrives while a wallet prompt is open wins; the late signature is dropped', async () => {
    let answer: (value: { signature: string; address: string }) => void = () => undefined;
    const wallet = fakeWallet('solana', [() => new Promise((resolve) => (answer = resolve))]);
    const { model, posted, companion } = setUp({ v: '1', mode: 'sign', ticket: TICKET, request: request('solana-message') }, [wallet]);
    model.choose(wallet);
    companion({ kind: 'done', ok: false, message: 'The approval expired.' });
    answer({ signature: SOLANA_SIGNATURE, address: 'OwnerAddress1111' });
    await settle();
    expect(model.view.value).toMatchObject({ step: 'done', ok: false, message: 'The approval expired.' });
    expect(posted).toEqual([]);
  });
});
