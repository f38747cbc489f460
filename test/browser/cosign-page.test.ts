import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { getBase58Decoder, getBase58Encoder } from '@solana/kit';
import { type admin, type CosignRequest, cosignText, cosignTypedData, owner } from '@waiaas/protocol';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { verifyTypedData } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { agentClient } from '../support/agent.js';
import { errorCode, httpRequest } from '../support/http.js';
import { type OwnerSocket, pairAndConnect } from '../support/owner-device.js';
import { type SolanaSigner, startSolanaSigner } from '../support/solana-signer.js';
import { installTestWallets, recordPageMessages, type TestWalletOptions } from './test-wallets.js';

const CHROMIUM = '/usr/bin/chromium';
const RECIPIENT = 'GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW';
const STANDARD = 'button[data-wallet^="standard:"]';
const hashOf = (value: unknown) => `#${Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')}`;
const newTicket = () => randomBytes(16).toString('base64url');

type Answer = Awaited<ReturnType<OwnerSocket['command']>>;
const resultOf = <T>(answer: Answer): T => {
  if (answer.type !== 'result') throw new Error(`refused: ${JSON.stringify(answer)}`);
  return answer.result as T;
};

/** A request the signer never issued, for what the window does on its own (the signer is not asked). */
const localRequest = (expiresAt: string): CosignRequest => ({
  format: 'solana-message',
  fields: {
    action: 'approve', summary: `Send 0.01 SOL to ${RECIPIENT} from agent wallet agent`, amount: '0.01 SOL', recipient: RECIPIENT, network: 'local-solana',
    wallet: 'agent', digest: 'sha256:00', signer: 'ed25519:test', nonce: '0123456789abcdef', issuedAt: new Date().toISOString(), expiresAt,
  },
});
const inFiveMinutes = () => new Date(Date.now() + 300_000).toISOString();

if (!existsSync(CHROMIUM)) console.warn(`cosign-page browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium); CI installs it.`);

// Phantom and MetaMask cannot be installed here: the window meets test wallets that announce
// themselves through the real Wallet Standard, Phantom-legacy and EIP-6963 paths and sign with real
// keys held in Node. The test plays the companion: it reads what the window posts to itself and
// posts the companion's answers, as the content script would.
describe.skipIf(!existsSync(CHROMIUM))('the co-sign window in Chromium: the Owner signs with a Wallet Standard, Phantom or EIP-6963 wallet', { timeout: 120_000 }, () => {
  let h: SolanaSigner;
  let socket: OwnerSocket;
  let agent: ReturnType<typeof agentClient>;
  let browser: Browser;
  /** The page that opens each co-sign window. */
  let hub: Page;
  let n = 0;
  const command = (type: string, body: Record<string, unknown> = {}) => socket.command({ type, id: `c${++n}`, ...body });
  const pageUrl = () => `http://127.0.0.1:${h.home.port}${owner.COSIGN_WINDOW_PATH}`;

  const solanaKey = generateKeyPairSync('ed25519');
  const solanaPublicKey = solanaKey.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const solanaAddress = getBase58Decoder().decode(solanaPublicKey);
  const evmAccount = privateKeyToAccount(generatePrivateKey());
  /** Sign requests each test wallet's user refuses next, as a person clicking "Cancel" would. */
  const refuseNext = { solana: 0 };
  const signedBy = { solana: 0, evm: 0 };

  beforeAll(async () => {
    h = await startSolanaSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', WAIAAS_OWNER_APPROVAL_SETTLE: '1s' });
    agent = await h.newAgent('agent');
    const limit = await h.home.cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000', '--json');
    expect(limit.code, limit.stdout + limit.stderr).toBe(0);
    ({ socket } = await pairAndConnect(h.home));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    hub = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    socket?.close();
    await h?.stop();
  });

  /** Opens the window as the companion does (a fresh window, the request in the fragment), with `wallets` injected. */
  async function openWindow(hash: owner.CosignWindowHash | string, wallets: Pick<TestWalletOptions, 'walletStandard' | 'legacyPhantom' | 'eip6963'> = {}) {
    // Opened by script, as the companion's windows.create is: only such a window may close itself.
    const opened = new Promise<Page | null>((resolve) => hub.once('popup', resolve));
    await hub.evaluate(() => void window.open('about:blank', '_blank', 'popup'));
    const page = await opened;
    if (!page) throw new Error('no window opened');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const closing = new Promise<void>((resolve) => page.once('close', () => resolve()));
    /** The window closes itself (window.close) about 2 s after a verdict or a decline. */
    const closed = () =>
      Promise.race([closing, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the window did not close itself within 10 s')), 10_000))]);
    await page.exposeFunction('testSolanaSign', (bytes: number[]) => {
      if (refuseNext.solana > 0) {
        refuseNext.solana--;
        throw new Error('User rejected the request.');
      }
      signedBy.solana++;
      return Array.from(sign(null, Buffer.from(bytes), solanaKey.privateKey));
    });
    await page.exposeFunction('testEvmSignTypedData', async (address: string, json: string) => {
      if (address !== evmAccount.address) throw new Error(`asked to sign for ${address}`);
      signedBy.evm++;
      return evmAccount.signTypedData(JSON.parse(json));
    });
    await page.evaluateOnNewDocument(installTestWallets, { solanaAddress, solanaPublicKey: Array.from(solanaPublicKey), evmAddress: evmAccount.address, ...wallets });
    await page.evaluateOnNewDocument(recordPageMessages);
    await page.goto(`${pageUrl()}${typeof hash === 'string' ? hash : hashOf(hash)}`);
    const status = () => page.$eval('#status', (el) => ({ text: el.textContent, error: el.classList.contains('error') }));
    return {
      page,
      errors,
      closed,
      status,
      /** Waits until the status line reads `text`. */
      statusIs: (text: string) => page.waitForFunction((t) => document.getElementById('status')?.textContent === t, { timeout: 10_000 }, text),
      click: async (selector: string) => (await page.waitForSelector(`${selector}:not([disabled])`, { timeout: 10_000 }))?.click(),
      /** Everything the window posted for the companion, each checked against the protocol and this page's origin. */
      posted: async () => {
        const raw = await page.evaluate(() => (window as unknown as { pageMessages: { origin: string; data: unknown }[] }).pageMessages);
        for (const m of raw) expect(m.origin).toBe(`http://127.0.0.1:${h.home.port}`);
        return raw.map((m) => owner.CosignPageMessage.parse(m.data));
      },
      async next<K extends owner.CosignPageMessage['kind']>(kind: K): Promise<Extract<owner.CosignPageMessage, { kind: K }>> {
        await page.waitForFunction((k) => (window as unknown as { pageMessages: { data: { kind: string } }[] }).pageMessages.some((m) => m.data.kind === k), { timeout: 10_000 }, kind);
        return (await this.posted()).find((m) => m.kind === kind) as Extract<owner.CosignPageMessage, { kind: K }>;
      },
      /** Posts a companion message on the page, as the content script does. */
      send: (message: Record<string, unknown>) => page.evaluate((m) => window.postMessage(m, location.origin), { source: owner.COMPANION_SOURCE, ...message }),
    };
  }

  async function nextApproval(): Promise<admin.Approval> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const frame = await socket.next('event', Math.max(1, deadline - Date.now()));
      if (frame.event.kind === 'approval.requested') return frame.event.approval;
    }
  }

  async function transferAwaitingApproval() {
    const tx = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '10000000' });
    const approval = await nextApproval();
    expect(approval.transactionId).toBe(tx.id);
    const cosign = approval.cosign as NonNullable<admin.Approval['cosign']>;
    expect(cosign.approve.format).toBe('solana-message');
    return { tx, approval, cosign };
  }

  it('connect mode: the Owner shares a Solana address, the same wallet signs the register message, and the signer accepts it', async () => {
    const ticket = newTicket();
    const w = await openWindow({ v: '1', mode: 'connect', ticket, chain: 'solana' });
    await w.click(STANDARD);
    const connected = await w.next('connected');
    expect(connected).toEqual({ source: owner.COSIGN_PAGE_SOURCE, ticket, kind: 'connected', chain: 'solana', address: solanaAddress });
    await w.statusIs(`Connected Test wallet implementing Wallet Standard (${solanaAddress}). Waiting for the companion's request…`);

    const message = resultOf<{ owner: CosignRequest; currentOwner: CosignRequest | null }>(await command('owner.register_message', { address: connected.address }));
    expect(message.currentOwner).toBeNull();
    await w.send({ ticket, kind: 'sign', request: message.owner });
    const signed = await w.next('signed');
    expect(signed.address).toBe(solanaAddress);
    expect(verify(null, Buffer.from(cosignText(message.owner.fields), 'utf8'), solanaKey.publicKey, Buffer.from(getBase58Encoder().encode(signed.signature)))).toBe(true);
    await w.statusIs('Sent to the companion, waiting for the signer…');

    const registered = resultOf<{ owner: admin.OwnerStatus }>(await command('owner.register', { address: signed.address, nonce: message.owner.fields.nonce, signature: signed.signature }));
    expect(registered.owner).toMatchObject({ state: 'LOCKED', chain: 'solana', address: solanaAddress });
    await w.send({ ticket, kind: 'done', ok: true, message: 'The Owner is registered.' });
    await w.statusIs('Registered — the signer accepted it');
    await w.closed();
    expect(w.errors).toEqual([]);
  });

  it('sign mode: the Owner approves a Solana transfer with the Wallet Standard wallet; the signer accepts it and the transfer lands', async () => {
    const { tx, approval, cosign } = await transferAwaitingApproval();
    const ticket = newTicket();
    const w = await openWindow({ v: '1', mode: 'sign', ticket, request: cosign.approve });
    expect(await w.page.$eval('.request-summary', (el) => el.textContent)).toBe(cosign.approve.fields.summary);
    expect(await w.page.$$eval('dt', (els) => els.map((el) => el.textContent))).toEqual(['Amount', 'Recipient', 'Network', 'Agent wallet', 'Transaction digest', 'Signer', 'Expires']);
    const before = signedBy.solana;
    await w.click(STANDARD);
    const signed = await w.next('signed');
    expect(signedBy.solana).toBe(before + 1);
    expect(signed).toEqual({ source: owner.COSIGN_PAGE_SOURCE, ticket, kind: 'signed', signature: expect.any(String), address: solanaAddress });
    await w.statusIs('Sent to the companion, waiting for the signer…');

    const answer = await command('approval.approve', { approvalId: approval.id, signature: signed.signature });
    expect(answer).toMatchObject({ type: 'result', result: { status: 'APPROVED', transactionId: tx.id } });
    await w.send({ ticket, kind: 'done', ok: true, message: 'APPROVED' });
    await w.statusIs('Approved — the signer accepted it');
    await w.closed();
    expect(w.errors).toEqual([]);
    await agent.waitFor(tx.id, 'CONFIRMED');
  });

  it('a refusal in the wallet is shown and the Owner may try again; the second try rejects the transfer', async () => {
    const { tx, approval, cosign } = await transferAwaitingApproval();
    const ticket = newTicket();
    const w = await openWindow({ v: '1', mode: 'sign', ticket, request: cosign.reject });
    refuseNext.solana = 1;
    await w.click(STANDARD);
    await w.page.waitForSelector('#problem');
    expect(await w.page.$eval('#problem', (el) => el.textContent)).toBe('Test wallet implementing Wallet Standard did not sign: User rejected the request.');
    expect(await w.page.$('#decline')).not.toBeNull();
    expect(await w.posted()).toEqual([]);

    await w.click(STANDARD);
    const signed = await w.next('signed');
    expect(await w.page.$('#problem')).toBeNull();
    const answer = await command('approval.reject', { approvalId: approval.id, signature: signed.signature });
    expect(answer).toMatchObject({ type: 'result', result: { status: 'REJECTED' } });
    await w.send({ ticket, kind: 'done', ok: true, message: 'REJECTED' });
    await w.statusIs('Rejected — the signer accepted it');
    await w.closed();
    expect(w.errors).toEqual([]);
    expect((await agent.get(tx.id)).status).toBe('REJECTED');
  });

  it("with no Wallet Standard wallet, Phantom's legacy window.phantom.solana signs through PhantomWalletAdapter; the signer accepts it", async () => {
    const { tx, approval, cosign } = await transferAwaitingApproval();
    const ticket = newTicket();
    const w = await openWindow({ v: '1', mode: 'sign', ticket, request: cosign.approve }, { walletStandard: false, legacyPhantom: true });
    await w.page.waitForSelector('button[data-wallet="phantom:legacy"]');
    expect(await w.page.$$eval('#wallet-list button', (els) => els.map((el) => el.textContent))).toEqual(['Phantom']);
    await w.click('button[data-wallet="phantom:legacy"]');
    const signed = await w.next('signed');
    expect(signed.address).toBe(solanaAddress);
    const answer = await command('approval.approve', { approvalId: approval.id, signature: signed.signature });
    expect(answer).toMatchObject({ type: 'result', result: { status: 'APPROVED', transactionId: tx.id } });
    await w.send({ ticket, kind: 'done', ok: true, message: 'APPROVED' });
    await w.statusIs('Approved — the signer accepted it');
    expect(w.errors).toEqual([]);
    await w.page.close();
    await agent.waitFor(tx.id, 'CONFIRMED');
  });

  it('messages with another ticket or from another source are ignored; the verdict for this ticket is shown, refusals as errors', async () => {
    const ticket = newTicket();
    const w = await openWindow({ v: '1', mode: 'sign', ticket, request: localRequest(inFiveMinutes()) });
    await w.statusIs('Pick the Solana wallet of the Owner to sign this request.');
    await w.send({ ticket: newTicket(), kind: 'done', ok: true, message: 'forged' });
    await w.page.evaluate((t) => window.postMessage({ source: 'someone-else', ticket: t, kind: 'done', ok: true, message: 'forged' }, location.origin), ticket);
    await w.send({ ticket, kind: 'done', ok: 'yes', message: 'malformed' });
    // Let every one of them be delivered (postMessage is asynchronous) before looking.
    await w.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await w.status()).toEqual({ text: 'Pick the Solana wallet of the Owner to sign this request.', error: false });
    await w.send({ ticket, kind: 'done', ok: false, message: 'The approval expired before the Owner answered.' });
    await w.statusIs('The approval expired before the Owner answered.');
    expect((await w.status()).error).toBe(true);
    expect(await w.posted()).toEqual([]);
    await w.closed();
  });

  it('Decline tells the companion, with the wallet refusal as the reason', async () => {
    const ticket = newTicket();
    const w = await openWindow({ v: '1', mode: 'sign', ticket, request: localRequest(inFiveMinutes()) });
    refuseNext.solana = 1;
    await w.click(STANDARD);
    await w.page.waitForSelector('#problem');
    await w.click('#decline');
    expect(await w.next('declined')).toEqual({ source: owner.COSIGN_PAGE_SOURCE, ticket, kind: 'declined', reason: 'Test wallet implementing Wallet Standard did not sign: User rejected the request.' });
    await w.statusIs('Declined. The companion was told; this window closes itself.');
    await w.closed();
  });

  it('an expired request says so, offers no wallet and posts nothing', async () => {
    const expiresAt = new Date(Date.now() - 1000).toISOString();
    const w = await openWindow({ v: '1', mode: 'sign', ticket: newTicket(), request: localRequest(expiresAt) });
    await w.statusIs(`This request expired at ${expiresAt}. Ask again from the companion.`);
    expect((await w.status()).error).toBe(true);
    expect(await w.page.$('#wallet-list')).toBeNull();
    expect(await w.page.$('#close')).not.toBeNull();
    expect(await w.posted()).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('a malformed or missing request shows a readable error, offers no wallet, and throws nothing', async () => {
    const cases: [string, string | RegExp][] = [
      ['', 'This window was opened without a request: open it from the WAIaaS companion.'],
      ['#%%%', 'The request in the address is not base64url.'],
      [`#${Buffer.from('{"v":').toString('base64url')}`, 'The request in the address is not base64url-encoded UTF-8 JSON.'],
      [hashOf({ v: '1', mode: 'sign', ticket: newTicket(), request: { format: 'eip712', fields: { action: 'approve' } } }), /^The request in the address is malformed: request\.fields\.summary /],
      [hashOf({ v: '1', mode: 'connect', ticket: 'short', chain: 'solana' }), 'The request in the address is malformed: ticket must be a base64url ticket.'],
    ];
    for (const [hash, expected] of cases) {
      const w = await openWindow(hash);
      await w.page.waitForFunction(() => document.querySelector('main')?.dataset.step === 'invalid');
      const status = await w.status();
      expect(status.error).toBe(true);
      expect(status.text).toMatch(typeof expected === 'string' ? new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : expected);
      expect(await w.page.$('#wallet-list')).toBeNull();
      expect(await w.posted()).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.page.close();
    }
  });

  it("sign mode with EIP-6963: an EVM Owner signs EIP-712 typed data; with the current Solana Owner's signature the signer accepts it", async () => {
    const message = resultOf<{ owner: CosignRequest; currentOwner: CosignRequest | null }>(await command('owner.register_message', { address: evmAccount.address }));
    expect(message.owner.format).toBe('eip712');
    const evmTicket = newTicket();
    const evm = await openWindow({ v: '1', mode: 'sign', ticket: evmTicket, request: message.owner });
    await evm.statusIs('Pick the EVM wallet of the Owner to sign this request.');
    expect(await evm.page.$(STANDARD)).toBeNull();
    await evm.click('button[data-wallet^="eip6963:"]');
    const evmSigned = await evm.next('signed');
    expect(evmSigned).toEqual({ source: owner.COSIGN_PAGE_SOURCE, ticket: evmTicket, kind: 'signed', signature: expect.stringMatching(/^0x[0-9a-f]{130}$/), address: evmAccount.address });
    expect(await verifyTypedData({ address: evmAccount.address, ...cosignTypedData(message.owner.fields), signature: evmSigned.signature as `0x${string}` })).toBe(true);

    // Replacing an Owner takes the current one's word too: a second window, the Solana wallet.
    const currentTicket = newTicket();
    const current = await openWindow({ v: '1', mode: 'sign', ticket: currentTicket, request: message.currentOwner as CosignRequest });
    await current.click(STANDARD);
    const currentSigned = await current.next('signed');
    const replaced = resultOf<{ owner: admin.OwnerStatus }>(
      await command('owner.register', { address: evmAccount.address, nonce: message.owner.fields.nonce, signature: evmSigned.signature, currentOwnerSignature: currentSigned.signature }),
    );
    expect(replaced.owner).toMatchObject({ state: 'LOCKED', chain: 'evm', address: evmAccount.address });
    for (const [w, ticket] of [[evm, evmTicket], [current, currentTicket]] as const) {
      await w.send({ ticket, kind: 'done', ok: true, message: 'The Owner is registered.' });
      await w.statusIs('Registered — the signer accepted it');
      await w.closed();
      expect(w.errors).toEqual([]);
    }
  });

  it('is served with a strict CSP on the TCP listener, and not at all on the unix socket', async () => {
    const tcp = await httpRequest({ host: '127.0.0.1', port: h.home.port }, 'GET', owner.COSIGN_WINDOW_PATH);
    expect(tcp.status).toBe(200);
    expect(tcp.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(tcp.text).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect((await httpRequest({ host: '127.0.0.1', port: h.home.port }, 'GET', `${owner.COSIGN_WINDOW_PATH}.js`)).status).toBe(200);
    // The socket answers with a coded JSON refusal (authentication comes before routing there), never the page.
    for (const path of [owner.COSIGN_WINDOW_PATH, `${owner.COSIGN_WINDOW_PATH}.js`, '/owner/cosign']) {
      const res = await httpRequest({ socketPath: h.home.socketPath }, 'GET', path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(errorCode(res)).toMatch(/^[A-Z]+__[A-Z_]+$/);
      expect(res.text).not.toContain('<html');
    }
  });
});
