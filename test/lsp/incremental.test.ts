// Incremental sync: after any series of edits, what the server holds for a document equals a
// fresh analysis of its final text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineDocument } from '../../server/src/lsp/document';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import { LspClient } from './client';
import { fixture } from './fixtures';

/** Deterministic pseudo-random numbers (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lines that open and close the state the scanner carries: reply groups, DATA, DSN blocks, folds. */
const LINES = [
  'S: 220 mx.example.net ESMTP',
  'C: EHLO a.example',
  'S: 250-mx.example.net',
  'S: 250-PIPELINING',
  'S: 250 SIZE 1000',
  'C: MAIL FROM:<a@example.org>',
  'S: 250 2.1.0 Ok',
  'C: RCPT TO:<b@example.net>',
  'S: 550 4.1.1 No such user',
  'S: 550-5.1.1 first line',
  'S: 551 5.1.2 second line',
  'C: DATA',
  'S: 354 go ahead',
  'C: .',
  'S: 250 2.0.0 queued',
  'S: 451 4.1.1 later',
  'Final-Recipient: rfc822; b@example.net',
  'Action: failed',
  'Status: 4.4.1',
  'Diagnostic-Code: smtp; 550',
  '    5.1.1 unknown user',
  '',
  'Mar  4 10:00:00 mx postfix/smtp[123]: ABC: to=<b@example.net>, relay=x[192.0.2.1]:25, delay=1.2, dsn=5.1.1, status=bounced (host x said: 550 5.01.1 nope)',
];
const FRAGMENTS = ['5', '4', '.', ' ', '\n', '-', 'S: ', '4.1.1', '550 ', '\r\n', 'Status: ', 'C: DATA\n'];

function randomEdit(next: () => number, document: TextDocument): TextDocumentContentChangeEvent {
  const length = document.getText().length;
  const start = Math.floor(next() * (length + 1));
  const choice = next();
  if (choice < 0.35) {
    const line = LINES[Math.floor(next() * LINES.length)]!;
    return { range: { start: document.positionAt(start), end: document.positionAt(start) }, text: next() < 0.5 ? `${line}\n` : `\n${line}` };
  }
  const end = Math.min(length, start + Math.floor(next() * (choice < 0.7 ? 40 : 4)));
  const text = choice < 0.7 ? '' : FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!;
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
}

function snapshot(document: LineDocument): unknown[] {
  document.ensureScanned(document.lineCount - 1);
  return Array.from({ length: document.lineCount }, (_, line) => [document.lineText(line), document.findingsAt(line), document.problemsAt(line)]);
}

describe('incremental re-scan', () => {
  for (const [name, languageId] of [['x.smtp', 'smtp-transcript'], ['x.dsn', 'mail-dsn'], ['mail.log', 'mail-log']] as const) {
    it(`equals a fresh scan after random edits (${languageId})`, () => {
      const uri = `file:///random/${name}`;
      for (let seed = 1; seed <= 40; seed++) {
        const next = random(seed);
        const start = Array.from({ length: 25 }, () => LINES[Math.floor(next() * LINES.length)]).join('\n');
        let text = TextDocument.create(uri, languageId, 1, start);
        const incremental = new LineDocument(uri, languageId, 1, start, DEFAULT_SETTINGS);
        for (let step = 2; step < 40; step++) {
          const change = randomEdit(next, text);
          text = TextDocument.update(text, [change], step);
          incremental.applyChanges([change], step);
          // Scan only part of the way sometimes, so that edits also land beyond the frontier.
          if (next() < 0.7) incremental.ensureScanned(Math.floor(next() * incremental.lineCount));
        }
        const fresh = new LineDocument(uri, languageId, 1, text.getText(), DEFAULT_SETTINGS);
        assert.deepEqual(snapshot(incremental), snapshot(fresh), `seed ${seed}`);
      }
    });
  }

  it('keeps the line array in step with the text, CRLF and all', () => {
    const uri = 'file:///crlf.smtp';
    const start = 'S: 250 2.0.0 Ok\r\nS: 550 5.1.1 No\r\n\r\nC: QUIT';
    let text = TextDocument.create(uri, 'smtp-transcript', 1, start);
    const incremental = new LineDocument(uri, 'smtp-transcript', 1, start, DEFAULT_SETTINGS);
    const change = { range: { start: { line: 0, character: 4 }, end: { line: 1, character: 3 } }, text: '5\r\nS: 4' };
    text = TextDocument.update(text, [change], 2);
    incremental.applyChanges([change], 2);
    assert.deepEqual(incremental.allLines(), text.getText().split(/\r\n|\r|\n/));
  });

  it('re-scans only the lines an edit touches in a long document', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Mar  4 10:00:00 mx postfix/smtp[${i}]: to=<b@example.net>, dsn=5.1.1, status=bounced (host x said: 550 5.1.1 unknown)`);
    const document = new LineDocument('file:///big/mail.log', 'mail-log', 1, lines.join('\n'), DEFAULT_SETTINGS);
    document.ensureScanned(document.lineCount - 1);
    const before = document.findingsAt(19_999);
    document.applyChanges([{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'S: 451 4.1.1 x\n' }], 2);
    assert.equal(document.scanned, document.lineCount, 'the frontier stays at the end');
    // The last line was not re-scanned (same stored objects), only moved down by one line.
    assert.equal(document.findingsAt(20_000)[0]!.start, before[0]!.start);
    assert.equal(document.findingsAt(20_000)[0]!.line, 20_000);
  });
});

describe('incremental sync over LSP', () => {
  it('publishes for the final version what a fresh open of the final text gets', async () => {
    const client = await LspClient.start({ settings: {} });
    try {
      const { text: start } = fixture('session.smtp');
      const uri = 'file:///edited/session.smtp';
      let text = TextDocument.create(uri, 'smtp-transcript', 1, start);
      client.open(uri, 'smtp-transcript', start);
      const next = random(2024);
      let version = 1;
      for (let round = 0; round < 60; round++) {
        // Several changes per notification, as editors send them.
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let i = 0; i < 1 + (round % 3); i++) {
          const change = randomEdit(next, text);
          text = TextDocument.update(text, [change], text.version + 1);
          changes.push(change);
        }
        version = client.change(uri, changes);
      }
      const edited = await client.waitForDiagnostics(uri, version);
      const freshUri = 'file:///fresh/session.smtp';
      client.open(freshUri, 'smtp-transcript', text.getText());
      const fresh = await client.waitForDiagnostics(freshUri);
      assert.deepEqual(edited, fresh);
      assert.ok(fresh.length > 0, 'the edited text still has problems to compare');
    } finally {
      await client.stop();
    }
  });
});
