import { readFileSync } from 'node:fs';
import { type Address, type Hex, createWalletClient, erc20Abi, getAddress, http, isHex, parseAbi } from 'viem';
import { deployContract, getAddresses, waitForTransactionReceipt } from 'viem/actions';
import type { Anvil } from './start-anvil.js';

/**
 * OpenZeppelin 4.9.6's ERC20PresetFixedSupply: a plain ERC-20 (18 decimals) whose constructor mints
 * the whole supply to `owner`. Where its bytecode comes from is written in the fixture file.
 */
export interface Erc20Artifact {
  abi: readonly unknown[];
  bytecode: Hex;
}

const ARTIFACT_URL = new URL('./fixtures/erc20-preset-fixed-supply.json', import.meta.url);

/** The artifact exactly as shipped (for the test that pins the typed ABI below to it). */
export function loadErc20Artifact(): Erc20Artifact {
  const parsed: unknown = JSON.parse(readFileSync(ARTIFACT_URL, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('abi' in parsed) || !('bytecode' in parsed)) {
    throw new Error(`${ARTIFACT_URL.pathname} has no abi or bytecode`);
  }
  const { abi, bytecode } = parsed;
  if (!Array.isArray(abi) || typeof bytecode !== 'string' || !isHex(bytecode)) {
    throw new Error(`${ARTIFACT_URL.pathname} holds a malformed abi or bytecode`);
  }
  return { abi, bytecode };
}

/** The standard ERC-20 ABI viem ships, plus the preset's constructor: typed, unlike the JSON. */
export const erc20PresetAbi = [
  ...parseAbi(['constructor(string name, string symbol, uint256 initialSupply, address owner)']),
  ...erc20Abi,
] as const;

export interface DeployErc20Options {
  name?: string;
  symbol?: string;
  /** In the smallest unit; all of it goes to `owner`. */
  supply: bigint;
  owner: Address;
}

/** Deploys the preset from anvil's first (unlocked) dev account and returns the token's address. */
export async function deployErc20(anvil: Anvil, opts: DeployErc20Options): Promise<Address> {
  const [deployer] = await getAddresses(anvil.client);
  if (deployer === undefined) throw new Error('anvil has no dev accounts');
  const wallet = createWalletClient({ account: deployer, transport: http(anvil.url, { retryCount: 0 }) });
  const hash = await deployContract(wallet, {
    abi: erc20PresetAbi,
    bytecode: loadErc20Artifact().bytecode,
    args: [opts.name ?? 'Test Token', opts.symbol ?? 'TEST', opts.supply, opts.owner],
    chain: null,
  });
  const receipt = await waitForTransactionReceipt(anvil.client, { hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`ERC-20 deployment failed: ${hash}`);
  return getAddress(receipt.contractAddress);
}
