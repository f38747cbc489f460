import { z } from 'zod';
import { ERRORS, type ErrorCode, type ErrorContext, type ErrorHasContext, isErrorCode } from './codes.js';

/** The one wire shape of an error, over HTTP and WebSocket alike. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  context: z.record(z.string(), z.unknown()),
});
export const ErrorResponse = z.object({ error: ErrorBody });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

type ContextArgs<C extends ErrorCode> = ErrorHasContext<C> extends false
  ? [context?: ErrorContext<C>, options?: { cause?: unknown }]
  : [context: ErrorContext<C>, options?: { cause?: unknown }];

/** The only error class of the product: a stable code, a typed context and a human message. */
export class WaiaasError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'WaiaasError';
  readonly code: C;
  readonly context: ErrorContext<C>;
  readonly status: number;

  constructor(code: C, ...args: ContextArgs<C>) {
    const [context, options] = args;
    const ctx = (context ?? {}) as ErrorContext<C>;
    const definition = ERRORS[code];
    super((definition.message as (c: ErrorContext<C>) => string)(ctx), options);
    this.code = code;
    this.context = ctx;
    this.status = definition.status;
  }

  toResponse(): ErrorResponse {
    return { error: { code: this.code, message: this.message, context: { ...(this.context as Record<string, unknown>) } } };
  }

  /** Rebuilds an error received over the wire; unknown codes (a newer peer) keep their text. */
  static fromResponse(body: ErrorResponse, status?: number): WaiaasError | UnknownWaiaasError {
    const { code, message, context } = body.error;
    if (!isErrorCode(code)) return new UnknownWaiaasError(code, message, context, status);
    const error = Object.create(WaiaasError.prototype) as WaiaasError;
    Object.assign(error, { code, context, message, status: status ?? ERRORS[code].status });
    return error;
  }
}

/** An error code this build does not know, relayed as-is. */
export class UnknownWaiaasError extends Error {
  override readonly name = 'UnknownWaiaasError';
  constructor(
    readonly code: string,
    message: string,
    readonly context: Record<string, unknown>,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isWaiaasError<C extends ErrorCode>(error: unknown, code?: C): error is WaiaasError<C> {
  return error instanceof WaiaasError && (code === undefined || error.code === code);
}
