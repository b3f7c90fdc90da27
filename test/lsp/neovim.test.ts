// A real third-party LSP client: headless Neovim (0.7+, the Debian package) starts
// `node dist/server.js --stdio`, opens a transcript, and reads diagnostics and a hover; then a
// Postfix log, following a message id with definition, references, highlights and hover.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'demo', 'session.smtp');

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

interface NeovimResult {
  readonly diagnostics: readonly { code?: string | number; source?: string; range: Range; message: string }[];
  readonly hover: { contents: string | { value: string } | readonly (string | { value: string })[] } | null;
  readonly definition: { uri: string; range: Range } | readonly { uri: string; range: Range }[] | null;
  readonly references: readonly { uri: string; range: Range }[] | null;
  readonly highlights: readonly { range: Range }[] | null;
  readonly errors: readonly string[];
}

/** Runs headless Neovim on `file` and reads back what the server answered at `line`:`character`. */
function runNeovim(file: string, filetype: string, line: number, character: number, trace = false): NeovimResult {
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
        SMTP_STATUS_FILE: file,
        SMTP_STATUS_FILETYPE: filetype,
        SMTP_STATUS_OUT: out,
        SMTP_STATUS_HOVER_LINE: String(line),
        SMTP_STATUS_HOVER_CHAR: String(character),
        SMTP_STATUS_TRACE: trace ? '1' : '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.error, undefined, `nvim could not run (install the "neovim" package): ${String(run.error)}`);
    return JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
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
  const result = runNeovim(FIXTURE, 'smtp-transcript', line, 'S: 550 4.1'.length);
  assert.deepEqual(result.errors, []);
  const mismatch = result.diagnostics.find((d) => d.code === 'class-mismatch');
  assert.ok(mismatch, `class-mismatch among ${JSON.stringify(result.diagnostics.map((d) => d.code))}`);
  assert.equal(mismatch.source, 'smtp-status');
  assert.equal(mismatch.range.start.line, line);
  assert.match(hoverText(result.hover), /Bad destination mailbox address/);
});

test('Neovim follows a message id: definition, references, highlights and the timeline hover', () => {
  const file = join(ROOT, 'test', 'fixtures', 'demo', 'trace', 'postfix.log');
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes('4R1bBc2DfGz9xYq: removed'));
  const character = lines[line]!.indexOf('4R1bBc2DfGz9xYq') + 2;
  const result = runNeovim(file, 'maillog', line, character, true);
  assert.deepEqual(result.errors, []);
  const definition = Array.isArray(result.definition) ? result.definition[0] : result.definition;
  assert.equal(definition?.range.start.line, lines.findIndex((text) => text.includes('4R1bBc2DfGz9xYq: client=')));
  const referenced = [...new Set((result.references ?? []).map((r) => r.range.start.line))].sort((a, b) => a - b);
  assert.deepEqual(referenced, lines.flatMap((text, n) => (/4R1bB[cdf]/.test(text) ? [n] : [])));
  assert.deepEqual([...new Set((result.highlights ?? []).map((h) => h.range.start.line))], lines.flatMap((text, n) => (text.includes('4R1bBc2DfGz9xYq') ? [n] : [])));
  assert.match(hoverText(result.hover).replace(/\\(.)/g, '$1'), /2 recipients: 1 sent, 1 bounced 5\.1\.1 userunknown, 4\.2 s/);
});
