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

  it('the quick fix turns 4.1.1 into 5.1.1 and the diagnostic goes away', async () => {
    const document = await open('session.smtp');
    const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
    const mismatch = found.find((d) => ruleOf(d) === 'class-mismatch');
    assert.ok(mismatch);
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
      const fix = actions.find((a) => a.kind?.contains(vscode.CodeActionKind.QuickFix) && a.edit !== undefined && /5\.1\.1/.test(a.title));
      assert.ok(fix?.edit, `a quick fix mentioning 5.1.1 among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.lineAt(12).text, /^S: 550 5\.1\.1 <bob@example\.net>/);
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
