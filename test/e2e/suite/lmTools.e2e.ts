// The language model tools, invoked as agent mode invokes them (`vscode.lm.invokeTool`),
// and the walkthrough's buttons.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open } from './helpers';

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('language model tools', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('are registered with the descriptions the model reads', () => {
    const ours = vscode.lm.tools.filter((tool) => tool.name.startsWith('smtpStatus_'));
    assert.deepEqual(ours.map((tool) => tool.name).sort(), ['smtpStatus_check', 'smtpStatus_classify', 'smtpStatus_explain', 'smtpStatus_summarize', 'smtpStatus_trace']);
    for (const tool of ours) assert.ok(tool.description.length > 80, `${tool.name} says when to use it`);
  });

  it('explain answers 550 5.1.1 with its meaning and a malformed code with the rule it breaks', async () => {
    const answer = await invoke('smtpStatus_explain', { codes: ['550 5.1.1', '5.01.1'] });
    assert.match(answer, /Bad destination mailbox address/);
    assert.match(answer, /5\.01\.1: .*leading zero/i);
  });

  it('check lists the problems of the open transcript, and of the selection only when asked', async () => {
    const document = await open('session.smtp');
    const whole = await invoke('smtpStatus_check', {});
    const count = Number(/(\d+) problem\(s\)/.exec(whole)?.[1]);
    assert.ok(count > 0, whole);
    assert.match(whole, /line \d+, column \d+: (error|warning|information|hint): .+\[[a-z-]+\]/);
    const first = Number(/line (\d+),/.exec(whole)?.[1]) - 1;
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(first, 0, first, document.lineAt(first).text.length);
    const selected = await invoke('smtpStatus_check', { selectionOnly: true });
    assert.match(selected, /\(selected lines\)/);
    assert.ok(/line (\d+),/g.exec(selected) !== null);
    for (const [, line] of selected.matchAll(/line (\d+),/g)) assert.equal(Number(line) - 1, first);
  });

  it('check says plainly when the document is not one it reads', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# notes\n250 reasons\n' });
    await vscode.window.showTextDocument(document);
    const answer = await invoke('smtpStatus_check', {});
    assert.match(answer, /"markdown" document, which SMTP Status does not read/);
  });

  it('summarize counts the codes of a log by class, with the first line of each code', async () => {
    await open('mail.log');
    const answer = await invoke('smtpStatus_summarize', {});
    assert.match(answer, /\d+ 5xx \(permanent failure\)/);
    assert.match(answer, /5\.1\.1: \d+ time\(s\), Bad destination mailbox address; first on line \d+/);
  });
});

describe('language model tools on messages and failures', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trace follows a queue id through its content-filter hop, with each recipient\'s outcome', async () => {
    await open('trace/postfix.log');
    const answer = await invoke('smtpStatus_trace', { id: '4R1bBc2DfGz9xYq' });
    assert.match(answer, /2 recipients: 1 sent, 1 bounced 5\.1\.1 userunknown/);
    assert.match(answer, /line \d+: .*4R1bBc2DfGz9xYq/);
    assert.match(await invoke('smtpStatus_trace', { id: 'NOSUCHID99' }), /No message named NOSUCHID99/);
  });

  it('classify gives each failed delivery of the log its reason, hard or soft', async () => {
    await open('mail.log');
    const answer = await invoke('smtpStatus_classify', {});
    assert.match(answer, /\d+ failed or deferred deliveries/);
    assert.match(answer, /line \d+ \S+@\S+: userunknown \(hard\)/);
  });
});

describe('walkthrough', () => {
  it('"Open Demo Mail Log" opens an untitled mail log that the server reads', async () => {
    await api();
    await vscode.commands.executeCommand('smtpStatus.walkthrough.openDemo');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the demo log is shown');
    assert.equal(editor.document.languageId, 'mail-log');
    assert.ok(editor.document.isUntitled, 'the demo is a copy, not the extension file');
    assert.match(editor.document.getText(), /said: 550 5\.1\.1/);
    const answer = await invoke('smtpStatus_summarize', {});
    assert.match(answer, /5\.1\.1: 1 time\(s\), Bad destination mailbox address; first on line 4/);
  });
});
