// The two commands: the explanation opens as Markdown in VS Code's preview, the summary in a
// webview whose links move the editor to each occurrence.
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

  it('"Summarise SMTP codes" counts a Postfix log per event, coloured by class, with links that move the editor', async () => {
    const log = await open('mail.log');
    const html = await vscode.commands.executeCommand<string | undefined>('smtpStatus.summarize');
    assert.ok(html, 'the command returns the page it shows');
    await eventually('the summary panel', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && /smtpStatus\.summary/.test(tab.input.viewType)) ? true : undefined);
    assert.match(html, /<h1>SMTP status events in mail\.log<\/h1>/);
    // Six delivery events; the bounce of bob writes 5.1.1 twice (dsn= and said:) and counts once.
    assert.match(html, /<p>6 events /);
    assert.match(html, /<tr class="c5"><td><code>5\.1\.1<\/code><\/td><td>Bad destination mailbox address<\/td><td class="n">1<\/td>/);
    assert.match(html, /<tr class="c4"><td><code>4\.7\.1<\/code>/);
    assert.match(html, /<tr class="c2"><td><code>2\.0\.0<\/code>/);
    assert.match(html, /█/, 'bars are drawn');

    // The events chart follows the log's deliverability report, whose entries link too.
    const chart = html.slice(html.indexOf('<h1>SMTP status events'));
    const links = [...chart.matchAll(/href="command:smtpStatus\.revealOccurrence\?([^"]+)"/g)]
      .map(([, query]) => JSON.parse(decodeURIComponent(query!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))))) as [string, number, number, number]);
    assert.equal(links.length, 6, 'one link per event');
    for (const [target, line, start, end] of links) {
      assert.equal(target, log.uri.toString());
      assert.match(log.lineAt(line).text.slice(start, end), /^(?:\d{3}|\d\.\d{1,3}\.\d{1,3})$/, `link ${line + 1}:${start + 1} points at a code`);
    }
    // What a click runs: the editor shows the log with the occurrence selected.
    const [target, line, start, end] = links.find(([, l]) => log.lineAt(l).text.includes('550 4.1.1'))!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('smtpStatus.revealOccurrence', target, line, start, end);
    assert.equal(vscode.window.activeTextEditor, editor);
    assert.equal(editor.document.uri.toString(), log.uri.toString());
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.character], [line, start, end]);
    assert.equal(editor.document.getText(editor.selection), '4.1.1');
  });

  it('"Summarise" says why when the file is not one it reads', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Shopping list: 12 eggs, 2 loaves\n' });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('smtpStatus.summarize'), undefined);
  });
});
