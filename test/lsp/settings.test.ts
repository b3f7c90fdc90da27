// Bad settings through the LSP: each is ignored with one warning (window/showMessage or
// window/logMessage) naming the setting, and the defaults keep working.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import { LspClient, type ServerMessage } from './client';
import { HANG_GUARD_MS, assertHealthy, openProbe, stopServer } from './health';

const URI = 'file:///robustness/settings/mail.log';
const FAULTY = 'host mx.example.net[192.0.2.44] said: 550 4.1.1 mailbox unavailable';
/** More faulty lines than the default cap allows, so a bad maxProblems would show. */
const TEXT = `${FAULTY}\n`.repeat(DEFAULT_SETTINGS.maxProblems + 100);

const BAD_SETTINGS = {
  maxProblems: -3,
  rules: { 'class-mismatch': 'fatal', 'no-such-rule': 'error' },
  vendors: { microsoft: 'yes' },
  inlayHints: { enabled: 'sure' },
  maxFileSizeMB: -1,
};
const NAMED = ['smtpStatus.maxProblems', 'smtpStatus.rules.class-mismatch', 'smtpStatus.rules.no-such-rule',
  'smtpStatus.vendors.microsoft', 'smtpStatus.inlayHints.enabled', 'smtpStatus.maxFileSizeMB'];

/** Messages naming `setting` exactly (not as the prefix of a longer name). */
function naming(messages: readonly ServerMessage[], setting: string): ServerMessage[] {
  const name = new RegExp(`${setting.replace(/[.]/g, '\\.')}(?![\\w.-])`);
  return messages.filter((m) => name.test(m.message));
}

/** Waits until at least `count` messages have arrived (hang-guarded by the test's timeout). */
async function messagesArrived(client: LspClient, count: number): Promise<void> {
  while (client.messages.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

function mismatches(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'class-mismatch');
}

for (const pull of [true, false]) {
  describe(`bad settings (${pull ? 'pulled with workspace/configuration' : 'pushed with didChangeConfiguration'})`, { timeout: HANG_GUARD_MS }, () => {
    it('each bad value gets one warning naming it, and the defaults are kept', async () => {
      const client = await LspClient.start({ settings: pull ? BAD_SETTINGS : undefined, pullConfiguration: pull });
      try {
        if (!pull) client.setSettings(BAD_SETTINGS);
        await messagesArrived(client, NAMED.length);
        await openProbe(client);
        for (const setting of NAMED) {
          const about = naming(client.messages, setting);
          assert.equal(about.length, 1, `one warning names ${setting}: ${JSON.stringify(client.messages)}`);
          assert.ok(about[0]!.type <= 2, `${setting}: shown as an error or a warning`);
        }
        client.open(URI, 'mail-log', TEXT);
        const diagnostics = await client.waitForDiagnostics(URI);
        assert.equal(diagnostics.length, DEFAULT_SETTINGS.maxProblems + 1, 'the default cap, plus its note');
        assert.ok(mismatches(diagnostics).length > 0 && mismatches(diagnostics).every((d) => d.severity === DiagnosticSeverity.Error),
          'class-mismatch keeps its default severity');
        const before = client.messages.length;
        // The same mistakes again: no repeated warnings.
        client.setSettings(BAD_SETTINGS);
        await client.nextDiagnostics(URI);
        assert.equal(client.messages.length, before, 'a mistake is reported once');
        await assertHealthy(client);
      } finally {
        await stopServer(client);
      }
    });
  });
}

describe('settings pushed as soon as the server is initialized', { timeout: HANG_GUARD_MS }, () => {
  it('are kept, not replaced by the defaults when initialization finishes', async () => {
    // Clients without workspace/configuration (pull) push the section right after `initialized`.
    const client = await LspClient.start({ pullConfiguration: false });
    try {
      client.setSettings({ rules: { 'class-mismatch': 'off' } });
      await openProbe(client);
      client.open(URI, 'mail-log', `${FAULTY}\n`);
      assert.deepEqual(mismatches(await client.waitForDiagnostics(URI)), [], 'class-mismatch stays off');
      await assertHealthy(client);
    } finally {
      await stopServer(client);
    }
  });
});

describe('changing settings at run time', { timeout: HANG_GUARD_MS }, () => {
  it('a good value applies; a later bad value for it warns and restores the default', async () => {
    const client = await LspClient.start({ settings: {} });
    try {
      await openProbe(client);
      client.open(URI, 'mail-log', `${FAULTY}\n`);
      assert.equal(mismatches(await client.waitForDiagnostics(URI)).length, 1);
      client.setSettings({ rules: { 'class-mismatch': 'off' } });
      assert.equal(mismatches(await client.nextDiagnostics(URI)).length, 0, 'off turns the rule off');
      client.setSettings({ rules: { 'class-mismatch': ['error'] } });
      const restored = mismatches(await client.nextDiagnostics(URI));
      assert.equal(restored.length, 1, 'the default severity is back');
      assert.equal(restored[0]!.severity, DiagnosticSeverity.Error);
      assert.equal(naming(client.messages, 'smtpStatus.rules.class-mismatch').length, 1);
      for (const raw of [42, 'smtpStatus', [1, 2], null]) client.setSettings(raw);
      client.setSettings({});
      assert.equal(mismatches(await client.nextDiagnostics(URI)).length, 1);
      await assertHealthy(client);
    } finally {
      await stopServer(client);
    }
  });
});
