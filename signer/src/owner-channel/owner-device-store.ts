import type { owner } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

export interface OwnerDeviceRow {
  id: string;
  name: string;
  /** `<algorithm>:<spki base64url>`, unique: one key pairs once. */
  public_key: string;
  origin: string;
  paired_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export const encodeDeviceKey = (key: owner.DevicePublicKey) => `${key.algorithm}:${key.spki}`;

export function decodeDeviceKey(stored: string): owner.DevicePublicKey {
  const [algorithm, spki] = stored.split(':');
  return { algorithm: algorithm === 'Ed25519' ? 'Ed25519' : 'ECDSA-P256', spki: spki ?? '' };
}

export function toOwnerDevice(row: OwnerDeviceRow): owner.OwnerDevice {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    name: row.name,
    origin: row.origin,
    algorithm: decodeDeviceKey(row.public_key).algorithm,
    status: row.revoked_at === null ? 'active' : 'revoked',
    pairedAt: new Date(row.paired_at).toISOString(),
    lastSeenAt: iso(row.last_seen_at),
    revokedAt: iso(row.revoked_at),
  };
}

export interface OwnerDeviceStore {
  insert(row: Omit<OwnerDeviceRow, 'last_seen_at' | 'revoked_at'>): void;
  get(id: string): OwnerDeviceRow | undefined;
  hasKey(publicKey: string): boolean;
  list(): OwnerDeviceRow[];
  revoke(id: string, at: number): boolean;
  touch(id: string, at: number): void;
}

export function createOwnerDeviceStore(db: Db): OwnerDeviceStore {
  const byId = db.prepare<[string], OwnerDeviceRow>('SELECT * FROM owner_devices WHERE id = ?');
  return {
    insert(row) {
      db.prepare(
        'INSERT INTO owner_devices (id, name, public_key, origin, paired_at) VALUES (@id, @name, @public_key, @origin, @paired_at)',
      ).run(row);
    },
    get: (id) => byId.get(id),
    hasKey: (publicKey) => db.prepare('SELECT 1 FROM owner_devices WHERE public_key = ?').get(publicKey) !== undefined,
    list: () => db.prepare<[], OwnerDeviceRow>('SELECT * FROM owner_devices ORDER BY paired_at, id').all(),
    revoke: (id, at) => db.prepare('UPDATE owner_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1,
    touch: (id, at) => void db.prepare('UPDATE owner_devices SET last_seen_at = ? WHERE id = ?').run(at, id),
  };
}
