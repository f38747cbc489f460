import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getBase58Encoder } from '@solana/kit';
import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { type Hex, verifyTypedData } from 'viem';
import { generatePrivateKey } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_KINDS, type BrowserKind, browsersAvailable, companionDir, type LaunchedBrowser, launchBrowser, waitInPage } from '../support/browsers.js';
import { freePort } from '../support/signer-home.js';
import { type BuiltTestWallet, buildTestWalletExtension } from '../wallet-extension/build-test-wallet.js';
import { type ProbeExtensionApi, writeProbeExtension } from './probe-extension.js';

const EXTENSION_DIR = fileURLToPath(new URL('../../extension/', import.meta.url));

/**
 * What a dapp page sees, collected by a page script built from @wallet-standard/app's real getWallets()
 * (the extension's dependency, resolved from extension/ as the co-sign page would bundle it).
 */
async function buildDappScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { getWallets } from '@wallet-standard/app';
        const seen = (window.__seen = { wallets: [], announced: [] });
        const { get, on } = getWallets();
        const add = (wallet) => seen.wallets.push(wallet);
        get().forEach(add);
        on('register', (...wallets) => wallets.forEach(add));
        window.addEventListener('eip6963:announceProvider', (event) => seen.announced.push(event.detail));
        window.dispatchEvent(new Event('eip6963:requestProvider'));`,
      resolveDir: EXTENSION_DIR,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

interface Seen {
  wallets: { name: string; chains: string[]; features: Record<string, { connect?(): Promise<unknown>; signMessage?(...i: unknown[]): Promise<{ signature: Uint8Array }[]> }>; accounts: { address: string }[] }[];
  announced: { info: { name: string; rdns: string }; provider: { request(args: { method: string; params?: unknown[] }): Promise<unknown> } }[];
}
type DappWindow = Window & { __seen: Seen; __testWallet: { rejectNext(): void; calls: { surface: string; method: string; outcome: string }[] } };

// The co-sign page's CSP (see cosign-page.test.ts): the wallet must inject and sign under it, as Phantom does.
const COSIGN_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The page's first script: the wallet must already be there (document_start), as real wallets are.
const EARLY_SCRIPT = 'window.__early = { phantom: Boolean(window.phantom), testWallet: Boolean(window.__testWallet) };';

const typedData = {
  domain: { name: 'WAIaaS harness', version: '1' },
  types: { Check: [{ name: 'text', type: 'string' }, { name: 'amount', type: 'uint256' }] },
  primaryType: 'Check',
  message: { text: 'harness', amount: '1000000' },
} as const;

const available = browsersAvailable();
for (const kind of BROWSER_KINDS) {
  if (!available[kind]) console.warn(`browser harness test SKIPPED for ${kind}: its binary is not installed; CI (.ci/run) installs it.`);
}

describe.each(BROWSER_KINDS)('the real-browser harness in %s', (kind: BrowserKind) => {
  describe.skipIf(!available[kind])(`${kind} with the companion, the test wallet and a probe extension`, { timeout: 120_000 }, () => {
    let server: Server;
    let origin: string;
    let wallet: BuiltTestWallet;
    let probeDir: string;
    let launched: LaunchedBrowser;
    let dapp: Page;

    beforeAll(async () => {
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const dappScript = await buildDappScript();
      server = createServer((req, res) => {
        if (req.url === '/early.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(EARLY_SCRIPT);
        if (req.url === '/dapp.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(dappScript);
        if (req.url === '/') {
          const html = '<!doctype html><title>dapp</title><script src="/early.js"></script><script src="/dapp.js"></script>';
          return void res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': COSIGN_PAGE_CSP }).end(html);
        }
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>window ${req.url}</title><p>opened by an extension</p>`);
      });
      await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
      wallet = await buildTestWalletExtension({ solanaSecretKey: randomBytes(32), evmPrivateKey: generatePrivateKey() });
      probeDir = mkdtempSync(join(tmpdir(), 'waiaas-probe-extension-'));
      writeProbeExtension(probeDir, kind);
      launched = await launchBrowser(kind, { extensions: [companionDir(kind), wallet.dir, probeDir] });
      console.info(`${kind}: launched with 3 extensions in ${launched.launchMs} ms`);
      dapp = await launched.browser.newPage();
      await dapp.goto(`${origin}/`);
    }, 120_000);
    afterAll(async () => {
      await launched?.close();
      server?.close();
      for (const dir of [wallet?.dir, probeDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('loads the built companion, whose popup page opens and renders', async () => {
      expect(launched.extensionOrigin).toMatch(kind === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);
      const popup = await launched.openExtensionPage('popup.html');
      // waitInPage, not page.waitForFunction: Firefox extension pages' CSP blocks the Function() it relies on.
      const rendered = await waitInPage(popup, () => (document.querySelector('main')?.textContent ?? '').trim());
      expect(rendered.length).toBeGreaterThan(0);
      expect(await launched.urlOf(popup)).toBe(`${launched.extensionOrigin}/popup.html`);
      await launched.screenshot(popup, 'harness-popup');
      await popup.close();
    });

    it('shows the test wallet to a loopback page as Wallet Standard, window.phantom and EIP-6963', async () => {
      // waitInPage: under this CSP Firefox blocks the Function() that page.waitForFunction relies on.
      await waitInPage(dapp, () => (window as unknown as DappWindow).__seen.wallets.length > 0 && (window as unknown as DappWindow).__seen.announced.length > 0);
      const seen = await dapp.evaluate(() => {
        const w = window as unknown as DappWindow & { phantom?: { solana?: { isPhantom?: boolean } }; isPhantomInstalled?: boolean };
        return {
          wallets: w.__seen.wallets.map((x) => ({ name: x.name, chains: x.chains, features: Object.keys(x.features) })),
          announced: w.__seen.announced.map((a) => a.info.name + ' ' + a.info.rdns),
          isPhantom: w.phantom?.solana?.isPhantom,
          isPhantomInstalled: w.isPhantomInstalled,
          early: (w as unknown as { __early: unknown }).__early,
        };
      });
      expect(seen.wallets).toEqual([{ name: 'Test Phantom (Wallet Standard)', chains: ['solana:mainnet', 'solana:devnet', 'solana:localnet'], features: ['standard:connect', 'standard:events', 'solana:signMessage', 'solana:signTransaction'] }]);
      expect(seen.announced[0]).toBe('Test MetaMask (EIP-6963) io.metamask.test');
      expect(seen.isPhantom).toBe(true);
      expect(seen.isPhantomInstalled).toBe(true);
      expect(seen.early).toEqual({ phantom: true, testWallet: true });
    });

    it('signs in the page with Ed25519 through window.phantom.solana and Wallet Standard; Node verifies both', async () => {
      const text = `harness ${kind} ${Date.now()}`;
      const signed = await dapp.evaluate(async (message) => {
        const w = window as unknown as DappWindow & { phantom: { solana: { connect(): Promise<{ publicKey: { toBase58(): string } }>; signMessage(m: Uint8Array, d: string): Promise<{ signature: Uint8Array }> } } };
        const { publicKey } = await w.phantom.solana.connect();
        const phantom = await w.phantom.solana.signMessage(new TextEncoder().encode(message), 'utf8');
        const standard = w.__seen.wallets[0];
        const connected = (await standard?.features['standard:connect']?.connect?.()) as { accounts: { address: string }[] };
        const [output] = (await standard?.features['solana:signMessage']?.signMessage?.({ account: connected.accounts[0], message: new TextEncoder().encode(message) })) ?? [];
        return { address: publicKey.toBase58(), phantom: Array.from(phantom.signature), standard: Array.from(output?.signature ?? []) };
      }, text);
      expect(signed.address).toBe(wallet.solanaAddress);
      const x = Buffer.from(getBase58Encoder().encode(wallet.solanaAddress)).toString('base64url');
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      expect(verify(null, Buffer.from(text), publicKey, Buffer.from(signed.phantom))).toBe(true);
      expect(verify(null, Buffer.from(text), publicKey, Buffer.from(signed.standard))).toBe(true);
    });

    it('signs EIP-712 typed data in the page through the EIP-6963 provider; viem recovers the address in Node', async () => {
      const answer = await dapp.evaluate(async (json) => {
        const { provider } = (window as unknown as DappWindow).__seen.announced[0] ?? {};
        if (!provider) throw new Error('no provider');
        const [address] = (await provider.request({ method: 'eth_requestAccounts' })) as string[];
        const chainId = await provider.request({ method: 'eth_chainId' });
        const signature = await provider.request({ method: 'eth_signTypedData_v4', params: [address, json] });
        return { address, chainId, signature: signature as string };
      }, JSON.stringify(typedData));
      expect(answer.address).toBe(wallet.evmAddress);
      expect(answer.chainId).toBe('0x1');
      expect(await verifyTypedData({ address: wallet.evmAddress, ...typedData, message: { text: 'harness', amount: 1_000_000n }, signature: answer.signature as Hex })).toBe(true);
    });

    it('lets a test refuse the next request with 4001, answers unknown methods with 4200, and records every call', async () => {
      const outcome = await dapp.evaluate(async () => {
        const w = window as unknown as DappWindow;
        const { provider } = w.__seen.announced[0] ?? {};
        const codeOf = (p: Promise<unknown> | undefined) => p?.then(() => null, (e: { code: number; message: string }) => ({ code: e.code, message: e.message }));
        const [address] = (await provider?.request({ method: 'eth_accounts' })) as string[];
        w.__testWallet.rejectNext();
        const rejected = await codeOf(provider?.request({ method: 'personal_sign', params: ['0x68690a', address] }));
        const signedAfter = await provider?.request({ method: 'personal_sign', params: ['0x68690a', address] });
        const unsupported = await codeOf(provider?.request({ method: 'eth_sendTransaction', params: [] }));
        return { rejected, signedAfter, unsupported, calls: w.__testWallet.calls.map((c) => `${c.surface} ${c.method} ${c.outcome}`) };
      });
      expect(outcome.rejected).toEqual({ code: 4001, message: 'User rejected the request.' });
      expect(outcome.signedAfter).toMatch(/^0x[0-9a-f]{130}$/);
      expect(outcome.unsupported).toEqual({ code: 4200, message: 'The method "eth_sendTransaction" is not supported by this test wallet.' });
      expect(outcome.calls).toEqual([
        'phantom connect approved',
        'phantom signMessage approved',
        'wallet-standard standard:connect approved',
        'wallet-standard solana:signMessage approved',
        'eip1193 eth_requestAccounts approved',
        'eip1193 eth_signTypedData_v4 approved',
        'eip1193 personal_sign rejected',
        'eip1193 personal_sign approved',
      ]);
    });

    it('catches the window an extension opens with windows.create, as the co-sign window will be', async () => {
      const probe = await launched.openExtensionPage('page.html', launched.originOf(probeDir));
      const url = `${origin}/x`;
      const opening = launched.waitForPage((u) => u === url);
      // As the popup will ask the background to open the co-sign window.
      const created = await probe.evaluate((target) => ((globalThis as { browser?: ProbeExtensionApi }).browser ?? (globalThis as unknown as { chrome: ProbeExtensionApi }).chrome).runtime.sendMessage({ type: 'open-window', url: target }), url);
      const opened = await opening;
      expect(created).toEqual({ type: 'popup' });
      await waitInPage(opened, () => document.readyState === 'complete');
      expect(await opened.title()).toBe('window /x');
      await launched.screenshot(opened, 'harness-extension-window');
      await opened.close();
      await probe.close();
    });

    it('reads back the toolbar badge and a desktop notification from an extension page, headless', async () => {
      const probe = await launched.openExtensionPage('page.html', launched.originOf(probeDir));
      const result = await probe.evaluate(async () => {
        // Firefox names it `browser`, Chromium `chrome`; both return promises in MV3.
        const api = ((globalThis as { browser?: ProbeExtensionApi }).browser ?? (globalThis as unknown as { chrome: ProbeExtensionApi }).chrome);
        await api.action.setBadgeText({ text: '1' });
        const badge = await api.action.getBadgeText({});
        await api.notifications.create('harness-notification', { type: 'basic', iconUrl: 'icon.png', title: 'Approval requested', message: 'harness' });
        return { badge, notificationIds: Object.keys(await api.notifications.getAll()) };
      });
      expect(result).toEqual({ badge: '1', notificationIds: ['harness-notification'] });
      await probe.close();
    });
  });
});
