import { isErrorCode, UnknownWaiaasError, WaiaasError } from '@waiaas/protocol';

export interface Output {
  json: boolean;
  /** Prints a result: `data` as JSON with --json, else the human lines. */
  result(data: unknown, human: () => string): void;
  info(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(data, human) {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
    },
    info(line) {
      if (!json) process.stderr.write(`${line}\n`);
    },
  };
}

/** Coded errors print as "error CODE: message" (or the wire JSON with --json); bugs print their stack. */
export function printError(error: unknown, json: boolean): void {
  if (error instanceof WaiaasError || error instanceof UnknownWaiaasError) {
    const body = { error: { code: error.code, message: error.message, context: error.context } };
    if (json) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    else process.stderr.write(`error ${error.code}: ${error.message}\n`);
    return;
  }
  const message = error instanceof Error ? error.stack ?? error.message : String(error);
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: { code: 'INTERNAL__UNEXPECTED', message, context: {} } }, null, 2)}\n`);
  } else process.stderr.write(`error INTERNAL__UNEXPECTED: ${message}\n`);
}

export const isCoded = (error: unknown) => error instanceof WaiaasError && isErrorCode(error.code);
