/// <reference lib="dom" />

/**
 * The test's hand on the wallet: `window.__testWallet` in the page. A test reads `calls` to see what a
 * dapp asked for, and calls `rejectNext()` to play the user pressing "Reject" on the next prompt.
 * Everything in `calls` is plain JSON so `page.evaluate` can return it as is.
 */

/** Which face of the wallet a dapp talked to. */
export type TestWalletSurface = 'wallet-standard' | 'phantom' | 'eip1193';

export interface TestWalletCall {
  surface: TestWalletSurface;
  method: string;
  /** The request's inputs as JSON (byte arrays as 0x-hex). */
  params: unknown;
  outcome: 'approved' | 'rejected' | 'failed';
}

export interface TestWalletControl {
  readonly calls: TestWalletCall[];
  /** The next request that would show a prompt is refused with 4001 "User rejected the request.". */
  rejectNext(): void;
}

/** EIP-1193 / Phantom style error: a numeric `code` callers branch on, never the message text. */
export class TestWalletError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TestWalletError';
  }
}

// EIP-1193 codes (Phantom uses the same ones for its Solana provider).
export const USER_REJECTED = 4001;
export const UNAUTHORIZED = 4100;
export const UNSUPPORTED_METHOD = 4200;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;

export const userRejected = () => new TestWalletError(USER_REJECTED, 'User rejected the request.');

export const toHex = (bytes: Uint8Array): string => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** The wallet's prompt stand-in: every request a real wallet would ask the user about goes through it. */
export interface Prompt {
  run<T>(surface: TestWalletSurface, method: string, params: unknown, approve: () => T | Promise<T>): Promise<T>;
}

export function createTestWalletControl(): { control: TestWalletControl; prompt: Prompt } {
  const calls: TestWalletCall[] = [];
  let rejectPending = false;
  const control: TestWalletControl = {
    calls,
    rejectNext: () => {
      rejectPending = true;
    },
  };
  const prompt: Prompt = {
    async run(surface, method, params, approve) {
      const call: TestWalletCall = { surface, method, params, outcome: 'approved' };
      calls.push(call);
      if (rejectPending) {
        rejectPending = false;
        call.outcome = 'rejected';
        throw userRejected();
      }
      try {
        return await approve();
      } catch (error) {
        call.outcome = 'failed';
        throw error;
      }
    },
  };
  return { control, prompt };
}
