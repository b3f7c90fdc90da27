// ReDoS audit: every regular expression in the sources and the grammars is
// checked for catastrophic backtracking with recheck. Expressions that cannot be
// checked (built at run time, Oniguruma-only syntax) are counted and printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, type Diagnostics } from 'recheck';
import {
  allGrammarRegexes, sourceRegexes, translateOniguruma, typescriptRegexes,
  type Inventory, type RegexEntry,
} from '../regex-inventory';

/** Bounds one check; a pattern recheck cannot decide in time is reported, not passed silently. */
const CHECK_PARAMS = { timeout: 8000 } as const;

interface Verdict { readonly entry: RegexEntry; readonly result: Diagnostics }

async function audit(inventory: Inventory): Promise<Verdict[]> {
  // recheck's flags: it knows g, i, m, s, u, y; `d` (indices) does not change matching.
  return Promise.all(inventory.entries.map(async (entry) => ({
    entry, result: await check(entry.source, entry.flags.replace('d', ''), CHECK_PARAMS),
  })));
}

function describe(v: Verdict): string {
  const { entry, result } = v;
  const detail = result.status === 'vulnerable'
    ? `${result.complexity.summary}, attack ${JSON.stringify(result.attack.pattern)}`
    : result.status === 'unknown' ? `unknown (${result.error.kind})` : result.status;
  return `${entry.origin}: /${entry.source}/${entry.flags} -> ${detail}`;
}

/** Fails on any vulnerable or undecided expression; prints what was checked and what could not be. */
async function assertSafe(label: string, inventory: Inventory, report: (line: string) => void): Promise<void> {
  const verdicts = await audit(inventory);
  const bad = verdicts.filter((v) => v.result.status !== 'safe');
  const translated = inventory.entries.filter((e) => e.translations.length > 0).length;
  report(`${label}: ${verdicts.length} expressions checked (${translated} translated from Oniguruma), `
    + `${bad.length} not proven safe, ${inventory.unchecked.length} not checkable`);
  for (const u of inventory.unchecked) report(`  not checkable: ${u.origin}: ${u.text} (${u.reason})`);
  assert.deepEqual(bad.map(describe), [], `${label}: expressions with catastrophic backtracking or undecided`);
}

test('recheck runs here and recognises a catastrophic pattern', async () => {
  const vulnerable = await check('^(a+)+$', '', CHECK_PARAMS);
  assert.equal(vulnerable.status, 'vulnerable');
  const safe = await check('^\\d{3}[ -]\\d\\.\\d{1,3}\\.\\d{1,3}$', '', CHECK_PARAMS);
  assert.equal(safe.status, 'safe');
});

test('Oniguruma patterns are translated to equivalent JavaScript', () => {
  const cases: { onig: string; key: 'match' | 'end'; source: string; flags: string }[] = [
    { onig: '(?i)\\h+\\z', key: 'match', source: '[0-9A-Fa-f]+$', flags: 'i' },
    { onig: '\\A[[:alpha:]]++', key: 'match', source: '^[a-zA-Z]+', flags: '' },
    { onig: '(?>a|b)*?x', key: 'match', source: '(?:a|b)*?x', flags: '' },
    { onig: '(?i:dsn)=[]x]', key: 'match', source: '(?:dsn)=[\\]x]', flags: 'i' },
    { onig: '^(?!\\1)', key: 'end', source: '^(?!\\uE000)', flags: '' },
    { onig: '(?x) a \\d # comment\n b', key: 'match', source: 'a\\db', flags: '' },
    { onig: '(\\w)\\1', key: 'match', source: '(\\w)\\1', flags: '' },
  ];
  for (const c of cases) {
    const result = translateOniguruma(c.onig, c.key);
    assert.ok(result.ok, `${c.onig}: ${result.ok ? '' : result.reason}`);
    assert.equal(result.source, c.source, c.onig);
    assert.equal(result.flags, c.flags, c.onig);
    assert.ok(result.translations.length > 0 || c.onig === c.source, `${c.onig}: translation noted`);
  }
  for (const unsupported of ['a\\Kb', '[a&&b]', '(?~abc)', 'x{2}+', '[[:foo:]]', '(']) {
    const result = translateOniguruma(unsupported, 'match');
    assert.equal(result.ok, false, `${unsupported} is reported, not checked as something else`);
  }
});

test('the inventory resolves compile-time RegExp arguments and reports run-time ones', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regex-inventory-'));
  try {
    const file = path.join(dir, 'sample.ts');
    fs.writeFileSync(file, [
      "const CODE = '[245]\\\\d\\\\d';",
      'const ENHANCED = /[245]\\.\\d{1,3}\\.\\d{1,3}/;',
      'export const a = /\\bsaid:\\s/gi;',
      'export const b = new RegExp(`^${CODE}(?:[ -]|$)`, "y");',
      "export const c = RegExp(ENHANCED.source + '$');",
      "export const d = new RegExp(['dsn', 'status'].join('|'));",
      'export function e(x: string) { return new RegExp(x); }',
    ].join('\n'));
    const found = typescriptRegexes(file, dir);
    assert.deepEqual(found.entries.map((e) => [e.origin, e.source, e.flags]), [
      ['sample.ts:2', '[245]\\.\\d{1,3}\\.\\d{1,3}', ''],
      ['sample.ts:3', '\\bsaid:\\s', 'gi'],
      ['sample.ts:4', '^[245]\\d\\d(?:[ -]|$)', 'y'],
      ['sample.ts:5', '[245]\\.\\d{1,3}\\.\\d{1,3}$', ''],
      ['sample.ts:6', 'dsn|status', ''],
    ]);
    assert.deepEqual(found.unchecked.map((u) => [u.origin, u.text]), [['sample.ts:7', 'new RegExp(x)']]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no regular expression in the TypeScript sources can backtrack catastrophically', async (t) => {
  const inventory = sourceRegexes();
  assert.ok(inventory.entries.length > 0, 'the inventory found the sources\' regular expressions');
  await assertSafe('sources', inventory, (line) => t.diagnostic(line));
});

test('no grammar pattern can backtrack catastrophically', async (t) => {
  const inventory = allGrammarRegexes();
  assert.ok(inventory.entries.length + inventory.unchecked.length > 0, 'the inventory found the grammars\' patterns');
  await assertSafe('grammars', inventory, (line) => t.diagnostic(line));
});
