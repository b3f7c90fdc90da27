// Logs too big for the editor: "Open Part of a Large Mail Log..." streams a generated 200 MB
// log through the server with a filter and opens the matching lines as a read-only mail log on
// which diagnostics and hovers work; a line jumps back to the same line of the original; the
// summary runs on a .gz without opening it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import { generateMailLog } from '../../bench/generate-log';
import { api, diagnostics, hoverText } from './helpers';

describe('large files', function () {
  this.timeout(300_000);
  let dir: string;
  let big: string;

  before(async () => {
    await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-e2e-large-'));
    big = path.join(dir, 'mail.log');
    // 200 MB in 10 MB pieces, so the test never holds the whole text.
    for (let seed = 1; seed <= 20; seed++) fs.appendFileSync(big, generateMailLog({ seed, bytes: 10_000_000 }));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the permanent 5.1.1 failures of a 200 MB log, checked like any log', async () => {
    assert.ok(fs.statSync(big).size > 199_000_000);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('smtpStatus.openLargePart', vscode.Uri.file(big), { outcome: 'permanent', reason: '5.1.1' });
    assert.ok(uri, 'the command returns the part');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'mail-log');
    assert.ok(document.lineCount > 1000, `${document.lineCount} lines kept`);
    for (let line = 0; line < document.lineCount; line++) assert.match(document.lineAt(line).text, /\b5\.1\.1\b/);
    // The generator's class mismatches (550 4.1.1 under dsn=5.1.1) are reported on the part.
    const found = await diagnostics(uri, (d) => d.code === 'class-mismatch' || (typeof d.code === 'object' && d.code.value === 'class-mismatch'));
    assert.ok(found.length > 0);
    const first = document.lineAt(0).text;
    const hover = await hoverText(uri, new vscode.Position(0, first.indexOf('5.1.1') + 1));
    assert.match(hover, /Bad destination mailbox address/);
  });

  it('jumps from a line of a part to the same line of the original file', async () => {
    const small = path.join(dir, 'small.log');
    fs.writeFileSync(small, generateMailLog({ seed: 9, bytes: 300_000 }));
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('smtpStatus.openLargePart', vscode.Uri.file(small), { text: 'status=deferred' });
    assert.ok(uri);
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    const picked = editor.document.lineAt(3).text;
    const original = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('smtpStatus.openOriginalLine');
    assert.ok(original, 'the original opens');
    assert.equal(original.document.uri.fsPath, small);
    assert.equal(original.document.lineAt(original.selection.active.line).text, picked);
    assert.ok(original.selection.active.line > 3, 'the line number is the one in the file');
  });

  it('summarises a .gz rotation of any size without opening it', async () => {
    const gz = path.join(dir, 'mail.log.2.gz');
    fs.writeFileSync(gz, gzipSync(generateMailLog({ seed: 4, bytes: 2_000_000 })));
    // The summary view shows the page the command returns: events per class and code, each linking into the file.
    const page = await vscode.commands.executeCommand<string | undefined>('smtpStatus.summarizeFile', vscode.Uri.file(gz));
    assert.ok(page);
    assert.match(page, /<h1>SMTP status events in mail\.log\.2\.gz<\/h1>/);
    assert.match(page, /<code>5\.1\.1<\/code><\/td><td>Bad destination mailbox address<\/td><td class="n">\d+<\/td>/);
    assert.match(page, /href="command:smtpStatus\.revealOccurrence\?[^"]*mail\.log\.2\.gz/);
  });
});
