// The mail-config grammar: Postfix access maps, header checks and *_reject_code parameters,
// Exim ACLs, Sendmail access. Keys, IPs and ordinary numeric settings stay uncoloured.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { CODE, codeTokens, loadGrammar, scopeOf, tokenize } from './textmate';

const { transient: TEMP, permanent: PERM } = CODE;
const ACTION = 'keyword.control.action.smtp';
const KEY = 'variable.other.key.smtp';

describe('mail-config grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('source.mail-config');
  });

  it('colours Postfix access map results', () => {
    assert.deepEqual(codeTokens(grammar, [
      'spammer@example.com      REJECT 5.7.1 You are not welcome here',
      'example.org              550 No mail from you',
      '192.0.2.0/24             450 4.7.1 Try again later',
      'greylist.example.net     DEFER_IF_PERMIT 4.7.1 Greylisted',
      '10.5.1.1                 REJECT',
      '5.1.1.1                  OK',
      'friend@example.com       OK',
    ]), [['5.7.1', PERM], ['550', PERM], ['450', TEMP], ['4.7.1', TEMP], ['4.7.1', TEMP]]);
    assert.equal(scopeOf(grammar, ['10.5.1.1  REJECT'], 'REJECT'), ACTION);
    assert.equal(scopeOf(grammar, ['x  DEFER_IF_PERMIT 4.7.1 Greylisted'], 'DEFER_IF_PERMIT'), ACTION);
  });

  it('colours header_checks results after a regex key with spaces', () => {
    assert.deepEqual(codeTokens(grammar, ['/^Subject: .*cheap pills/   REJECT 5.7.1 Message content rejected']), [['5.7.1', PERM]]);
  });

  it('colours *_reject_code parameters and nothing else in main.cf', () => {
    assert.deepEqual(codeTokens(grammar, [
      '# Postfix 2.5.1 defaults; see RFC 5321 section 4.5.3.1',
      'smtpd_reject_code = 554',
      'unknown_client_reject_code = 450',
      'default_process_limit = 250',
      'message_size_limit = 10240000',
      'smtpd_tls_protocols = !SSLv2, !SSLv3, TLSv1.2',
      'mynetworks = 127.0.0.0/8 10.5.1.1/32 [::1]/128',
      'smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination, check_client_access hash:/etc/postfix/client_access, permit',
    ]), [['554', PERM], ['450', TEMP]]);
    assert.equal(scopeOf(grammar, ['smtpd_reject_code = 554'], 'smtpd_reject_code'), KEY);
    assert.equal(scopeOf(grammar, ['# Postfix 2.5.1'], '# Postfix 2.5.1'), 'comment.line.number-sign.smtp');
    const restrictions = tokenize(grammar, ['smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination, permit'])
      .filter((t) => t.scopes.includes(ACTION)).map((t) => t.text);
    assert.deepEqual(restrictions, ['permit_mynetworks', 'reject_unauth_destination', 'permit']);
  });

  it('colours Exim ACL messages and verbs', () => {
    assert.deepEqual(codeTokens(grammar, [
      'acl_check_rcpt:',
      '  deny    message       = 550 5.7.1 Relay not permitted for $sender_host_address',
      '          !hosts        = +relay_from_hosts',
      '  defer   message = 451 4.7.1 Greylisted, see section 4.5.3.1',
      '  deny    log_message   = 550 5.7.1 not a reply',
      '  accept  hosts = 10.5.1.1',
    ]), [['550', PERM], ['5.7.1', PERM], ['451', TEMP], ['4.7.1', TEMP]]);
    assert.equal(scopeOf(grammar, ['  deny    message = 550 x'], 'deny'), ACTION);
    assert.equal(scopeOf(grammar, ['  deny    message = 550 x'], 'message'), KEY);
  });

  it('colours Sendmail access ERROR results in both layouts', () => {
    assert.deepEqual(codeTokens(grammar, [
      'Connect:10.5.1.1         ERROR:"550 5.7.1 We do not accept mail from you"',
      'From:spammer@example.com ERROR:5.7.1:550 Go away',
      'To:old@example.com       ERROR:"450 Mailbox moved"',
      'Connect:192.0.2.9        RELAY',
    ]), [['550', PERM], ['5.7.1', PERM], ['5.7.1', PERM], ['550', PERM], ['450', TEMP]]);
    assert.equal(scopeOf(grammar, ['Connect:192.0.2.9   RELAY'], 'RELAY'), ACTION);
  });
});
