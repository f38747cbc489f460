import { bytesToHex, hexToBytes, parseEther } from 'viem';
import { getCode, readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployErc20, erc20PresetAbi, loadErc20Artifact } from './erc20.js';
import { type Anvil, startAnvil } from './start-anvil.js';

const OWNER = '0x000000000000000000000000000000000000bEEF';

/** "function transfer(address,uint256)->(bool)": enough to tell two ABI entries apart. */
function shape(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return String(entry);
  const types = (key: string) => {
    const list = Object.entries(entry).find(([k]) => k === key)?.[1];
    return Array.isArray(list) ? list.map((p: unknown) => (typeof p === 'object' && p !== null && 'type' in p ? String(p.type) : '?')).join(',') : '';
  };
  const name = 'name' in entry ? String(entry.name) : '';
  const type = 'type' in entry ? String(entry.type) : '';
  return `${type} ${name}(${types('inputs')})->(${types('outputs')})`;
}

describe('the ERC-20 fixture (OpenZeppelin 4.9.6 ERC20PresetFixedSupply)', () => {
  let anvil: Anvil;

  beforeAll(async () => {
    anvil = await startAnvil();
  });
  afterAll(() => anvil?.stop());

  it('has every entry of the typed ABI the tests use in the shipped artifact', () => {
    const shipped = new Set(loadErc20Artifact().abi.map(shape));
    for (const entry of erc20PresetAbi) expect(shipped, shape(entry)).toContain(shape(entry));
  });

  it('deploys, minting the whole supply to the owner, with 18 decimals', async () => {
    const token = await deployErc20(anvil, { name: 'Fixture', symbol: 'FIX', supply: parseEther('1000'), owner: OWNER });
    const read = <F extends 'name' | 'symbol' | 'decimals' | 'totalSupply'>(functionName: F) =>
      readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName });
    expect(await read('name')).toBe('Fixture');
    expect(await read('symbol')).toBe('FIX');
    expect(await read('decimals')).toBe(18);
    expect(await read('totalSupply')).toBe(parseEther('1000'));
    expect(await readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'balanceOf', args: [OWNER] })).toBe(parseEther('1000'));
  });

  it('runs code whose metadata names solc 0.8.13, as the provenance note says', async () => {
    const token = await deployErc20(anvil, { supply: 1n, owner: OWNER });
    const code = hexToBytes((await getCode(anvil.client, { address: token })) ?? '0x');
    const metadataLength = ((code.at(-2) ?? 0) << 8) | (code.at(-1) ?? 0);
    const metadata = bytesToHex(code.slice(code.length - 2 - metadataLength, code.length - 2));
    // CBOR map: ipfs hash, then "solc" => 3 bytes of version.
    expect(metadata.endsWith('64736f6c634300080d')).toBe(true);
  });
});
