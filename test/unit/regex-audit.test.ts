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
  type Inventory,
} from '../regex-inventory';

/**
 * recheck decides with its automaton checker where the automaton stays small (exact), with
 * its fuzzer otherwise. Limits are in steps, not time, so verdicts do not depend on how busy
 * the machine is; the timeout only guards against a hang. A "vulnerable" verdict is replayed on
 * the attack string found (recall validation), which discards the false alarms bounded
 * repeats like `{0,255}` produce.
 */
const PARAMS = {
  timeout: 60_000,
  maxNFASize: 3000,
  maxIteration: 3,
  maxAttackStringSize: 30_000,
  attackLimit: 100_000_000,
  recallTimeout: 1000,
} as const;
/** recheck's clock runs while checks compete for the CPU: run no more at once than there are cores. */
const PARALLEL = Math.max(1, os.availableParallelism());

interface Verdict { readonly origins: readonly string[]; readonly source: string; readonly flags: string; readonly result: Diagnostics }

/** Maps `items` through `f`, at most `limit` at a time, keeping their order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Checks each distinct pattern once (grammars share many). */
async function audit(inventory: Inventory): Promise<Verdict[]> {
  const distinct = new Map<string, { source: string; flags: string; origins: string[] }>();
  for (const e of inventory.entries) {
    // recheck knows the flags g, i, m, s, u, y; `d` (indices) does not change matching.
    const flags = e.flags.replace('d', '');
    const key = `/${e.source}/${flags}`;
    const seen = distinct.get(key);
    if (seen) seen.origins.push(e.origin);
    else distinct.set(key, { source: e.source, flags, origins: [e.origin] });
  }
  return mapLimited([...distinct.values()], PARALLEL, async ({ source, flags, origins }) => {
    return { origins, source, flags, result: await check(source, flags, PARAMS) };
  });
}

function describe(v: Verdict): string {
  const { result } = v;
  const detail = result.status === 'vulnerable'
    ? `${result.complexity.summary}, attack ${JSON.stringify(result.attack.pattern)}`
    : result.status === 'unknown' ? `unknown (${result.error.kind})` : result.status;
  return `${v.origins.join(', ')}: /${v.source}/${v.flags} -> ${detail}`;
}

/** Fails on any vulnerable or undecided expression; prints what was checked and what could not be. */
async function assertSafe(label: string, inventory: Inventory, report: (line: string) => void): Promise<void> {
  const verdicts = await audit(inventory);
  const bad = verdicts.filter((v) => v.result.status !== 'safe');
  const byChecker = (checker: string): number => verdicts.filter((v) => v.result.status === 'safe' && v.result.checker === checker).length;
  const translated = inventory.entries.filter((e) => e.translations.length > 0).length;
  report(`${label}: ${inventory.entries.length} expressions (${verdicts.length} distinct, ${translated} translated from Oniguruma) checked: `
    + `${byChecker('automaton')} proven safe by automaton, ${byChecker('fuzz')} safe by fuzzing, ${bad.length} not safe; `
    + `${inventory.unchecked.length} not checkable`);
  for (const u of inventory.unchecked) report(`  not checkable: ${u.origin}: ${u.text} (${u.reason})`);
  assert.deepEqual(bad.map(describe), [], `${label}: expressions with catastrophic backtracking or undecided`);
}

test('recheck runs here and recognises a catastrophic pattern', async () => {
  const vulnerable = await check('^(a+)+$', '', PARAMS);
  assert.equal(vulnerable.status, 'vulnerable');
  const safe = await check('^\\d{3}[ -]\\d\\.\\d{1,3}\\.\\d{1,3}$', '', PARAMS);
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
