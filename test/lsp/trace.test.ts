// Following a message through the built server over stdio: definition, references, highlight,
// hover, CodeLens and the outline on message ids in a Postfix and an Exim log with a content
// filter hop and a bounce, as an editor asks for them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Location, MarkupContent } from 'vscode-languageserver/node';
import type { ReportResult, TicketResult } from '../../server/src/lsp/protocol';
import { LspClient, REPO_ROOT } from './client';
import { lineOf } from './fixtures';

function traceFixture(name: string): { uri: string; text: string; lines: string[] } {
  const file = path.join(REPO_ROOT, 'test', 'fixtures', 'demo', 'trace', name);
  const text = readFileSync(file, 'utf8');
  return { uri: pathToFileURL(file).href, text, lines: text.split('\n') };
}

const postfix = traceFixture('postfix.log');
const exim = traceFixture('exim.log');

/** The position of the `occurrence`-th `needle` on the first line holding `lineNeedle`. */
function positionOf(doc: { text: string; lines: string[] }, lineNeedle: string, needle: string, occurrence = 0) {
  const line = lineOf(doc.text, lineNeedle);
  let character = -1;
  for (let i = 0; i <= occurrence; i++) character = doc.lines[line]!.indexOf(needle, character + 1);
  assert.ok(character >= 0, `${needle} on line ${line}`);
  return { line, character: character + 1 };
}

/** The hover's Markdown with its escapes removed, as a reader sees it. */
const hoverText = (hover: Hover | null): string => ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\(.)/g, '$1');
const linesOf = (locations: readonly { range: { start: { line: number } } }[]): number[] => [...new Set(locations.map((l) => l.range.start.line))].sort((a, b) => a - b);

describe('message ids through the language server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { codeLens: { enabled: true } } });
    client.open(postfix.uri, 'mail-log', postfix.text);
    client.open(exim.uri, 'mail-log', exim.text);
    await client.waitForDiagnostics(postfix.uri);
    await client.waitForDiagnostics(exim.uri);
  });
  after(async () => {
    await client.stop();
  });

  /** Asks `method` at the `needle` on the first line holding `lineNeedle`. */
  const ask = <R>(method: string, doc: typeof postfix, lineNeedle: string, needle: string, extra: object = {}): Promise<R> =>
    client.request<R>(method, { textDocument: { uri: doc.uri }, position: positionOf(doc, lineNeedle, needle), ...extra });
  const hoverAt = async (doc: typeof postfix, lineNeedle: string, needle: string): Promise<string> => hoverText(await ask<Hover | null>('textDocument/hover', doc, lineNeedle, needle));

  it('advertises definition, references, highlight and CodeLens', () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: true });
  });

  it('goes from the content filter\'s "queued as" id to the first line of that queue id', async () => {
    const position = positionOf(postfix, 'to=<bob@example.net>, relay=127.0.0.1', '4R1bBd0KqLz9xYt');
    const definition = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: postfix.uri }, position });
    assert.ok(definition);
    assert.equal(definition.uri, postfix.uri);
    assert.equal(definition.range.start.line, lineOf(postfix.text, '4R1bBd0KqLz9xYt: client=localhost'));
    assert.equal(postfix.lines[definition.range.start.line]!.slice(definition.range.start.character, definition.range.end.character), '4R1bBd0KqLz9xYt');
  });

  it('goes from a later line of the original id to the message\'s first line', async () => {
    const position = positionOf(postfix, '4R1bBc2DfGz9xYq: removed', '4R1bBc2DfGz9xYq');
    const definition = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: postfix.uri }, position });
    assert.equal(definition?.range.start.line, lineOf(postfix.text, '4R1bBc2DfGz9xYq: client='));
  });

  it('finds every line of the message as references: the original queue id, the re-queued one after amavis and the bounce', async () => {
    const position = positionOf(postfix, '4R1bBc2DfGz9xYq: message-id=', '4R1bBc2DfGz9xYq');
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: postfix.uri }, position, context: { includeDeclaration: true } });
    const expected = postfix.lines.map((text, line) => (/4R1bB[cdf]/.test(text) ? line : -1)).filter((line) => line >= 0);
    assert.deepEqual(linesOf(references), expected);
    // The unrelated connection's lines and the other message are not among them.
    assert.ok(!linesOf(references).includes(lineOf(postfix.text, 'NOQUEUE: reject')));
    assert.ok(!linesOf(references).includes(lineOf(postfix.text, '3C9A71F2B4: to=')));
  });

  it('highlights the same id only, on its own lines and where another line names it', async () => {
    const position = positionOf(postfix, '4R1bBd0KqLz9xYt: removed', '4R1bBd0KqLz9xYt');
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: postfix.uri }, position });
    for (const h of highlights) assert.equal(postfix.lines[h.range.start.line]!.slice(h.range.start.character, h.range.end.character), '4R1bBd0KqLz9xYt');
    const expected = postfix.lines.map((text, line) => (text.includes('4R1bBd0KqLz9xYt') ? line : -1)).filter((line) => line >= 0);
    assert.deepEqual(linesOf(highlights), expected);
  });

  it('hovers an id with the timeline: sender, each recipient with relay, delay, final status, code and verdict', async () => {
    const text = await hoverAt(postfix, '4R1bBc2DfGz9xYq: client=', '4R1bBc2DfGz9xYq');
    assert.ok(text.includes('(Postfix): 2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4.2 s'), text);
    assert.ok(text.includes('From: `alice@example.org`'));
    assert.ok(text.includes('Message-ID: `20250303100001.1@example.org`'));
    assert.ok(!text.includes('20250303100006.4R1bBf3MnPz9xYw'), 'the bounce\'s own Message-ID is not the message\'s');
    assert.ok(text.includes('`bob@example.net`: **sent** 250 2.0.0 via mx.example.net[198.51.100.25]:25 after 3.1 s'));
    assert.ok(text.includes('`carol@example.com`: **bounced** 550 5.1.1 via aspmx.l.google.com[203.0.113.27]:25 after 4.2 s'));
    assert.match(text, /Verdict: .*userunknown.*Answered by: google/);
    assert.ok(text.includes('Hops: `4R1bBc2DfGz9xYq` -> `4R1bBd0KqLz9xYt` (next hop'));
    assert.ok(text.includes('Bounce to `alice@example.org`: **sent**'));
  });

  it('hovers a NOQUEUE reject with the rejects of the same connection', async () => {
    const text = await hoverAt(postfix, 'NOQUEUE: reject', 'NOQUEUE');
    assert.ok(text.includes('**Message `NOQUEUE from 198.51.100.77`** (Postfix): 2 recipients: 2 rejected 5.7.1 norelaying'), text);
  });

  it('follows an Exim message through the amavis hop (`250 OK id=...`) and its bounce (`<= <> R=...`)', async () => {
    const position = positionOf(exim, '1tPqRs-000A1b-2C Completed', '1tPqRs-000A1b-2C');
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: exim.uri }, position, context: { includeDeclaration: true } });
    const expected = exim.lines.map((text, line) => (/1tPqR[stu]-/.test(text) ? line : -1)).filter((line) => line >= 0);
    assert.deepEqual(linesOf(references), expected);
    const definition = await ask<Location | null>('textDocument/definition', exim, '1tPqRu-000A1d-4E <= <>', '1tPqRt-000A1c-3D');
    assert.equal(definition?.range.start.line, lineOf(exim.text, '1tPqRt-000A1c-3D <='));
    const text = await hoverAt(exim, '1tPqRs-000A1b-2C Completed', '1tPqRs-000A1b-2C');
    assert.ok(text.includes('(Exim): 2 recipients: 1 sent, 1 bounced 5.1.1 userunknown'), text);
    assert.ok(text.includes('`carol@example.com`: **bounced** 550 5.1.1 via aspmx.l.google.com [203.0.113.27]'));
  });

  it('reads the 23-character Exim ids of Exim 4.97 and later', async () => {
    const text = await hoverAt(exim, '== frank@example.com', '1tPqSa-00000000A1e-5F6g');
    assert.ok(text.includes('1 recipient: 1 deferred 4.7.650 speeding, 31 s'), text);
  });

  it('puts a CodeLens above each message\'s first line when enabled, titled when resolved', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: postfix.uri } });
    const first = lenses.find((lens) => lens.range.start.line === lineOf(postfix.text, '4R1bBc2DfGz9xYq: client='));
    assert.ok(first, JSON.stringify(lenses.map((l) => l.range.start.line)));
    const resolved = await client.request<CodeLens>('codeLens/resolve', first);
    assert.equal(resolved.command?.title, '2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4.2 s');
  });

  it('lists one outline entry per message with its recipients, and folds messages', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: postfix.uri } });
    const message = symbols.find((s) => s.name === '4R1bBc2DfGz9xYq from <alice@example.org>');
    assert.ok(message, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(message.detail, '2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4.2 s');
    assert.deepEqual(message.children?.map((c) => `${c.name} ${c.detail}`), ['bob@example.net sent 2.0.0', 'carol@example.com bounced 5.1.1 userunknown']);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: postfix.uri } });
    assert.ok(folds.some((f) => f.startLine === message.range.start.line && f.endLine === message.range.end.line));
  });

  it('keeps following ids after an edit above them', async () => {
    client.change(postfix.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Mar  3 09:59:59 mx1 postfix/master[1]: daemon started\n' }]);
    const position = positionOf(postfix, '4R1bBc2DfGz9xYq: removed', '4R1bBc2DfGz9xYq');
    const definition = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: postfix.uri }, position: { ...position, line: position.line + 1 } });
    assert.equal(definition?.range.start.line, lineOf(postfix.text, '4R1bBc2DfGz9xYq: client=') + 1);
  });

  it('answers the report and the redacted ticket requests', async () => {
    const report = await client.request<ReportResult>('smtpStatus/report', { uri: exim.uri });
    assert.match(report.markdown, /## Failed recipients by reason \(3\)/);
    // Each entry links to its lines through the client's reveal command: [uri, line, start, end].
    assert.ok(report.markdown.includes(`](command:smtpStatus.revealOccurrence?${encodeURIComponent(JSON.stringify([exim.uri]).slice(0, -1))}`), 'links to lines');
    const position = positionOf(exim, '1tPqRs-000A1b-2C Completed', '1tPqRs-000A1b-2C');
    const ticket = await client.request<TicketResult>('smtpStatus/ticket', { uri: exim.uri, position });
    assert.equal(ticket.kind, 'trace');
    assert.ok(!/alice|bob|carol|192\.0\.2\.10/.test(ticket.text), ticket.text);
    assert.match(ticket.text, /550-5\.1\.1 .*aspmx|aspmx.*550-5\.1\.1/);
  });
});
