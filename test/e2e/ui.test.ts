// What a person sees in the browser VS Code with the extension loaded: the hover text, the
// squiggle, the Problems entry, the grammar's scopes, the explain command's list, a message's
// timeline hover and the deliverability report.
// Screenshots go to test/e2e/screenshots/ (not committed).
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
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

/** The text of the rendered Markdown preview (nested webview frames) once it matches `pattern`. */
function renderedPreview(pattern: RegExp): Promise<string> {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
      if (pattern.test(body)) return body;
    }
    return undefined;
  });
}

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
  const rendered = await renderedPreview(/Delivery not authorized, message refused/);
  assert.match(rendered, /RFC 3463/);
  await page.screenshot({ path: join(SHOTS, 'explain.png') });
});

test('the walkthrough opens from Welcome with its steps, images and buttons', async () => {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget').waitFor({ timeout: 15_000 });
  await page.keyboard.type('Get started with SMTP Status');
  const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Get started with SMTP Status Codes' }).first();
  await pick.waitFor({ timeout: 15_000 });
  await pick.click();
  const steps = page.locator('.gettingStartedContainer .getting-started-step');
  await steps.filter({ hasText: 'Hover a code' }).first().waitFor({ timeout: 20_000 });
  const titles = await page.locator('.gettingStartedContainer .getting-started-step .step-title').allInnerTexts();
  for (const step of ['Open a mail log or paste a session', 'Hover a code', 'Summarise the file', 'Tune the checks', 'Use it outside VS Code']) {
    assert.ok(titles.some((t) => t.includes(step)), `step "${step}" in ${titles.join(' | ')}`);
  }
  const button = page.locator('.gettingStartedContainer .getting-started-step.expanded .button-container a.monaco-button');
  assert.match(await button.first().innerText(), /Open Demo Mail Log/);
  await page.locator('.gettingStartedContainer .getting-started-media img[srcset*="open.svg"]').first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(SHOTS, 'walkthrough.png') });
  await button.first().click();
  await page.locator('.tabs-container .tab').filter({ hasText: /Untitled/ }).first().waitFor({ timeout: 15_000 });
});

test('hovering a queue id shows the message\'s timeline across its amavis hop and bounce', async () => {
  await openFile(page, 'postfix.log', 'postfix/smtpd');
  await page.keyboard.press('Control+B');
  try {
    // The Log language tokenises the id together with its neighbours: hover the id's own characters.
    const [line, column] = locate('trace/postfix.log', '4R1bBc2DfGz9xYq: client=');
    await goTo(page, line, column);
    const text = await hover(page, page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first(), 45_000, 30);
    assert.match(text, /2 recipients: 1 sent, 1 bounced 5\.1\.1 userunknown/);
    assert.match(text, /Verdict/);
    await page.screenshot({ path: join(SHOTS, 'trace-hover.png') });
  } finally {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+B');
  }
});

test('the deliverability report of a log', async () => {
  await openFile(page, 'postfix.log', 'postfix/smtpd');
  await runCommand(page, 'SMTP Status: Deliverability Report for This Log');
  const rendered = await renderedPreview(/Failed recipients by reason/);
  assert.match(rendered, /Messages by outcome/);
  assert.match(rendered, /userunknown/);
  // Bring the failures part of the report into view for the picture.
  for (const frame of page.frames()) {
    const heading = frame.locator('h2', { hasText: 'Failed recipients by reason' });
    if (await heading.count().catch(() => 0) > 0) await heading.first().scrollIntoViewIfNeeded().catch(() => undefined);
  }
  await page.screenshot({ path: join(SHOTS, 'report.png') });
});
