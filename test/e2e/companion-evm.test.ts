import { randomBytes } from 'node:crypto';
import { owner as ownerProtocol } from '@waiaas/protocol';
import { getAddress } from 'viem';
import { getBalance } from 'viem/actions';
import { generatePrivateKey } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { agentClient } from '../support/agent.js';
import { BROWSER_KINDS, browsersAvailable, type LaunchedBrowser, launchBrowser, waitInPage } from '../support/browsers.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { type BuiltTestWallet, buildTestWalletExtension } from '../wallet-extension/build-test-wallet.js';
import { companionPages } from './companion-page.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000e2e06');
const WEI = 5_000_000_000_000n; // 0.000005 ETH: above the 1000-wei approval threshold set below
const available = browsersAvailable();

/*
 * Flow 6 of the companion: a MetaMask-like Owner (EIP-6963 / EIP-1193 test wallet signing EIP-712
 * with a real secp256k1 key) registers and approves an EVM transfer that lands on anvil.
 */
describe.each(BROWSER_KINDS)('the Owner companion in %s, with an EVM Owner (MetaMask-like test wallet)', (kind) => {
  describe.skipIf(!available[kind])(`${kind}`, { timeout: 180_000 }, () => {
    let s: EvmSigner;
    let agent: ReturnType<typeof agentClient>;
    let wallet: BuiltTestWallet;
    let launched: LaunchedBrowser;
    let ui: ReturnType<typeof companionPages>;
    const cli = async <T>(...args: string[]): Promise<T> => {
      const r = await s.home.cli(...args, '--json');
      if (r.code !== 0) throw new Error(`waiaas ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
      return r.json<T>();
    };

    beforeAll(async () => {
      s = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', WAIAAS_OWNER_APPROVAL_SETTLE: '1s' });
      agent = await s.newAgent('agent', { wei: 10n ** 18n });
      await cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000');
      wallet = await buildTestWalletExtension({ solanaSecretKey: randomBytes(32), evmPrivateKey: generatePrivateKey(), evmChainId: s.anvil.chainId });
      launched = await launchBrowser(kind, { extensions: [wallet.dir] });
      ui = companionPages(launched);
    }, 180_000);

    afterAll(async () => {
      await launched?.close();
      await s?.stop();
    });

    it('6. pairs, registers a MetaMask-like Owner with EIP-712, and approves an EVM transfer that lands on anvil', async () => {
      const { code } = ownerProtocol.CreatePairingCodeResponse.parse(await cli('pair'));
      const options = await ui.openOptions();
      await ui.pair(options, `http://127.0.0.1:${s.home.port}`, code);

      await ui.click(options, ui.testid('register-owner-evm'));
      await ui.cosign('eip6963:', 'Registered', 'cosign-register-evm-owner');
      const { owner } = await cli<{ owner: { state: string; address: string } }>('owner', 'show');
      expect(owner).toMatchObject({ state: 'LOCKED', address: wallet.evmAddress });

      const popup = await ui.openPopup();
      await ui.waitForConnection(popup, 'connected');
      const tx = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: String(WEI) });
      expect(tx).toMatchObject({ status: 'AWAITING_APPROVAL', tier: 'APPROVAL' });
      const approvalId = await ui.waitForApproval(popup);
      expect(await popup.$eval(ui.approvalCard(approvalId), (el) => (el as HTMLElement).innerText)).toContain('0.000005 ETH');
      await ui.waitForBadge(popup, '1');

      await ui.click(popup, `${ui.approvalCard(approvalId)} ${ui.testid('approve')}`);
      await ui.cosign('eip6963:', 'Approved', 'cosign-approve-evm');
      expect((await agent.waitFor(tx.id, 'CONFIRMED', 30_000)).status).toBe('CONFIRMED');
      expect(await getBalance(s.anvil.client, { address: RECIPIENT })).toBe(WEI);
      await waitInPage(popup, () => document.querySelectorAll('[data-testid="approval"]').length === 0);
      await ui.waitForBadge(popup, '');
    });
  });
});
