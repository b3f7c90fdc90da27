// Following a message in a real VS Code: Go to Definition, Find All References, highlights and
// the timeline hover on queue ids of a Postfix and an Exim log that pass amavis and bounce; the
// summary's deliverability report; "Copy for a ticket".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, hoverText, open, positionOf } from './helpers';

const lineOfText = (document: vscode.TextDocument, needle: string): number => positionOf(document, needle).line;
const linesOf = (ranges: readonly vscode.Range[]): number[] => [...new Set(ranges.map((r) => r.start.line))].sort((a, b) => a - b);
const linesWith = (document: vscode.TextDocument, pattern: RegExp): number[] =>
  document.getText().split('\n').flatMap((text, line) => (pattern.test(text) ? [line] : []));

describe('following a message', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('goes from "queued as" to the re-queued message and finds every line of the message', async () => {
    const log = await open('trace/postfix.log');
    const queuedAs = positionOf(log, '4R1bBd0KqLz9xYt)', 2);
    const definitions = await eventually('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', log.uri, queuedAs);
      return found.length > 0 ? found : undefined;
    });
    const target = definitions[0]!;
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.equal(range.start.line, lineOfText(log, '4R1bBd0KqLz9xYt: client=localhost'));

    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', log.uri, positionOf(log, '4R1bBc2DfGz9xYq: removed', 3));
    assert.deepEqual(linesOf(references.map((l) => l.range)), linesWith(log, /4R1bB[cdf]/));
  });

  it('highlights the id under the cursor where it occurs, and hovers it with the timeline', async () => {
    const log = await open('trace/postfix.log');
    const position = positionOf(log, '4R1bBf3MnPz9xYw: removed', 2);
    const highlights = await eventually('highlights', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', log.uri, position);
      return found !== undefined && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(linesOf(highlights.map((h) => h.range)), linesWith(log, /4R1bBf3MnPz9xYw/));
    for (const h of highlights) assert.equal(log.getText(h.range), '4R1bBf3MnPz9xYw');

    const text = (await hoverText(log.uri, positionOf(log, '4R1bBc2DfGz9xYq: client=', 3))).replace(/\\(.)/g, '$1');
    assert.ok(text.includes('2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4.2 s'), text);
    assert.ok(text.includes('`carol@example.com`: **bounced** 550 5.1.1 via aspmx.l.google.com[203.0.113.27]:25 after 4.2 s'), text);
    assert.match(text, /Verdict: .*userunknown/);
  });

  it('follows an Exim message through its amavis hop and bounce', async () => {
    const log = await open('trace/exim.log');
    const references = await eventually('references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', log.uri, positionOf(log, '1tPqRs-000A1b-2C Completed', 2));
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(linesOf(references.map((l) => l.range)), linesWith(log, /1tPqR[stu]-/));
    const text = (await hoverText(log.uri, positionOf(log, '1tPqRu-000A1d-4E <= <>', 2))).replace(/\\(.)/g, '$1');
    assert.ok(text.includes('(Exim): 2 recipients: 1 sent, 1 bounced 5.1.1 userunknown'), text);
  });

  it('"Summarise" on a log opens with its deliverability report, then the events chart', async () => {
    await open('trace/postfix.log');
    const page = await vscode.commands.executeCommand<string | undefined>('smtpStatus.summarize');
    assert.ok(page);
    const report = page.indexOf('Deliverability report');
    assert.ok(report >= 0 && report < page.indexOf('SMTP status events in postfix.log</h1>'), 'the report comes first');
    assert.match(page, /Failed recipients by reason \(4\)/);
    await open('session.smtp');
    const transcript = await vscode.commands.executeCommand<string | undefined>('smtpStatus.summarize');
    assert.ok(transcript !== undefined && !transcript.includes('Deliverability report'), 'a transcript names no messages');
  });

  it('shows the deliverability report, and "Copy for a ticket" copies the message redacted', async () => {
    const log = await open('trace/postfix.log');
    const page = await vscode.commands.executeCommand<string | undefined>('smtpStatus.report');
    assert.ok(page);
    assert.match(page, /<h1[^>]*>Deliverability report/);
    assert.match(page, /<h2[^>]*>Failed recipients by reason \(4\)<\/h2>/);
    const reveal = `command:smtpStatus.revealOccurrence?${encodeURIComponent(JSON.stringify([log.uri.toString(), 13, 0, 0]))}`;
    assert.ok(page.includes(`href="${reveal.replace(/&/g, '&amp;')}"`), 'entries link to their lines');

    const editor = await vscode.window.showTextDocument(log);
    const position = positionOf(log, '4R1bBc2DfGz9xYq: client=', 2);
    editor.selection = new vscode.Selection(position, position);
    const result = await vscode.commands.executeCommand<{ kind: string; text: string } | undefined>('smtpStatus.copyForTicket');
    assert.equal(result?.kind, 'trace');
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied, result.text);
    assert.match(copied, /4R1bBc2DfGz9xYq: client=client\.example\.org\[client-ip-1\]/);
    assert.doesNotMatch(copied, /alice|bob|carol/);
  });
});
