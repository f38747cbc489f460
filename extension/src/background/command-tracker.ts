import { owner } from '@waiaas/protocol';
import type { z } from 'zod';
import { CompanionFailure, companionFailure } from './companion-failure.js';

type OwnerCommandType = owner.OwnerCommandType;

/** What a command of `type` answers, as its result schema parses it. */
export type OwnerCommandOutput<T extends OwnerCommandType> = z.output<(typeof owner.ownerCommands)[T]['result']>;
/** A command's fields, without the `type` and `id` the tracker adds. */
export type OwnerCommandFields<T extends OwnerCommandType> = Omit<z.input<(typeof owner.ownerCommands)[T]['request']>, 'type' | 'id'>;

type AnswerFrame = Extract<owner.OwnerServerFrame, { type: 'result' | 'error' }>;

export interface CommandTracker {
  send<T extends OwnerCommandType>(type: T, fields: OwnerCommandFields<T>, timeoutMs?: number): Promise<OwnerCommandOutput<T>>;
  /** Settles the command an answer frame names; false when no command waits for that id. */
  settle(frame: AnswerFrame): boolean;
  /** Fails every waiting command (the connection closed). */
  failAll(error: CompanionFailure): void;
}

export const COMMAND_TIMEOUT_MS = 20_000;

interface Waiting {
  type: OwnerCommandType;
  resolve(result: unknown): void;
  reject(error: CompanionFailure): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Commands with ids and timeouts. Each request is checked against its protocol schema before it
 * leaves (a malformed one fails here, with the issue, instead of as a signer error), and each
 * answer is parsed with the command's result schema before anyone sees it.
 */
export function createCommandTracker(deps: { transmit(frame: Record<string, unknown>): void; nextId(): string }): CommandTracker {
  const waiting = new Map<string, Waiting>();

  return {
    send(type, fields, timeoutMs = COMMAND_TIMEOUT_MS) {
      const id = deps.nextId();
      const requestSchema: z.ZodType = owner.ownerCommands[type].request;
      const request = requestSchema.safeParse({ ...fields, type, id });
      if (!request.success) {
        const issue = request.error.issues[0];
        return Promise.reject(companionFailure('COMPANION__INVALID_REQUEST', { issue: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() }));
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(companionFailure('COMPANION__COMMAND_TIMEOUT', { type, seconds: Math.round(timeoutMs / 1000) }));
        }, timeoutMs);
        // The schema at ownerCommands[type].result yields exactly OwnerCommandOutput<T> (see settle).
        waiting.set(id, { type, resolve: resolve as (result: unknown) => void, reject, timer });
        deps.transmit(request.data as Record<string, unknown>);
      });
    },
    settle(frame) {
      if (frame.id === undefined) return false;
      const entry = waiting.get(frame.id);
      if (!entry) return false;
      waiting.delete(frame.id);
      clearTimeout(entry.timer);
      if (frame.type === 'error') {
        entry.reject(new CompanionFailure(frame.error.code, frame.error.message));
        return true;
      }
      const resultSchema: z.ZodType = owner.ownerCommands[entry.type].result;
      const result = resultSchema.safeParse(frame.result);
      if (result.success) entry.resolve(result.data);
      else entry.reject(companionFailure('COMPANION__BAD_RESPONSE', { what: entry.type }));
      return true;
    },
    failAll(error) {
      for (const entry of waiting.values()) {
        clearTimeout(entry.timer);
        entry.reject(error);
      }
      waiting.clear();
    },
  };
}
