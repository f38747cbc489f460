/// <reference lib="dom" />
import { ErrorResponse, owner } from '@waiaas/protocol';
import bs58 from 'bs58';
import type { PairingInfo } from '../port/messages.js';
import { fromBase64Url, toBase64Url } from './base64url.js';
import { CompanionFailure, companionFailure } from './companion-failure.js';
import type { DeviceKeys } from './device-keys.js';
import { macEquals, pairingMac } from './pairing-mac.js';
import { parseSignerUrl } from './signer-url.js';
import type { StorageItem } from './storage-item.js';
import { z } from 'zod';

/** The slice of `fetch` pairing uses (one POST); Node's and the browser's both fit. */
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface PairingDeps {
  fetch: FetchLike;
  subtle: SubtleCrypto;
  randomBytes: (length: number) => Uint8Array<ArrayBuffer>;
  deviceKeys: DeviceKeys;
  pairing: StorageItem<PairingInfo | null>;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: what the browser sends as Origin. */
  extensionOrigin: string;
  now: () => Date;
}

export interface Pairing {
  current(): Promise<PairingInfo | null>;
  /** Pairs with the signer at `signerUrl` using the code `waiaas pair` printed; pins its identity key. */
  pair(signerUrl: string, code: string, deviceName: string): Promise<PairingInfo>;
  /** Forgets the pairing and the device key (the signer keeps the device until `waiaas pair revoke`). */
  unpair(): Promise<void>;
}

/** The extension's own origin from `runtime.getURL('/')`, without relying on URL.origin for non-web schemes. */
export function extensionOriginOf(rootUrl: string): string {
  const url = new URL(rootUrl);
  return `${url.protocol}//${url.host}`;
}

/** How co-sign messages name the signer: `ed25519:` and the identity key in base58. */
export function signerIdentityOf(identityKey: string): string {
  return `ed25519:${bs58.encode(fromBase64Url(identityKey))}`;
}

/** The stored pairing is re-read on every service worker start: parsed, so a damaged one reads as unpaired. */
const StoredPairing = z.object({
  signerUrl: z.string(),
  deviceId: z.string(),
  identityKey: owner.IdentityKey,
  signerIdentity: z.string(),
  deviceName: z.string(),
  pairedAt: z.string(),
}) satisfies z.ZodType<PairingInfo>;

export function createPairing(deps: PairingDeps): Pairing {
  return {
    async current() {
      const stored = StoredPairing.safeParse(await deps.pairing.getValue());
      return stored.success ? stored.data : null;
    },
    async pair(signerUrl, code, deviceName) {
      const address = parseSignerUrl(signerUrl);
      const canonical = owner.normalizePairingCode(code);
      if (canonical === undefined) throw companionFailure('COMPANION__PAIRING_CODE_INVALID');
      const name = owner.DeviceName.safeParse(deviceName.trim());
      if (!name.success) throw companionFailure('COMPANION__INVALID_REQUEST', { issue: 'the device name must be 1–64 printable characters.' });

      // A fresh key per pairing: the signer refuses a key it already knows, even a revoked one.
      const key = await deps.deviceKeys.generate();
      const nonce = toBase64Url(deps.randomBytes(16));
      const transcript = owner.pairRequestTranscript({ origin: deps.extensionOrigin, algorithm: key.algorithm, spki: key.spki, name: name.data, nonce });
      const request: owner.PairRequest = {
        protocol: '1',
        publicKey: { algorithm: key.algorithm, spki: key.spki },
        name: name.data,
        nonce,
        mac: await pairingMac(deps.subtle, canonical, transcript),
      };
      const body = await post(deps.fetch, `${address.origin}${owner.ownerRoutes.pair.path}`, request);
      const response = owner.PairResponse.safeParse(body);
      if (!response.success) throw companionFailure('COMPANION__BAD_RESPONSE', { what: 'the pairing request' });
      const { deviceId, identityKey } = response.data;
      // The signer proves it held the code too, binding the identity key we are about to pin to this request.
      const expected = await pairingMac(deps.subtle, canonical, owner.pairResponseTranscript({ requestMac: request.mac, deviceId, identityKey }));
      if (!macEquals(expected, response.data.mac)) throw companionFailure('COMPANION__PAIRING_MAC_MISMATCH');
      // The signer also names itself as co-sign messages will; that must be the key the MAC covers.
      const signerIdentity = signerIdentityOf(identityKey);
      if (response.data.signerIdentity !== signerIdentity) throw companionFailure('COMPANION__BAD_RESPONSE', { what: 'the pairing request' });

      const info: PairingInfo = { signerUrl: address.origin, deviceId, identityKey, signerIdentity, deviceName: name.data, pairedAt: deps.now().toISOString() };
      await key.keep();
      await deps.pairing.setValue(info);
      return info;
    },
    async unpair() {
      await deps.pairing.setValue(null);
      await deps.deviceKeys.forget();
    },
  };
}

/** POSTs JSON; a refusal's `{ error: { code, message } }` becomes a CompanionFailure with that code, unchanged. */
async function post(fetch: FetchLike, url: string, body: unknown): Promise<unknown> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    throw companionFailure('COMPANION__SIGNER_UNREACHABLE', { url, reason: error instanceof Error ? error.message : String(error) });
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) return json;
  const refusal = ErrorResponse.safeParse(json);
  if (refusal.success) throw new CompanionFailure(refusal.data.error.code, refusal.data.error.message);
  throw companionFailure('COMPANION__BAD_RESPONSE', { what: `the pairing request (HTTP ${res.status})` });
}
