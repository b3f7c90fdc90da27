// The mail-log grammar colours codes only where a Postfix, Exim, Sendmail or Exchange log line
// says they are codes, and leaves IPs, versions, dates, PIDs, delays and RFC sections alone.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { LOG_CODE_CASES, LOG_TRAPS, PREFIX } from './log-cases';
import { CODE, codeTokens, loadGrammar, scopeOf } from './textmate';

const { permanent: PERM } = CODE;

describe('mail-log grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('text.mail-log');
  });

  for (const [what, line, expected] of LOG_CODE_CASES) {
    it(`colours ${what}`, () => {
      assert.deepEqual(codeTokens(grammar, [line]), expected);
    });
  }

  it('leaves IPs, versions, PIDs, sizes, delays, dates and RFC sections uncoloured', () => {
    for (const line of LOG_TRAPS) assert.deepEqual(codeTokens(grammar, [line]), [], line);
  });

  it('colours the delivery outcome by the class it reports', () => {
    const line = (status: string) => [`${PREFIX}to=<a@example.com>, status=${status} (x)`];
    assert.equal(scopeOf(grammar, line('sent'), 'sent'), 'markup.inserted.outcome.smtp');
    assert.equal(scopeOf(grammar, line('deferred'), 'deferred'), 'markup.changed.outcome.smtp');
    assert.equal(scopeOf(grammar, line('bounced'), 'bounced'), 'markup.deleted.outcome.smtp');
    assert.equal(scopeOf(grammar, line('expired'), 'expired'), 'markup.deleted.outcome.smtp');
  });

  it('marks the dash of a multi-line reply as a continuation', () => {
    assert.equal(scopeOf(grammar, ['said: 550-5.1.1 no'], '-'), 'punctuation.separator.continuation.smtp');
  });

  it('survives empty, huge and binary-looking lines', () => {
    const huge = `said: ${'9'.repeat(100_000)} ${'5.'.repeat(50_000)}`;
    assert.deepEqual(codeTokens(grammar, ['', huge, '\u0000\uFFFD said: 550', 'said: 550']), [['550', PERM], ['550', PERM]]);
  });
});
