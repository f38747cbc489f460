import { z } from 'zod';
import { CosignRequest, CosignSignature } from './cosign.js';

/*
 * The co-sign window: a page the signer serves on its loopback TCP listener (wallets inject into
 * http(s) pages only, never into extension pages), opened by the companion extension with
 * `windows.create`. The request travels in the URL fragment (never sent to any server); answers go
 * back through `window.postMessage` on the page itself, where the companion's content script
 * (matched to that page only) relays them to the background. The background accepts a message only
 * from the tab it opened for that ticket, so another page on 127.0.0.1 cannot answer for it.
 * Everything crossing this boundary is parsed with these schemas on both sides.
 */

/** 128-bit random, base64url: binds every message of one window to the request that opened it. */
export const CosignTicket = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'must be a base64url ticket');

export const OwnerChain = z.enum(['solana', 'evm']);
export type OwnerChain = z.infer<typeof OwnerChain>;

/**
 * What the companion writes after `#` (base64url of this JSON).
 * - sign: show `request` and have the Owner's wallet sign it;
 * - connect: have the Owner pick a wallet of `chain` and share its address (registering an Owner:
 *   the signer's message names the address, so the companion sends the request to sign afterwards).
 */
export const CosignWindowHash = z.discriminatedUnion('mode', [
  z.strictObject({ v: z.literal('1'), mode: z.literal('sign'), ticket: CosignTicket, request: CosignRequest }),
  z.strictObject({ v: z.literal('1'), mode: z.literal('connect'), ticket: CosignTicket, chain: OwnerChain }),
]);
export type CosignWindowHash = z.infer<typeof CosignWindowHash>;

/** `source` tags on window messages, so each side ignores its own posts and every other script's. */
export const COSIGN_PAGE_SOURCE = 'waiaas-cosign-page';
export const COMPANION_SOURCE = 'waiaas-companion';

/** Page → companion. */
export const CosignPageMessage = z.discriminatedUnion('kind', [
  z.strictObject({ source: z.literal(COSIGN_PAGE_SOURCE), ticket: CosignTicket, kind: z.literal('connected'), chain: OwnerChain, address: z.string().min(1).max(100) }),
  z.strictObject({ source: z.literal(COSIGN_PAGE_SOURCE), ticket: CosignTicket, kind: z.literal('signed'), signature: CosignSignature, address: z.string().min(1).max(100) }),
  /** The Owner (or their wallet) declined; the companion answers the waiting request with a refusal. */
  z.strictObject({ source: z.literal(COSIGN_PAGE_SOURCE), ticket: CosignTicket, kind: z.literal('declined'), reason: z.string().max(300) }),
]);
export type CosignPageMessage = z.infer<typeof CosignPageMessage>;

/** Companion → page. */
export const CompanionMessage = z.discriminatedUnion('kind', [
  /** After `connected`: the message the chosen wallet signs next (same window, same wallet). */
  z.strictObject({ source: z.literal(COMPANION_SOURCE), ticket: CosignTicket, kind: z.literal('sign'), request: CosignRequest }),
  /** The signer's verdict on the signed command; the page shows it and closes itself. */
  z.strictObject({ source: z.literal(COMPANION_SOURCE), ticket: CosignTicket, kind: z.literal('done'), ok: z.boolean(), message: z.string().max(500) }),
]);
export type CompanionMessage = z.infer<typeof CompanionMessage>;

export const COSIGN_WINDOW_PATH = '/v1/owner/cosign';
