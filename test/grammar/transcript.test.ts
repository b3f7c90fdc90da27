// The smtp-transcript grammar: replies coloured by class, commands and direction markers scoped.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { CODE, codeTokens, loadGrammar, scopeOf, tokenize } from './textmate';

const { success: OK, intermediate: MID, transient: TEMP, permanent: PERM } = CODE;
const COMMAND = 'support.function.command.smtp';

const DIALOGUE = [
  'S: 220 mx.example.com ESMTP Postfix 2.5.1 (Debian/GNU) ready at 2024-05-01 12:00:00',
  'C: EHLO client.example.org',
  'S: 250-mx.example.com Hello [10.5.1.1]',
  'S: 250-SIZE 10240000',
  'S: 250 8BITMIME',
  'C: MAIL FROM:<a@example.org> SIZE=550',
  'S: 250 2.1.0 Ok',
  'C: RCPT TO:<b@example.com>',
  'S: 550-5.1.1 The email account that you tried to reach does not exist.',
  'S: 550 5.1.1 https://support.example.com/answer/6596 section 4.5.3.1',
  '>>> RCPT TO:<c@example.com>',
  '<<< 451 4.7.1 Greylisted, try again in 300 seconds',
  'C: DATA',
  'S: 354 End data with <CR><LF>.<CR><LF>',
  'C: QUIT',
  'S: 221 2.0.0 Bye',
];

describe('smtp-transcript grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('text.smtp-transcript');
  });

  it('colours every reply and enhanced code of a dialogue, and nothing else', () => {
    assert.deepEqual(codeTokens(grammar, DIALOGUE), [
      ['220', OK], ['250', OK], ['250', OK], ['250', OK], ['250', OK], ['2.1.0', OK],
      ['550', PERM], ['5.1.1', PERM], ['550', PERM], ['5.1.1', PERM], ['451', TEMP], ['4.7.1', TEMP],
      ['354', MID], ['221', OK], ['2.0.0', OK],
    ]);
  });

  it('scopes client commands and direction markers', () => {
    const tokens = tokenize(grammar, DIALOGUE);
    const commands = tokens.filter((t) => t.scopes.includes(COMMAND)).map((t) => t.text);
    assert.deepEqual(commands, ['EHLO', 'MAIL FROM', 'RCPT TO', 'RCPT TO', 'DATA', 'QUIT']);
    assert.equal(scopeOf(grammar, ['S: 250 Ok'], 'S:'), 'punctuation.definition.direction.server.smtp');
    assert.equal(scopeOf(grammar, ['>>> QUIT'], '>>>'), 'punctuation.definition.direction.client.smtp');
  });

  it('reads dialogues without markers and with other tools\' markers', () => {
    assert.deepEqual(codeTokens(grammar, ['250-PIPELINING', '  550 5.7.1 Relay denied', '<** 554 5.7.1 rejected', 'SERVER -> CLIENT: 421 4.4.2 timeout']), [
      ['250', OK], ['550', PERM], ['5.7.1', PERM], ['554', PERM], ['5.7.1', PERM], ['421', TEMP], ['4.4.2', TEMP],
    ]);
    assert.equal(scopeOf(grammar, ['rcpt to:<x@example.com>'], 'rcpt to'), COMMAND);
    // Exim's debug output while receiving: it sent `SMTP>> 550`, it received `SMTP<< rcpt to`.
    assert.deepEqual(codeTokens(grammar, ['SMTP<< rcpt to:<b@example.net>', 'SMTP>> 550 5.7.1 relay not permitted']), [['550', PERM], ['5.7.1', PERM]]);
    assert.equal(scopeOf(grammar, ['SMTP>> 550 relay not permitted'], 'SMTP>>'), 'punctuation.definition.direction.server.smtp');
    assert.equal(scopeOf(grammar, ['SMTP<< rcpt to:<b@example.net>'], 'rcpt to'), COMMAND);
    assert.equal(scopeOf(grammar, ['-> Mail From:<x@example.com>'], 'Mail From'), COMMAND);
  });

  it("reads client tools' output: curl, smtplib, swaks errors, msmtp and Sendmail -v's 050 lines", () => {
    assert.deepEqual(codeTokens(grammar, [
      '< 250-smtp.example.com',
      "reply: b'550 5.1.1 <bob@example.com>: Recipient address rejected\\r\\n'",
      '<~* 554 5.7.1 rejected',
      '050 250 2.1.0 Ok',
      '050 <<< 451 4.7.1 Greylisted',
      '<340 bytes encoded mime message>',
      '050 >>> RCPT To:<bob@example.com>',
      '<-- 221 2.0.0 Bye',
    ]), [
      ['250', OK], ['550', PERM], ['5.1.1', PERM], ['554', PERM], ['5.7.1', PERM], ['250', OK], ['2.1.0', OK], ['451', TEMP], ['4.7.1', TEMP],
      ['221', OK], ['2.0.0', OK],
    ]);
    const commands = tokenize(grammar, ['> EHLO client.example.org', "send: 'mail FROM:<a@example.org>\\r\\n'", '**> DATA', '*~> QUIT', '--> RSET'])
      .filter((t) => t.scopes.includes(COMMAND)).map((t) => t.text);
    assert.deepEqual(commands, ['EHLO', 'mail FROM', 'DATA', 'QUIT', 'RSET']);
  });

  it('does not colour numbers in reply text or client arguments', () => {
    assert.deepEqual(codeTokens(grammar, [
      'C: MAIL FROM:<550@example.com> SIZE=5.1.1',
      'S: 250-AUTH PLAIN LOGIN 10.5.1.1 v5.4.6-rc2',
      'C: EHLO 5.1.1.1',
      'Connected to 192.0.2.1 port 25 at 12:00:01',
    ]), [['250', OK]]);
  });
});
