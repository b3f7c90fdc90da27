// Every regex of every grammar must be valid for oniguruma (what VS Code runs) and for
// JavaScript (so the ReDoS checker can read it). No regex is skipped: the grammars avoid
// oniguruma-only syntax on purpose. Catastrophic backtracking is checked, for the grammars
// and the sources together, by test/unit/regex-audit.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { GRAMMAR_FILES, grammarStrings, loadOnigLib } from './textmate';

const REGEX_KEYS = new Set(['match', 'begin', 'end', 'while']);
const sources = [...new Set(Object.values(GRAMMAR_FILES).flatMap((file) => grammarStrings(file, REGEX_KEYS)))];

describe('grammar regex audit', () => {
  it('finds the regexes to audit', () => {
    assert.ok(sources.length >= 25, `only ${sources.length} regexes found`);
  });

  it('compiles every regex in oniguruma and in JavaScript', async () => {
    await loadOnigLib();
    for (const source of sources) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), source);
      assert.doesNotThrow(() => new RegExp(source), source);
    }
  });
});
