// Handlers never crash the server: malformed params get an empty answer (or a clear LSP error
// where the request cannot be answered), and an unexpected exception is logged, not thrown.
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import type { Position } from './document';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isPosition(value: unknown): value is Position {
  return isRecord(value) && isCount(value['line']) && isCount(value['character']);
}

export function isRange(value: unknown): value is { start: Position; end: Position } {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}

/** `params.textDocument.uri`, if the params have one. */
export function documentUri(params: unknown): string | undefined {
  if (!isRecord(params) || !isRecord(params['textDocument'])) return undefined;
  const uri = params['textDocument']['uri'];
  return typeof uri === 'string' ? uri : undefined;
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * Wraps a request handler: a thrown ResponseError goes to the client as such; anything else is
 * logged and answered with `fallback`.
 */
export function guard<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  const recover = (error: unknown): R | ResponseError<void> => {
    if (error instanceof ResponseError) return error;
    logFailure(connection, name, error);
    return fallback;
  };
  // A handler that answers at once is answered without a promise: hovers come in bursts.
  return (params: P, token: CancellationToken): R | ResponseError<void> | Promise<R | ResponseError<void>> => {
    try {
      const result = handler(params, token);
      return result instanceof Promise ? result.catch(recover) : result;
    } catch (error) {
      return recover(error);
    }
  };
}

function logFailure(connection: Connection, name: string, error: unknown): void {
  connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Wraps a notification handler: exceptions are logged. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>) {
  return async (params: P): Promise<void> => {
    try {
      await handler(params);
    } catch (error) {
      logFailure(connection, name, error);
    }
  };
}
