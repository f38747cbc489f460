import { computed, createModel, effect, signal, untracked } from '@preact/signals';
import { type CosignRequest, CosignSignature, type owner } from '@waiaas/protocol';
import type { CompanionChannel } from './companion-channel';
import { parseWindowHash } from './parse-window-hash';
import { CosignPageError, describeWalletFailure, type OwnerWallet } from './wallets/owner-wallet';

/**
 * Where the window stands.
 * - invalid: the address holds no usable request;
 * - expired: the request's time is up: said so, nothing posted;
 * - choose: the Owner picks a wallet, to sign `request` (sign mode) or to share its address (connect mode);
 * - awaiting: connect mode, address shared, waiting for the companion's request;
 * - confirm: connect mode, the request came: the same wallet signs it (again, after a refusal);
 * - sent: the signature went to the companion, the signer has not answered yet;
 * - done: the signer's verdict, relayed by the companion;
 * - declined: the Owner declined here.
 */
export type CosignView =
  | { step: 'invalid'; reason: string }
  | { step: 'expired'; request: CosignRequest }
  | { step: 'choose'; chain: owner.OwnerChain; request: CosignRequest | null }
  | { step: 'awaiting'; chain: owner.OwnerChain; wallet: OwnerWallet; address: string }
  | { step: 'confirm'; chain: owner.OwnerChain; wallet: OwnerWallet; address: string; request: CosignRequest }
  | { step: 'sent'; request: CosignRequest; address: string }
  | { step: 'done'; ok: boolean; message: string; request: CosignRequest | null }
  | { step: 'declined'; request: CosignRequest | null };

export interface CosignModelDeps {
  /** `location.hash` as the companion wrote it. */
  hash: string;
  openChannel(ticket: string): CompanionChannel;
  /** Reports the wallets of `chain` in the page, now and as they change; returns the function that stops it. */
  watchWallets(chain: owner.OwnerChain, onChange: (wallets: OwnerWallet[]) => void): () => void;
  now(): number;
  /** `window.close()`: the companion opened this window, so it may close. */
  close(): void;
  closeDelayMs?: number;
}

const DEFAULT_DECLINE_REASON = 'The Owner declined in the co-sign window.';
const chainOf = (request: CosignRequest): owner.OwnerChain => (request.format === 'solana-message' ? 'solana' : 'evm');
// EVM wallets may answer in either letter case; Solana's base58 is case-sensitive.
const sameAddress = (chain: owner.OwnerChain, a: string, b: string) => (chain === 'evm' ? a.toLowerCase() === b.toLowerCase() : a === b);

const CosignModel = createModel((deps: CosignModelDeps) => {
  const parsed = parseWindowHash(deps.hash);
  const isExpired = (request: CosignRequest) => Date.parse(request.fields.expiresAt) <= deps.now();
  const initial = (): CosignView => {
    if (!parsed.ok) return { step: 'invalid', reason: parsed.reason };
    const hash = parsed.value;
    if (hash.mode === 'connect') return { step: 'choose', chain: hash.chain, request: null };
    return isExpired(hash.request) ? { step: 'expired', request: hash.request } : { step: 'choose', chain: chainOf(hash.request), request: hash.request };
  };
  const view = signal<CosignView>(initial());
  const wallets = signal<OwnerWallet[]>([]);
  /** The wallet being asked right now (its prompt is open), if any. */
  const busy = signal<string | null>(null);
  /** The last failure, shown until the next attempt. */
  const problem = signal<{ code: string; message: string } | null>(null);
  let channel: CompanionChannel | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => deps.close(), deps.closeDelayMs ?? 2000);
  };
  /** A wallet may answer after the window moved on (declined, done): such an answer is dropped. */
  const stillAt = (v: CosignView) => view.peek() === v;

  async function signWith(wallet: OwnerWallet, request: CosignRequest, sharedAddress: string | null) {
    if (isExpired(request)) {
      view.value = { step: 'expired', request };
      return;
    }
    const at = view.peek();
    busy.value = wallet.id;
    problem.value = null;
    try {
      const signed = await wallet.sign(request);
      if (!CosignSignature.safeParse(signed.signature).success) throw new CosignPageError('COSIGN_PAGE__BAD_SIGNATURE', `${wallet.name} returned a signature in an unknown format.`);
      if (sharedAddress !== null && !sameAddress(wallet.chain, signed.address, sharedAddress)) {
        throw new CosignPageError('COSIGN_PAGE__ACCOUNT_CHANGED', `${wallet.name} signed with ${signed.address}, not with the account it shared (${sharedAddress}).`);
      }
      if (!stillAt(at)) return;
      channel?.post({ kind: 'signed', signature: signed.signature, address: signed.address });
      view.value = { step: 'sent', request, address: signed.address };
    } catch (error) {
      // A refusal in the wallet is ordinary: say what happened and let the Owner try again or decline.
      if (stillAt(at)) problem.value = describeWalletFailure(wallet.name, 'sign', error);
    } finally {
      if (busy.peek() === wallet.id) busy.value = null;
    }
  }

  async function connectWith(wallet: OwnerWallet, chain: owner.OwnerChain) {
    const at = view.peek();
    busy.value = wallet.id;
    problem.value = null;
    try {
      const address = await wallet.connect();
      if (!stillAt(at)) return;
      channel?.post({ kind: 'connected', chain, address });
      view.value = { step: 'awaiting', chain, wallet, address };
    } catch (error) {
      if (stillAt(at)) problem.value = describeWalletFailure(wallet.name, 'connect', error);
    } finally {
      if (busy.peek() === wallet.id) busy.value = null;
    }
  }

  function onCompanion(message: owner.CompanionMessage) {
    const v = view.peek();
    if (message.kind === 'done') {
      if (v.step === 'invalid' || v.step === 'expired' || v.step === 'done' || v.step === 'declined') return;
      const request = v.step === 'choose' ? v.request : v.step === 'awaiting' ? null : v.request;
      busy.value = null;
      problem.value = null;
      view.value = { step: 'done', ok: message.ok, message: message.message, request };
      scheduleClose();
      return;
    }
    // kind 'sign': only the answer to our `connected`, and only for the wallet's own format.
    if (v.step !== 'awaiting') return;
    if (chainOf(message.request) !== v.chain) {
      problem.value = { code: 'COSIGN_PAGE__WRONG_FORMAT', message: `The companion asked for a ${message.request.format} signature, but ${v.wallet.name} is a ${v.chain} wallet.` };
      return;
    }
    if (isExpired(message.request)) {
      view.value = { step: 'expired', request: message.request };
      return;
    }
    view.value = { step: 'confirm', chain: v.chain, wallet: v.wallet, address: v.address, request: message.request };
    void signWith(v.wallet, message.request, v.address);
  }

  effect(() => {
    if (!parsed.ok) return;
    const start = untracked(() => view.value);
    if (start.step !== 'choose') return;
    const open = deps.openChannel(parsed.value.ticket);
    channel = open;
    const stopListening = open.listen(onCompanion);
    const stopWatching = deps.watchWallets(start.chain, (list) => {
      wallets.value = list;
    });
    return () => {
      stopListening();
      stopWatching();
      clearTimeout(closeTimer);
    };
  });

  return {
    view: computed(() => view.value),
    wallets: computed(() => wallets.value),
    busy: computed(() => busy.value),
    problem: computed(() => problem.value),
    /** The Owner picked `wallet` in the list. */
    choose(wallet: OwnerWallet) {
      const v = view.peek();
      if (v.step !== 'choose' || busy.peek() !== null) return;
      if (v.request) void signWith(wallet, v.request, null);
      else void connectWith(wallet, v.chain);
    },
    /** Connect mode, after a refusal: ask the same wallet again. */
    retry() {
      const v = view.peek();
      if (v.step === 'confirm' && busy.peek() === null) void signWith(v.wallet, v.request, v.address);
    },
    /** Allowed while a wallet prompt hangs too: its late answer is then dropped. */
    decline() {
      const v = view.peek();
      if (v.step !== 'choose' && v.step !== 'awaiting' && v.step !== 'confirm') return;
      channel?.post({ kind: 'declined', reason: (problem.peek()?.message ?? DEFAULT_DECLINE_REASON).slice(0, 300) });
      busy.value = null;
      view.value = { step: 'declined', request: v.step === 'awaiting' ? null : v.request };
      scheduleClose();
    },
    close() {
      deps.close();
    },
  };
});

export type CosignModel = InstanceType<typeof CosignModel>;

/** The co-sign window's state and actions, with its channel, wallets, clock and close injected. */
export function createCosignModel(deps: CosignModelDeps): CosignModel {
  return new CosignModel(deps);
}
