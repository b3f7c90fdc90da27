// What a person sees in the browser VS Code with the extension loaded: the hover text, the
// squiggle, the Problems entry, the grammar's scopes, the explain command's list, a message's
// timeline hover, the deliverability report and the walkthrough.
// Screenshots go to test/e2e/screenshots/ (not committed); the README's pictures of the
// success hover and the summary go to client/media/.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { generateMailLog } from '../bench/generate-log';
import { CodeServer, DEMO, launchBrowser, ROOT, startCodeServer } from './codeServer';
import { goTo, hover, openFile, runCommand, token, waitForWorkbench } from './workbench';

const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const MEDIA = join(ROOT, 'client', 'media');
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
    if (Date.now() > deadline) throw new Error('timed out waiting for a webview to render');
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

test('hovering a success code says it succeeded, in one verdict line at the top', async () => {
  await openFile(page, 'session.smtp', 'S: 250 2.1.0');
  try {
    const text = await hover(page, token(page, 'S: 250 2.1.0', '2.1.0'));
    assert.match(text.split('\n')[0]!, /^Success: 250 2\.1\.0 An address was accepted\. Nothing to retry; nobody needs to act\.$/);
    assert.doesNotMatch(text, /Something about one of the addresses|admin/i);
    const widget = await page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().boundingBox();
    assert.ok(widget);
    await page.screenshot({ path: join(MEDIA, 'hover-success.png'), clip: { x: 0, y: 0, width: Math.min(1280, widget.x + widget.width + 24), height: Math.min(800, widget.y + widget.height + 24) } });
  } finally {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  }
});

test('the summary view colours events by class and its line links move the editor to the code', async () => {
  await openFile(page, 'mail.log', 'postfix/smtpd');
  await runCommand(page, 'SMTP Status: Summarise SMTP Codes in This File');
  // The webview renders inside nested frames.
  const frame = await waitFor(async () => {
    for (const candidate of page.frames()) {
      if (await candidate.locator('h1', { hasText: 'SMTP status events in mail.log' }).count().catch(() => 0)) return candidate;
    }
    return undefined;
  });
  const [line] = locate('mail.log', 'said: 550 4.1.1');
  const row = frame.locator('tr.c4', { hasText: '4.1.1' });
  assert.equal(await row.count(), 1);
  // Class 4 is drawn in the theme's yellow, class 5 in its red: not the same colour.
  const colour = (selector: string) => frame.locator(selector).first().evaluate((el) => (el.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
  assert.notEqual(await colour('tr.c4 code'), await colour('tr.c5 code'));
  const link = row.locator('a.at', { hasText: `${line}:` });
  // Without the side bar, for the README picture: the editor and the whole table side by side.
  await page.keyboard.press('Control+B');
  try {
    await link.click();
    // The editor shows mail.log with the code selected: the status bar says where the cursor is.
    const status = page.locator('.statusbar-item[id="status.editor.selection"]');
    await status.filter({ hasText: new RegExp(`Ln ${line}, Col \\d+ \\(5 selected\\)`) }).waitFor({ timeout: 15_000 });
    const active = page.locator('.editor-group-container.active .tab.active');
    assert.match(await active.innerText(), /mail\.log/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(MEDIA, 'summary.png') });
  } finally {
    await page.keyboard.press('Control+B');
    // The next tests look for their own webviews' text: leave none of ours behind.
    await runCommand(page, 'View: Close All Editors');
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

test("class 4 in VS Code's log language is amber, not the blue of the Log grammar's numbers", async () => {
  const code = await inspectScopes('app.log', 'retry in 300s: 421 4.7.0', '421', 'log-class4.png');
  assert.match(code, /markup\.changed\.transient\.smtp/);
  // The runner's theme is a default light or dark one: the contributed amber of either.
  const [, amber] = /foreground\s+(#895503|#E2C08D)\b/i.exec(code) ?? [];
  assert.ok(amber, code);
  const number = await inspectScopes('app.log', 'retry in 300s: 421 4.7.0', '3121');
  assert.match(number, /constant\.language/, 'a number of the Log grammar');
  assert.doesNotMatch(number, new RegExp(amber, 'i'));
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

test('the deliverability report of a log, whose line links move the editor', async () => {
  await openFile(page, 'postfix.log', 'postfix/smtpd');
  await runCommand(page, 'SMTP Status: Deliverability Report for This Log');
  const rendered = await renderedPreview(/Failed recipients by reason/);
  assert.match(rendered, /Messages by outcome/);
  assert.match(rendered, /userunknown/);
  const frame = await waitFor(async () => {
    for (const candidate of page.frames()) {
      if (await candidate.locator('h2', { hasText: 'Failed recipients by reason' }).count().catch(() => 0)) return candidate;
    }
    return undefined;
  });
  // Bring the failures part of the report into view for the picture.
  await frame.locator('h2', { hasText: 'Failed recipients by reason' }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'report.png') });
  await page.screenshot({ path: join(MEDIA, 'report.png') });
  try {
    const link = frame.locator('a[href^="command:smtpStatus.revealOccurrence"]').first();
    const line = Number((await link.innerText()).trim());
    assert.ok(line > 0, 'a link names its line');
    await link.click();
    const status = page.locator('.statusbar-item[id="status.editor.selection"]');
    await status.filter({ hasText: new RegExp(`Ln ${line}, Col 1\\b`) }).waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.editor-group-container.active .tab.active').innerText(), /postfix\.log/);
  } finally {
    await runCommand(page, 'View: Close All Editors');
  }
});

test('a telnet session pasted into a new untitled editor is read: its failure code gets a hover', async () => {
  await runCommand(page, 'File: New Untitled Text File');
  await page.locator('.tabs-container .tab.active').filter({ hasText: /Untitled/ }).first().waitFor({ timeout: 15_000 });
  const session = [
    'Trying 192.0.2.25...',
    'Connected to mx.example.com.',
    "Escape character is '^]'.",
    '220 mx.example.com ESMTP Postfix',
    'EHLO client.example.org',
    '250-mx.example.com',
    '250-SIZE 10240000',
    '250 8BITMIME',
    'MAIL FROM:<alice@example.org>',
    '250 2.1.0 Ok',
    'RCPT TO:<nobody@example.com>',
    '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table',
    'QUIT',
    '221 2.0.0 Bye',
  ].join('\n');
  // One edit, as a paste is.
  await page.keyboard.insertText(session);
  try {
    // Plain text has no tokens to point at: put the cursor on the code and hover just right of it.
    await goTo(page, 12, 1);
    const text = await hover(page, page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first(), 45_000, 10);
    assert.match(text, /Permanent failure/);
    assert.match(text, /Bad destination mailbox address/);
    await page.screenshot({ path: join(MEDIA, 'pasted-session.png') });
  } finally {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Revert and Close Editor');
  }
});

/** The CSS-drawn text before the first line of the editor (a page script: runs in the browser). */
const LINE_NUMBER_SHOWN = `(() => {
  const line = document.querySelector('.editor-instance .monaco-editor .view-line');
  if (!line) return '';
  return [...line.querySelectorAll('span')].map((span) => getComputedStyle(span, '::before').content).filter((c) => c && c !== 'none').join(' ');
})()`;

/**
 * Runs "Open Part of a Large Mail Log...", types `file` into VS Code's own file dialog, ticks the
 * filter field `field` and picks `choice` from its list, as a user does.
 */
async function openPart(file: string, field: string, choice: string): Promise<void> {
  await runCommand(page, 'SMTP Status: Open Part of a Large Mail Log');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  // The dialog may write its starting folder into the box after it opens: type the path until it stays.
  await waitFor(async () => {
    if ((await input.inputValue()) !== file) await input.fill(file);
    await page.waitForTimeout(500);
    return (await input.inputValue()) === file ? true : undefined;
  });
  // The dialog lists the folder's files once it has read the path typed.
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'mail.log' }).first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(SHOTS, 'large-part-dialog.png') });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Keep the lines that match all of' }).waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'large-part-failed.png') });
      throw error;
    });
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: field }).first().locator('input[type=checkbox], .monaco-checkbox, .quick-input-list-checkbox').first().click();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: choice }).first().click();
}

test('"Open Part of a Large Mail Log..." opens the permanent failures of a 60 MB log with their line numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-status-ui-large-'));
  try {
    const file = join(dir, 'mail.log');
    for (let seed = 1; seed <= 6; seed++) appendFileSync(file, generateMailLog({ seed, bytes: 10_000_000 }));
    await openPart(file, 'Outcome', 'permanent');
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
    await page.screenshot({ path: join(SHOTS, 'large-part.png') });
    await page.screenshot({ path: join(ROOT, 'client', 'media', 'large-part.png') });
    // Checked like any log: the generator's class mismatches are squiggled. They are rare, so go to
    // the first problem (F8) once the server has checked the part.
    await waitFor(async () => {
      await firstLine.click();
      await page.keyboard.press('F8');
      return (await page.locator('.editor-instance .squiggly-error').count()) > 0 ? true : undefined;
    }, 60_000);
    await page.keyboard.press('Escape');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('"Open Part…" by provider lists the providers by name and keeps the lines Google answered, not those to a Gmail address', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-status-ui-provider-'));
  try {
    const file = join(dir, 'mail.log');
    writeFileSync(file, [
      'Mar  4 09:15:00 mx postfix/smtp[1]: 4BC1: to=<bob@example.net>, relay=aspmx.l.google.com[192.0.2.1]:25, dsn=5.1.1, status=bounced (host aspmx.l.google.com[192.0.2.1] said: 550 5.1.1 no such user - gsmtp (in reply to RCPT TO command))',
      'Mar  4 09:16:00 mx postfix/smtp[1]: 4BC2: to=<carol@gmail.com>, relay=mx.example.org[192.0.2.2]:25, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.2]:25: Connection timed out)',
      'Mar  4 09:17:00 mx postfix/smtp[1]: 4BC3: to=<dave@example.com>, relay=example-com.mail.protection.outlook.com[192.0.2.3]:25, dsn=2.0.0, status=sent (250 2.0.0 OK)',
      '',
    ].join('\n'));
    await openPart(file, 'Provider', 'Google (Gmail / Google Workspace)');
    await page.locator('.tabs-container .tab').filter({ hasText: 'provider google' }).first().waitFor({ timeout: 60_000 });
    const lines = page.locator('.editor-instance .monaco-editor .view-line');
    const text = await waitFor(async () => {
      const shown = ((await lines.allTextContents()).join('\n')).replace(/\u00a0/g, ' ');
      return shown.includes('4BC1') ? shown : undefined;
    });
    assert.doesNotMatch(text, /4BC2/, 'a Gmail recipient is not Google answering');
    assert.doesNotMatch(text, /4BC3/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
