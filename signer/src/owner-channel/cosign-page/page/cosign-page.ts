/// <reference lib="dom" />
import { CosignSignature, cosignText, cosignTypedData } from '@waiaas/protocol';
import { type CosignHash, parseCosignHash } from './cosign-hash.js';
import { watchEvmWallets } from './evm-wallets.js';
import type { OwnerWallet } from './owner-wallet.js';
import { watchSolanaWallets } from './solana-wallets.js';

/**
 * The co-sign page: wallets inject into http(s) pages only, so the Owner signs here, in a popup the
 * extension opens. Everything it shows comes from the hash the extension wrote; it asks the signer
 * for nothing, and hands the signature back to the opener (and to the Owner, for copy/paste).
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function main(): void {
  const parsed = parseCosignHash(location.hash);
  if (!parsed.ok) return fail(parsed.reason);
  const { request, openerOrigin } = parsed.value;
  showRequest(parsed.value);
  if (Date.parse(request.fields.expiresAt) <= Date.now()) return fail(`This request expired at ${request.fields.expiresAt}. Ask again from the extension.`);

  // The wallet signs these exact bytes; the signer renders the same fields and verifies.
  const message = request.format === 'solana-message' ? cosignText(request.fields) : JSON.stringify(cosignTypedData(request.fields));
  const list = $<HTMLUListElement>('wallet-list');
  const noWallets = $('no-wallets');
  $('wallets').hidden = false;
  noWallets.hidden = false;
  const offer = (wallet: OwnerWallet) => {
    noWallets.hidden = true;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.wallet = wallet.id;
    button.textContent = wallet.name;
    button.addEventListener('click', () => void sign(wallet, message, openerOrigin));
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  };
  if (request.format === 'solana-message') watchSolanaWallets(offer);
  else watchEvmWallets(offer);
  status(request.format === 'solana-message' ? 'Pick the Solana wallet of the Owner.' : 'Pick the EVM wallet of the Owner.');
}

async function sign(wallet: OwnerWallet, message: string, openerOrigin: string): Promise<void> {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('#wallet-list button'));
  buttons.forEach((b) => (b.disabled = true));
  status(`Waiting for ${wallet.name}… check its window.`);
  try {
    const result = await wallet.sign(message);
    if (!CosignSignature.safeParse(result.signature).success) throw new Error(`${wallet.name} returned a signature in an unknown format.`);
    showResult(result, openerOrigin);
  } catch (error) {
    // A refusal in the wallet is ordinary: say what happened and let the Owner try again.
    fail(`${wallet.name} did not sign: ${error instanceof Error ? error.message.slice(0, 300) : 'unknown error'}`);
    buttons.forEach((b) => (b.disabled = false));
  }
}

function showResult(result: { signature: string; address: string }, openerOrigin: string): void {
  $('result').hidden = false;
  $<HTMLTextAreaElement>('signature').value = result.signature;
  $<HTMLInputElement>('address').value = result.address;
  const opener = window.opener as Window | null;
  if (opener && !opener.closed) {
    // targetOrigin: the browser drops the message if the opener is not the origin the extension named.
    opener.postMessage({ signature: result.signature, address: result.address }, openerOrigin);
    $('delivered').textContent = `Sent to ${openerOrigin}. You can close this window.`;
  } else {
    $('delivered').textContent = 'No extension window to send it to: copy the signature and address into the extension.';
  }
  status('Signed.');
}

function showRequest({ request }: CosignHash): void {
  const f = request.fields;
  $('request').hidden = false;
  $('title').textContent = `${f.action.toUpperCase()} — ${request.format === 'solana-message' ? 'Solana message' : 'EIP-712 typed data'}`;
  $('summary').textContent = f.summary;
  const rows: [string, string][] = [
    ['Amount', f.amount], ['Recipient', f.recipient], ['Network', f.network], ['Agent wallet', f.wallet],
    ['Transaction digest', f.digest], ['Signer', f.signer], ['Expires', f.expiresAt],
  ];
  const list = $('fields');
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
}

function status(text: string): void {
  const el = $('status');
  el.textContent = text;
  el.className = '';
}

function fail(reason: string): void {
  const el = $('status');
  el.textContent = reason;
  el.className = 'error';
}

main();
