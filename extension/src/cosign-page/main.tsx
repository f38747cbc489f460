import { render } from 'preact';
import { CosignApp } from './CosignApp';
import { createCompanionChannel } from './companion-channel';
import { createCosignModel } from './cosign-model';
import { watchEvmWallets } from './wallets/evm-wallets';
import { watchSolanaWallets } from './wallets/solana-wallets';

/**
 * The co-sign window: served by the signer on its loopback listener (wallets inject into http(s)
 * pages only, never into extension pages) and opened by the companion with the request in the
 * fragment. It asks the signer for nothing: it shows the request, has the Owner's wallet sign it,
 * and talks to the companion through its content script only.
 */
function main(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const model = createCosignModel({
    hash: location.hash,
    openChannel: (ticket) => createCompanionChannel(ticket),
    watchWallets: (chain, onChange) => (chain === 'solana' ? watchSolanaWallets(onChange) : watchEvmWallets(onChange)),
    now: () => Date.now(),
    close: () => window.close(),
  });
  render(<CosignApp model={model} />, root);
}

main();
