// Pathological documents sent through a real LSP connection (`node dist/server.js --stdio`).
// After each, the server must still be alive, within a memory bound, and answer a hover.
// Inputs are generated here; nothing big is committed. Timeouts are hang guards only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, splitLines } from '../../server/src/service';
import { LspClient } from './client';
import { HANG_GUARD_MS, WAIT_GUARD_MS, assertHealthy, openProbe, stopServer } from './health';

const MB = 1024 * 1024;
const FAULTY_LINE = 'Nov 28 10:02:01 mx1 postfix/smtp[2401]: 5B1C2: host mx.example.net[192.0.2.44] said: 550 4.1.1 <u@example.net>: mailbox unavailable (in reply to RCPT TO command)';

/** Runs `body` against a fresh server, then checks the server is healthy and stops it. */
async function withServer(body: (client: LspClient) => Promise<void>, settings: unknown = {}): Promise<void> {
  const client = await LspClient.start({ settings });
  try {
    await openProbe(client);
    await body(client);
    await assertHealthy(client);
  } finally {
    await stopServer(client);
  }
}

/** `chunk` repeated to exactly `length` characters. */
function repeatTo(chunk: string, length: number): string {
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

/** Deterministic pseudo-random bytes (xorshift32). */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** Every diagnostic lies inside the document as the server's line rules split it. */
function assertInside(diagnostics: readonly Diagnostic[], text: string): void {
  const lines = splitLines(text);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && end.line < lines.length, `line ${start.line}..${end.line} of ${lines.length}`);
    assert.ok(start.character <= lines[start.line]!.length && end.character <= lines[end.line]!.length, `columns of ${JSON.stringify(d.range)}`);
  }
}

function hover(client: LspClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

function hoverValue(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('pathological documents', { timeout: HANG_GUARD_MS }, () => {
  it('a 10 MB single line full of codes', () => withServer(async (client) => {
    const uri = 'file:///robustness/one-line/mail.log';
    const text = repeatTo('host mx.example.net[192.0.2.1] said: 550 4.1.1 user unknown; ', 10 * MB);
    client.open(uri, 'mail-log', text);
    const diagnostics = await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS);
    assert.ok(diagnostics.length > 0 && diagnostics.length <= DEFAULT_SETTINGS.maxProblems + 1, `${diagnostics.length} diagnostics`);
    assertInside(diagnostics, text);
    const middle = text.indexOf('550', 5 * MB);
    assert.match(hoverValue(await hover(client, uri, 0, middle)), /550/);
  }));

  it('binary data with NUL bytes, decoded as Latin-1 and as UTF-8', () => withServer(async (client) => {
    for (const encoding of ['latin1', 'utf8'] as const) {
      const uri = `file:///robustness/binary-${encoding}/mail.log`;
      const noise = randomBytes(2 * MB, 0x5eed).toString(encoding);
      const text = `${noise}\nhost x said: 550 5.1.1 user unknown\n${noise.slice(0, 1000)}\u0000550\u00005.1.1\u0000`;
      assert.ok(text.includes('\u0000'));
      client.open(uri, 'mail-log', text);
      const diagnostics = await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS);
      assertInside(diagnostics, text);
      const line = splitLines(text).findIndex((l) => l === 'host x said: 550 5.1.1 user unknown');
      assert.match(hoverValue(await hover(client, uri, line, 'host x said: '.length)), /550/);
    }
  }));

  it('lone surrogates and invalid UTF-8 sequences around codes; columns count UTF-16 units', () => withServer(async (client) => {
    const uri = 'file:///robustness/surrogates/mail.log';
    const invalidUtf8 = Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]).toString('utf8');
    const lines = [
      'host x said: 550 4.1.1 \ud800 user unknown',
      '\udc00host x said: 550 4.1.1 \udfff',
      'host x said: 451 5.1.1\udfff glued to a lone surrogate',
      `${invalidUtf8} host x said: 550 4.1.1 ${invalidUtf8}`,
      '\u{1F4E7}\u{1F4E7} host x said: 550 4.1.1 mail emoji before the code',
      '550\ud8005.1.1 \ud83d',
    ];
    const text = lines.join('\n');
    client.open(uri, 'mail-log', text);
    const diagnostics = await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS);
    assertInside(diagnostics, text);
    for (const [i, line] of lines.entries()) {
      const column = line.indexOf('550 4.1.1');
      if (column < 0) continue;
      const mismatch = diagnostics.find((d) => d.range.start.line === i && d.code === 'class-mismatch');
      assert.ok(mismatch, `class-mismatch on line ${i}: ${JSON.stringify(diagnostics)}`);
      assert.ok(mismatch.range.start.character >= column && mismatch.range.end.character <= column + '550 4.1.1'.length,
        `line ${i}: ${JSON.stringify(mismatch.range)} covers 550 4.1.1 at UTF-16 column ${column}`);
      assert.match(hoverValue(await hover(client, uri, i, column + 1)), /550/);
    }
  }));

  it('CR-only and mixed line endings number lines as the editor does', () => withServer(async (client) => {
    const uri = 'file:///robustness/endings/mail.log';
    const eols = ['\r', '\r\n', '\n', '\r', '\r', '\n\r', '\r\n'];
    const lines = Array.from({ length: 40 }, (_, i) => (i % 5 === 3 ? `${i} ${FAULTY_LINE}` : `${i} plain line`));
    const text = lines.map((line, i) => line + eols[i % eols.length]).join('');
    const expected = splitLines(text);
    assert.ok(expected.length > lines.length, '`\\n\\r` is two line breaks');
    client.open(uri, 'mail-log', text);
    const diagnostics = await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS);
    const faultyLines = expected.flatMap((line, i) => (line.includes('550 4.1.1') ? [i] : []));
    const flagged = [...new Set(diagnostics.filter((d) => d.code === 'class-mismatch').map((d) => d.range.start.line))];
    assert.deepEqual(flagged, faultyLines);
    const last = faultyLines[faultyLines.length - 1]!;
    assert.match(hoverValue(await hover(client, uri, last, expected[last]!.indexOf('550') + 1)), /550/);
  }));

  it('200,000 faulty lines: diagnostics are capped, not flooded', () => withServer(async (client) => {
    const uri = 'file:///robustness/faulty/mail.log';
    const text = `${FAULTY_LINE}\n`.repeat(200_000);
    client.open(uri, 'mail-log', text);
    const diagnostics = await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS);
    assert.ok(diagnostics.length > 0 && diagnostics.length <= DEFAULT_SETTINGS.maxProblems + 1, `${diagnostics.length} diagnostics`);
    assertInside(diagnostics, text);
    // A smaller cap from the settings applies to the same document.
    client.setSettings({ maxProblems: 10 });
    const capped = await client.nextDiagnostics(uri, WAIT_GUARD_MS);
    assert.ok(capped.length > 0 && capped.length <= 11, `${capped.length} diagnostics with maxProblems 10`);
    assert.match(hoverValue(await hover(client, uri, 199_999, FAULTY_LINE.indexOf('550') + 1)), /550/);
  }));

  it('a 100,000-line multi-line reply', () => withServer(async (client) => {
    const uri = 'file:///robustness/long-reply/session.smtp';
    const lines = ['EHLO client.example.org', ...Array.from({ length: 100_000 }, (_, i) => `250-line ${i} of a very long reply`), '550 5.1.1 but the last line changes the code'];
    const text = lines.join('\r\n');
    client.open(uri, 'smtp-transcript', text);
    const diagnostics = await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS);
    assertInside(diagnostics, text);
    assert.ok(diagnostics.some((d) => d.code === 'multiline-mismatch' && d.range.start.line === lines.length - 1),
      `the reply group carried over 100,000 lines: ${JSON.stringify(diagnostics.slice(-3))}`);
    assert.match(hoverValue(await hover(client, uri, lines.length - 1, 1)), /550/);
    assert.match(hoverValue(await hover(client, uri, 50_000, 1)), /250/);
  }));

  it('deeply repeated prefixes of codes, separators and contexts', () => withServer(async (client) => {
    const uri = 'file:///robustness/prefixes/mail.log';
    const lines = [
      '5'.repeat(MB), '5.'.repeat(MB / 2), '550-'.repeat(MB / 4), '550 5.'.repeat(MB / 6), '5.1.'.repeat(MB / 4),
      'said: '.repeat(MB / 6), 'status=bounced ('.repeat(MB / 16), '#550 '.repeat(MB / 5), '(#5.'.repeat(MB / 4),
      'dsn='.repeat(MB / 4), ' '.repeat(MB) + '550 5.1.1', '\t'.repeat(MB) + 'x',
    ];
    const text = lines.join('\n');
    client.open(uri, 'mail-log', text);
    assertInside(await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS), text);
    for (const [i, line] of lines.entries()) await hover(client, uri, i, Math.floor(line.length / 2));
  }));

  it('the same prefixes in a bounce message, as DSN fields, with the outline requested', () => withServer(async (client) => {
    const uri = 'file:///robustness/prefixes/bounce.eml';
    const lines = [
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '', '--b',
      'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.com', '',
      'Final-Recipient: rfc822; a@example.com', 'Action: failed', `Status: ${'5.'.repeat(MB / 4)}`,
      `Diagnostic-Code: smtp; ${'550-'.repeat(MB / 4)}`, ` ${'5.1.1 '.repeat(MB / 6)}`,
      // White space that a field pattern could split between `\s*` and `.*` in quadratically many ways.
      `X-Field:${'\t'.repeat(MB)}-\u2028`, '--b--',
    ];
    const text = lines.join('\n');
    client.open(uri, 'mail-dsn', text);
    assertInside(await client.waitForDiagnostics(uri, undefined, WAIT_GUARD_MS), text);
    const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols), 'the outline is answered');
  }));
});
