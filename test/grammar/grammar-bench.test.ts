// The grammar benchmark's measuring code runs end to end on a small text (no timing is asserted:
// only that every configuration ran over every line and produced figures).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { benchGrammars, findBuiltinLogGrammar } from '../bench/grammar-bench';
import { TEST_LOG_HOST } from './textmate';

const TEXT = [
  'Nov 28 16:10:01 mx1 postfix/smtp[550]: 644D53D: to=<a@example.com>, dsn=5.1.1, status=bounced (host mx[10.5.1.1] said: 550 5.1.1 no)',
  'Nov 28 16:10:02 mx1 postfix/smtpd[551]: connect from unknown[10.5.1.1]',
].join('\n');

describe('grammar benchmark', () => {
  it('compares mail-log with a log grammar and measures the injection', async () => {
    const result = await benchGrammars({ text: `${TEXT}\n`, rounds: 2, builtinLogGrammarPath: TEST_LOG_HOST });
    assert.equal(result.lines, 2);
    assert.equal(result.rounds, 2);
    assert.ok(!('skipped' in result.builtin));
    for (const summary of [result.mailLogLinesPerSecond, result.builtin.builtinLinesPerSecond, result.builtin.injectedLinesPerSecond,
      result.builtin.mailLogSpeedRatio, result.builtin.injectionSlowdown]) {
      assert.equal(summary.samples, 2);
      assert.ok(Number.isFinite(summary.median) && summary.median > 0);
    }
  });

  it('says why it skips the comparison when no built-in log grammar is installed', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-grammar-bench-'));
    try {
      assert.equal(findBuiltinLogGrammar(empty), undefined);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
    const result = await benchGrammars({ text: TEXT, rounds: 1, builtinLogGrammarPath: undefined });
    // Here the grammar is found exactly when code-server is installed under .vscode-test.
    assert.equal('skipped' in result.builtin, findBuiltinLogGrammar() === undefined);
    await assert.rejects(benchGrammars({ text: TEXT, rounds: 0 }), /rounds/);
  });
});
