// Which documents the server reads: plain text, JSON and CSV only when their content is about
// SMTP (an SMTP session pasted into an untitled editor, an ESP bounce notification), and
// nothing at all for any other such file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnostics, hoverText, open, positionOf, ruleOf } from './helpers';

const PASTED_SESSION = [
  '$ telnet mx.example.net 25',
  'Trying 192.0.2.25...',
  'Connected to mx.example.net.',
  '220 mx.example.net ESMTP Postfix',
  'EHLO client.example.org',
  '250-mx.example.net',
  '250 PIPELINING',
  'MAIL FROM:<alice@example.org>',
  '250 2.1.0 Ok',
  'RCPT TO:<nobody@example.net>',
  '550 4.1.1 <nobody@example.net>: Recipient address rejected: User unknown',
  'QUIT',
  '221 2.0.0 Bye',
].join('\n');

/** Our diagnostics on `uri` after the server has had time to publish (none expected). */
async function quietDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  await new Promise((r) => setTimeout(r, 1000));
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'smtp-status');
}

describe('documents chosen by content', () => {
  it('an SMTP session pasted into an untitled editor gets diagnostics and hovers', async () => {
    const extensionApi = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(extensionApi.serverReads(document.uri), false, 'an empty untitled editor is not sent to the server');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), PASTED_SESSION));
    assert.equal(document.languageId, 'plaintext', 'the language stays as the user chose it');
    const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
    const mismatch = found.find((d) => ruleOf(d) === 'class-mismatch');
    assert.equal(mismatch?.range.start.line, 10);
    assert.equal(document.getText(mismatch?.range), '4.1.1');
    const hover = await hoverText(document.uri, positionOf(document, '250 2.1.0', 5));
    assert.match(hover, /Other address status/);
    assert.ok(extensionApi.serverReads(document.uri));
  });

  it('an untitled editor is sniffed whatever language VS Code guessed for it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'shellscript', content: PASTED_SESSION });
    await vscode.window.showTextDocument(document);
    const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
    assert.equal(found.find((d) => ruleOf(d) === 'class-mismatch')?.range.start.line, 10);
  });

  it('a .json Amazon SES bounce gets hovers on its status and diagnostic code', async () => {
    const document = await open('events/ses-bounce.json');
    assert.equal(document.languageId, 'json');
    const status = await hoverText(document.uri, positionOf(document, '"status": "5.1.1"', '"status": "'.length + 1));
    assert.match(status, /Bad destination mailbox address/);
    const reply = await hoverText(document.uri, positionOf(document, 'smtp; 550', 'smtp; '.length + 1));
    assert.match(reply, /550/);
  });

  it('JSON Lines webhook events are read too', async () => {
    const document = await open('events/webhooks.jsonl');
    const text = await hoverText(document.uri, positionOf(document, '"5.2.2', 2));
    assert.match(text, /Mailbox full|mailbox.*full/i);
  });

  it('an unrelated .txt and .json are never sent to the server and get no diagnostics', async () => {
    const extensionApi = await api();
    for (const file of ['notes.txt', 'settings.json']) {
      const document = await open(file);
      assert.deepEqual(await quietDiagnostics(document.uri), [], file);
      assert.equal(extensionApi.serverReads(document.uri), false, `${file} is not sent to the server`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '5.1.1', 1));
      assert.ok(hovers.every((h) => !h.contents.some((c) => /RFC 3463|registry/i.test(typeof c === 'string' ? c : c.value))), `no SMTP hover in ${file}`);
    }
  });
});
