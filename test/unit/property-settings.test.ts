// Bad settings are ignored with one clear warning naming the setting, and the defaults
// are kept: example cases for each kind of mistake, then arbitrary JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, RULES, VENDOR_IDS, parseSettings } from '../../server/src/service';
import type { Settings } from '../../server/src/service/types';

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));
const SEVERITY_SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const VENDORS: ReadonlySet<string> = new Set(VENDOR_IDS);
const RUNS = { seed: 6061, numRuns: 300 } as const;

function assertWellFormed(settings: Settings): void {
  assert.ok(Number.isInteger(settings.maxProblems) && settings.maxProblems >= 0, `maxProblems ${settings.maxProblems}`);
  assert.ok(settings.vendors.every((v) => VENDORS.has(v)), `vendors ${JSON.stringify(settings.vendors)}`);
  assert.equal(new Set(settings.vendors).size, settings.vendors.length, 'vendors listed once');
  for (const [rule, severity] of Object.entries(settings.severities)) {
    assert.ok(RULE_IDS.has(rule), `known rule ${rule}`);
    assert.ok(SEVERITY_SETTINGS.has(severity as string), `severity ${String(severity)}`);
  }
}

/** One bad value each: [what the user wrote, the setting the warning must name]. */
const BAD: readonly [Record<string, unknown>, string][] = [
  [{ maxProblems: -1 }, 'maxProblems'],
  [{ maxProblems: 'ten' }, 'maxProblems'],
  [{ maxProblems: 2.5 }, 'maxProblems'],
  [{ maxProblems: true }, 'maxProblems'],
  [{ maxProblems: { value: 3 } }, 'maxProblems'],
  [{ rules: 'error' }, 'rules'],
  [{ rules: ['class-mismatch'] }, 'rules'],
  [{ rules: { 'no-such-rule': 'error' } }, 'no-such-rule'],
  [{ rules: { 'class-mismatch': 'fatal' } }, 'class-mismatch'],
  [{ rules: { 'class-mismatch': 2 } }, 'class-mismatch'],
  [{ rules: { 'class-mismatch': 'Error' } }, 'class-mismatch'],
  [{ vendors: 'microsoft' }, 'vendors'],
  [{ vendors: { microsoft: 'yes' } }, 'microsoft'],
  [{ vendors: { hotmail: true } }, 'hotmail'],
];

test('each bad setting is ignored with exactly one warning naming it, and the defaults are kept', () => {
  for (const [raw, name] of BAD) {
    const { settings, warnings } = parseSettings(raw);
    assert.deepEqual(settings, DEFAULT_SETTINGS, `${JSON.stringify(raw)} keeps the defaults`);
    assert.equal(warnings.length, 1, `${JSON.stringify(raw)}: one warning, got ${JSON.stringify(warnings)}`);
    assert.ok(warnings[0]!.includes(name), `${JSON.stringify(raw)}: "${warnings[0]}" names ${name}`);
  }
});

test('good settings next to bad ones still apply', () => {
  const { settings, warnings } = parseSettings({
    maxProblems: -5,
    rules: { 'class-mismatch': 'off', 'permanence': 'loud', 'made-up': 'error', 'unusual-pairing': 'error' },
    vendors: { microsoft: true, google: 'no' },
  });
  assert.equal(settings.maxProblems, DEFAULT_SETTINGS.maxProblems);
  assert.equal(settings.severities['class-mismatch'], 'off');
  assert.equal(settings.severities['unusual-pairing'], 'error');
  assert.equal(settings.severities['permanence'], DEFAULT_SETTINGS.severities['permanence']);
  assert.ok(settings.vendors.includes('microsoft'));
  assert.equal(settings.vendors.includes('google'), DEFAULT_SETTINGS.vendors.includes('google'));
  assert.equal(warnings.length, 4, JSON.stringify(warnings));
  for (const name of ['maxProblems', 'permanence', 'made-up', 'google']) {
    assert.equal(warnings.filter((w) => w.includes(name)).length, 1, `one warning names ${name}: ${JSON.stringify(warnings)}`);
  }
});

test('absent settings are no mistake', () => {
  for (const raw of [undefined, null, {}, { rules: {} }, { vendors: {} }]) {
    assert.deepEqual(parseSettings(raw), { settings: DEFAULT_SETTINGS, warnings: [] }, JSON.stringify(raw));
  }
});

test('object-prototype keys are unknown rule ids, not a way to change objects', () => {
  const raw = JSON.parse('{"rules": {"__proto__": "error", "constructor": "off", "toString": "hint"}, "__proto__": {"maxProblems": 1}}') as unknown;
  const { settings, warnings } = parseSettings(raw);
  assert.deepEqual(settings, DEFAULT_SETTINGS);
  assert.equal(warnings.length, 3, JSON.stringify(warnings));
  assert.equal(({} as Record<string, unknown>)['maxProblems'], undefined, 'Object.prototype unchanged');
});

test('for arbitrary JSON, parseSettings never throws and returns well-formed settings', () => {
  const ruleKey = fc.oneof(fc.constantFrom(...RULE_IDS), fc.string({ maxLength: 12 }));
  const severity = fc.oneof(fc.constantFrom(...SEVERITY_SETTINGS), fc.jsonValue({ maxDepth: 1 }));
  const nearlyValid = fc.record({
    rules: fc.oneof(fc.dictionary(ruleKey, severity, { maxKeys: 5 }), fc.jsonValue({ maxDepth: 1 })),
    vendors: fc.oneof(fc.dictionary(fc.constantFrom('microsoft', 'google', 'yahoo', 'hotmail'), fc.jsonValue({ maxDepth: 0 })), fc.jsonValue({ maxDepth: 1 })),
    maxProblems: fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double(), fc.jsonValue({ maxDepth: 0 })),
  }, { requiredKeys: [] });
  fc.assert(fc.property(fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 3 })), (raw) => {
    const { settings, warnings } = parseSettings(raw);
    assertWellFormed(settings);
    assert.ok(warnings.every((w) => typeof w === 'string' && w.length > 0));
  }), RUNS);
});
