// The language server driven over stdio, as an editor drives it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, MarkupContent } from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/service';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import type { CatalogEntry, ExplainResult, SummaryResult } from '../../server/src/lsp/protocol';
import { LspClient } from './client';
import { fixture, lineOf } from './fixtures';

const session = fixture('session.smtp');
const access = fixture('access');
const bounce = fixture('bounce.dsn');

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function at(line: number, character: number) {
  return { line, character };
}

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: {} });
  });
  after(async () => {
    await client.stop();
  });

  it('advertises incremental sync and its features', () => {
    const { capabilities } = client.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes(' '));
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix']);
    assert.equal(capabilities.inlayHintProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
  });

  it('publishes the problems of a transcript with rule ids, exact ranges, source and links', async () => {
    client.open(session.uri, 'smtp-transcript', session.text);
    const diagnostics = await client.waitForDiagnostics(session.uri);
    const line = lineOf(session.text, '550 4.1.1');
    const mismatch = diagnostics.find((d) => d.code === 'class-mismatch');
    assert.ok(mismatch, `no class-mismatch in ${JSON.stringify(diagnostics)}`);
    assert.equal(mismatch.range.start.line, line);
    const column = session.text.split('\n')[line]!.indexOf('550 4.1.1');
    assert.ok(mismatch.range.start.character >= column && mismatch.range.end.character <= column + '550 4.1.1'.length);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'smtp-status');
      assert.match(diagnostic.codeDescription?.href ?? '', /^https:\/\//);
    }
  });

  it('publishes exactly what the core finds in the same text', async () => {
    const diagnostics = await client.waitForDiagnostics(session.uri);
    const { problems } = analyzeText(session.text, 'transcript', DEFAULT_SETTINGS);
    const severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;
    assert.ok(problems.length >= 2);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]),
      problems.map((p) => [p.rule, p.line, p.start, p.end, severity[p.severity], p.message]),
    );
  });

  it('explains 550, 5.1.1 and the pair 550 5.1.1 on hover', async () => {
    const uri = 'file:///hover/hover.smtp';
    client.open(uri, 'smtp-transcript', 'S: 550 Mailbox unavailable\nS: 550 5.1.1 No such user\n');
    await client.waitForDiagnostics(uri);
    const reply = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(0, 4) }));
    assert.match(reply, /550/);
    assert.doesNotMatch(reply, /Bad destination mailbox address/);

    const pair = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(1, 4) }));
    assert.match(pair, /550 5\\?\.1\\?\.1/);
    assert.match(pair, /Bad destination mailbox address/);
    assert.match(pair, /\| `550` reply \|/);
    assert.match(pair, /https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+/);
    assert.match(pair, /https:\/\/www\.iana\.org\/assignments\/smtp-enhanced-status-codes/);

    const dsn = 'file:///hover/status.dsn';
    client.open(dsn, 'mail-dsn', 'Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\n');
    await client.waitForDiagnostics(dsn);
    const enhanced = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: dsn }, position: at(2, 9) }));
    assert.match(enhanced, /Bad destination mailbox address/);
    assert.match(enhanced, /\| `1` subject \|/);
    assert.doesNotMatch(enhanced, /\| `550` reply \|/);
  });

  it('opens the hover of a failing code with the verdict and ends it with the provider that answered', async () => {
    const uri = 'file:///hover/mail.log';
    const line = 'Dec  3 09:00:01 mx postfix/smtp[2210]: 4F2A81C0E3: to=<bob@example.com>, relay=gmail-smtp-in.l.google.com[192.0.2.25]:25, dsn=5.1.1, '
      + 'status=bounced (host gmail-smtp-in.l.google.com[192.0.2.25] said: 550 5.1.1 The email account that you tried to reach does not exist. - gsmtp (in reply to RCPT TO command))';
    client.open(uri, 'mail-log', `${line}\n`);
    await client.waitForDiagnostics(uri);
    const text = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(0, line.indexOf('550 5.1.1') + 1) }));
    const read = text.replace(/\\(.)/g, '$1');
    assert.match(read, /^\*\*Permanent failure: 550 5\.1\.1\*\* Rejected: the mailbox does not exist \(userunknown, hard\)\. Do not retry/);
    assert.ok(read.indexOf('Bad destination mailbox address') > read.indexOf('userunknown'), 'then the explanation');
    assert.match(read, /\*\*Answered by Google \(Gmail \/ Google Workspace\)\*\*[\s\S]*\*\*Next step:\*\* \[Google sender guidelines\]\(https:\/\/support\.google\.com\/a\/answer\/81126\)$/);
  });

  it('opens the hover with the verdict, then the problem at the cursor, said once', async () => {
    const line = lineOf(session.text, '550 4.1.1');
    const column = session.text.split('\n')[line]!.indexOf('4.1.1');
    const text = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: session.uri }, position: at(line, column + 1) }));
    const [verdict, problem] = text.split('\n\n');
    // The line says more than the code: the failure's reason follows the code's outcome.
    assert.match(verdict!, /^\*\*Permanent failure\\: 550 4\\\.1\\\.1\*\* Rejected\\: the mailbox does not exist \\\(userunknown, hard\\\)\\\. Do not retry/);
    assert.match(problem!, /^\*\*Error:\*\* .*\(`class-mismatch`\)$/);
    assert.equal(text.match(/classes disagree|class must match/g)?.length, 1, 'the mismatch is said once');
    // Hovering the reply half of the pair shows the same problem.
    const onReply = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: session.uri }, position: at(line, column - 3) }));
    assert.match(onReply, /class-mismatch/);
  });

  it('leaves out the problem lines for a client that shows diagnostics in its hovers itself (VS Code)', async () => {
    const quiet = await LspClient.start({ initializationOptions: { problemsInHover: false } });
    try {
      const uri = 'file:///hover/quiet.smtp';
      quiet.open(uri, 'smtp-transcript', 'S: 550 4.1.1 No such user\n');
      await quiet.waitForDiagnostics(uri);
      const text = hoverText(await quiet.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(0, 9) }));
      assert.match(text, /^\*\*Permanent failure/);
      assert.doesNotMatch(text, /class-mismatch|classes disagree|class must match/, 'the diagnostic says it, once');
    } finally {
      await quiet.stop();
    }
  });

  it('shows nothing of a rule that is off in the context: 450 4.7.1 in a log has no pairing or permanence remark', async () => {
    const uri = 'file:///hover/grey.log';
    client.open(uri, 'mail-log', 'Nov 28 09:15:10 mx1 postfix/smtp[1]: 7HxK: to=<c@example.com>, relay=mx2.example.com[203.0.113.7]:25, dsn=4.7.1, status=deferred (host mx2.example.com[203.0.113.7] said: 450 4.7.1 try again later (in reply to RCPT TO command))\n');
    await client.waitForDiagnostics(uri);
    const line = 'Nov 28 09:15:10 mx1 postfix/smtp[1]: 7HxK: to=<c@example.com>, relay=mx2.example.com[203.0.113.7]:25, dsn=4.7.1, status=deferred (host mx2.example.com[203.0.113.7] said: ';
    const text = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(0, line.length + 5) }));
    assert.match(text, /^\*\*Temporary failure\\: 450 4\\\.7\\\.1\*\*/);
    assert.doesNotMatch(text, /Note|unusual|permanent failures|Use 5/);
  });

  it('answers no hover away from codes, beyond the last line, or for unknown documents', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: session.uri }, position: at(1, 6) }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: session.uri }, position: at(5000, 3) }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.smtp' }, position: at(0, 0) }), null);
  });

  it('offers quick fixes in configs whose edits remove the problem, and rule severity commands', async () => {
    const uri = 'file:///actions/exim4.conf';
    const config = 'acl_check_rcpt:\n  deny    message = 550 4.1.1 No such user\n          !verify = recipient\n';
    let document = TextDocument.create(uri, 'mail-config', 1, config);
    client.open(uri, 'mail-config', document.getText());
    const before = await client.waitForDiagnostics(uri);
    const problem = before.find((d) => d.code === 'class-mismatch')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: problem.range,
      context: { diagnostics: [problem] },
    });
    const fixes = actions.filter((action) => action.edit !== undefined);
    assert.ok(fixes.length > 0, `no fixes in ${JSON.stringify(actions)}`);
    assert.ok(fixes.every((fix) => fix.kind === 'quickfix' && fix.diagnostics?.[0]?.code === 'class-mismatch'));
    const commands = actions.map((action) => action.command).filter((command) => command?.arguments?.[0] === 'class-mismatch');
    assert.deepEqual(
      commands.map((command) => [command!.command, ...command!.arguments!]),
      ['error', 'warning', 'information', 'hint', 'off']
        .filter((severity) => severity !== ({ 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const)[problem.severity!])
        .map((severity) => ['smtpStatus.setRuleSeverity', 'class-mismatch', severity]),
    );

    const fix = fixes.find((f) => f.isPreferred) ?? fixes[0]!;
    const edits = fix.edit!.changes![uri]!;
    const version = client.change(uri, edits.map((edit) => ({ range: edit.range, text: edit.newText })));
    document = TextDocument.create(uri, 'mail-config', version, TextDocument.applyEdits(document, edits));
    const afterFix = await client.waitForDiagnostics(uri, version);
    assert.equal(afterFix.filter((d) => d.code === 'class-mismatch' && d.range.start.line === problem.range.start.line).length, 0);
    assert.equal(analyzeText(document.getText(), 'config', DEFAULT_SETTINGS).problems.length, afterFix.length);
    assert.match(document.getText(), /deny {4}message = 550 5\.1\.1 No such user/);
  });

  it('offers no edit for a transcript or a log: the text records what a server said', async () => {
    for (const [uri, language, text] of [
      ['file:///actions/record.smtp', 'smtp-transcript', session.text],
      ['file:///actions/mail.log', 'mail-log', 'Nov 28 10:00:01 mx postfix/smtp[1]: 4F2A: to=<b@example.com>, relay=mx[192.0.2.25]:25, dsn=4.1.1, status=deferred (host mx[192.0.2.25] said: 550 4.1.1 <b@example.com>: unknown (in reply to RCPT TO command))\n'],
    ] as const) {
      client.open(uri, language, text);
      const problem = (await client.waitForDiagnostics(uri)).find((d) => d.code === 'class-mismatch')!;
      assert.ok(problem, uri);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem] } });
      assert.deepEqual(actions.filter((action) => action.edit !== undefined), [], uri);
      assert.ok(actions.length > 0, 'the severity commands stay');
    }
  });

  it('completes enhanced codes of the class the config context asks for', async () => {
    const uri = 'file:///etc/postfix/sender_access';
    const text = `${access.text}bad@example.com REJECT \nlate.example.com DEFER_IF_PERMIT 4.\n`;
    client.open(uri, 'mail-config', text);
    const lines = text.split('\n');
    const rejectLine = lines.length - 3;
    const reject = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(rejectLine, lines[rejectLine]!.length) });
    const labels = reject.map((item) => item.label);
    assert.ok(labels.includes('5.1.1'));
    assert.ok(labels.every((label) => label.startsWith('5.')));
    assert.equal(reject.find((item) => item.label === '5.1.1')?.detail, 'Bad destination mailbox address');

    const deferLine = lines.length - 2;
    const defer = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(deferLine, lines[deferLine]!.length) });
    assert.ok(defer.length > 0 && defer.every((item) => item.label.startsWith('4.')));
    const replaced = defer[0]!.textEdit as { range: { start: { character: number } } };
    assert.equal(replaced.range.start.character, lines[deferLine]!.length - 2, 'the typed "4." is replaced');

    const resolved = await client.request<CompletionItem>('completionItem/resolve', reject.find((item) => item.label === '5.1.1'));
    assert.match((resolved.documentation as MarkupContent).value, /Bad destination mailbox address/);

    const none = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(0, 3) });
    assert.deepEqual(none, []);

    // Exim ACL `message = 4NN `, Sendmail `ERROR:"5NN ` and bare `ERROR:` (either class, permanent first).
    const exim = 'file:///etc/exim4/exim4.conf';
    client.open(exim, 'mail-config', '  deny  message = 451 \n  ERROR:"550 \nfoo ERROR:\n');
    const classesAt = async (line: number, character: number): Promise<string[]> => {
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: exim }, position: at(line, character) });
      const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
      return [...new Set(sorted.map((item) => item.label.slice(0, 1)))];
    };
    assert.deepEqual(await classesAt(0, 22), ['4']);
    assert.deepEqual(await classesAt(1, 13), ['5']);
    assert.deepEqual(await classesAt(2, 10), ['5', '4']);
  });

  it('shows document symbols and folding ranges for sessions, transactions and DSN parts', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: session.uri } });
    assert.equal(symbols.length, 2, JSON.stringify(symbols));
    const [first, second] = symbols as [DocumentSymbol, DocumentSymbol];
    assert.deepEqual([first.range.start.line, first.range.end.line], [0, lineOf(session.text, '221 2.0.0 Bye')]);
    assert.deepEqual(first.children?.map((t) => [t.name, t.range.start.line, t.range.end.line]), [
      ['MAIL FROM:<alice@example.org>', lineOf(session.text, 'alice@'), lineOf(session.text, 'queued as')],
    ]);
    assert.equal(second.range.start.line, lineOf(session.text, 'other.example.org') - 1);
    assert.equal(second.children?.length, 1);

    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: session.uri } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]).sort((a, b) => a[0]! - b[0]!),
      [first, ...first.children!, second, ...second.children!].map((s) => [s.range.start.line, s.range.end.line]).sort((a, b) => a[0]! - b[0]!),
    );

    client.open(bounce.uri, 'mail-dsn', bounce.text);
    const parts = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: bounce.uri } });
    assert.equal(parts.length, 1);
    assert.equal(parts[0]!.name, 'message/delivery-status');
    assert.deepEqual(parts[0]!.children?.map((c) => [c.name, c.detail]), [
      ['Reporting-MTA dns; mx.example.net', undefined],
      ['Recipient bob@example.net', 'failed 5.1.1'],
      ['Recipient carol@example.net', 'delayed 4.4.1'],
    ]);
  });

  it('answers the custom requests', async () => {
    const catalog = await client.request<CatalogEntry[]>('smtpStatus/catalog');
    assert.deepEqual(catalog.find((e) => e.code === '5.1.1' && e.kind === 'enhanced')?.title, 'Bad destination mailbox address');
    assert.ok(catalog.some((e) => e.code === '550' && e.kind === 'reply'));
    assert.ok(catalog.some((e) => e.kind === 'vendor'));
    assert.ok(!catalog.some((e) => e.code === '4.1.1'), 'X.1.1 is for permanent failures only');

    const explained = await client.request<ExplainResult>('smtpStatus/explain', { code: '550 5.1.1' });
    assert.match(explained.markdown, /Bad destination mailbox address/);
    await assert.rejects(client.request('smtpStatus/explain', { code: '5.01.1' }), (error: { code: number; message: string }) => error.code === -32602 && /leading zeros/.test(error.message));
    await assert.rejects(client.request('smtpStatus/explain', { nope: 1 }), (error: { code: number }) => error.code === -32602);

    const summary = await client.request<SummaryResult>('smtpStatus/summary', { uri: session.uri });
    const row = summary.byCode.find((r) => r.code === '4.1.1');
    assert.equal(row?.count, 2);
    assert.equal(row?.kind, 'enhanced');
    assert.equal(row?.cls, 4);
    assert.deepEqual(row?.locations.map((l) => l.line), [lineOf(session.text, '550 4.1.1'), lineOf(session.text, '451 4.1.1')]);
    const total = summary.byCode.reduce((sum, r) => sum + r.count, 0);
    assert.equal(Object.values(summary.byClass).reduce((sum, n) => sum + n, 0), total);
    assert.equal(await client.request('smtpStatus/summary', { uri: 'file:///not-open' }), null);
  });

  it('publishes only the newest version when edits arrive during a long scan, and hovers meanwhile', async () => {
    const uri = 'file:///var/log/long/mail.log';
    const line = 'Mar  4 10:00:00 mx postfix/smtp[123]: ABC: to=<b@example.net>, relay=x[192.0.2.1]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok)';
    const first = client.nextDiagnostics(uri);
    client.open(uri, 'mail-log', Array.from({ length: 60_000 }, () => line).join('\n'));
    const version = client.change(uri, [{ range: { start: at(0, 0), end: at(0, 0) }, text: 'S: 550 4.1.1 No such user\n' }]);
    // A hover on the last line waits for the scan to get there, and explains the code.
    const last = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(60_000, line.indexOf('250 2.0.0') + 1) }));
    assert.match(last, /250/);
    const diagnostics = await first;
    assert.equal(client.latestVersion(uri), version);
    assert.ok(diagnostics.some((d) => d.code === 'class-mismatch' && d.range.start.line === 0));
  });

  it('survives malformed requests and notifications', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: session.uri }, position: { line: -1, character: 'x' } }), null);
    await assert.rejects(client.request('textDocument/hover', 42), (error: { code: number }) => error.code === -32602);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: session.uri } }), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: {}, range: null }), []);
    await assert.rejects(client.request('completionItem/resolve', 'x'), (error: { code: number }) => error.code === -32602);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: session.uri }, position: at(0, 99_999) }), []);
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened', version: 2 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: session.uri, version: 9 }, contentChanges: [{ range: 'bad', text: 1 }] });
    client.notify('textDocument/didOpen', { textDocument: null });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: session.uri } });
    assert.equal(symbols.length, 2, 'the document is unchanged and the server still answers');
  });
});

describe('settings', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: {} });
    client.open(session.uri, 'smtp-transcript', session.text);
    await client.waitForDiagnostics(session.uri);
  });
  after(async () => {
    await client.stop();
  });

  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

  it('changes a rule severity or turns it off without a restart', async () => {
    let next = client.nextDiagnostics(session.uri);
    client.setSettings({ rules: { 'class-mismatch': 'hint' } });
    const hinted = await next;
    assert.ok(hinted.filter((d) => d.code === 'class-mismatch').every((d) => d.severity === 4));
    assert.ok(codes(hinted).includes('class-mismatch'));

    next = client.nextDiagnostics(session.uri);
    client.setSettings({ rules: { 'class-mismatch': 'off' } });
    assert.ok(!codes(await next).includes('class-mismatch'));
  });

  it('caps the problems and says so on the first line', async () => {
    const next = client.nextDiagnostics(session.uri);
    client.setSettings({ maxProblems: 1 });
    const capped = await next;
    assert.equal(capped.length, 2);
    assert.equal(capped[1]!.severity, 3);
    assert.equal(capped[1]!.range.start.line, 0);
    assert.match(capped[1]!.message, /1 most severe of \d+ problems/);
  });

  it('keeps the most severe problems when it caps, whatever comes first in the file', async () => {
    const uri = 'file:///cap-order.smtp';
    const text = ['C: RCPT TO:<a@example.org>', 'S: 552 5.4.1 No answer from host', 'C: RCPT TO:<b@example.org>', 'S: 550 4.1.1 No such user', ''].join('\n');
    const all = analyzeText(text, 'transcript', DEFAULT_SETTINGS).problems;
    assert.equal(all[0]!.severity, 'information', 'the first problem in document order is not the worst');
    const capping = await LspClient.start({ settings: { maxProblems: 1 } });
    capping.open(uri, 'smtp-transcript', text);
    const [kept, note] = await capping.waitForDiagnostics(uri);
    await capping.stop();
    assert.equal(kept!.code, 'class-mismatch');
    assert.equal(kept!.severity, 1);
    assert.equal(kept!.range.start.line, 3);
    assert.match(note!.message, new RegExp(`1 most severe of ${all.length} problems`));
  });

  it('skips documents over maxFileSizeMB with one note', async () => {
    const next = client.nextDiagnostics(session.uri);
    client.setSettings({ maxFileSizeMB: 0.0001 });
    const skipped = await next;
    assert.equal(skipped.length, 1);
    assert.match(skipped[0]!.message, /maxFileSizeMB/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: session.uri }, position: at(8, 4) }), null);
  });

  it('shows inlay hints only when enabled, for the requested lines', async () => {
    const range = { start: at(0, 0), end: at(10, 0) };
    client.setSettings({});
    await client.nextDiagnostics(session.uri);
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: session.uri }, range }), []);
    client.setSettings({ inlayHints: { enabled: true } });
    await client.nextDiagnostics(session.uri);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: session.uri }, range });
    const line = lineOf(session.text, '250 2.1.0');
    const column = session.text.split('\n')[line]!.indexOf('2.1.0') + '2.1.0'.length;
    assert.ok(hints.some((h) => h.position.line === line && h.position.character === column && h.label === 'Other address status'), JSON.stringify(hints));
    assert.ok(hints.every((h) => h.position.line <= 10));
  });

  it('keeps the defaults for bad values and warns once naming the setting', async () => {
    client.setSettings({ maxProblems: 'lots', inlayHints: { enabled: 'yes' } });
    await client.nextDiagnostics(session.uri);
    client.setSettings({ maxProblems: 'lots', inlayHints: { enabled: 'yes' } });
    await client.nextDiagnostics(session.uri);
    const warnings = client.messages.filter((m) => m.method === 'window/showMessage' && m.type === 2).map((m) => m.message);
    assert.equal(warnings.filter((m) => m.includes('smtpStatus.maxProblems')).length, 1);
    assert.equal(warnings.filter((m) => m.includes('smtpStatus.inlayHints.enabled')).length, 1);
  });

  it('reads pushed settings from clients that cannot be asked', async () => {
    const push = await LspClient.start({ pullConfiguration: false });
    try {
      push.open(session.uri, 'smtp-transcript', session.text);
      assert.ok(codes(await push.waitForDiagnostics(session.uri)).includes('class-mismatch'));
      const next = push.nextDiagnostics(session.uri);
      push.setSettings({ rules: { 'class-mismatch': 'off' } });
      assert.ok(!codes(await next).includes('class-mismatch'));
    } finally {
      await push.stop();
    }
  });
});
