// The mail-dsn grammar: RFC 3464 fields, codes in the human-readable part of bounces from
// Postfix, Exim, Sendmail, Gmail and Exchange, and headers full of code-like numbers.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { CODE, codeTokens, loadGrammar, scopeOf } from './textmate';

const { success: OK, transient: TEMP, permanent: PERM, malformed: BAD } = CODE;
const DSN_FIELD = 'support.type.field.dsn.smtp';

const BOUNCE = [
  'Received: from mx1.example.com (mx1.example.com [10.5.1.1]) by mx2 (Postfix 2.5.1) with ESMTP id 644D53D',
  'Date: Sat, 28 Nov 2026 16:10:01 +0000 (UTC)',
  'X-Mailer: OpenSSL 1.1.1w test 5.4.6-rc2',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="644D53D.1701187801/mx1"',
  '',
  '<a@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: Recipient',
  '    address rejected: User unknown (in reply to RCPT TO command)',
  '',
  'Reporting-MTA: dns; mx1.example.com',
  'Arrival-Date: Sat, 28 Nov 2026 16:10:01 +0000 (UTC)',
  '',
  'Final-Recipient: rfc822; a@example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Remote-MTA: dns; mx.example.com',
  'Diagnostic-Code: smtp; 550 5.1.1 <a@example.com>: Recipient address rejected',
];

describe('mail-dsn grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('text.mail-dsn');
  });

  it('colours the codes of a Postfix bounce and leaves its headers alone', () => {
    assert.deepEqual(codeTokens(grammar, BOUNCE), [
      ['550', PERM], ['5.1.1', PERM], ['5.1.1', PERM], ['550', PERM], ['5.1.1', PERM],
    ]);
  });

  it('scopes DSN field names and colours the Action by the class it implies', () => {
    assert.equal(scopeOf(grammar, ['Status: 4.4.1'], 'Status'), DSN_FIELD);
    assert.equal(scopeOf(grammar, ['final-recipient: rfc822; a@example.com'], 'final-recipient'), DSN_FIELD);
    assert.equal(scopeOf(grammar, ['Subject: Undelivered Mail'], 'Subject'), 'support.type.field.header.smtp');
    assert.equal(scopeOf(grammar, ['Action: failed'], 'failed'), 'markup.deleted.outcome.smtp');
    assert.equal(scopeOf(grammar, ['Action: Delayed'], 'Delayed'), 'markup.changed.outcome.smtp');
    for (const action of ['delivered', 'relayed', 'expanded']) {
      assert.equal(scopeOf(grammar, [`Action: ${action}`], action), 'markup.inserted.outcome.smtp');
    }
    assert.equal(scopeOf(grammar, ['Diagnostic-Code: X-Postfix; connect to mx'], 'X-Postfix'), 'constant.other.diagnostic-type.smtp');
  });

  it('reads the Status and Diagnostic-Code variants seen in real bounces', () => {
    assert.deepEqual(codeTokens(grammar, [
      'Status: 5.0.0 (permanent failure)',
      'Status: 4.4.7',
      'Status: 2.0.0',
      'Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
      'Diagnostic-Code: SMTP; 550 #5.1.0 Address rejected.',
      'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try',
      '    550-5.1.1 double-check the recipient\'s email address for typos or',
      'Diagnostic-Code: smtp; 554 Service currently unavailable',
      'Diagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.1]:25: Connection timed out',
    ]), [
      ['5.0.0', PERM], ['4.4.7', TEMP], ['2.0.0', OK],
      ['550', PERM], ['5.1.1', PERM], ['550', PERM], ['5.1.0', PERM], ['550', PERM], ['5.1.1', PERM],
      ['550', PERM], ['5.1.1', PERM], ['554', PERM],
    ]);
  });

  it('marks malformed codes in the Status field', () => {
    assert.deepEqual(codeTokens(grammar, ['Status: 5.01.1', 'Status: 4.4.07', 'Status: 3.1.1', 'Status: 5.1']), [
      ['5.01.1', BAD], ['4.4.07', BAD], ['3.1.1', BAD], ['5.1', BAD],
    ]);
  });

  it('finds the code Exim puts on the line after the error', () => {
    assert.deepEqual(codeTokens(grammar, [
      '  a@example.com',
      '    SMTP error from remote mail server after RCPT TO:<a@example.com>:',
      '    550 Unknown user',
      '  b@example.com',
      '    SMTP error from remote mail server after MAIL FROM:<c@example.org> SIZE=1543:',
      '    host mx.example.jp [192.0.2.20]: 550 5.7.0 <c@example.org>... Please use your ISP',
      '  250 is not a code on this line',
    ]), [['550', PERM], ['550', PERM], ['5.7.0', PERM]]);
  });

  it('colours the transcript a Sendmail bounce quotes', () => {
    assert.deepEqual(codeTokens(grammar, [
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.com.:',
      '>>> DATA',
      '<<< 554 5.7.1 Message rejected as spam',
      '554 5.0.0 Service unavailable',
    ]), [['554', PERM], ['5.7.1', PERM], ['554', PERM], ['5.0.0', PERM]]);
  });

  it('colours Exchange NDR text', () => {
    assert.deepEqual(codeTokens(grammar, [
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found'",
      '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
    ]), [['550', PERM], ['5.1.10', PERM], ['550', PERM], ['5.1.1', PERM]]);
  });
});
