import { owner, WaiaasError } from '@waiaas/protocol';
import type { z } from 'zod';
import type { OwnerCommandTable } from './owner-command-table.js';

export type ParsedFrame =
  | { ok: true; kind: 'control'; frame: owner.OwnerControlFrame }
  | { ok: true; kind: 'command'; type: string; id: string; request: unknown }
  | { ok: false; error: WaiaasError; id?: string };

/**
 * Turns one WebSocket message into a control frame or a command, each checked with its protocol
 * schema, or into the coded error to answer with. Never throws: whatever a peer sends gets a reply.
 */
export function parseOwnerFrame(data: Buffer, isBinary: boolean, commands: OwnerCommandTable): ParsedFrame {
  if (data.length > owner.OWNER_MAX_FRAME_BYTES) {
    return fail(new WaiaasError('OWNER__FRAME_TOO_LARGE', { bytes: data.length, limitBytes: owner.OWNER_MAX_FRAME_BYTES }));
  }
  if (isBinary) return malformed('binary frames are not accepted; send JSON text');
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    return malformed('it is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return malformed('it is not a JSON object');
  const { type, id: rawId } = value as { type?: unknown; id?: unknown };
  const id = owner.FrameId.safeParse(rawId).success ? (rawId as string) : undefined;
  if (typeof type !== 'string') return malformed('it has no string "type"', id);
  if ((owner.OWNER_CONTROL_TYPES as readonly string[]).includes(type)) {
    const parsed = owner.OwnerControlFrame.safeParse(value);
    return parsed.success ? { ok: true, kind: 'control', frame: parsed.data } : malformed(describe(parsed.error), id);
  }
  const handler = Object.hasOwn(commands, type) ? commands[type] : undefined;
  if (!handler) return fail(new WaiaasError('OWNER__UNKNOWN_COMMAND', { type: type.slice(0, 64) }), id);
  const parsed = handler.request.safeParse(value);
  if (!parsed.success) return malformed(describe(parsed.error), id);
  return { ok: true, kind: 'command', type, id: id ?? '', request: parsed.data };
}

const fail = (error: WaiaasError, id?: string): ParsedFrame => ({ ok: false, error, ...(id !== undefined && { id }) });
const malformed = (reason: string, id?: string) => fail(new WaiaasError('OWNER__MALFORMED_FRAME', { reason }), id);
const describe = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
