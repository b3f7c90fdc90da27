// What a person does in the browser VS Code, as playwright steps, with the selectors the
// notes on offline VS Code established.
import type { Locator, Page } from 'playwright-core';

export const WORKBENCH_TIMEOUT_MS = 60_000;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: WORKBENCH_TIMEOUT_MS });
  // The editor area is ready once the explorer has read the folder.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: WORKBENCH_TIMEOUT_MS });
}

/** Opens the quick input with `key`, types `query` and clicks the row whose label holds it. */
async function pick(page: Page, key: string, query: string): Promise<void> {
  await dismiss(page);
  await page.keyboard.press(key);
  await page.keyboard.type(query);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${query}"]`).first();
  await row.waitFor({ timeout: 30_000 });
  // Clicking picks exactly this row even while a search is still adding results.
  await row.click();
}

/** Quick Open (Ctrl+P) a file by name; resolves when its text is on screen. */
export async function openFile(page: Page, name: string, visibleText: string): Promise<Locator> {
  await pick(page, 'Control+P', name);
  const lines = page.locator('.editor-instance .monaco-editor .view-lines');
  await lines.filter({ hasText: visibleText }).first().waitFor({ timeout: 15_000 });
  return lines.first();
}

/** Runs a command from the Command Palette (F1) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pick(page, 'F1', title);
}

/** The last rendered token whose text is exactly `text` on the editor line containing `lineText`. */
export function token(page: Page, lineText: string, text: string): Locator {
  return page
    .locator('.editor-instance .monaco-editor .view-line')
    .filter({ hasText: lineText })
    .first()
    .locator('span > span')
    .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .last();
}

/**
 * Moves the mouse onto a token (twice, as the hover controller wants), `dx` pixels right of its
 * centre, and returns the hover's text. Retried: right after a file opens the language server may not be answering yet.
 */
export async function hover(page: Page, target: Locator, timeoutMs = 45_000, dx = 0): Promise<string> {
  const widget = page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const box = await target.boundingBox();
    if (box === null) throw new Error('the token to hover is not on screen');
    const x = box.x + box.width / 2 + dx;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y + 200);
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x, y);
    try {
      await widget.waitFor({ timeout: 3000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
  // The hover fades in; give it time before anyone takes a screenshot.
  await page.waitForTimeout(400);
  return (await widget.innerText()).trim();
}

/** Go to Line/Column (Ctrl+G), which also scrolls a long line to the column. 1-based. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Closes hovers and widgets left open by an earlier step. */
async function dismiss(page: Page): Promise<void> {
  // A webview (Markdown preview, summary view) keeps the keyboard inside its frame: hand focus back
  // to the workbench first (a page script: runs in the browser).
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.mouse.move(700, 700);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}
