// Exim's formats, on lines of our own in the shapes Exim writes: main and reject log lines
// (deliveries with their `C="..."` confirmation, SMTP and LMTP errors in the old and new
// orders, callout responses, rejections, deferrals) and the output of `exim -bh` / `-bs`
// sessions. Each test says which codes are found, in which context, and which numbers on
// the same lines are not codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLines } from '../../server/src/scan';
import type { Finding } from '../../server/src/scan/types';
import { analyzeText, DEFAULT_SETTINGS, detectKind } from '../../server/src/service';
import type { DocumentKind } from '../../server/src/service/types';

/** `kind:text@context` of each finding, in order. */
function found(text: string, kind: DocumentKind = 'log'): string[] {
  return scanLines(text.split('\n'), kind).flat().map((f: Finding) => `${f.kind === 'reply' ? 'R' : 'E'}:${f.text}@${f.context}`);
}

const DAY = '2026-12-03 10:15:42';

test('delivery lines: the C="..." confirmation is found; ids, sizes, ports and cipher bits are not', () => {
  const cases: readonly [string, string[]][] = [
    [`${DAY} 1rAbCd-0001Xy-AB => bob@example.com R=dnslookup T=remote_smtp S=2345 H=mx.example.com [192.0.2.25]:25 `
      + 'X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK id=1rAbCe-0001Xz-CD" QT=2s DT=1s',
    ['R:250@exim-confirmation', 'E:2.0.0@exim-confirmation']],
    // Exim 4.97 and later: 23-character message ids.
    [`${DAY}.512 [4242] 1rAbCd-0000000001Xy-ABCD -> carol@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25] `
      + 'C="250 OK id=1rAbCe-00000000Abc-0Xyz"',
    ['R:250@exim-confirmation']],
    // The certificate's DN holds `C=` too, without the quote: only the confirmation counts.
    [`${DAY} 1rAbCd-0001Xy-AB => dave@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.7] `
      + 'DN="C=US,O=Example,CN=mx.example.org" C="250 2.0.0 Ok: queued as 4Xb9Zk1Qd2z"',
    ['R:250@exim-confirmation', 'E:2.0.0@exim-confirmation']],
    // The confirmation stated what the server said, even a malformed reply.
    [`${DAY} 1rAbCd-0001Xy-AB => erin@example.net R=dnslookup T=remote_smtp H=mx.example.net [203.0.113.9] C="850 accepted anyway"`,
      ['R:850@exim-confirmation']],
    // A local delivery and a suppressed one (`-N`): no reply was given.
    [`${DAY} 1rAbCd-0001Xy-AB => frank <frank@example.com> R=local_user T=local_delivery`, []],
    [`${DAY} 1rAbCd-0001Xy-AB *> grace@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25]`, []],
    [`${DAY} 1rAbCd-0001Xy-AB <= alice@example.org H=client.example.org [203.0.113.5]:52344 P=esmtps S=4521 id=20261203.abc@example.org`, []],
  ];
  for (const [line, expected] of cases) assert.deepEqual(found(line), expected, line);
});

test('SMTP errors in the new and the old order; the flattened second line of a reply is not read', () => {
  const cases: readonly [string, string[]][] = [
    [`${DAY} 1rAbCd-0001Xy-AB ** bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25]: `
      + 'SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 <bob@example.com>: Recipient address rejected',
    ['R:550@exim-error', 'E:5.1.1@exim-error']],
    [`${DAY} 1rAbCd-0001Xy-AB ** bob@example.com R=dnslookup T=remote_smtp: SMTP error from remote mail server after `
      + 'RCPT TO:<bob@example.com>: host mx.example.com [192.0.2.25]: 550-5.1.1 No such account here.\\n550 5.1.1 Check the address',
    ['R:550@exim-error', 'E:5.1.1@exim-error']],
    [`${DAY} 1rAbCd-0001Xy-AB == carol@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [198.51.100.7]: `
      + 'SMTP error from remote mail server after pipelined RCPT TO:<carol@example.net>: 451 4.7.1 Greylisted, try again in 300 seconds',
    ['R:451@exim-error', 'E:4.7.1@exim-error']],
    [`${DAY} 1rAbCd-0001Xy-AB H=mx.example.net [198.51.100.7]: SMTP error from remote mail server after MAIL FROM:<a@example.org> SIZE=2345: 452 Too many messages`,
      ['R:452@exim-error']],
    [`${DAY} 1rAbCd-0001Xy-AB == erin@example.com R=local_user T=lmtp defer (0) H=lmtp.example.com [192.0.2.9]: LMTP error after DATA: 452 4.2.2 Mailbox full`,
      ['R:452@exim-error', 'E:4.2.2@exim-error']],
    [`${DAY} 1rAbCd-0001Xy-AB ** frank@example.com R=local_user T=lmtp H=lmtp.example.com [192.0.2.9] : LMTP error after RCPT TO:<frank@example.com>: 550 No such user`,
      ['R:550@exim-error']],
    [`${DAY} 1rAbCd-0001Xy-AB H=mx.example.com [192.0.2.25]: Malformed SMTP reply in response to RCPT TO:<bob@example.com>: 550 The answer is no 12345 67890`,
      ['R:550@exim-error']],
  ];
  for (const [line, expected] of cases) assert.deepEqual(found(line), expected, line);
});

test('deferrals: negative errnos, retry times and delays are not codes', () => {
  for (const line of [
    `${DAY} 1rAbCd-0001Xy-AB == dave@example.org R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host for 'example.org'`,
    `${DAY} 1rAbCd-0001Xy-AB == dave@example.org R=dnslookup T=remote_smtp defer (111): Connection refused`,
    `${DAY} 1rAbCd-0001Xy-AB == dave@example.org R=dnslookup T=remote_smtp defer (-18): Remote host closed connection in response to end of data`,
    `${DAY} 1rAbCd-0001Xy-AB ** dave@example.org: retry timeout exceeded`,
    `${DAY} 1rAbCd-0001Xy-AB Completed QT=4d2h`,
  ]) assert.deepEqual(found(line), [], line);
});

test('callout responses and rejections in the main and reject logs', () => {
  const cases: readonly [string, string[]][] = [
    [`${DAY} H=(client.example.org) [203.0.113.5] sender verify fail for <a@example.org>: mx.example.org [198.51.100.3] : `
      + 'response to "RCPT TO:<a@example.org>" was: 550 5.1.1 No such user',
    ['R:550@exim-error', 'E:5.1.1@exim-error']],
    [`${DAY} H=(client.example.org) [203.0.113.5] F=<a@example.org> rejected RCPT <bob@example.com>: 192.0.2.7 [192.0.2.7] : `
      + 'response to "MAIL FROM:<>" was: 550 Go away',
    ['R:550@exim-error']],
    // Exim 4.9x names the host between the command and `was:`.
    [`${DAY} H=[192.0.2.44] U=root sender verify defer for <a@example.org>: Could not complete sender verify callout: `
      + 'response to "RCPT TO:<a@example.org>" from mx.example.org [198.51.100.3] was: 450-Try later\\n450 Really',
    ['R:450@exim-error']],
    [`${DAY} H=[192.0.2.44] U=root sender verify defer for <a@example.org>: Could not complete sender verify callout: `
      + '198.51.100.3 [198.51.100.3] Remote host closed connection in response to initial connection', []],
    [`${DAY} H=(client.example.org) [203.0.113.5] F=<a@example.org> rejected RCPT <bob@example.com>: 550 5.7.1 Relaying denied`,
      ['R:550@exim-reject', 'E:5.7.1@exim-reject']],
    [`${DAY} 1rAbCd-0001Xy-AB H=(client.example.org) [203.0.113.5] F=<> rejected after DATA: 554 5.7.0 Your message looks like spam`,
      ['R:554@exim-reject', 'E:5.7.0@exim-reject']],
    // An ACL message without a code, and one with a malformed code that still pairs with its class.
    [`${DAY} H=(client.example.org) [203.0.113.5] F=<a@example.org> temporarily rejected RCPT <bob@example.com>: greylisted`, []],
    [`${DAY} 1rAbCd-0001Xy-AB ** bob@example.com R=fail_router : 590 5.4.3 Routing loop`, ['R:590@pair', 'E:5.4.3@pair']],
    [`${DAY} configured error code starts with incorrect digit (expected 5) in "490 4.5.6 Try later"`, ['R:490@pair', 'E:4.5.6@pair']],
    [`${DAY} release 390 3.5.6 notes`, []],
  ];
  for (const [line, expected] of cases) assert.deepEqual(found(line), expected, line);
});

test('a delivery line reads as a success: no problem is reported on it', () => {
  const line = `${DAY} 1rAbCd-0001Xy-AB => bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25] C="250 2.0.0 OK id=1rAbCe-0001Xz-CD"`;
  assert.deepEqual(analyzeText(line, 'log', DEFAULT_SETTINGS).problems, []);
});

const BH_SESSION = [
  '',
  '**** SMTP testing session as if from host 192.0.2.44',
  '**** but without any ident (RFC 1413) callback.',
  '**** This is not for real!',
  '',
  '>>> host in hosts_connection_nolog? no (option unset)',
  '>>> host in host_lookup? yes (matched "*")',
  '220 mx.example.com ESMTP Exim 4.98 Thu, 03 Dec 2026 10:15:42 +0000',
  '250-mx.example.com Hello client.example.org [192.0.2.44]',
  '250-SIZE 52428800',
  '250-PIPELINING',
  '250 HELP',
  '250 OK',
  '>>> using ACL "acl_check_rcpt"',
  '>>> processing "deny" (/etc/exim4/exim4.conf 412)',
  '>>> deny: condition test succeeded in ACL "acl_check_rcpt"',
  'LOG: H=(client.example.org) [192.0.2.44] F=<a@example.org> rejected RCPT <b@example.net>: relay not permitted',
  '550 5.7.1 relay not permitted',
  '250 Accepted',
  '354 Enter message, ending with "." on a line by itself',
  '250 OK id=1rAbCd-0001Xy-AB',
  '',
  '**** SMTP testing: that is not a real message id!',
  '',
  '221 mx.example.com closing connection',
].join('\n');

test('exim -bh output is a transcript: bare replies are found, debug lines and banners are not', () => {
  assert.equal(detectKind('session.txt', BH_SESSION), 'transcript');
  assert.deepEqual(found(BH_SESSION, 'transcript'), [
    'R:220@transcript-reply', 'R:250@transcript-reply', 'R:250@transcript-reply', 'R:250@transcript-reply', 'R:250@transcript-reply',
    'R:250@transcript-reply', 'R:550@transcript-reply', 'E:5.7.1@transcript-reply', 'R:250@transcript-reply', 'R:354@transcript-reply',
    'R:250@transcript-reply', 'R:221@transcript-reply',
  ]);
  // The multi-line EHLO reply is one group; no rule objects to a well-formed session.
  const { findings, problems } = analyzeText(BH_SESSION, 'transcript', DEFAULT_SETTINGS);
  assert.deepEqual(findings.filter((f) => f.group !== undefined).map((f) => f.line), [9, 10, 11]);
  assert.deepEqual(problems.filter((p) => p.severity === 'error' || p.severity === 'warning'), []);
});

test('exim -bs with the commands echoed: replies answer the commands; message content is not read', () => {
  const session = [
    '220 mx.example.com ESMTP Exim 4.98 Thu, 03 Dec 2026 10:15:42 +0000',
    'ehlo client.example.org',
    '250-mx.example.com Hello client.example.org',
    '250 HELP',
    'mail from:<a@example.org>',
    '250 OK',
    'rcpt to:<nobody@example.com>',
    '550 5.1.1 Unknown user',
    'rcpt to:<bob@example.com>',
    '250 Accepted',
    'data',
    '354 Enter message, ending with "." on a line by itself',
    'Subject: 250 ways to say yes',
    '',
    '451 reasons are listed below',
    '.',
    '250 OK id=1rAbCd-0000000001Xy-ABCD',
    'quit',
    '221 mx.example.com closing connection',
  ].join('\n');
  assert.equal(detectKind('bs.txt', session), 'transcript');
  const findings = scanLines(session.split('\n'), 'transcript').flat();
  assert.deepEqual(findings.filter((f) => f.kind === 'reply').map((f) => `${f.text}<${f.answers ?? f.group?.reply ?? '-'}`),
    ['220<-', '250<EHLO', '250<250', '250<MAIL', '550<RCPT', '250<RCPT', '354<DATA', '250<DATA-END', '221<QUIT']);
});

test('unmarked lines: only a reply-shaped code with a space or dash after it is a reply', () => {
  assert.deepEqual(found('334 \n235 Authentication succeeded', 'transcript'), ['R:334@transcript-reply', 'R:235@transcript-reply']);
  for (const line of ['220', '599 no way', '038  Date: Thu, 03 Dec 2026 10:15:42 +0000', '10HmaZ-000000005vi-0000-H', '1024 bytes']) {
    assert.deepEqual(found(line, 'transcript'), [], line);
  }
});

test('documents that start with a reply or hold a bare greeting are transcripts', () => {
  assert.equal(detectKind('out.txt', '501 malformed address: < may not follow a@example.org\nTransaction started in line 0\n'), 'transcript');
  assert.equal(detectKind('out.txt', 'Listening on port 1225 ...\nConnection request from [192.0.2.1]\n220 ESMTP\nEHLO x\n'), 'transcript');
  // An Exim main log stays a log, with its replies read only where its words put them.
  assert.equal(detectKind('out.txt', `${DAY} 1rAbCd-0001Xy-AB => bob@example.com R=dnslookup T=remote_smtp C="250 OK"\n`), 'log');
});

test("Exim's debug output: SMTP<< and SMTP>> are read by content, as Exim receives or delivers", () => {
  const receiving = [
    'SMTP>> 220 mx.example.com ESMTP Exim 4.98 Thu, 03 Dec 2026 10:15:42 +0000',
    'SMTP<< rcpt to:<b@example.net>',
    'processing "deny" (/etc/exim4/exim4.conf 412)',
    'SMTP>> 550 5.7.1 relay not permitted',
    'LOG: MAIN REJECT',
    '  H=(client.example.org) [192.0.2.44] F=<a@example.org> rejected RCPT <b@example.net>: relay not permitted',
  ].join('\n');
  assert.deepEqual(found(receiving), ['R:220@transcript-reply', 'R:550@transcript-reply', 'E:5.7.1@transcript-reply']);
  const delivering = [
    '  SMTP<< 250 2.1.5 Recipient OK',
    '  SMTP>> DATA',
    '  SMTP<< 354 Go ahead',
    '  SMTP>> writing message and terminating "."',
    '  SMTP<< 250 2.0.0 OK 1764756942 a1si2345678qkb.250 - gsmtp',
    'LOG: MAIN',
    '  => bob@example.com R=dnslookup T=remote_smtp S=1450 H=mx.example.com [192.0.2.25] C="250 2.0.0 OK 1764756942 a1si2345678qkb.250 - gsmtp"',
  ].join('\n');
  assert.deepEqual(found(delivering), [
    'R:250@transcript-reply', 'E:2.1.5@transcript-reply', 'R:354@transcript-reply', 'R:250@transcript-reply', 'E:2.0.0@transcript-reply',
    'R:250@exim-confirmation', 'E:2.0.0@exim-confirmation',
  ]);
});
