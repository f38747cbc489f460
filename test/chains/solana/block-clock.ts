import type { Blockhash } from '@solana/kit';
import type { LiteSVM } from 'litesvm';

/** A blockhash stays usable for 150 blocks after the block that produced it (Agave's MAX_PROCESSING_AGE). */
export const MAX_BLOCKHASH_AGE = 150n;

/**
 * LiteSVM has no blocks and accepts only its one latest blockhash. This gives it the validator's
 * notion of time: a slot and a block height that move only when a test says so, and a latest
 * blockhash whose lastValidBlockHeight is its issue height + 150. Once the height passes that, the
 * blockhash is expired in LiteSVM too, so "the block height is past lastValidBlockHeight" and
 * "sendTransaction answers BlockhashNotFound" always agree.
 */
export interface BlockClock {
  slot(): bigint;
  blockHeight(): bigint;
  latestBlockhash(): { blockhash: Blockhash; lastValidBlockHeight: bigint };
  /** Produces `blocks` empty blocks; the blockhash rolls over if it gets too old. */
  advance(blocks: number): void;
  /** Advances just far enough that every blockhash handed out so far is expired. */
  expireBlockhash(): void;
}

export function createBlockClock(svm: LiteSVM, startHeight = 1_000n): BlockClock {
  let height = startHeight;
  let issuedAt = startHeight;

  const advance = (blocks: number): void => {
    height += BigInt(blocks);
    svm.warpToSlot(svm.getClock().slot + BigInt(blocks));
    if (height > issuedAt + MAX_BLOCKHASH_AGE) {
      svm.expireBlockhash();
      issuedAt = height;
    }
  };

  return {
    slot: () => svm.getClock().slot,
    blockHeight: () => height,
    latestBlockhash: () => ({ blockhash: svm.latestBlockhash(), lastValidBlockHeight: issuedAt + MAX_BLOCKHASH_AGE }),
    advance,
    expireBlockhash: () => advance(Number(issuedAt + MAX_BLOCKHASH_AGE - height) + 1),
  };
}
