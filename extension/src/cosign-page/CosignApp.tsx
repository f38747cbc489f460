import type { CosignAction, CosignRequest, owner } from '@waiaas/protocol';
import { RequestFields } from '../components/RequestFields';
import type { CosignModel, CosignView } from './cosign-model';
import type { OwnerWallet } from './wallets/owner-wallet';

const CHAIN_LABELS: Record<owner.OwnerChain, string> = { solana: 'Solana', evm: 'EVM' };
const NO_WALLET: Record<owner.OwnerChain, string> = {
  solana: 'No Solana wallet found in this browser. Install or unlock Phantom (or another Wallet Standard wallet), then reload this window.',
  evm: 'No EVM wallet found in this browser. Install or unlock MetaMask (or another EIP-6963 wallet), then reload this window.',
};

/** The verdict in the words of what was signed: "Approved" would misread a rejection. */
const ACCEPTED: Record<CosignAction, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  'register-owner': 'Registered',
  recover: 'Recovered',
  'policy-change': 'Policy changed',
  checkpoint: 'Checkpoint signed',
};

/** One sentence saying where things stand; errors are marked so they read as errors. */
function statusOf(view: CosignView, busyName: string | null): { text: string; error: boolean } {
  if (busyName) return { text: `Waiting for ${busyName}… check its window.`, error: false };
  switch (view.step) {
    case 'invalid':
      return { text: view.reason, error: true };
    case 'expired':
      return { text: `This request expired at ${view.request.fields.expiresAt}. Ask again from the companion.`, error: true };
    case 'choose':
      return view.request
        ? { text: `Pick the ${CHAIN_LABELS[view.chain]} wallet of the Owner to sign this request.`, error: false }
        : { text: `Pick the ${CHAIN_LABELS[view.chain]} wallet of the Owner: the companion will learn its address.`, error: false };
    case 'awaiting':
      return { text: `Connected ${view.wallet.name} (${view.address}). Waiting for the companion's request…`, error: false };
    case 'confirm':
      return { text: `Sign this request with ${view.wallet.name} (${view.address}).`, error: false };
    case 'sent':
      return { text: 'Sent to the companion, waiting for the signer…', error: false };
    case 'done':
      return view.ok
        ? { text: `${view.request ? ACCEPTED[view.request.fields.action] : 'Done'} — the signer accepted it`, error: false }
        : { text: view.message, error: true };
    case 'declined':
      return { text: 'Declined. The companion was told; this window closes itself.', error: false };
    default:
      return view satisfies never;
  }
}

function requestOf(view: CosignView): CosignRequest | null {
  switch (view.step) {
    case 'invalid':
    case 'awaiting':
      return null;
    default:
      return view.request;
  }
}

function WalletList({ chain, wallets, busy, onChoose }: { chain: owner.OwnerChain; wallets: OwnerWallet[]; busy: string | null; onChoose(wallet: OwnerWallet): void }) {
  if (wallets.length === 0) return <p id="no-wallets">{NO_WALLET[chain]}</p>;
  return (
    <ul id="wallet-list">
      {wallets.map((wallet) => (
        <li key={wallet.id}>
          <button type="button" data-wallet={wallet.id} disabled={busy !== null} onClick={() => onChoose(wallet)}>
            {wallet.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function CosignApp({ model }: { model: CosignModel }) {
  const view = model.view.value;
  const wallets = model.wallets.value;
  const busy = model.busy.value;
  const problem = model.problem.value;
  const busyName = busy === null ? null : (wallets.find((w) => w.id === busy)?.name ?? (view.step === 'confirm' ? view.wallet.name : 'the wallet'));
  const status = statusOf(view, busyName);
  const request = requestOf(view);
  const canDecline = view.step === 'choose' || view.step === 'awaiting' || view.step === 'confirm';
  return (
    <main data-step={view.step}>
      <h1>WAIaaS — sign as the Owner</h1>
      {/* A live region: a screen reader announces each step, the signer's verdict included. */}
      <p id="status" role="status" class={status.error ? 'error' : undefined}>
        {status.text}
      </p>
      {view.step === 'done' && view.ok && view.message ? <p id="detail">{view.message}</p> : null}
      {problem ? (
        <p id="problem" role="alert" class="error" data-code={problem.code}>
          {problem.message}
        </p>
      ) : null}
      {request ? <RequestFields request={request} /> : null}
      {view.step === 'choose' ? (
        <section aria-label="Wallets">
          <h2>{view.request ? 'Sign with' : 'Connect'}</h2>
          <WalletList chain={view.chain} wallets={wallets} busy={busy} onChoose={(wallet) => model.choose(wallet)} />
        </section>
      ) : null}
      <div class="actions">
        {view.step === 'confirm' && problem && busy === null ? (
          <button type="button" id="retry" onClick={() => model.retry()}>
            Sign again with {view.wallet.name}
          </button>
        ) : null}
        {canDecline ? (
          <button type="button" id="decline" class="secondary" onClick={() => model.decline()}>
            Decline
          </button>
        ) : null}
        {view.step === 'invalid' || view.step === 'expired' || view.step === 'done' || view.step === 'declined' ? (
          <button type="button" id="close" onClick={() => model.close()}>
            Close
          </button>
        ) : null}
      </div>
    </main>
  );
}
