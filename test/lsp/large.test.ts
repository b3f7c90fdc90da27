// Big documents and files too big to open: the start of a big log is published at once and
// marked partial, then the complete list follows; a file on disk (gzip included) is filtered
// or summarised through the server without being opened.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { eventOf, scanLines, splitLines } from '../../server/src/service';
import { EXTRACT_METHOD, FILE_SUMMARY_METHOD, type ExtractResult, type FileSummaryResult, type SummaryResult } from '../../server/src/lsp/protocol';
import { generateMailLog } from '../bench/generate-log';
import { isPartial, LspClient } from './client';

describe('large logs', () => {
  let client: LspClient;
  let dir: string;
  // A class mismatch on the first screen, then a generated log.
  const text = 'Mar  4 09:59:59 mx postfix/smtp[1]: 4BC0: to=<a@example.net>, status=bounced (host mx.example.net[192.0.2.1] said: 550 4.1.1 no such user (in reply to RCPT TO command))\n'
    + generateMailLog({ seed: 5, bytes: 3_000_000 });
  before(async () => {
    client = await LspClient.start({ settings: {} });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-large-'));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the problems of the start first, marked partial, then the complete list', async () => {
    const uri = 'file:///var/log/big/mail.log';
    client.open(uri, 'mail-log', text);
    const first = await client.waitForDiagnostics(uri, 1, undefined, true);
    const complete = await client.waitForDiagnostics(uri);
    assert.ok(isPartial(first!), 'the first list says it is partial');
    const note = first!.find((d) => isPartial([d]))!;
    const checked = Number(/lines 1-(\d+) checked/.exec(note.message)?.[1]);
    assert.ok(checked > 100 && checked < splitLines(text).length, note.message);
    // The partial problems are exactly the complete list's problems on those lines.
    const onStart = (list: Diagnostic[]): string[] => list.filter((d) => !isPartial([d]) && d.range.start.line < checked && d.code !== undefined)
      .map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`).sort();
    assert.ok(onStart(first!).length > 0, 'the start of the log has problems');
    assert.deepEqual(onStart(first!), onStart(complete));
    assert.ok(!isPartial(complete));
  });

  it('extracts the lines of a .gz file that match a filter, with their line numbers in the file', async () => {
    const file = path.join(dir, 'mail.log.1.gz');
    fs.writeFileSync(file, gzipSync(text));
    const lines = splitLines(text);
    const result = await client.request<ExtractResult>(EXTRACT_METHOD, { path: file, filter: { outcome: 'permanent', reason: '5.1.1' } });
    assert.equal(result.linesRead, lines.length);
    assert.equal(result.truncated, false);
    assert.ok(result.lineNumbers.length > 10);
    const kept = result.text.split('\n');
    assert.equal(kept.length, result.lineNumbers.length);
    kept.forEach((line, i) => assert.equal(line, lines[result.lineNumbers[i]!]));
    assert.ok(kept.every((line) => /\b5\.1\.1\b/.test(line)));
    // Every line with a permanent 5.1.1 is there.
    const expected = lines.flatMap((line, n) => (/ 5\.1\.1[ ,)]/.test(line) && !/ 2\.\d\.\d/.test(line) ? [n] : []));
    assert.ok(expected.every((n) => result.lineNumbers.includes(n)), 'no line with a permanent 5.1.1 is missed');
  });

  it('a bad filter is an LSP error; a missing file is an answer saying why', async () => {
    await assert.rejects(client.request(EXTRACT_METHOD, { path: '/nonexistent', filter: { outcome: 'bounced' } }), /outcome must be one of/);
    await assert.rejects(client.request(EXTRACT_METHOD, { path: '/nonexistent', filter: { from: '25:99' } }), /HH:MM/);
    await assert.rejects(client.request(EXTRACT_METHOD, { path: '/nonexistent', filter: { provider: 'gmail' } }), /provider must be one of google, microsoft365, outlook, yahoo/);
    const missing = await client.request<ExtractResult>(EXTRACT_METHOD, { path: path.join(dir, 'no-such.log'), filter: {} });
    assert.match(missing.error ?? '', /ENOENT/);
    assert.equal(missing.lineNumbers.length, 0);
  });

  it('summarises a file of any size from disk, as the open document summary does', async () => {
    const file = path.join(dir, 'mail.log');
    fs.writeFileSync(file, text);
    const summary = await client.request<FileSummaryResult>(FILE_SUMMARY_METHOD, { path: file });
    const uri = 'file:///var/log/big/mail.log';
    const open = await client.request<SummaryResult>('smtpStatus/summary', { uri });
    assert.deepEqual(summary.byClass, open.byClass);
    assert.deepEqual(summary.byCode, open.byCode);
    // One event per line with codes (`said: 550 5.1.1` and `dsn=5.1.1` are one).
    const events = scanLines(splitLines(text), 'log').filter((findings) => eventOf(findings) !== undefined).length;
    assert.equal(Object.values(summary.byClass).reduce((a, b) => a + b, 0), events);
  });
});
