// The injection grammar adds code colours to VS Code's `log` language (scope text.log). The
// tests inject into our own small host grammar that, like the built-in one, colours numbers and
// dotted names: the injected code scopes must win over them, and traps must stay the host's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { LOG_CODE_CASES, LOG_TRAPS } from './log-cases';
import { CODE, LOG_SCOPE, TEST_LOG_HOST, codeTokens, loadGrammar, tokenize } from './textmate';

describe('log injection grammar', () => {
  let injected: IGrammar;
  let plain: IGrammar;
  before(async () => {
    injected = await loadGrammar(LOG_SCOPE, { logGrammarPath: TEST_LOG_HOST, inject: true });
    plain = await loadGrammar(LOG_SCOPE, { logGrammarPath: TEST_LOG_HOST });
  });

  for (const [what, line, expected] of LOG_CODE_CASES) {
    it(`colours ${what} inside text.log`, () => {
      assert.deepEqual(codeTokens(injected, [line]), expected);
    });
  }

  it('leaves the traps to the host grammar', () => {
    for (const line of LOG_TRAPS) assert.deepEqual(codeTokens(injected, [line]), [], line);
  });

  it('keeps the host grammar working before, around and after an injected code', () => {
    const tokens = tokenize(injected, ['ERROR 12:00:01 delivery to mx.example.com failed: said: 550 5.1.1 see mx2.example.com']);
    const scopesOf = (text: string) => tokens.find((t) => t.text === text)?.scopes;
    assert.deepEqual(scopesOf('ERROR'), [LOG_SCOPE, 'keyword.level.log-host']);
    assert.deepEqual(scopesOf('mx.example.com'), [LOG_SCOPE, 'constant.other.dotted.log-host']);
    assert.deepEqual(scopesOf('550'), [LOG_SCOPE, 'meta.codes.smtp', CODE.permanent]);
    assert.deepEqual(scopesOf('mx2.example.com'), [LOG_SCOPE, 'meta.codes.smtp', 'constant.other.dotted.log-host']);
  });

  it('ends its region with the line', () => {
    const tokens = tokenize(injected, ['said: 550 5.1.1', '2024-05-01 250']);
    assert.deepEqual(tokens.filter((t) => t.line === 1).map((t) => t.scopes), [[LOG_SCOPE, 'comment.date.log-host'], [LOG_SCOPE], [LOG_SCOPE, 'constant.numeric.log-host']]);
  });

  it('colours nothing without the injection', () => {
    for (const [, line] of LOG_CODE_CASES) assert.deepEqual(codeTokens(plain, [line]), []);
  });
});

describe('class 4 colour in the default themes', () => {
  // Read from code-server 4.100.3's theme-defaults: the Log language colours its numbers
  // `constant.language` and the themes colour class 4 (`markup.changed`) with the same blue, while
  // success (`markup.inserted`) and permanent failure (`markup.deleted`) have colours of their own.
  const THEMES = {
    'Default Dark Modern': { logNumber: '#569CD6', success: '#B5CEA8', permanent: '#CE9178' },
    'Default Dark+': { logNumber: '#569CD6', success: '#B5CEA8', permanent: '#CE9178' },
    'Visual Studio Dark': { logNumber: '#569CD6', success: '#B5CEA8', permanent: '#CE9178' },
    'Default Light Modern': { logNumber: '#0000FF', success: '#098658', permanent: '#A31515' },
    'Default Light+': { logNumber: '#0000FF', success: '#098658', permanent: '#A31515' },
    'Visual Studio Light': { logNumber: '#0000FF', success: '#098658', permanent: '#A31515' },
  } as const;

  it('the contributed default gives class 4 a colour apart from Log numbers, success and permanent failure', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configurationDefaults: { 'editor.tokenColorCustomizations': Record<string, { textMateRules: { scope: string[]; settings: { foreground: string } }[] }> } };
    };
    const byTheme = manifest.contributes.configurationDefaults['editor.tokenColorCustomizations'];
    for (const [theme, colours] of Object.entries(THEMES)) {
      const rule = byTheme[`[${theme}]`]?.textMateRules.find((r) => r.scope.includes('markup.changed.transient.smtp'));
      assert.ok(rule, theme);
      const colour = rule.settings.foreground.toUpperCase();
      for (const other of Object.values(colours)) assert.notEqual(colour, other, `${theme}: ${colour}`);
    }
  });
});
