// The packaged extension, as a user installs it: `npm run package` builds the VSIX, code-server
// installs it into an empty extensions folder, and a mail log opened in the browser gets
// squiggles and hovers. Packaging mistakes (a missing bundle, grammar or manifest path) fail here.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { codeServerEntry, launchBrowser, ROOT, startCodeServer } from './codeServer';
import { hover, openFile, token, waitForWorkbench } from './workbench';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; publisher: string };
const cleanups: (() => Promise<void>)[] = [];

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('npm run package makes a small VSIX holding only what runs', () => {
  const output = execFileSync(process.execPath, [join(ROOT, 'test', 'e2e', 'package-vsix.mjs')], { cwd: ROOT, encoding: 'utf8' });
  const vsix = join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  const size = statSync(vsix).size;
  console.log(`VSIX ${vsix}: ${(size / 1024).toFixed(0)} KiB`);
  const files = output.split('\n').map((line) => line.trim()).filter((line) => /^[\w.-]+(\/[\w.-]+)*$/.test(line) && line.includes('.'));
  for (const needed of ['package.json', 'dist/extension.js', 'dist/server.js', 'client/icon.png', 'syntaxes/smtp-transcript.tmLanguage.json', 'syntaxes/log-injection.tmLanguage.json',
    'client/media/walkthrough/open.svg', 'client/walkthrough/demo-mail.log']) {
    assert.ok(files.includes(needed), `${needed} is packaged (listed: ${files.join(', ')})`);
  }
  const unwanted = files.filter((f) => /\.ts$|\.map$|^node_modules\/|^test\/|^server\/|^out\//.test(f));
  assert.deepEqual(unwanted, [], 'sources, maps, tests and node_modules stay out');
});

test('the VSIX installs into code-server and checks a transcript there', async () => {
  const vsix = join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  const home = mkdtempSync(join(tmpdir(), 'smtp-status-vsix-'));
  cleanups.push(async () => rmSync(home, { recursive: true, force: true }));
  const extensionsDir = join(home, 'extensions');
  // HOME in the throwaway folder: code-server writes its config there.
  execFileSync(process.execPath, [codeServerEntry(), '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(home, 'user-data')], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') },
    stdio: 'pipe',
  });
  const installed = readdirSync(extensionsDir).filter((name) => name.startsWith(`${manifest.publisher}.${manifest.name}-`));
  assert.equal(installed.length, 1, `installed: ${readdirSync(extensionsDir).join(', ')}`);
  const server = await startCodeServer({ extensionsDir });
  cleanups.push(server.stop);
  const browser = await launchBrowser();
  cleanups.push(browser.close);
  const page = await browser.context.newPage();
  await page.goto(server.url(server.demoCopy()));
  await waitForWorkbench(page);
  await openFile(page, 'session.smtp', 'S: 550 4.1.1');
  await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
  const text = await hover(page, token(page, 'S: 550 4.1.1', '4.1.1'));
  assert.match(text, /Bad destination mailbox address/);
});
