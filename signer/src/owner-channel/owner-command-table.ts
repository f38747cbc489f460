import { owner } from '@waiaas/protocol';
import type { z } from 'zod';

/** Who sent a command: the authenticated device, and the audit actor it acts as. */
export interface OwnerCommandContext {
  deviceId: string;
  actor: `owner:${string}`;
}

export interface OwnerCommandHandler {
  /** The protocol schema the frame is parsed with before `handle` sees it. */
  readonly request: z.ZodType;
  handle(request: unknown, ctx: OwnerCommandContext): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** Command type → handler: the WebSocket's whole dispatch table. */
export type OwnerCommandTable = Readonly<Record<string, OwnerCommandHandler>>;

/** A handler typed by its protocol command: the request it gets and the result it must give. */
export function defineOwnerCommand<T extends owner.OwnerCommandType>(
  type: T,
  handle: (request: owner.OwnerCommandRequest<T>, ctx: OwnerCommandContext) => owner.OwnerCommandResult<T> | Promise<owner.OwnerCommandResult<T>>,
): OwnerCommandHandler {
  return {
    request: owner.ownerCommands[type].request,
    handle: (request, ctx) => handle(request as owner.OwnerCommandRequest<T>, ctx) as Record<string, unknown>,
  };
}
