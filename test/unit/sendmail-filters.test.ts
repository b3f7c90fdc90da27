// Configs beyond access maps: Sendmail error-mailer rules (.cf and .mc LOCAL_RULESETS),
// Postfix DSN filters, and the numbers in configs that are not codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLines } from '../../server/src/scan';
import { analyzeText } from '../../server/src/service';

function found(text: string): string[] {
  return scanLines(text.split('\n'), 'config').flat().map((f) => `${f.line + 1}:${f.kind === 'reply' ? 'R' : 'E'}:${f.text}@${f.context}`);
}

test('Sendmail $#error rules: $@ holds the enhanced code, $: the reply', () => {
  const cf = [
    'SLocal_check_rcpt',
    'R$*\t\t\t$: $&{client_addr}',
    'R$*\t\t\t$#error $@ 5.7.1 $: "550 Relaying denied"',
    'R<?>$+\t\t$#error $@ 5.7.1 $: "550 Rejected: " $&{client_addr} " listed at bl.example.org"',
    'R$*\t\t\t$#error $: 553 Header error',
    'R$*\t\t\t$#error $@ 4.7.1 $: "451 Greylisted, try again later"',
  ].join('\n');
  assert.deepEqual(found(cf), [
    '3:E:5.7.1@sendmail-rule', '3:R:550@sendmail-rule',
    '4:E:5.7.1@sendmail-rule', '4:R:550@sendmail-rule',
    '5:R:553@sendmail-rule',
    '6:E:4.7.1@sendmail-rule', '6:R:451@sendmail-rule',
  ]);
  const [enhanced, reply] = scanLines(['R$*\t$#error $@ 5.7.1 $: "450 later"'], 'config')[0]!;
  assert.equal(enhanced!.partner?.text, '450', 'the two halves of the rule are one pair');
  assert.equal(reply!.partner?.text, '5.7.1');
  assert.deepEqual(analyzeText('R$*\t$#error $@ 5.7.1 $: "450 later"', 'config').problems.map((p) => `${p.rule}:${p.severity}`), ['class-mismatch:warning']);
});

test('Sendmail rule numbers, macros, options and mailer fields are no codes', () => {
  const cf = [
    'DZ8.15.2',
    'O MaxMessageSize=10000000',
    'O Timeout.queuereturn=5d',
    'Msmtp,\t\tP=[IPC], F=mDFMuX, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,',
    'S98',
    'R$* $| $+\t\t$: $>98 $1',
    'R<$+> <ERROR:$-.$-.$-:$+> <$*>\t$#error $@ $1.$2.$3 $: $4',
    '#R$*\t\t$#error $@ 5.7.1 $: "Access denied"',
    "define(`confMAX_MESSAGE_SIZE', `10485760')dnl",
    'dnl R$*\t\t$#error $@ 5.7.1 $: "550 Access denied"',
    'dnl# old rule: R$*\t$#error $@ 4.7.1 $: "451 later"',
  ].join('\n');
  assert.deepEqual(found(cf), []);
});

test('Postfix DSN filters: the result is an enhanced code; $1 substitutions are not', () => {
  const filter = [
    '/^4\\.7\\.1 .*spamhaus/      5.7.1 Listed at Spamhaus, see the bounce',
    '/^(4\\.\\d+\\.\\d+ TLS is required.+)/   5$1',
    '/^4(\\.\\d+\\.\\d+ .+)/   5$1',
  ].join('\n');
  assert.deepEqual(found(filter), ['1:E:5.7.1@config-access']);
});

test('main.cf and postscreen settings: *_code values only; limits, thresholds and ports are no codes', () => {
  const main = [
    'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination',
    'unverified_recipient_reject_code = 550',
    'maps_rbl_reject_code = 554',
    'postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*3, bl.example.org*2',
    'postscreen_dnsbl_threshold = 3',
    'postscreen_greet_wait = ${stress?{2}:{6}}s',
    'message_size_limit = 10240000',
    'smtpd_client_connection_rate_limit = 30',
    'relayhost = [smtp.example.net]:587',
    '/^Subject:.{1,250}free money/     REJECT 5.7.1 No spam here',
    '# smtpd_reject_code = 554 5.7.1 was the old default',
  ].join('\n');
  assert.deepEqual(found(main), [
    '2:R:550@config-reject-code', '3:R:554@config-reject-code', '10:E:5.7.1@config-access',
    '11:R:554@pair', '11:E:5.7.1@pair',
  ]);
});
