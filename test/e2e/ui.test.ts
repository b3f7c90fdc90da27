// What a person sees in the browser VS Code with the extension loaded: the hover text, the
// squiggle, the Problems entry, the grammar's scopes and the explain command's list.
// Screenshots go to test/e2e/screenshots/ (not committed).
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { generateMailLog } from '../bench/generate-log';
import { CodeServer, DEMO, launchBrowser, ROOT, startCodeServer } from './codeServer';
import { goTo, hover, openFile, runCommand, token, waitForWorkbench } from './workbench';

const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
let server: CodeServer;
let closeBrowser: () => Promise<void>;
let page: Page;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startCodeServer();
  const browser = await launchBrowser();
  closeBrowser = browser.close;
  page = await browser.context.newPage();
  await page.goto(server.url(server.demoCopy(), [['extensionDevelopmentPath', server.remote(ROOT)]]));
  await waitForWorkbench(page);
});

after(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the Markdown preview to render');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** 1-based line and column of the first `needle` in a demo file. */
function locate(file: string, needle: string): [number, number] {
  const lines = readFileSync(join(DEMO, file), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  assert.notEqual(line, -1, `${needle} in ${file}`);
  return [line + 1, (lines[line] ?? '').indexOf(needle) + 1];
}

test('hovering 5.1.1 in a Postfix log shows its registry title', async () => {
  await openFile(page, 'mail.log', 'postfix/smtpd');
  // A wide editor for the README picture: hide the side bar while hovering.
  await page.keyboard.press('Control+B');
  try {
    // The code sits far right on a long line: bring it into view first.
    const [line, column] = locate('mail.log', 'said: 550 5.1.1');
    await goTo(page, line, column + 40);
    const text = await hover(page, token(page, 'said: 550 5.1.1', '5.1.1'));
    assert.match(text, /Bad destination mailbox address/);
    await page.screenshot({ path: join(SHOTS, 'hover.png') });
    const widget = await page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().boundingBox();
    assert.ok(widget);
    const right = Math.min(1280, widget.x + widget.width + 16);
    await page.screenshot({ path: join(SHOTS, 'hover-editor.png'), clip: { x: 48, y: 60, width: right - 48, height: widget.y + widget.height + 16 - 60 } });
  } finally {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+B');
  }
});

test('a class mismatch in a transcript is squiggled and listed in Problems', async () => {
  await openFile(page, 'session.smtp', 'S: 550 4.1.1');
  await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
  const text = await hover(page, token(page, 'S: 550 4.1.1', '4.1.1'));
  assert.match(text, /class-mismatch|class/i);
  await page.screenshot({ path: join(SHOTS, 'diagnostic-hover.png') });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: /4\.1\.1|class/i }).first();
  await row.waitFor({ timeout: 15_000 });
  assert.match(await row.innerText(), /smtp-status/);
  await page.screenshot({ path: join(SHOTS, 'problems.png') });
});

/** What "Inspect Editor Tokens and Scopes" shows for `text` on the line holding `lineText` of `file`. */
async function inspectScopes(file: string, lineText: string, text: string, screenshot?: string): Promise<string> {
  await openFile(page, file, lineText);
  await token(page, lineText, text).click();
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: 15_000 });
  const scopes = await widget.innerText();
  if (screenshot !== undefined) await page.screenshot({ path: join(SHOTS, screenshot) });
  await page.keyboard.press('Escape');
  return scopes;
}

test('the grammar scopes a permanent reply code as class 5', async () => {
  assert.match(await inspectScopes('session.smtp', 'S: 550 4.1.1', '550', 'scopes.png'), /markup\.deleted\.permanent\.smtp/);
});

test("the injection scopes codes in VS Code's own log language, past the first line", async () => {
  const scopes = await inspectScopes('app.log', 'delivery failed: 550 5.1.1', '550');
  assert.match(scopes, /markup\.deleted\.permanent\.smtp/);
  assert.match(scopes, /text\.log/);
});

test('"Explain SMTP status code…" lists codes by title and opens the explanation', async () => {
  await runCommand(page, 'SMTP Status: Explain SMTP Status Code');
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Explain SMTP status code' }).waitFor({ timeout: 15_000 });
  // Search by words of the meaning, not by number.
  await page.keyboard.type('not authorized');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /\.7\.1/ }).first();
  await row.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(SHOTS, 'explain-pick.png') });
  await row.click();
  await page.locator('.tabs-container .tab').filter({ hasText: /7\.1/ }).first().waitFor({ timeout: 15_000 });
  // The Markdown preview renders inside nested webview frames.
  const rendered = await waitFor(async () => {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
      if (/Delivery not authorized, message refused/.test(body)) return body;
    }
    return undefined;
  });
  assert.match(rendered, /RFC 3463/);
  await page.screenshot({ path: join(SHOTS, 'explain.png') });
});

/** The CSS-drawn text before the first line of the editor (a page script: runs in the browser). */
const LINE_NUMBER_SHOWN = `(() => {
  const line = document.querySelector('.editor-instance .monaco-editor .view-line');
  if (!line) return '';
  return [...line.querySelectorAll('span')].map((span) => getComputedStyle(span, '::before').content).filter((c) => c && c !== 'none').join(' ');
})()`;

test('"Open Part of a Large Mail Log..." opens the permanent failures of a 60 MB log with their line numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-status-ui-large-'));
  try {
    const file = join(dir, 'mail.log');
    for (let seed = 1; seed <= 6; seed++) appendFileSync(file, generateMailLog({ seed, bytes: 10_000_000 }));
    await runCommand(page, 'SMTP Status: Open Part of a Large Mail Log');
    // VS Code's own file dialog: type the path.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(file);
    // The dialog lists the folder's files once it has read the path typed.
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'mail.log' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'large-part-dialog.png') });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Keep the lines that match all of' }).waitFor({ timeout: 15_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(SHOTS, 'large-part-failed.png') });
        throw error;
      });
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Outcome' }).first().locator('input[type=checkbox], .monaco-checkbox, .quick-input-list-checkbox').first().click();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'permanent' }).first().click();
    // The part opens with each line's number in the file before it.
    const firstLine = page.locator('.editor-instance .monaco-editor .view-line').first();
    await page.locator('.tabs-container .tab').filter({ hasText: 'outcome permanent' }).first().waitFor({ timeout: 120_000 });
    await firstLine.waitFor({ timeout: 30_000 });
    // Decoration text is drawn by CSS (::before), not written into the line's text.
    const shown = await waitFor(async () => {
      const content = String(await page.evaluate(LINE_NUMBER_SHOWN));
      return /\d+ \u2502/.test(content) ? content : undefined;
    });
    // The editor draws spaces as no-break spaces.
    const text = ((await firstLine.textContent()) ?? '').replace(/\u00a0/g, ' ');
    const [, number] = /(\d+) \u2502/.exec(shown) ?? [];
    const lines = readFileSync(file, 'utf8').split('\n');
    const original = lines[Number(number) - 1] ?? '';
    assert.ok(original.length > 60 && text.includes(original.slice(0, 60)), `line ${number} of the file is the part's first line: ${text}`);
    assert.match(original, /status=bounced|reject|said: 5\d\d/);
    // Checked like any log: the generator's class mismatches are squiggled.
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, 'large-part.png') });
    await page.screenshot({ path: join(ROOT, 'client', 'media', 'large-part.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
