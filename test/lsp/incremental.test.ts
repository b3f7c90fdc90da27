// Incremental sync: after any series of edits, what the server holds for a document equals a
// fresh analysis of its final text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineDocument } from '../../server/src/lsp/document';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import { LspClient } from './client';
import { fixture } from './fixtures';

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
// Lone CRs and LFs, so that edits also join and split CRLF pairs.
const FRAGMENTS = ['5', '4', '.', ' ', '\n', '\r', '-', 'S: ', '4.1.1', '550 ', '\r\n', 'Status: ', 'C: DATA\n'];

/** An edit as fast-check generates it; turned into a range edit of the current text by toChange. */
interface Edit {
  readonly at: number;
  readonly span: number;
  readonly text: string;
  /** Scan the document up to this line before the next edit (edits also land beyond the frontier). */
  readonly scanTo: number | null;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  span: fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 40 })),
  text: fc.oneof(
    fc.constantFrom(...LINES).map((line) => `${line}\n`),
    fc.constantFrom(...LINES).map((line) => `\n${line}`),
    fc.constantFrom(...FRAGMENTS),
    fc.constant(''),
  ),
  scanTo: fc.option(fc.nat()),
});

const documentArb = fc.array(fc.constantFrom(...LINES), { maxLength: 30 }).map((lines) => lines.join('\n'));

function toChange(edit: Edit, document: TextDocument): TextDocumentContentChangeEvent {
  const length = document.getText().length;
  const start = edit.at % (length + 1);
  const end = Math.min(length, start + edit.span);
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: edit.text };
}

function snapshot(document: LineDocument): unknown[] {
  document.scanMore(document.lineCount);
  return Array.from({ length: document.lineCount }, (_, line) => [document.lineText(line), document.findingsAt(line), document.problemsAt(line)]);
}

describe('incremental re-scan', () => {
  for (const [name, languageId] of [['x.smtp', 'smtp-transcript'], ['x.dsn', 'mail-dsn'], ['mail.log', 'mail-log']] as const) {
    it(`equals a fresh scan after random edits (${languageId})`, () => {
      const uri = `file:///random/${name}`;
      fc.assert(
        fc.property(documentArb, fc.array(editArb, { maxLength: 40 }), (start, edits) => {
          let text = TextDocument.create(uri, languageId, 1, start);
          const incremental = new LineDocument(uri, languageId, 1, start, DEFAULT_SETTINGS);
          edits.forEach((edit, i) => {
            const change = toChange(edit, text);
            text = TextDocument.update(text, [change], i + 2);
            incremental.applyChanges([change], i + 2);
            if (edit.scanTo !== null) incremental.scanMore(edit.scanTo % incremental.lineCount);
          });
          const fresh = new LineDocument(uri, languageId, 1, text.getText(), DEFAULT_SETTINGS);
          assert.deepEqual(snapshot(incremental), snapshot(fresh));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('numbers lines as the full text does when an edit joins a CR and an LF', () => {
    const uri = 'file:///crlf.smtp';
    for (const [start, change] of [
      ['a\rS: 550 4.1.1 x\rb', { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }],
      ['a\rb\nS: 550 4.1.1 x', { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }],
      ['a\nS: 550 4.1.1 x', { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'b\r' }],
    ] as const) {
      const text = TextDocument.update(TextDocument.create(uri, 'smtp-transcript', 1, start), [change], 2).getText();
      const incremental = new LineDocument(uri, 'smtp-transcript', 1, start, DEFAULT_SETTINGS);
      incremental.applyChanges([change], 2);
      assert.deepEqual(snapshot(incremental), snapshot(new LineDocument(uri, 'smtp-transcript', 1, text, DEFAULT_SETTINGS)), JSON.stringify(text));
      assert.equal(incremental.size, text.length);
    }
  });

  it('re-scans only the lines an edit touches in a long document', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Mar  4 10:00:00 mx postfix/smtp[${i}]: to=<b@example.net>, dsn=5.1.1, status=bounced (host x said: 550 5.1.1 unknown)`);
    const document = new LineDocument('file:///big/mail.log', 'mail-log', 1, lines.join('\n'), DEFAULT_SETTINGS);
    document.scanMore(document.lineCount);
    assert.equal(document.linesScanned, 20_000);
    document.applyChanges([{ range: { start: { line: 10_000, character: 0 }, end: { line: 10_000, character: 0 } }, text: 'S: 451 4.1.1 x\nS: 250-' }], 2);
    assert.equal(document.scanned, document.lineCount, 'the frontier stays at the end');
    assert.ok(document.linesScanned - 20_000 <= 3, `${document.linesScanned - 20_000} lines re-scanned`);
    // The last log line moved down by one; its findings say so.
    const last = document.findingsAt(20_000);
    assert.deepEqual(last.map((f) => f.text), ['5.1.1', '550', '5.1.1']);
    assert.ok(last.every((f) => f.line === 20_000));
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
      const [edits] = fc.sample(fc.array(editArb, { minLength: 120, maxLength: 120 }), { seed: 2024, numRuns: 1 });
      let version = 1;
      // One to three changes per notification, as editors send them.
      for (let i = 0; i < edits!.length; ) {
        const changes: TextDocumentContentChangeEvent[] = [];
        for (const edit of edits!.slice(i, i + 1 + (i % 3))) {
          const change = toChange(edit, text);
          text = TextDocument.update(text, [change], text.version + 1);
          changes.push(change);
        }
        i += changes.length;
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
