/// <reference lib="dom" />
import type { Hex } from 'viem';
import { createEip1193Provider, announceProvider } from './eip1193-provider.js';
import { createPhantomProvider } from './phantom-provider.js';
import { createSolanaKey } from './solana-key.js';
import { createTestWalletControl, type TestWalletControl } from './test-wallet-control.js';
import { createWalletStandardWallet, registerWallet } from './wallet-standard-wallet.js';

/** Baked in by build-test-wallet.ts with esbuild's `define`: the run's throwaway test keys. */
declare const __TEST_WALLET_CONFIG__: {
  solanaSeedHex: string;
  solanaAddress: string;
  evmPrivateKey: Hex;
  evmChainId: number;
};

declare global {
  interface Window {
    phantom?: { solana: ReturnType<typeof createPhantomProvider> };
    isPhantomInstalled?: boolean;
    __testWallet?: TestWalletControl;
  }
}

const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));

// Runs in the page's MAIN world at document_start, before the page's own scripts, exactly where
// Phantom and MetaMask inject: the co-sign page must find this wallet the way it finds theirs.
function installTestWallet(): void {
  const config = __TEST_WALLET_CONFIG__;
  const { control, prompt } = createTestWalletControl();
  const solana = createSolanaKey(hexToBytes(config.solanaSeedHex), config.solanaAddress);

  window.__testWallet = control;
  window.phantom = { solana: createPhantomProvider(solana, prompt) };
  // @solana/wallet-adapter-phantom only reports Phantom as installed with this flag set.
  window.isPhantomInstalled = true;
  registerWallet(createWalletStandardWallet(solana, prompt));
  announceProvider(createEip1193Provider(config.evmPrivateKey, config.evmChainId, prompt));
}

installTestWallet();
