// What the language server gives a VS Code user, read back through the VS Code API:
// hovers, diagnostics, quick fixes, completion, and no false alarms on numbers that are not codes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, demoUri, diagnostics, eventually, hoverText, open, positionOf, revert, ruleOf } from './helpers';

/** Reply codes and enhanced status codes as written; anything else flagged is a false alarm. */
const CODE_SHAPE = /^(?:\d{3}(?:[ -]\d{1,3}\.\d{1,3}\.\d{1,3})?|\d{1,3}\.\d{1,3}\.\d{1,3})$/;

describe('language features', () => {
  before(async () => {
    await api();
  });

  it('hover on "550 5.1.1" in a Postfix log gives the registry title', async () => {
    const document = await open('mail.log');
    const text = await hoverText(document.uri, positionOf(document, 'said: 550 5.1.1', 'said: 550 '.length + 1));
    assert.match(text, /Bad destination mailbox address/);
  });

  it('hover works on a reply code in a transcript', async () => {
    const document = await open('session.smtp');
    const text = await hoverText(document.uri, positionOf(document, 'S: 354', 4));
    assert.match(text, /354/);
  });

  it('"550 4.1.1" in a transcript is a class-mismatch on the enhanced code', async () => {
    const document = await open('session.smtp');
    const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
    const mismatch = found.find((d) => ruleOf(d) === 'class-mismatch');
    assert.ok(mismatch);
    assert.equal(mismatch.source, 'smtp-status');
    assert.equal(mismatch.range.start.line, 12);
    assert.match(document.getText(mismatch.range), /4\.1\.1/);
    assert.equal(found.filter((d) => ruleOf(d) === 'class-mismatch').length, 1, 'only the one mismatched reply is reported');
  });

  it('hover on a success code reads as a success: "250 2.1.0" after MAIL FROM', async () => {
    const document = await open('session.smtp');
    const text = await hoverText(document.uri, positionOf(document, 'S: 250 2.1.0', 'S: 250 '.length + 1));
    assert.match(text.split('\n')[0]!, /^\*\*Success\\?: 250 2\\?\.1\\?\.0\*\* An address was accepted\. Nothing to retry; nobody needs to act\.$/);
    assert.doesNotMatch(text, /Something about one of the addresses|Check both|admin/i);
  });

  it('no quick fix rewrites what a remote server wrote: a log line or a transcript reply', async () => {
    for (const [file, needle] of [['mail.log', 'said: 550 4.1.1'], ['session.smtp', 'S: 550 4.1.1']] as const) {
      const document = await open(file);
      const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
      const mismatch = found.find((d) => ruleOf(d) === 'class-mismatch');
      assert.ok(mismatch, file);
      assert.equal(mismatch.range.start.line, positionOf(document, needle).line, file);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
      assert.deepEqual(actions.filter((a) => a.edit !== undefined).map((a) => a.title), [], `${file}: no edit offered`);
      assert.ok(actions.some((a) => /Change severity of rule 'class-mismatch'/.test(a.title)), `${file}: the severity commands stay`);
    }
  });

  it('greylisting in a config is right as written: no problem and no fix turns DEFER 4.7.1 or defer 451 4.7.1 into 5.7.1', async () => {
    for (const [file, needle] of [['postfix/sender_access', 'DEFER 4.7.1'], ['exim4/exim4.conf', 'defer   message       = 451 4.7.1']] as const) {
      const document = await open(file);
      const line = positionOf(document, needle).line;
      // The hover answers once the server has read the line.
      const text = await hoverText(document.uri, positionOf(document, needle, needle.length - 3));
      assert.match(text.split('\n')[0]!, /^\*\*Temporary failure/);
      const onLine = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.start.line === line && d.severity !== vscode.DiagnosticSeverity.Hint);
      assert.deepEqual(onLine.map((d) => d.message), [], file);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, document.lineAt(line).range);
      assert.deepEqual(actions.filter((a) => a.edit !== undefined).map((a) => a.title), [], file);
      assert.doesNotMatch(text, /Use 5\.7\.1|Write 5\.7\.1/);
    }
  });

  it('in a config the quick fix writes the class the verb sends: DEFER 5.7.1 becomes DEFER 4.7.1', async () => {
    const document = await open('postfix/sender_access');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    try {
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, `${end.character === 0 ? '' : '\n'}late.example.net   DEFER 5.7.1 Slow down\n`));
      const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
      const mismatch = found.find((d) => ruleOf(d) === 'class-mismatch')!;
      assert.match(mismatch.message, /^DEFER sends a transient failure/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
      const fix = actions.find((a) => a.edit !== undefined);
      assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
      assert.equal(fix.title, 'Write 4.7.1 (the class DEFER sends)');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.lineAt(mismatch.range.start.line).text, /^late\.example\.net {3}DEFER 4\.7\.1 Slow down$/);
      await eventually('the class-mismatch to disappear', () =>
        vscode.languages.getDiagnostics(document.uri).some((d) => ruleOf(d) === 'class-mismatch') ? undefined : true,
      );
    } finally {
      await revert(document);
    }
  });

  it('completion after "REJECT " in an access map offers 5.7.1', async () => {
    const document = await open('postfix/sender_access');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    try {
      const end = document.lineAt(document.lineCount - 1).range.end;
      const line = 'bad@example.com            REJECT ';
      await editor.edit((edit) => edit.insert(end, `${end.character === 0 ? '' : '\n'}${line}`));
      const at = document.lineAt(document.lineCount - 1).range.end;
      const items = await eventually('completion items', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
        return list.items.length > 0 ? list.items : undefined;
      });
      const labels = items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.some((label) => label.includes('5.7.1')), `5.7.1 among: ${labels.slice(0, 20).join(', ')}`);
    } finally {
      await revert(document);
    }
  });

  it('flags only codes in the Postfix log: no IPs, dates, sizes, delays or versions', async () => {
    const document = await open('mail.log');
    const found = await diagnostics(document.uri, (d) => d.range.start.line === 10);
    for (const d of found) {
      const text = document.getText(d.range);
      assert.match(text, CODE_SHAPE, `diagnostic "${d.message}" covers "${text}" on line ${d.range.start.line + 1}`);
    }
    assert.ok(found.some((d) => d.range.start.line === 10 && ruleOf(d) === 'class-mismatch'), '550 4.1.1 on line 11 is reported');
  });

  it('reads documents from a virtual file system (virtualWorkspaces: supported)', async () => {
    const scheme = 'smtp-status-memfs';
    const source = await vscode.workspace.fs.readFile(demoUri('session.smtp'));
    const files = new Map<string, Uint8Array>([['/remote/session.smtp', source]]);
    const emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: emitter.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        const data = files.get(uri.path);
        if (data === undefined) throw vscode.FileSystemError.FileNotFound(uri);
        return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length };
      },
      readDirectory: () => [],
      createDirectory: () => undefined,
      readFile: (uri) => files.get(uri.path) ?? new Uint8Array(),
      writeFile: (uri, content) => void files.set(uri.path, content),
      delete: () => undefined,
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider(scheme, provider, { isReadonly: true });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme, path: '/remote/session.smtp' }));
      assert.equal(document.languageId, 'smtp-transcript');
      await vscode.window.showTextDocument(document);
      await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      registration.dispose();
      emitter.dispose();
    }
  });
});
