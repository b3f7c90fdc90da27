// The injection grammar adds code colours to VS Code's `log` language (scope text.log). The
// tests inject into our own small host grammar that, like the built-in one, colours numbers and
// dotted names: the injected code scopes must win over them, and traps must stay the host's.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { LOG_CODE_CASES, LOG_TRAPS } from './mail-log.test';
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

  it('keeps the host scopes around an injected code', () => {
    const line = 'ERROR 12:00:01 delivery to mx.example.com failed: said: 550 5.1.1 user unknown';
    const code = tokenize(injected, [line]).find((t) => t.text === '550');
    assert.deepEqual(code?.scopes, [LOG_SCOPE, CODE.permanent]);
    const host = tokenize(injected, [line]).find((t) => t.text === 'mx.example.com');
    assert.deepEqual(host?.scopes, [LOG_SCOPE, 'constant.other.dotted.log-host']);
  });

  it('colours nothing without the injection', () => {
    for (const [, line] of LOG_CODE_CASES) assert.deepEqual(codeTokens(plain, [line]), []);
  });
});
