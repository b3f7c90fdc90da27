// The request guard: answers at once when the handler does, and turns failures into the
// fallback (logged) or the handler's own ResponseError, for sync and async handlers alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationToken, ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { guard } from '../../server/src/lsp/guard';

/** A connection that only records what the guard logs: the one thing it uses. */
function recordingConnection(): { connection: Connection; logged: string[] } {
  const logged: string[] = [];
  const connection = { console: { error: (message: string) => logged.push(message) } } as unknown as Connection;
  return { connection, logged };
}

const token = CancellationToken.None;

test('a handler that answers at once is answered at once, not through a promise', () => {
  const { connection, logged } = recordingConnection();
  const answer = guard(connection, 'hover', null, (n: number) => n * 2)(21, token);
  assert.equal(answer, 42);
  assert.deepEqual(logged, []);
});

test('a handler that throws gets the fallback, and the failure is logged with its name', () => {
  const { connection, logged } = recordingConnection();
  const answer = guard(connection, 'hover', 'fallback', () => {
    throw new Error('boom');
  })(undefined, token);
  assert.equal(answer, 'fallback');
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /^hover failed: Error: boom/);
});

test('a ResponseError goes to the client as such, thrown or rejected', async () => {
  const { connection, logged } = recordingConnection();
  const error = new ResponseError(ErrorCodes.InvalidParams, 'bad');
  assert.equal(guard(connection, 'x', null, () => {
    throw error;
  })(undefined, token), error);
  assert.equal(await guard(connection, 'x', null, () => Promise.reject(error))(undefined, token), error);
  assert.deepEqual(logged, []);
});

test('an async handler is awaited; its rejection gets the fallback and is logged', async () => {
  const { connection, logged } = recordingConnection();
  const answer = guard(connection, 'summary', [] as string[], async () => ['done'])(undefined, token);
  assert.ok(answer instanceof Promise);
  assert.deepEqual(await answer, ['done']);
  assert.deepEqual(await guard(connection, 'summary', [] as string[], async () => {
    throw new Error('late');
  })(undefined, token), []);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /^summary failed: Error: late/);
});
