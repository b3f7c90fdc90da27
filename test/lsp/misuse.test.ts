// Protocol misuse through a real LSP connection: unknown documents, impossible positions,
// malformed params, edits to closed documents, edit storms with cancellation, unknown methods,
// shutdown in the middle of a request. Each gets a clear LSP error or an empty answer; the
// server process stays alive and keeps answering.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, analyzeText } from '../../server/src/service';
import { LspClient } from './client';
import { HANG_GUARD_MS, assertHealthy, isAlive, sharedProbeServer, stopServer } from './health';

type Outcome = { ok: true; value: unknown } | { ok: false; code: number; message: string };

/** Sends a request and reports how it settled; anything but an LSP error response fails. */
async function settle(client: LspClient, method: string, params?: unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await client.request<unknown>(method, params) };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
    assert.ok(error.message.length > 0, `${method}: the error says what is wrong`);
    return { ok: false, code: error.code, message: error.message };
  }
}

/** An empty answer (null or an empty list) or an LSP error with a code. */
function assertEmptyOrError(outcome: Outcome, what: string): void {
  if (!outcome.ok) return;
  const { value } = outcome;
  const empty = value === null || (Array.isArray(value) && value.length === 0)
    || (typeof value === 'object' && value !== null && 'byCode' in value && (value as { byCode: unknown[] }).byCode.length === 0);
  assert.ok(empty, `${what}: expected an empty answer, got ${JSON.stringify(value).slice(0, 200)}`);
}

/** How a request may end when the client cancelled it or the document changed under it. */
const CANCELLED: readonly number[] = [LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled];

const UNKNOWN = 'file:///robustness/never-opened.smtp';
const LOG_LINE = 'Nov 28 10:02:01 mx1 postfix/smtp[2401]: 5B1C2: host mx.example.net[192.0.2.44] said: 550 4.1.1 mailbox unavailable';

/** The document requests of the server, each with params naming `uri` and a position or range. */
function documentRequests(uri: string, position: unknown, range: unknown): [string, unknown][] {
  const textDocument = { uri };
  return [
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/inlayHint', { textDocument, range }],
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['smtpStatus/summary', { uri }],
  ];
}

describe('protocol misuse', { timeout: HANG_GUARD_MS }, () => {
  const server = sharedProbeServer();

  it('requests for documents never opened get empty answers', async () => {
    const client = server();
    const position = { line: 0, character: 0 };
    for (const [method, params] of documentRequests(UNKNOWN, position, { start: position, end: position })) {
      assertEmptyOrError(await settle(client, method, params), method);
    }
    await assertHealthy(client);
  });

  it('positions far out of range, negative or fractional get empty answers', async () => {
    const client = server();
    const uri = 'file:///robustness/ranges/mail.log';
    client.open(uri, 'mail-log', `${LOG_LINE}\n`);
    await client.waitForDiagnostics(uri);
    const positions = [
      { line: 1e9, character: 1e9 }, { line: 0, character: 1e9 }, { line: -1, character: 0 }, { line: 0, character: -5 },
      { line: 0.5, character: 2.5 }, { line: Number.MAX_SAFE_INTEGER, character: 0 }, { line: '0', character: '3' },
    ];
    for (const position of positions) {
      const backwards = { start: position, end: { line: 0, character: 0 } };
      for (const [method, params] of documentRequests(uri, position, backwards)) {
        const outcome = await settle(client, method, params);
        // Whole-document requests have a real answer; the rest must not invent one.
        if (!['textDocument/documentSymbol', 'textDocument/foldingRange', 'smtpStatus/summary', 'textDocument/codeAction'].includes(method)) {
          assertEmptyOrError(outcome, `${method} at ${JSON.stringify(position)}`);
        }
      }
    }
    await assertHealthy(client);
  });

  it('malformed params get an error or an empty answer', async () => {
    const client = server();
    const malformed: unknown[] = [null, 42, 'text', [], {}, { textDocument: 5 }, { textDocument: { uri: 7 } },
      { textDocument: { uri: UNKNOWN }, position: 'here' }, { textDocument: { uri: UNKNOWN }, range: [1, 2] }];
    const methods = [...documentRequests(UNKNOWN, null, null).map(([m]) => m), 'completionItem/resolve', 'smtpStatus/explain'];
    for (const method of methods) {
      for (const params of malformed) {
        const outcome = await settle(client, method, params);
        if (method !== 'completionItem/resolve') assertEmptyOrError(outcome, `${method} ${JSON.stringify(params)}`);
      }
    }
    for (const code of [42, null, '', 'not a code', '[x](command:evil)', '5'.repeat(100_000), `${'550 '.repeat(10_000)}5.1.1`]) {
      const outcome = await settle(client, 'smtpStatus/explain', { code });
      assert.ok(!outcome.ok && outcome.code === ErrorCodes.InvalidParams, `explain ${JSON.stringify(code).slice(0, 40)}: InvalidParams`);
    }
    // Malformed notifications: ignored.
    for (const params of malformed) {
      for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeConfiguration']) {
        client.notify(method, params);
      }
    }
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///robustness/bad/mail.log', languageId: 'mail-log', version: 'one', text: 42 } });
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///robustness/probe.smtp', version: 2 }, contentChanges: [{ range: { start: 'a', end: 'b' }, text: 'x' }, { text: 5 }] });
    await assertHealthy(client);
  });

  it('changes to closed documents are ignored, and the document can be opened again', async () => {
    const client = server();
    const uri = 'file:///robustness/closed/mail.log';
    client.open(uri, 'mail-log', `${LOG_LINE}\n`);
    assert.ok((await client.waitForDiagnostics(uri)).length > 0);
    const cleared = client.nextDiagnostics(uri);
    client.close(uri);
    assert.deepEqual(await cleared, [], 'closing clears the diagnostics');
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: 'X' }], 2);
    client.change(uri, [{ text: `${LOG_LINE}\n${LOG_LINE}\n` }], 3);
    assertEmptyOrError(await settle(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: LOG_LINE.indexOf('550') } }), 'hover on a closed document');
    assert.deepEqual(client.latestDiagnostics(uri), [], 'nothing published for a closed document');
    client.open(uri, 'mail-log', `${LOG_LINE}\n`, 4);
    assert.equal((await client.waitForDiagnostics(uri, 4)).filter((d) => d.code === 'class-mismatch').length, 1);
    await assertHealthy(client);
  });

  it('an edit storm with cancelled requests ends with exactly the diagnostics of the final text', async () => {
    const client = server();
    const uri = 'file:///robustness/storm/mail.log';
    const initial = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? LOG_LINE : `Nov 28 10:02:01 mx1 postfix/qmgr[70]: ${i}: removed`)).join('\n');
    let mirror = TextDocument.create(uri, 'mail-log', 1, initial);
    client.open(uri, 'mail-log', initial, 1);
    const pending: Promise<Outcome>[] = [];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const inserts = ['550 4.1.1 ', '5', '.', '\n', '\r\n', '250-', ' said: 550 5.1.1 x\n', '', '4.4.7'];
    for (let i = 0; i < 400; i++) {
      const line = random(mirror.lineCount);
      const length = mirror.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).length;
      const start = { line, character: random(length + 1) };
      const end = random(3) === 0 ? { line: Math.min(mirror.lineCount - 1, line + random(3)), character: random(40) } : start;
      const change = { range: { start, end: mirror.offsetAt(end) >= mirror.offsetAt(start) ? end : start }, text: inserts[random(inserts.length)]! };
      const version = client.change(uri, [change]);
      mirror = TextDocument.create(uri, 'mail-log', version, TextDocument.applyEdits(mirror, [{ range: change.range, newText: change.text }]));
      pending.push(settle(client, 'textDocument/hover', { textDocument: { uri }, position: start }));
      if (i % 50 === 0) pending.push(settle(client, 'smtpStatus/summary', { uri }));
    }
    // Cancel everything that may still be pending (ids of settled requests are ignored by the server).
    for (let id = 0; id < 1000; id++) client.notify('$/cancelRequest', { id });
    const outcomes = await Promise.all(pending);
    for (const outcome of outcomes) {
      if (!outcome.ok) assert.ok(CANCELLED.includes(outcome.code), `cancelled, not failed: ${outcome.message}`);
    }
    const diagnostics = await client.waitForDiagnostics(uri);
    const expected = analyzeText(mirror.getText(), 'log', DEFAULT_SETTINGS).problems;
    assert.ok(expected.length < DEFAULT_SETTINGS.maxProblems, 'below the cap, so every problem is compared');
    const key = (d: Diagnostic): string => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`;
    // Published most severe first, so compared as sets.
    assert.deepEqual(diagnostics.map(key).sort(), expected.map((p) => `${p.rule}@${p.line}:${p.start}-${p.end}`).sort());
    await assertHealthy(client);
  });

  it('an edit that joins a CR and an LF into one line break is numbered as the full text is', async () => {
    const client = server();
    // `a\r` + `b`: inserting `\n` at the start of line 1 makes `\r\n`, one break, so line 1 is gone.
    const uri = 'file:///robustness/cr-lf/mail.log';
    const initial = `x\r${LOG_LINE}\r${LOG_LINE}`;
    client.open(uri, 'mail-log', initial, 1);
    await client.waitForDiagnostics(uri, 1);
    const version = client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    const text = `x\r\n${LOG_LINE}\r${LOG_LINE}`;
    const lines = (await client.waitForDiagnostics(uri, version)).filter((d) => d.code === 'class-mismatch').map((d) => d.range.start.line);
    const expected = analyzeText(text, 'log', DEFAULT_SETTINGS).problems.filter((p) => p.rule === 'class-mismatch').map((p) => p.line);
    assert.deepEqual(lines, expected);
    assert.deepEqual(expected, [1, 2]);
    await assertHealthy(client);
  });

  it('unknown methods get MethodNotFound; unknown notifications are ignored', async () => {
    const client = server();
    for (const method of ['smtpStatus/doesNotExist', 'textDocument/teleport', 'workspace/executeCommand/x']) {
      const outcome = await settle(client, method, { anything: true });
      assert.ok(!outcome.ok && outcome.code === ErrorCodes.MethodNotFound, `${method}: ${JSON.stringify(outcome)}`);
    }
    client.notify('smtpStatus/unknownNotification', { x: 1 });
    client.notify('$/unknownNotification', null);
    await assertHealthy(client);
  });

  it('a huge malformed URI (many #, a line break) does not stall the server', async () => {
    const client = server();
    const uri = `file:///robustness/${'#'.repeat(300_000)}\n#`;
    client.open(uri, 'mail-log', LOG_LINE);
    await client.waitForDiagnostics(uri);
    await assertHealthy(client);
  });
});

describe('shutdown in the middle of a request', { timeout: HANG_GUARD_MS }, () => {
  it('settles the pending request, does no new work, and exits cleanly', async () => {
    const client = await LspClient.start({ settings: {} });
    try {
      const uri = 'file:///robustness/shutdown/mail.log';
      client.open(uri, 'mail-log', `${LOG_LINE}\n`.repeat(100_000));
      const pending = settle(client, 'smtpStatus/summary', { uri });
      const shutdown = settle(client, 'shutdown');
      const [summary, down] = await Promise.all([pending, shutdown]);
      assert.ok(summary.ok || typeof summary.code === 'number', 'the pending request settles');
      assert.ok(down.ok, 'shutdown is answered');
      assert.ok(isAlive(client.pid), 'the server waits for exit after shutdown');
      // LSP: requests after shutdown "should error with InvalidRequest"; an empty answer is harmless too.
      const late = await settle(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: LOG_LINE.indexOf('550') } });
      assert.ok(late.ok ? late.value === null : late.code === ErrorCodes.InvalidRequest, `no work after shutdown: ${JSON.stringify(late)}`);
      // stop() sends shutdown (again: allowed) and exit.
      assert.equal(await client.stop(), 0, 'exit after shutdown ends with code 0');
      assert.equal(isAlive(client.pid), false);
    } finally {
      if (isAlive(client.pid)) await stopServer(client);
    }
  });
});
