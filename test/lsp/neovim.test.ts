// A real third-party LSP client: headless Neovim (0.7+, the Debian package) starts
// `node dist/server.js --stdio`, opens a transcript, and reads diagnostics and a hover.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'demo', 'session.smtp');

interface NeovimResult {
  readonly diagnostics: readonly { code?: string | number; source?: string; range: { start: { line: number; character: number } }; message: string }[];
  readonly hover: { contents: string | { value: string } | readonly (string | { value: string })[] } | null;
  readonly errors: readonly string[];
}

function hoverText(hover: NeovimResult['hover']): string {
  if (hover === null) return '';
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((part: string | { value: string }) => (typeof part === 'string' ? part : part.value)).join('\n');
}

test('Neovim gets diagnostics and hovers from the server over stdio', () => {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.startsWith('S: 550 4.1.1'));
  assert.notEqual(line, -1);
  const home = mkdtempSync(join(tmpdir(), 'smtp-status-nvim-'));
  try {
    const out = join(home, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-n', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'lsp', 'neovim-lsp.lua')}`], {
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
        SMTP_STATUS_SERVER: join(ROOT, 'dist', 'server.js'),
        SMTP_STATUS_FILE: FIXTURE,
        SMTP_STATUS_FILETYPE: 'smtp-transcript',
        SMTP_STATUS_OUT: out,
        SMTP_STATUS_HOVER_LINE: String(line),
        SMTP_STATUS_HOVER_CHAR: String('S: 550 4.1'.length),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.error, undefined, `nvim could not run (install the "neovim" package): ${String(run.error)}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
    assert.deepEqual(result.errors, []);
    const mismatch = result.diagnostics.find((d) => d.code === 'class-mismatch');
    assert.ok(mismatch, `class-mismatch among ${JSON.stringify(result.diagnostics.map((d) => d.code))}`);
    assert.equal(mismatch.source, 'smtp-status');
    assert.equal(mismatch.range.start.line, line);
    assert.match(hoverText(result.hover), /Bad destination mailbox address/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
