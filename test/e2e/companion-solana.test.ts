import { randomBytes } from 'node:crypto';
import { owner as ownerProtocol } from '@waiaas/protocol';
import type { Page } from 'puppeteer-core';
import { generatePrivateKey } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient } from '../support/agent.js';
import { BROWSER_KINDS, browsersAvailable, type LaunchedBrowser, launchBrowser, waitInPage } from '../support/browsers.js';
import { type SolanaSigner, startSolanaSigner } from '../support/solana-signer.js';
import { type BuiltTestWallet, buildTestWalletExtension } from '../wallet-extension/build-test-wallet.js';
import { companionPages } from './companion-page.js';

const RECIPIENT = 'GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW';
const LAMPORTS = 2_000_000n; // 0.002 SOL: above the 1000-lamport approval threshold set below
type Agent = ReturnType<typeof agentClient>;

const available = browsersAvailable();

/*
 * The Owner's day with the companion, in a real browser with the built extension and a test wallet
 * extension that injects like Phantom (Wallet Standard + window.phantom.solana) and signs with a
 * real Ed25519 key; a real signer daemon on a temp home; Solana on LiteSVM behind JSON-RPC. The
 * flows run in order, each starting from where the previous one left the Owner.
 */
describe.each(BROWSER_KINDS)('the Owner companion in %s, with a Solana Owner (Phantom-like test wallet)', (kind) => {
  describe.skipIf(!available[kind])(`${kind}`, { timeout: 180_000 }, () => {
    let s: SolanaSigner;
    let agent: Agent;
    let wallet: BuiltTestWallet;
    let launched: LaunchedBrowser;
    let ui: ReturnType<typeof companionPages>;
    let popup: Page;
    /** The request flow 3 makes and flow 4 approves. */
    let waiting: { id: string } | undefined;
    const signerUrl = () => `http://127.0.0.1:${s.home.port}`;
    const send = (amount = LAMPORTS, justification = 'Paying the invoice the user asked for') =>
      agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: String(amount), justification });
    const cli = async <T>(...args: string[]): Promise<T> => {
      const r = await s.home.cli(...args, '--json');
      if (r.code !== 0) throw new Error(`waiaas ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
      return r.json<T>();
    };

    beforeAll(async () => {
      // Approvals expire after 30 s here, so flow 5 can watch one expire with the popup open.
      s = await startSolanaSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', WAIAAS_OWNER_APPROVAL_SETTLE: '1s', WAIAAS_OWNER_APPROVAL_TIMEOUT: '30s' });
      agent = await s.newAgent('agent');
      await cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000');
      wallet = await buildTestWalletExtension({ solanaSecretKey: randomBytes(32), evmPrivateKey: generatePrivateKey() });
      launched = await launchBrowser(kind, { extensions: [wallet.dir] });
      ui = companionPages(launched);
    }, 180_000);

    afterAll(async () => {
      await launched?.close();
      await s?.stop();
    });

    it('1. pairs with the one-time code from `waiaas pair`', async () => {
      const { code } = ownerProtocol.CreatePairingCodeResponse.parse(await cli('pair'));
      const options = await ui.openOptions();
      await ui.pair(options, signerUrl(), code);
      const identity = await options.$eval(ui.testid('pairing-signer-identity'), (el) => el.textContent ?? '');
      const devices = await cli<{ devices: { id: string }[] }>('pair', 'list');
      expect(devices.devices).toHaveLength(1);
      expect(identity).toMatch(/ed25519:[1-9A-HJ-NP-Za-km-z]{32,44}/);
      popup = await ui.openPopup();
      await ui.waitForConnection(popup, 'connected');
      await launched.screenshot(options, 'options-paired');
    });

    it('2. registers the Phantom-like wallet as the Owner: LOCKED at once', async () => {
      const options = await ui.openOptions();
      await ui.click(options, ui.testid('register-owner-solana'));
      await ui.cosign('standard:', 'Registered', 'cosign-register-owner');
      const { owner } = await cli<{ owner: { state: string; address: string } }>('owner', 'show');
      expect(owner).toMatchObject({ state: 'LOCKED', address: wallet.solanaAddress });
      const reopened = await ui.openOptions();
      await reopened.waitForSelector(`${ui.testid('owner-status')}[data-state="LOCKED"]`, { timeout: 15_000 });
    });

    it('3. an agent request above the threshold: badge 1, a notification, the decoded request in the popup', async () => {
      const tx = await send();
      expect(tx).toMatchObject({ status: 'AWAITING_APPROVAL', tier: 'APPROVAL' });
      waiting = tx;
      const approvalId = await ui.waitForApproval(popup);
      const card = ui.approvalCard(approvalId);
      const text = await popup.$eval(card, (el) => (el as HTMLElement).innerText);
      expect(text).toContain('0.002 SOL');
      expect(text).toContain(RECIPIENT.slice(0, 6));
      expect(text).toContain('Paying the invoice the user asked for');
      expect(await popup.$(`${card} ${ui.testid('new-recipient')}`)).not.toBeNull();
      expect(await popup.$(`${card} ${ui.testid('countdown')}`)).not.toBeNull();
      await ui.waitForBadge(popup, '1');
      expect(await ui.notificationIds(popup)).toContain(`approval:${approvalId}`);
      await launched.screenshot(popup, 'popup-approval');
    });

    it('4. approve → co-sign window → the wallet signs → confirmed on the chain, CONFIRMED for the agent', async () => {
      if (!waiting) throw new Error('flow 3 left no waiting request');
      const approvalId = await ui.waitForApproval(popup);
      const before = s.chain.lamports(RECIPIENT);
      await ui.click(popup, `${ui.approvalCard(approvalId)} ${ui.testid('approve')}`);
      await ui.cosign('standard:', 'Approved', 'cosign-approve');
      const pending = await cli<{ approvals: { id: string; transactionId: string }[] }>('approval', 'list');
      expect(pending.approvals.find((a) => a.id === approvalId)).toBeUndefined();
      const done = await agent.waitFor(waiting.id, 'CONFIRMED', 30_000);
      expect(done.status).toBe('CONFIRMED');
      expect(s.chain.lamports(RECIPIENT) - before).toBe(LAMPORTS);
      await waitInPage(popup, () => document.querySelectorAll('[data-testid="approval"]').length === 0);
      await ui.waitForBadge(popup, '');
    });

    it('5a. reject with a reason: the agent reads REJECTED and the reason', async () => {
      const tx = await send(LAMPORTS, 'Second invoice');
      const approvalId = await ui.waitForApproval(popup, 'Second invoice');
      const card = ui.approvalCard(approvalId);
      await ui.click(popup, `${card} ${ui.testid('reject')}`);
      await popup.type(`${card} ${ui.testid('reject-reason')}`, 'Not this vendor');
      await ui.click(popup, `${card} ${ui.testid('reject-confirm')}`);
      await ui.cosign('standard:', 'Rejected');
      const done = await agent.waitFor(tx.id, 'REJECTED', 15_000);
      expect(done.error?.message).toContain('Not this vendor');
    });

    it('5b. a request expires while the popup is open: its card counts down and goes, the agent reads EXPIRED', async () => {
      const tx = await send(LAMPORTS, 'Will expire');
      const approvalId = await ui.waitForApproval(popup, 'Will expire');
      await waitInPage(popup, (id: string) => !document.querySelector(`[data-testid="approval"][data-approval-id="${id}"]`), { args: [approvalId], timeoutMs: 60_000 });
      expect((await agent.waitFor(tx.id, undefined, 15_000)).status).toBe('EXPIRED');
    });

    it('9. restart the signer while a request waits: the companion reconnects and still shows it', async () => {
      const tx = await send(LAMPORTS, 'Across a restart');
      const approvalId = await ui.waitForApproval(popup, 'Across a restart');
      await s.signer.stop();
      await ui.waitForConnection(popup, 'disconnected', 15_000);
      await s.restart();
      await ui.waitForConnection(popup, 'connected', 60_000);
      expect(await ui.waitForApproval(popup, 'Across a restart')).toBe(approvalId);
      await agent.call('POST', `/v1/transactions/${tx.id}/cancel`);
      await waitInPage(popup, (id: string) => !document.querySelector(`[data-testid="approval"][data-approval-id="${id}"]`), { args: [approvalId] });
    });

    it('7. revoke a session in the popup: the agent holding it gets 401', async () => {
      const created = await cli<{ session: { id: string }; token: string }>('session', 'create', '--wallet', 'agent');
      await ui.selectTab(popup, 'sessions');
      const row = `[data-testid="session"][data-session-id="${created.session.id}"]`;
      await popup.waitForSelector(row, { timeout: 15_000 });
      // Spent against the limit, in the wallet's own unit.
      expect(await popup.$eval(`${row} [data-testid="session-spent"]`, (el) => el.textContent)).toContain('0 SOL');
      await launched.screenshot(popup, 'popup-sessions');
      await ui.click(popup, `${row} ${ui.testid('revoke')}`);
      await ui.click(popup, `${row} ${ui.testid('revoke-confirm')}`);
      await waitInPage(popup, (sel: string) => !document.querySelector(sel), { args: [row] });
      const revoked = agentClient(s.home.socketPath, created.token);
      const res = await revoked.call('GET', '/v1/wallet/address');
      expect(res.status).toBe(401);
    });

    it('8. the kill switch in the popup: the waiting request is cancelled, new ones refused', async () => {
      await ui.selectTab(popup, 'approvals');
      const tx = await send(LAMPORTS, 'Before the stop');
      await ui.waitForApproval(popup, 'Before the stop');
      await ui.selectTab(popup, 'stop');
      await ui.click(popup, ui.testid('kill-switch'));
      await ui.click(popup, ui.testid('kill-switch-confirm'));
      await popup.waitForSelector(`${ui.testid('kill-switch-state')}[data-state="LOCKED"]`, { timeout: 15_000 });
      await launched.screenshot(popup, 'popup-kill-switch');
      // The agent's session is gone with the switch, so the Owner's side tells what happened to its request.
      await waitInPage(popup, () => document.querySelectorAll('[data-testid="approval"]').length === 0);
      const { entries } = await cli<{ entries: { actor: string; details: { cancelledTransactions: number } }[] }>('audit', 'list', '--action', 'kill_switch.activate');
      expect(entries.at(-1)).toMatchObject({ actor: expect.stringMatching(/^owner:/), details: { cancelledTransactions: 1 } });
      expect((await cli<{ approvals: unknown[] }>('approval', 'list')).approvals).toEqual([]);
      expect(tx.status).toBe('AWAITING_APPROVAL');
      const refused = await agent.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: RECIPIENT, amount: '1' });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(s.chain.lamports(RECIPIENT)).toBe(LAMPORTS);
    });
  });
});
