import { getAddress } from 'viem';
import { type Anvil, startAnvil } from '../chains/evm/start-anvil.js';
import { type LocalSolana, startLocalSolana } from '../chains/solana/local-solana.js';

/** A local chain as the benchmark needs it: a network table for config.toml and a faucet. */
export interface ChainUnderTest {
  family: 'solana' | 'evm';
  network: string;
  configToml: string;
  recipient: string;
  amount: string;
  fund(address: string): Promise<void>;
  stop(): Promise<void>;
}

async function solana(): Promise<ChainUnderTest> {
  const chain: LocalSolana = await startLocalSolana();
  return {
    family: 'solana',
    network: 'bench-solana',
    configToml: `\n[networks.bench-solana]\nfamily = "solana"\nrpc_url = "${chain.url}"\n`,
    recipient: 'GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW',
    // Above the rent-exempt minimum, so the first transfer can create the recipient's account.
    amount: '1000000',
    fund: (address) => chain.airdrop(address, 10_000_000_000n),
    stop: () => chain.stop(),
  };
}

async function evm(): Promise<ChainUnderTest> {
  const anvil: Anvil = await startAnvil();
  return {
    family: 'evm',
    network: 'bench-evm',
    configToml: `\n[networks.bench-evm]\nfamily = "evm"\nrpc_url = "${anvil.url}"\nchain_id = ${anvil.chainId}\n`,
    recipient: '0x00000000000000000000000000000000000A11cE',
    amount: '1000',
    fund: (address) => anvil.fund(getAddress(address), 10n ** 20n),
    stop: () => anvil.stop(),
  };
}

export function startChains(families: readonly ('solana' | 'evm')[]): Promise<ChainUnderTest[]> {
  return Promise.all(families.map((f) => (f === 'solana' ? solana() : evm())));
}
