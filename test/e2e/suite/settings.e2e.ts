// Settings reach the server: rule severities, extra languages (which restart the client),
// and the "change severity" command the server's code actions run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULES } from '../../../server/src/rules';
import { api, demoUri, diagnostics, EXTENSION_ID, eventually, open, ruleOf, setSetting } from './helpers';

describe('settings', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await setSetting('smtpStatus.rules.class-mismatch', undefined);
    await setSetting('smtpStatus.extraLanguages', undefined);
    await setSetting('smtpStatus.inlayHints.enabled', undefined);
  });

  it('smtpStatus.inlayHints.enabled shows registry titles after codes', async () => {
    const document = await open('mail.log');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = (): Thenable<vscode.InlayHint[]> => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
    const label = (hint: vscode.InlayHint): string => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
    assert.equal((await hints()).length, 0, 'off by default');
    await setSetting('smtpStatus.inlayHints.enabled', true);
    const shown = await eventually('inlay hints', async () => {
      const list = await hints();
      return list.length > 0 ? list : undefined;
    });
    assert.ok(shown.some((hint) => hint.position.line === 4 && /Bad destination mailbox address/.test(label(hint))), shown.map(label).join(' | '));
  });

  it('declares one severity setting per rule, defaulting to the rule\'s own severity', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    const declared = Object.entries(manifest.contributes.configuration.properties)
      .filter(([key]) => key.startsWith('smtpStatus.rules.'))
      .map(([key, schema]) => [key.slice('smtpStatus.rules.'.length), schema.default]);
    assert.deepEqual(Object.fromEntries(declared), Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])));
  });

  it('a rule left at its default keeps the server\'s milder severity for bounce reports', async () => {
    // `550 4.4.7` in a bounce reports a transient condition that outlasted the retries: the
    // server lowers class-mismatch there unless the user chose a severity.
    const document = await open('bounces/expired.eml');
    const found = await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch');
    const mismatch = found.find((d) => ruleOf(d) === 'class-mismatch');
    assert.equal(mismatch?.severity, vscode.DiagnosticSeverity.Information);
    await setSetting('smtpStatus.rules.class-mismatch', 'error');
    await diagnostics(document.uri, (d) => ruleOf(d) === 'class-mismatch' && d.severity === vscode.DiagnosticSeverity.Error);
  });

  it('smtpStatus.rules.class-mismatch changes the severity, and "off" hides it', async () => {
    const document = await open('session.smtp');
    const isMismatch = (d: vscode.Diagnostic): boolean => ruleOf(d) === 'class-mismatch';
    await diagnostics(document.uri, isMismatch);
    await setSetting('smtpStatus.rules.class-mismatch', 'hint');
    await diagnostics(document.uri, (d) => isMismatch(d) && d.severity === vscode.DiagnosticSeverity.Hint);
    await setSetting('smtpStatus.rules.class-mismatch', 'off');
    await eventually('class-mismatch to be off', () => (vscode.languages.getDiagnostics(document.uri).some(isMismatch) ? undefined : true));
    await setSetting('smtpStatus.rules.class-mismatch', undefined);
    await diagnostics(document.uri, (d) => isMismatch(d) && d.severity !== vscode.DiagnosticSeverity.Hint);
  });

  it('smtpStatus.extraLanguages adds a language and restarts the server', async () => {
    // A Markdown file on disk (untitled editors of any language are sniffed, files of other languages are not).
    const notes = demoUri('session-notes.md');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('C: RCPT TO:<bob@example.net>\nS: 550 4.1.1 <bob@example.net>: User unknown\n'));
    try {
      await extraLanguageServed(notes);
    } finally {
      await vscode.workspace.fs.delete(notes);
    }
  });

  async function extraLanguageServed(notes: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(notes);
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    const extensionApi = await api();
    const before = extensionApi.serverPid();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(vscode.languages.getDiagnostics(document.uri).length, 0, 'markdown is not read by default');
    await setSetting('smtpStatus.extraLanguages', ['markdown']);
    const found = await diagnostics(document.uri);
    assert.ok(found.length > 0);
    const after = await eventually('a running server', () => extensionApi.serverPid());
    assert.notEqual(after, before, 'a new server process serves the new language list');
  }

  it('the change-severity command writes the rule setting to the workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens the demo folder');
    const settingsDir = vscode.Uri.joinPath(folder.uri, '.vscode');
    const existed = await Promise.resolve(vscode.workspace.fs.stat(settingsDir)).then(() => true, () => false);
    try {
      await vscode.commands.executeCommand('smtpStatus.setRuleSeverity', 'class-mismatch', 'warning');
      assert.equal(vscode.workspace.getConfiguration('smtpStatus.rules').inspect('class-mismatch')?.workspaceValue, 'warning');
      await vscode.commands.executeCommand('smtpStatus.setRuleSeverity', 'no-such-rule', 'warning');
      assert.equal(vscode.workspace.getConfiguration('smtpStatus.rules').inspect('no-such-rule')?.workspaceValue, undefined);
    } finally {
      await vscode.workspace.getConfiguration('smtpStatus.rules').update('class-mismatch', undefined, vscode.ConfigurationTarget.Workspace);
      // Leave the demo folder as it was.
      if (!existed) await vscode.workspace.fs.delete(settingsDir, { recursive: true });
    }
  });
});
