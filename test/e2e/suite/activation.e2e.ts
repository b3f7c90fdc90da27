// The extension activates on its languages, maps the demo files to them, and works whether
// the workspace is trusted or in Restricted Mode (the runners run this suite both ways).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SmtpStatusApi } from '../../../client/src/extension';
import { api, demoUri, EXTENSION_ID, open } from './helpers';

describe('activation', () => {
  it('plain text and JSON that are not about SMTP start no language server', async () => {
    const extensionApi = await vscode.extensions.getExtension<SmtpStatusApi>(EXTENSION_ID)?.activate();
    assert.ok(extensionApi);
    for (const file of ['notes.txt', 'settings.json']) await open(file);
    await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Dear team, the budget is 550 euros.\n' });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(extensionApi.serverPid(), undefined, 'no server process');
    assert.equal(extensionApi.startupMs(), undefined, 'no server was ever started');
  });

  it('activates when a mail log is opened and starts the language server', async () => {
    const started = Date.now();
    await open('mail.log');
    const extensionApi = await api();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const pid = extensionApi.serverPid();
    assert.ok(pid !== undefined && pid > 0, 'the language server process is running');
    const startupMs = extensionApi.startupMs();
    assert.ok(startupMs !== undefined);
    console.log(`activation: language server ready ${startupMs} ms after activate() (${Date.now() - started} ms after opening mail.log)`);
  });

  it('maps file names to the contributed languages', async () => {
    const expected: Record<string, string> = {
      'mail.log': 'mail-log',
      'exim4/mainlog': 'mail-log',
      'session.smtp': 'smtp-transcript',
      'bounces/user-unknown.eml': 'mail-dsn',
      'postfix/main.cf': 'mail-config',
      'postfix/sender_access': 'mail-config',
      'exim4/exim4.conf': 'mail-config',
      'app.log': 'log',
    };
    const actual: Record<string, string> = {};
    for (const file of Object.keys(expected)) actual[file] = (await open(file)).languageId;
    assert.deepEqual(actual, expected);
  });

  it('maps rotated logs and Postfix lookup tables by pattern', async () => {
    const created = { 'mail.log.1': 'mail-log', 'postfix/helo_checks.pcre': 'mail-config' };
    const actual: Record<string, string> = {};
    for (const file of Object.keys(created)) {
      // The runners open a throwaway copy of the demo workspace, so files may be added.
      await vscode.workspace.fs.writeFile(demoUri(file), new TextEncoder().encode('550 5.1.1 example\n'));
      actual[file] = (await open(file)).languageId;
    }
    assert.deepEqual(actual, created);
  });

  it('runs in the workspace trust mode the runner asked for', () => {
    const mode = process.env['SMTP_STATUS_E2E_TRUST'] ?? 'trusted';
    assert.equal(vscode.workspace.isTrusted, mode === 'trusted', `workspace trust should be "${mode}"`);
    console.log(`workspace trusted: ${vscode.workspace.isTrusted}`);
  });
});
