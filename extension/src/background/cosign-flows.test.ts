import { owner } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './base64url.js';
import { approvalFixture, id } from './companion-fixtures.test-support.js';
import { createCosignFlows } from './cosign-flows.js';
import { createCosignWindows, type WindowsApi } from './cosign-windows.js';
import type { OwnerConnection } from './owner-connection.js';

const SIGNER = 'http://127.0.0.1:3100';
const SIGNATURE = `0x${'ab'.repeat(65)}`;
const OWNER_ADDRESS = '0x00000000000000000000000000000000000a11ce';
const TAB = 41;

/** The browser's windows and tabs, and the page inside the window, played by the test. */
function setup(answers: Record<string, unknown> = {}) {
  const removedListeners = new Set<(windowId: number) => void>();
  const opened: { url: string; hash: owner.CosignWindowHash }[] = [];
  const toPage: Record<string, unknown>[] = [];
  const commands: { type: string; fields: Record<string, unknown> }[] = [];
  const windowsApi: WindowsApi = {
    create: async ({ url }) => {
      const encoded = url.split('#')[1] ?? '';
      opened.push({ url, hash: owner.CosignWindowHash.parse(JSON.parse(new TextDecoder().decode(fromBase64Url(encoded)))) });
      return { id: 9, tabs: [{ id: TAB }] };
    },
    onRemoved: { addListener: (l) => void removedListeners.add(l), removeListener: (l) => void removedListeners.delete(l) },
  };
  const windows = createCosignWindows({
    windows: windowsApi,
    tabs: { sendMessage: async (_tab, message) => void toPage.push(message as Record<string, unknown>) },
    randomBytes: (n) => new Uint8Array(n).fill(1),
    now: () => Date.parse('2026-11-21T10:01:00.000Z'),
  });
  const command = (async (type: string, fields: Record<string, unknown>) => {
    commands.push({ type, fields });
    const answer = answers[type];
    if (answer instanceof Error) throw answer;
    return answer ?? {};
  }) as OwnerConnection['command'];
  const pending = [approvalFixture(1)];
  const flows = createCosignFlows({
    windows,
    command,
    pairing: async () => ({ signerUrl: SIGNER, deviceId: id(1), identityKey: 'k', signerIdentity: 'ed25519:x', deviceName: 'd', pairedAt: '' }),
    approvals: () => pending,
    now: () => Date.parse('2026-11-21T10:01:00.000Z'),
  });
  const ticket = () => opened.at(-1)?.hash.ticket ?? '';
  const page = `${SIGNER}/v1/owner/cosign#x`;
  /** The page posts a message; the content script relays it from tab `tab`. */
  const fromPage = (message: Record<string, unknown>, tab = TAB, url = page) =>
    windows.relay({ source: owner.COSIGN_PAGE_SOURCE, ticket: ticket(), ...message }, { tab: { id: tab }, url });
  const whenOpened = async (count = 1) => {
    while (opened.length < count) await new Promise((resolve) => setImmediate(resolve));
  };
  const closeWindow = () => removedListeners.forEach((l) => l(9));
  return { flows, opened, toPage, commands, fromPage, whenOpened, closeWindow, ticket, removedListeners };
}

describe('co-sign flows', () => {
  it('approve: opens the window on the approve message, sends the signature, tells the page it is done', async () => {
    const t = setup({ 'approval.approve': { approvalId: id(1), transactionId: id(0x1001), status: 'APPROVED' } });
    const approved = t.flows.approve(id(1));
    await t.whenOpened();
    expect(t.opened[0]?.url.startsWith(`${SIGNER}/v1/owner/cosign#`)).toBe(true);
    expect(t.opened[0]?.hash).toEqual({ v: '1', mode: 'sign', ticket: 'AQEBAQEBAQEBAQEBAQEBAQ', request: approvalFixture(1).cosign?.approve });
    expect(t.fromPage({ kind: 'signed', signature: SIGNATURE, address: OWNER_ADDRESS })).toBe(true);
    await expect(approved).resolves.toEqual({ status: 'APPROVED' });
    expect(t.commands).toEqual([{ type: 'approval.approve', fields: { approvalId: id(1), signature: SIGNATURE } }]);
    expect(t.toPage).toEqual([{ source: 'waiaas-companion', ticket: t.ticket(), kind: 'done', ok: true, message: 'Approved: the transaction goes ahead.' }]);
    expect(t.removedListeners.size).toBe(0);
  });

  it('ignores an answer relayed from another tab or page, and takes the real one', async () => {
    const t = setup({ 'approval.approve': { approvalId: id(1), transactionId: id(0x1001), status: 'APPROVED' } });
    const approved = t.flows.approve(id(1));
    await t.whenOpened();
    expect(t.fromPage({ kind: 'signed', signature: `0x${'cd'.repeat(65)}`, address: OWNER_ADDRESS }, 99)).toBe(false);
    expect(t.fromPage({ kind: 'signed', signature: `0x${'cd'.repeat(65)}`, address: OWNER_ADDRESS }, TAB, `${SIGNER}/elsewhere`)).toBe(false);
    t.fromPage({ kind: 'signed', signature: SIGNATURE, address: OWNER_ADDRESS });
    await approved;
    expect(t.commands[0]?.fields.signature).toBe(SIGNATURE);
  });

  it('a closed window cancels, and nothing is sent to the signer', async () => {
    const t = setup();
    const approved = t.flows.approve(id(1));
    await t.whenOpened();
    t.closeWindow();
    await expect(approved).rejects.toMatchObject({ code: 'COMPANION__COSIGN_CANCELLED', message: 'The co-sign window was closed before the Owner signed. Nothing was sent.' });
    expect(t.commands).toEqual([]);
    expect(t.toPage).toEqual([]);
  });

  it('a wallet that declines answers with COMPANION__COSIGN_DECLINED, and the page is told', async () => {
    const t = setup();
    const rejected = t.flows.reject(id(1), 'not this one');
    await t.whenOpened();
    t.fromPage({ kind: 'declined', reason: 'User rejected the request.' });
    await expect(rejected).rejects.toMatchObject({ code: 'COMPANION__COSIGN_DECLINED', message: "The Owner's wallet did not sign (User rejected the request). Nothing was sent." });
    expect(t.commands).toEqual([]);
    expect(t.toPage[0]).toMatchObject({ kind: 'done', ok: false });
  });

  it('reject signs the reject message and sends the reason only when there is one', async () => {
    const answer = { approvalId: id(1), transactionId: id(0x1001), status: 'REJECTED' };
    const t = setup({ 'approval.reject': answer });
    const first = t.flows.reject(id(1), '  too much  ');
    await t.whenOpened(1);
    expect(t.opened[0]?.hash).toMatchObject({ mode: 'sign', request: approvalFixture(1).cosign?.reject });
    t.fromPage({ kind: 'signed', signature: SIGNATURE, address: OWNER_ADDRESS });
    await expect(first).resolves.toEqual({ status: 'REJECTED' });
    const second = t.flows.reject(id(1), '   ');
    await t.whenOpened(2);
    t.fromPage({ kind: 'signed', signature: SIGNATURE, address: OWNER_ADDRESS });
    await second;
    expect(t.commands.map((c) => c.fields)).toEqual([
      { approvalId: id(1), signature: SIGNATURE, reason: 'too much' },
      { approvalId: id(1), signature: SIGNATURE },
    ]);
  });

  it('gives up at the expiry of the signed message and tells the page', async () => {
    const t = setup();
    const expired = approvalFixture(1);
    const request = expired.cosign?.approve;
    if (!request) throw new Error('fixture has no cosign');
    request.fields.expiresAt = '2026-11-21T10:00:30.000Z';
    const answer = createCosignFlows({
      windows: createCosignWindows({
        windows: { create: async () => ({ id: 9, tabs: [{ id: TAB }] }), onRemoved: { addListener: () => undefined, removeListener: () => undefined } },
        tabs: { sendMessage: async (_tab, message) => void t.toPage.push(message as Record<string, unknown>) },
        randomBytes: (n) => new Uint8Array(n),
        now: () => Date.parse('2026-11-21T10:01:00.000Z'),
      }),
      command: (async () => ({})) as OwnerConnection['command'],
      pairing: async () => ({ signerUrl: SIGNER, deviceId: id(1), identityKey: 'k', signerIdentity: 'ed25519:x', deviceName: 'd', pairedAt: '' }),
      approvals: () => [expired],
      now: () => Date.parse('2026-11-21T10:01:00.000Z'),
    }).approve(id(1));
    await expect(answer).rejects.toMatchObject({ code: 'COMPANION__COSIGN_EXPIRED' });
    expect(t.toPage).toEqual([expect.objectContaining({ kind: 'done', ok: false, message: 'The request expired before the Owner signed it. Nothing was sent.' })]);
  });

  it('refuses an approval that is no longer pending without opening a window', async () => {
    const t = setup({ 'approval.list': { approvals: [] } });
    await expect(t.flows.approve(id(77))).rejects.toMatchObject({ code: 'COMPANION__APPROVAL_NOT_PENDING' });
    expect(t.opened).toEqual([]);
  });

  it('registerOwner: the Owner connects a wallet, signs the signer message for that address, and is registered', async () => {
    const request = approvalFixture(1).cosign?.approve;
    const status = { state: 'GRACE', chain: 'evm', address: OWNER_ADDRESS, setAt: '2026-11-21T10:01:00.000Z', lockedAt: null };
    const t = setup({ 'owner.register_message': { owner: request, currentOwner: null }, 'owner.register': { owner: status } });
    const registered = t.flows.registerOwner('evm');
    await t.whenOpened();
    expect(t.opened[0]?.hash).toEqual({ v: '1', mode: 'connect', ticket: t.ticket(), chain: 'evm' });
    t.fromPage({ kind: 'connected', chain: 'evm', address: OWNER_ADDRESS });
    while (t.toPage.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(t.toPage[0]).toEqual({ source: 'waiaas-companion', ticket: t.ticket(), kind: 'sign', request });
    t.fromPage({ kind: 'signed', signature: SIGNATURE, address: OWNER_ADDRESS });
    await expect(registered).resolves.toEqual({ owner: status });
    expect(t.commands).toEqual([
      { type: 'owner.register_message', fields: { address: OWNER_ADDRESS } },
      { type: 'owner.register', fields: { address: OWNER_ADDRESS, nonce: request?.fields.nonce, signature: SIGNATURE } },
    ]);
  });

  it('registerOwner refuses to replace a LOCKED Owner and says to use the CLI', async () => {
    const request = approvalFixture(1).cosign?.approve;
    const t = setup({ 'owner.register_message': { owner: request, currentOwner: request } });
    const registered = t.flows.registerOwner('evm');
    await t.whenOpened();
    t.fromPage({ kind: 'connected', chain: 'evm', address: OWNER_ADDRESS });
    await expect(registered).rejects.toMatchObject({ code: 'COMPANION__OWNER_REPLACE_UNSUPPORTED' });
    expect(t.toPage).toEqual([expect.objectContaining({ kind: 'done', ok: false, message: expect.stringContaining('waiaas owner set') })]);
  });

  it('changePolicy: the signer message first, then the window, then the signed change', async () => {
    const request = approvalFixture(1).cosign?.approve;
    const change = { remove: id(0x9a) };
    const t = setup({ 'policy.change_message': request, 'policy.change': { policy: { id: id(0x9a) } } });
    const changed = t.flows.changePolicy(change);
    await t.whenOpened();
    t.fromPage({ kind: 'signed', signature: SIGNATURE, address: OWNER_ADDRESS });
    await expect(changed).resolves.toEqual({ policy: { id: id(0x9a) } });
    expect(t.commands.map((c) => c.type)).toEqual(['policy.change_message', 'policy.change']);
    expect(t.commands[1]?.fields).toEqual({ change, nonce: request?.fields.nonce, signature: SIGNATURE });
  });
});
