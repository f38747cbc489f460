import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { getBase58Decoder, getBase58Encoder } from '@solana/kit';
import { type admin, type CosignRequest, cosignText, cosignTypedData, owner } from '@waiaas/protocol';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { verifyTypedData } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, httpRequest } from '../support/http.js';
import { type OwnerSocket, pairAndConnect } from '../support/owner-device.js';
import { createTestHome, freePort, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';
import { installTestWallets } from './test-wallets.js';

const CHROMIUM = '/usr/bin/chromium';
const PAGE_PATH = '/v1/owner/cosign';
const hashOf = (value: unknown) => `#${Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')}`;

type Answer = Awaited<ReturnType<OwnerSocket['command']>>;
const resultOf = <T>(answer: Answer): T => {
  if (answer.type !== 'result') throw new Error(`refused: ${JSON.stringify(answer)}`);
  return answer.result as T;
};

if (!existsSync(CHROMIUM)) console.warn(`cosign-page browser test SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium); CI installs it.`);

// Phantom and MetaMask cannot be installed here: the page meets two test wallets that register
// through the real Wallet Standard and EIP-6963 events and sign with real keys held in Node.
describe.skipIf(!existsSync(CHROMIUM))('the co-sign page: the Owner signs with a Wallet Standard or EIP-6963 wallet in Chromium', { timeout: 120_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner;
  let socket: OwnerSocket;
  let browser: Browser;
  let parent: Page;
  let parentServer: Server;
  let parentOrigin: string;
  let n = 0;
  const command = (type: string, body: Record<string, unknown> = {}) => socket.command({ type, id: `c${++n}`, ...body });
  const pageUrl = () => `http://127.0.0.1:${home.port}${PAGE_PATH}`;

  const solanaKey = generateKeyPairSync('ed25519');
  const solanaPublicKey = solanaKey.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const solanaAddress = getBase58Decoder().decode(solanaPublicKey);
  const evmAccount = privateKeyToAccount(generatePrivateKey());
  const signedBy = { solana: 0, evm: 0 };

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    ({ socket } = await pairAndConnect(home));
    // The opener: a page on another origin, standing in for the extension's window.
    const parentPort = await freePort();
    parentServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>opener</title>'));
    await new Promise<void>((resolve) => parentServer.listen(parentPort, '127.0.0.1', resolve));
    parentOrigin = `http://127.0.0.1:${parentPort}`;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    parent = await browser.newPage();
    await parent.goto(`${parentOrigin}/`);
    await parent.evaluate(() => {
      const w = window as unknown as { received: { origin: string; data: unknown }[] };
      w.received = [];
      window.addEventListener('message', (e) => w.received.push({ origin: e.origin, data: e.data }));
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    parentServer?.close();
    socket?.close();
    await signer?.stop();
    home?.remove();
  });

  /** Opens the page from the opener as the extension would, picks `walletPrefix`, and returns what the page produced. */
  async function cosignInPage(request: CosignRequest, walletPrefix: 'standard:' | 'eip6963:') {
    const before = await parent.evaluate(() => (window as unknown as { received: unknown[] }).received.length);
    const popupOpened = new Promise<Page | null>((resolve) => parent.once('popup', resolve));
    await parent.evaluate(() => void window.open('about:blank', '_blank', 'popup'));
    const popup = await popupOpened;
    if (!popup) throw new Error('no popup');
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(String(e)));
    // The Node side of the test wallets: real keys, signing exactly the bytes the page hands them.
    await popup.exposeFunction('testSolanaSign', (bytes: number[]) => {
      signedBy.solana++;
      return Array.from(sign(null, Buffer.from(bytes), solanaKey.privateKey));
    });
    await popup.exposeFunction('testEvmSignTypedData', async (address: string, json: string) => {
      if (address !== evmAccount.address) throw new Error(`asked to sign for ${address}`);
      signedBy.evm++;
      return evmAccount.signTypedData(JSON.parse(json));
    });
    await popup.evaluateOnNewDocument(installTestWallets, { solanaAddress, solanaPublicKey: Array.from(solanaPublicKey), evmAddress: evmAccount.address });
    await popup.goto(`${pageUrl()}${hashOf({ request, openerOrigin: parentOrigin })}`);
    const button = await popup.waitForSelector(`#wallet-list button[data-wallet^="${walletPrefix}"]`);
    await button?.click();
    await popup.waitForFunction(() => (document.getElementById('signature') as HTMLTextAreaElement).value !== '');
    const shown = await popup.evaluate(() => ({
      signature: (document.getElementById('signature') as HTMLTextAreaElement).value,
      address: (document.getElementById('address') as HTMLInputElement).value,
      delivered: document.getElementById('delivered')?.textContent ?? '',
    }));
    await parent.waitForFunction((count) => (window as unknown as { received: unknown[] }).received.length > count, {}, before);
    const received = await parent.evaluate((count) => (window as unknown as { received: { origin: string; data: unknown }[] }).received[count], before);
    await popup.close();
    expect(errors).toEqual([]);
    return { shown, received };
  }

  it('a Solana Owner signs the register message with the Wallet Standard wallet; the signature verifies and the signer accepts it', async () => {
    const message = resultOf<{ owner: CosignRequest }>(await command('owner.register_message', { address: solanaAddress }));
    expect(message.owner.format).toBe('solana-message');
    const { shown, received } = await cosignInPage(message.owner, 'standard:');
    expect(signedBy.solana).toBe(1);
    expect(shown.address).toBe(solanaAddress);
    expect(shown.delivered).toBe(`Sent to ${parentOrigin}. You can close this window.`);
    expect(received).toEqual({ origin: `http://127.0.0.1:${home.port}`, data: { signature: shown.signature, address: solanaAddress } });
    const signature = Buffer.from(getBase58Encoder().encode(shown.signature));
    expect(verify(null, Buffer.from(cosignText(message.owner.fields), 'utf8'), solanaKey.publicKey, signature)).toBe(true);
    const registered = resultOf<{ owner: admin.OwnerStatus }>(await command('owner.register', { address: solanaAddress, nonce: message.owner.fields.nonce, signature: shown.signature }));
    expect(registered.owner).toMatchObject({ state: 'LOCKED', chain: 'solana', address: solanaAddress });
  });

  it('an EVM Owner signs EIP-712 typed data through the EIP-6963 provider; with the current Owner\'s page signature the signer accepts it', async () => {
    const message = resultOf<{ owner: CosignRequest; currentOwner: CosignRequest | null }>(await command('owner.register_message', { address: evmAccount.address }));
    expect(message.owner.format).toBe('eip712');
    const evm = await cosignInPage(message.owner, 'eip6963:');
    expect(signedBy.evm).toBe(1);
    expect(evm.received).toEqual({ origin: `http://127.0.0.1:${home.port}`, data: { signature: evm.shown.signature, address: evmAccount.address } });
    expect(await verifyTypedData({ address: evmAccount.address, ...cosignTypedData(message.owner.fields), signature: evm.shown.signature as `0x${string}` })).toBe(true);
    const current = await cosignInPage(message.currentOwner as CosignRequest, 'standard:');
    const replaced = resultOf<{ owner: admin.OwnerStatus }>(
      await command('owner.register', { address: evmAccount.address, nonce: message.owner.fields.nonce, signature: evm.shown.signature, currentOwnerSignature: current.shown.signature }),
    );
    expect(replaced.owner).toMatchObject({ state: 'LOCKED', chain: 'evm', address: evmAccount.address });
  });

  it('a malformed or missing request shows a clear error, offers no wallet, and throws nothing', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const statusFor = async (hash: string) => {
      // Through about:blank, or a change of hash alone would not reload the page.
      await page.goto('about:blank');
      await page.goto(`${pageUrl()}${hash}`);
      await page.waitForFunction(() => document.getElementById('status')?.className === 'error');
      return page.evaluate(() => ({ text: document.getElementById('status')?.textContent, wallets: !document.getElementById('wallets')?.hidden }));
    };
    expect(await statusFor('#%%%')).toEqual({ text: 'The request in the address is not base64url.', wallets: false });
    expect(await statusFor(`#${Buffer.from('{"request":').toString('base64url')}`)).toEqual({ text: 'The request in the address is not base64url-encoded UTF-8 JSON.', wallets: false });
    const bad = await statusFor(hashOf({ request: { format: 'eip712', fields: { action: 'approve' } }, openerOrigin: parentOrigin }));
    expect(bad.text).toMatch(/^The request in the address is malformed: request\.fields\.summary /);
    expect(bad.wallets).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is served with a strict CSP on the TCP listener, and not at all on the unix socket', async () => {
    const tcp = await httpRequest({ host: '127.0.0.1', port: home.port }, 'GET', PAGE_PATH);
    expect(tcp.status).toBe(200);
    expect(tcp.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(tcp.text).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect((await httpRequest({ host: '127.0.0.1', port: home.port }, 'GET', `${PAGE_PATH}.js`)).status).toBe(200);
    // The socket answers with a coded JSON refusal (authentication comes before routing there), never the page.
    for (const path of [PAGE_PATH, `${PAGE_PATH}.js`, '/owner/cosign']) {
      const socket = await httpRequest({ socketPath: home.socketPath }, 'GET', path);
      expect(socket.status).toBeGreaterThanOrEqual(400);
      expect(errorCode(socket)).toMatch(/^[A-Z]+__[A-Z_]+$/);
      expect(socket.text).not.toContain('<html');
    }
  });
});
