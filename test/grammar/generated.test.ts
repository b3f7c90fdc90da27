// The committed grammars are exactly what syntaxes/generate.mjs produces, carry the scope names
// package.json contributes, and end every scope in `.smtp` so users can recolour them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GRAMMAR_FILES, INJECTION_SCOPE, REPO_ROOT, grammarStrings } from './textmate';

const readGrammar = (file: string): { name?: unknown; scopeName?: unknown; injectionSelector?: unknown } =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

describe('generated grammars', () => {
  it('are up to date with syntaxes/generate.mjs', () => {
    assert.doesNotThrow(() => execFileSync(process.execPath, [path.join(REPO_ROOT, 'syntaxes', 'generate.mjs'), '--check'], { stdio: 'pipe' }));
  });

  it('declare the scope names of the Languages table', () => {
    for (const [scopeName, file] of Object.entries(GRAMMAR_FILES)) assert.equal(readGrammar(file).scopeName, scopeName, file);
    // Injected with priority into the built-in log language, but not into its own region.
    assert.equal(readGrammar(GRAMMAR_FILES[INJECTION_SCOPE] as string).injectionSelector, 'L:text.log -meta.codes.smtp');
  });

  it('end every scope name in .smtp', () => {
    for (const file of Object.values(GRAMMAR_FILES)) {
      const displayName = readGrammar(file).name;
      const scopes = grammarStrings(file, new Set(['name'])).filter((name) => name !== displayName);
      assert.ok(scopes.length > 0, file);
      for (const scope of scopes) assert.match(scope, /\.smtp$/, `${file}: ${scope}`);
    }
  });
});
