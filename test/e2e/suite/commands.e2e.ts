// The two commands: the explanation and the summary open as Markdown in VS Code's preview,
// and the summary's links point at real occurrences.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, open } from './helpers';

/** Resolves once a Markdown preview tab is open (the preview opens a moment after the command). */
function markdownPreviewOpen(): Promise<true> {
  return eventually('a Markdown preview tab', () => {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    return tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)) ? true : undefined;
  }).catch((error: Error) => {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => `${tab.label} ${JSON.stringify(tab.input)}`);
    throw new Error(`${error.message}; open tabs: ${tabs.join('; ')}`);
  });
}

describe('commands', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Explain SMTP status code" shows the full explanation of 550 5.1.1', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('smtpStatus.explainCode', '550 5.1.1');
    assert.ok(uri, 'the command returns the explanation document');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /Bad destination mailbox address/);
    assert.match(text, /RFC 3463/);
    await markdownPreviewOpen();
  });

  it('"Summarise SMTP codes" charts a Postfix log with links to each occurrence', async () => {
    const log = await open('mail.log');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('smtpStatus.summarize');
    assert.ok(uri, 'the command returns the summary document');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /^# SMTP codes in mail\.log/m);
    assert.match(text, /## By class[\s\S]*\*\*5xx \/ 5\.x\.x\*\* Permanent failure \| \d+ \|/);
    assert.match(text, /## By code[\s\S]*`5\.1\.1` \| Bad destination mailbox address/);
    assert.match(text, /█/, 'bars are drawn');
    await markdownPreviewOpen();

    const links = [...text.matchAll(/\]\((file:[^)#]+)#L(\d+),(\d+)\)/g)];
    assert.ok(links.length >= 5, `occurrence links found: ${links.length}`);
    for (const [, target, line, column] of links) {
      assert.equal(vscode.Uri.parse(target).toString(), log.uri.toString());
      const at = log.offsetAt(new vscode.Position(Number(line) - 1, Number(column) - 1));
      assert.match(log.getText().slice(at, at + 10), /^(?:\d{3}\b|\d\.\d{1,3}\.\d{1,3})/, `link L${line},${column} points at a code`);
    }
  });

  it('"Summarise" says why when the file is not one it reads', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Shopping list: 12 eggs, 2 loaves\n' });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('smtpStatus.summarize'), undefined);
  });
});
