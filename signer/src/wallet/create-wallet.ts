import { type Chain, type PolicyRule, type admin, WaiaasError } from '@waiaas/protocol';
import { defaultSpendingLimit } from '../policy/default-policy.js';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../audit/audit-log.js';
import type { Keystore } from '../keystore/index.js';
import type { WalletStore } from './wallet-store.js';
import type { Network } from '../chain/chain-adapter.js';

/** Without --network, a new wallet lives on its family's public test network: no real money by accident. */
export const DEFAULT_NETWORK: Record<Chain, string> = { solana: 'solana-devnet', evm: 'sepolia' };

export interface CreateWalletDeps {
  wallets: WalletStore;
  /** Gives the new wallet its default policy. */
  setPolicy: (walletId: string, rule: PolicyRule) => void;
  /** Whether a price source can know the chain's native price: only then has the default USD thresholds. */
  canPriceNative: (chain: Chain) => boolean;
  /** Looks a network up by name; throws NETWORK__NOT_FOUND. */
  network: (name: string) => Network;
  keystore: Keystore;
  audit: AuditLog;
  now?: () => number;
}

/**
 * Generates the key inside the keystore first, then records the wallet. If recording fails the
 * key file stays behind unused, which loses nothing; the reverse order could leave a wallet row
 * with no key.
 */
export async function createWallet(deps: CreateWalletDeps, request: admin.CreateWalletRequest): Promise<admin.Wallet> {
  const name = request.name ?? nextDefaultName(deps.wallets, request.chain);
  if (deps.wallets.nameTaken(name)) throw new WaiaasError('WALLET__NAME_TAKEN', { name });
  const network = deps.network(request.network ?? DEFAULT_NETWORK[request.chain]);
  if (network.family !== request.chain) {
    throw new WaiaasError('NETWORK__WRONG_FAMILY', { network: network.name, family: network.family, chain: request.chain });
  }
  const id = uuidv7();
  const { address } = await deps.keystore.createKey(id, request.chain);
  const wallet: admin.Wallet = {
    id,
    name,
    chain: request.chain,
    network: network.name,
    address,
    createdAt: new Date((deps.now ?? Date.now)()).toISOString(),
    suspendedAt: null,
    suspendedReason: null,
  };
  deps.wallets.insert(wallet);
  deps.setPolicy(id, defaultSpendingLimit(request.chain, { usd: deps.canPriceNative(request.chain) }));
  deps.audit.record({ actor: 'master', action: 'wallet.create', walletId: id, details: { name, chain: wallet.chain, network: wallet.network } });
  return wallet;
}

function nextDefaultName(wallets: WalletStore, chain: Chain): string {
  for (let n = 1; ; n++) {
    const candidate = `${chain}-${n}`;
    if (!wallets.nameTaken(candidate)) return candidate;
  }
}
