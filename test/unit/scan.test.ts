// The scanner on realistic lines of every context it knows, on the traps that look like
// codes but are not (IPs, versions, PIDs, delays, dates, RFC sections...), on malformed
// codes where one is clearly meant, and on its line-by-line state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventOf, initialState, lineStatesEqual, scanLine, scanLines } from '../../server/src/scan';
import type { Finding, LineState } from '../../server/src/scan/types';
import type { DocumentKind } from '../../server/src/service/types';

function scan(text: string, kind: DocumentKind = 'log'): Finding[] {
  return scanLines(text.split('\n'), kind).flat();
}

/** `kind:text@context` of each finding, in order. */
function found(text: string, kind: DocumentKind = 'log'): string[] {
  return scan(text, kind).map((f) => `${f.kind === 'reply' ? 'R' : 'E'}:${f.text}@${f.context}`);
}

function texts(text: string, kind: DocumentKind = 'log'): string[] {
  return scan(text, kind).map((f) => f.text);
}

test('a reply and enhanced code pair anywhere, with exact ranges', () => {
  const line = 'something odd happened: 550 5.1.1 user unknown';
  const [reply, enhanced] = scan(line);
  assert.deepEqual(
    [reply!.kind, reply!.line, reply!.start, reply!.end, reply!.text, reply!.reply],
    ['reply', 0, 24, 27, '550', 550],
  );
  assert.deepEqual([enhanced!.kind, enhanced!.start, enhanced!.end, enhanced!.text], ['enhanced', 28, 33, '5.1.1']);
  assert.deepEqual(enhanced!.enhanced, { cls: 5, subject: 1, detail: 1 });
  assert.equal(reply!.partner?.text, '5.1.1');
  assert.equal(enhanced!.partner?.text, '550');
  assert.equal(line.slice(enhanced!.start, enhanced!.end), '5.1.1');
});

test('ranges count UTF-16 code units', () => {
  const [reply] = scan('ünïcödé 😀 said: 550 5.1.1 no');
  assert.equal(reply!.start, 'ünïcödé 😀 said: '.length);
});

test('SMTP transcripts: replies after the usual prefixes', () => {
  const cases: readonly [string, string[]][] = [
    ['S: 250 2.1.0 Ok', ['R:250@transcript-reply', 'E:2.1.0@transcript-reply']],
    ['S> 250 Ok', ['R:250@transcript-reply']],
    ['<<< 550 5.1.1 <bob@example.com>... User unknown', ['R:550@transcript-reply', 'E:5.1.1@transcript-reply']],
    ['<- 354 End data with <CR><LF>.<CR><LF>', ['R:354@transcript-reply']],
    ['< 221 2.0.0 Bye', ['R:221@transcript-reply', 'E:2.0.0@transcript-reply']],
    ['2024-05-01 12:00:01.123 <<< 421 4.7.0 Try again later', ['R:421@transcript-reply', 'E:4.7.0@transcript-reply']],
    ['[12:00:01] S: 220 mx.example.com ESMTP', ['R:220@transcript-reply']],
    ['12:00:01 <- 250-PIPELINING', ['R:250@transcript-reply']],
    ['250 2.0.0 Ok: queued as 4F2A81C0E3', ['R:250@transcript-reply', 'E:2.0.0@transcript-reply']],
  ];
  for (const [line, expected] of cases) assert.deepEqual(found(line, 'transcript'), expected, line);
});

test('transcript client lines are not replies, and replies know the command they answer', () => {
  const text = [
    'C: EHLO client.example.org', 'S: 250-mx.example.com', 'S: 250 SIZE 10240000',
    '>>> MAIL FROM:<a@example.org> SIZE=550', '<<< 250 2.1.0 Ok',
    '-> RCPT TO:<b@example.com>', '<- 550 5.1.1 unknown',
    'C: DATA', 'S: 354 go ahead', 'C: 550 5.1.1 is only message text here', 'C: .', 'S: 250 2.0.0 queued',
  ].join('\n');
  const replies = scan(text, 'transcript').filter((f) => f.kind === 'reply');
  assert.deepEqual(replies.map((f) => `${f.text}<${f.answers ?? '-'}`), ['250<EHLO', '250<-', '250<MAIL', '550<RCPT', '354<DATA', '250<DATA-END']);
});

test('pipelined commands are answered in order', () => {
  const text = ['C: MAIL FROM:<a@example.org>', 'C: RCPT TO:<b@example.com>', 'C: DATA', 'S: 250 2.1.0 Ok', 'S: 250 2.1.5 Ok', 'S: 354 go'].join('\n');
  assert.deepEqual(scan(text, 'transcript').filter((f) => f.kind === 'reply').map((f) => f.answers), ['MAIL', 'RCPT', 'DATA']);
});

test('multi-line replies carry the first line as their group', () => {
  const text = ['S: 550-5.7.1 first', 'S: 550-5.7.1 second', 'S: 550 5.7.1 last', 'S: 250 2.0.0 next'].join('\n');
  const findings = scan(text, 'transcript');
  assert.deepEqual(findings.map((f) => f.group?.line ?? '-'), ['-', '-', 0, 0, 0, 0, '-', '-']);
  assert.deepEqual(findings[2]!.group, { line: 0, reply: '550', enhanced: '5.7.1' });
  // Gmail's reply flattened onto one Postfix log line is one group too.
  const gmail = scan('said: 421-4.7.0 [1.2.3.4      15] Our system 421-4.7.0 unsolicited 421 4.7.0 gsmtp');
  assert.deepEqual(gmail.map((f) => f.text), ['421', '4.7.0', '421', '4.7.0', '421', '4.7.0']);
  assert.deepEqual(gmail.map((f) => f.group?.reply ?? '-'), ['-', '-', '421', '421', '421', '421']);
  // A log line cut short after `421-` does not make the next record part of its reply.
  const cut = scan('said: 421-4.7.0 Our system has detected\nsaid: 550 5.1.1 unknown');
  assert.deepEqual(cut.map((f) => f.group?.reply ?? '-'), ['-', '-', '-', '-']);
  // Bounce text: folded lines and line-start reply lines continue the reply.
  const bounce = scan('550-REJECTED - Blacklisted URL\n550-See http://lookup.uribl.com.\n550 DEALS UPDATE', 'dsn');
  assert.deepEqual(bounce.map((f) => f.group?.line ?? '-'), ['-', 0, 0]);
});

test('Postfix log lines', () => {
  const cases: readonly [string, string[]][] = [
    ['4F2A81C0E3: host mx.example.com[192.0.2.25] said: 550 5.1.1 <bob@example.com>: User unknown (in reply to RCPT TO command)',
      ['R:550@postfix-said', 'E:5.1.1@postfix-said']],
    ['4F2A81C0E3: host mx.example.com[192.0.2.25] said: 451 Try again later (in reply to MAIL FROM command)', ['R:451@postfix-said']],
    ['40197AA: host mg2.egov.bg[213.91.191.86] refused to talk to me: 450 4.3.2 try again later', ['R:450@postfix-said', 'E:4.3.2@postfix-said']],
    ['NOQUEUE: reject: RCPT from unknown[2001:db8::2bd2]: 454 4.7.1 <a@henk.com>: Relay access denied; to=<a@henk.com> proto=SMTP helo=<me>',
      ['R:454@postfix-reject', 'E:4.7.1@postfix-reject']],
    ['NOQUEUE: reject: RCPT from [27.157.200.233]:4984: 550 5.7.1 Service unavailable; client [27.157.200.233] blocked using zen.spamhaus.org',
      ['R:550@postfix-reject', 'E:5.7.1@postfix-reject']],
    ['NOQUEUE: milter-reject: RCPT from relay.example.com[8.8.8.8]: 451 4.7.1 Greylisting in action',
      ['R:451@postfix-reject', 'E:4.7.1@postfix-reject']],
    ['4F2A81C0E3: milter-reject: END-OF-MESSAGE from localhost[127.0.0.1]: 5.7.1 Blocked by SpamAssassin; from=<a@b.example>',
      ['E:5.7.1@postfix-reject']],
    ['proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject, id=31619-02 - spam; from=<> to=<u@example2.com>',
      ['R:554@postfix-reject', 'E:5.7.0@postfix-reject']],
    ['4104E3D: reject: header Subject: win 250 dollars from x[10.5.1.1]; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>: 5.7.1 message content rejected',
      ['E:5.7.1@postfix-reject']],
    ['7EE668039: to=<admin@example.com>, relay=127.0.0.1[127.0.0.1]:2525, delay=3.6, delays=0.2/0.02/0.04/3.3, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 153053D)',
      ['E:2.0.0@postfix-dsn', 'R:250@postfix-status', 'E:2.0.0@postfix-status']],
    ['3E29030F8637E: to=<user@yahoo.com>, relay=none, delay=0.01, delays=0.01/0/0/0, dsn=4.4.1, status=deferred (connect to mx[10.5.1.1]:25: Connection refused)',
      ['E:4.4.1@postfix-dsn']],
    ['postscreen[1234]: NOQUEUE: reject: RCPT from [192.0.2.1]:52237: 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org',
      ['R:550@postfix-reject', 'E:5.7.1@postfix-reject']],
  ];
  for (const [line, expected] of cases) assert.deepEqual(found(line), expected, line);
});

test('Exim log lines', () => {
  assert.deepEqual(
    found('2024-05-01 12:00:00 1rABCD-000123-EF ** bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25]: SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 <bob@example.com>: Recipient address rejected'),
    ['R:550@exim-error', 'E:5.1.1@exim-error'],
  );
  assert.deepEqual(
    found('2024-05-01 12:00:00 H=(spam.example) [192.0.2.7] F=<a@spam.example> rejected RCPT <b@example.com>: 550 Administrative prohibition'),
    ['R:550@exim-reject'],
  );
  assert.deepEqual(found('2024-05-01 12:00:00 H=(x) [192.0.2.7] F=<a@b.example> rejected RCPT <c@d.example>: relay not permitted'), []);
  // Exim's bounce text: the host line under `SMTP error from remote mail server after ...:`.
  assert.deepEqual(found('    host mx.example.com [192.0.2.25]: 550 Unrouteable address', 'dsn'), ['R:550@exim-error']);
});

test('Sendmail log lines', () => {
  assert.deepEqual(
    found('Nov 28 10:00:00 mx sm-mta[4242]: 5ASA0a1b004242: to=<bob@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120, relay=mx.example.com. [192.0.2.25], dsn=5.1.1, stat=User unknown'),
    ['E:5.1.1@sendmail-dsn'],
  );
  assert.deepEqual(
    found('Nov 28 10:00:00 mx sm-mta[4242]: 5ASA0a1b004242: to=<bob@example.com>, dsn=4.0.0, stat=Deferred: 421 4.3.2 Service shutting down'),
    ['E:4.0.0@sendmail-dsn', 'R:421@sendmail-reply', 'E:4.3.2@sendmail-reply'],
  );
  assert.deepEqual(
    found('Nov 28 10:00:00 mx sm-mta[4242]: ruleset=check_rcpt, arg1=<b@example.com>, relay=x [192.0.2.7], reject=550 5.7.1 <b@example.com>... Relaying denied'),
    ['R:550@sendmail-reply', 'E:5.7.1@sendmail-reply'],
  );
  assert.deepEqual(found('Nov 28 10:00:00 mx sm-mta[4242]: 5ASA0a1b: reply=550 5.1.1 <bob@example.com>... User unknown'), ['R:550@sendmail-reply', 'E:5.1.1@sendmail-reply']);
});

test('every keyword on a line is read, when several share one or a line holds many', () => {
  // `reject=` and `rejected` share `reject`; `dsn=` must see the later `stat=` to be Sendmail's.
  assert.deepEqual(found('Nov 28 10:00:00 mx sm-mta[1]: x: to=<a@b>, reject=550 5.7.1 <a@b>... rejected, dsn=5.7.1, stat=Deferred: 451 4.3.0 later'),
    ['R:550@sendmail-reply', 'E:5.7.1@sendmail-reply', 'E:5.7.1@sendmail-dsn', 'R:451@sendmail-reply', 'E:4.3.0@sendmail-reply']);
  assert.deepEqual(found("The error that the other server returned was: 550 5.1.1 Remote Server returned '554 5.4.0 loop'"),
    ['R:550@ndr', 'E:5.1.1@ndr', 'R:554@ndr', 'E:5.4.0@ndr']);
  // A second, later keyword (`reject: ` in free text) takes nothing from the first.
  assert.deepEqual(found('Nov 28 10:00:00 mx postfix/smtp[1]: A: to=<a@b>, status=bounced (host x[192.0.2.4] said: 550 5.1.1 no (in reply to RCPT TO command)); reject: note'),
    ['R:550@postfix-said', 'E:5.1.1@postfix-said']);
});

test('findings of the same code on different lines differ only in their line', () => {
  const [reply, enhanced, reply2, enhanced2] = scan('x said: 550 5.1.1 one\ny said: 550 5.1.1 two');
  assert.deepEqual(reply2, { ...reply!, line: 1, partner: { ...reply!.partner!, line: 1 } });
  assert.deepEqual(enhanced2, { ...enhanced!, line: 1, partner: { ...enhanced!.partner!, line: 1 } });
  assert.deepEqual(enhanced2!.enhanced, { cls: 5, subject: 1, detail: 1 });
});

test('Exchange, Microsoft 365 and provider bounce text', () => {
  const cases: readonly [string, string[]][] = [
    ["Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
      ['R:550@ndr', 'E:5.1.10@ndr']],
    ["Remote Server returned '< #5.0.0 X-Postfix; unknown user: \"bob\">'", ['E:5.0.0@ndr']],
    ['#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##', ['R:550@ndr', 'E:5.1.1@ndr']],
    ['Sorry, no mailbox here by that name. (#5.1.1)', ['E:5.1.1@ndr']],
    ['550-5.1.1 The email account that you tried to reach does not exist. Please try', ['R:550@pair', 'E:5.1.1@pair']],
    ['The error that the other server returned was: 550 Unknown user', ['R:550@ndr']],
    ['The error that the other server returned was: 554 554 5.7.0 Header error (state 18).', ['R:554@ndr', 'R:554@pair', 'E:5.7.0@pair']],
    ['550 sorry, no mailbox here by that name (#5.1.1 - chkusr)', ['R:550@ndr', 'E:5.1.1@ndr']],
    ['550-REJECTED - Blacklisted URL in message.', ['R:550@ndr']],
    ["Diagnostic-Code: smtp; 5.3.0 - Other mail system problem 550-'Unknown user a@b.example' (delivery attempts: 0)",
      ['E:5.3.0@dsn-diagnostic', 'R:550@dsn-diagnostic']],
    ['550: 5.1.1 <a@b.example>... User Unknown', ['R:550@pair', 'E:5.1.1@pair']],
  ];
  // The returned message's own lines are not bounce text quoting a reply.
  for (const line of ['200 people came to the party', '415-555-0100 is our number', '250 grams of flour']) assert.deepEqual(found(line, 'dsn'), [], line);
  for (const [line, expected] of cases) assert.deepEqual(found(line, 'dsn'), expected, line);
});

test('DSN fields and their per-recipient block', () => {
  const text = [
    'Reporting-MTA: dns; mx.example.org',
    'X-Postfix-Queue-ID: 4F2A81C0E3',
    'X-Postfix-Sender: rfc822; alice@example.org',
    '',
    'Final-Recipient: rfc822; bob@example.com',
    'Action: failed',
    'Status: 5.1.1 (bad mailbox)',
    'Remote-MTA: dns; 10.5.1.1',
    'Diagnostic-Code: smtp; 550-5.1.1 The account',
    '    550 5.1.1 does not exist',
    '',
    'Final-Recipient: rfc822; carol@example.com',
    'Action: delayed',
    'Status: 4.4.1',
    'Diagnostic-Code: X-Postfix; connect to mx[10.5.1.1]:25: Connection refused',
  ].join('\n');
  const findings = scan(text, 'dsn');
  assert.deepEqual(findings.map((f) => `${f.text}@${f.context}`), [
    '5.1.1@dsn-status', '550@dsn-diagnostic', '5.1.1@dsn-diagnostic', '550@dsn-diagnostic', '5.1.1@dsn-diagnostic', '4.4.1@dsn-status',
  ]);
  assert.equal(findings[0]!.block?.action?.text, 'failed');
  assert.equal(findings[1]!.block?.status?.text, '5.1.1');
  assert.equal(findings[3]!.block?.status?.text, '5.1.1', 'a folded line keeps the block');
  assert.equal(findings[5]!.block?.action?.text, 'delayed', 'a new recipient starts a new block');
  assert.equal(findings[5]!.block?.status, undefined);
});

test('a Postfix reply folded over two lines of bounce text is still a pair', () => {
  const text = '<bob@example.com>: host mx.example.com[192.0.2.25] said: 553\n    5.1.8 <root@example.org>... Domain of sender address does not exist';
  const [reply, enhanced] = scan(text, 'dsn');
  assert.equal(reply!.text, '553');
  assert.equal(enhanced!.text, '5.1.8');
  assert.equal(enhanced!.line, 1);
  assert.deepEqual(enhanced!.partner, { line: 0, start: reply!.start, end: reply!.end, text: '553' });
  // Also when `said:` ends the line, and across a quoted-printable soft break.
  assert.deepEqual(texts('host x[192.0.2.1] said:\n    550 5.1.1 unknown', 'dsn'), ['550', '5.1.1']);
  assert.deepEqual(texts('Diagnostic-Code: smtp; 550=\n 5.3.5 <a@b.example>... Internal System Error', 'dsn'), ['550', '5.3.5']);
});

test('configs: Postfix access maps, checks and main.cf, Exim ACLs, Sendmail access', () => {
  const cases: readonly [string, string[]][] = [
    ['10.5.1.1          REJECT 5.7.1 Go away', ['E:5.7.1@config-access']],
    ['spammer.example   550 No thanks', ['R:550@config-access']],
    ['greylist.example  DEFER 4.7.1 Try later', ['E:4.7.1@config-access']],
    ['example.com       450 4.7.1 Slow down', ['R:450@config-access', 'E:4.7.1@config-access']],
    ['/^Subject: .*viagra/      REJECT 5.7.1 No spam please', ['E:5.7.1@config-access']],
    ['/^Received: from 10\\.5\\.1\\.1 /  DISCARD', []],
    ['smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination', []],
    ['unknown_local_recipient_reject_code = 550', ['R:550@config-reject-code']],
    ['  -o smtpd_reject_code=554', ['R:554@config-reject-code']],
    ['default_process_limit = 100', []],
    ['  deny    message = 550 5.7.1 Relay not permitted', ['R:550@exim-acl', 'E:5.7.1@exim-acl']],
    ['          log_message = 550 is only logged', []],
    ['From:spammer@example.com    ERROR:"550 5.7.1 Go away"', ['R:550@sendmail-access', 'E:5.7.1@sendmail-access']],
    ['Connect:10.5.1.1            ERROR:5.7.1:550 Rejected', ['E:5.7.1@sendmail-access', 'R:550@sendmail-access']],
    ['# 10.5.1.1 REJECT 5.7.1 commented out', []],
    ['| 523 | [contributor](https://example.com) |', []],
  ];
  for (const [line, expected] of cases) assert.deepEqual(found(line, 'config'), expected, line);
  const [enhanced, reply] = scan('Connect:10.5.1.1  ERROR:5.7.1:550 Rejected', 'config');
  assert.equal(enhanced!.partner?.text, '550');
  assert.equal(reply!.partner?.text, '5.7.1');
});

test('never codes: IPs, versions, dates, times, PIDs, ports, sizes, counts, delays, queue IDs, OIDs, RFC sections', () => {
  const lines = [
    'Nov 28 10:00:01 mx postfix/smtpd[550]: connect from unknown[10.5.1.1]',
    'Nov 28 10:00:01 mx postfix/smtpd[550]: disconnect from unknown[5.1.1.1] ehlo=2 starttls=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=5/7',
    'reload -- version 2.5.1, configuration /etc/postfix',
    'Postfix 2.5.1 released; OpenSSL 1.1.1w; kernel 5.4.6-rc2',
    'statistics: max connection rate 1/2h for (127.0.0.1:2525:127.0.0.1) at Oct 26 18:13:50',
    'CONNECT from [61.238.241.86]:550 to [89.105.204.244]:25',
    '0F5383D: from=<owner@postfix.org>, size=5360, nrcpt=1 (queue active)',
    'delay=5.3, delays=0.2/0.02/4.04/5.3',
    'Deleted: 115 messages',
    'Requeued: 250 messages',
    'see RFC 5321 section 4.5.3.1 and 4.2.1',
    'OID 1.3.6.1.4.1.2021 and 2.5.4.3',
    'Date: Sat, 28 Nov 2026 10:00:01 +0000, 2026-11-28 550',
    'X-Mailer: Mailer 5.1.1 build 4242',
    'timeout after END-OF-MESSAGE from unknown[72.13.58.7]',
    'Verified TLS connection established to mail.sys4.de[2001:1578:400:111::7]:25: TLSv1.2 with cipher ECDHE-RSA-AES256-SHA (256/256 bits)',
    'HANGUP after 63 from [111.73.45.149]:1038 in tests after SMTP handshake',
    'postfix/smtpd[250]: 250A4F: client=x[192.0.2.4]',
    '<134>1 2026-11-28T10:00:01Z host app 550 - - message',
  ];
  for (const kind of ['log', 'dsn', 'transcript', 'config', 'json'] as const) {
    for (const line of lines) {
      // A transcript reads a line starting with digits as a reply; none of these starts so.
      assert.deepEqual(found(line, kind), [], `${kind}: ${line}`);
    }
  }
});

test('malformed codes are found where a code is clearly meant', () => {
  const cases: readonly [string, DocumentKind, string[]][] = [
    ['Status: 5.01.1', 'dsn', ['E:5.01.1@dsn-status']],
    ['Status: 5.1', 'dsn', ['E:5.1@dsn-status']],
    ['x: to=<b@example.com>, dsn=5.1.3000, status=bounced', 'log', ['E:5.1.3000@postfix-dsn']],
    ['host x[192.0.2.1] said: 650 go away (in reply to RCPT TO command)', 'log', ['R:650@postfix-said']],
    ['host x[192.0.2.1] said: 5500 go away', 'log', ['R:5500@postfix-said']],
    ['something: 550 9.1.1 unknown', 'log', ['R:550@pair', 'E:9.1.1@pair']],
    ['S: 610 what', 'transcript', ['R:610@transcript-reply']],
    ['smtpd_reject_code = 650', 'config', ['R:650@config-reject-code']],
  ];
  for (const [line, kind, expected] of cases) assert.deepEqual(found(line, kind), expected, line);
  // Without a marker, a transcript line is a reply only when it is shaped like one.
  assert.deepEqual(found('50 messages queued', 'transcript'), []);
  assert.deepEqual(found('650 go away', 'transcript'), []);
  assert.deepEqual(found('550 go away', 'transcript'), ['R:550@transcript-reply']);
  // But not a malformed code without such a context.
  assert.deepEqual(found('build 650 9.1.1 here'), []);
  assert.deepEqual(found('version 5.01.1 and 5.1.3000'), []);
});

test('scanning a document equals folding scanLine over its lines', () => {
  const text = ['S: 250-a', 'S: 250 b', 'Status: 5.1.1', 'x said: 550', '  5.1.1 y'];
  let state = initialState('transcript');
  const folded = text.map((line, i) => {
    const { findings, next } = scanLine(line, i, state);
    state = next;
    return findings;
  });
  assert.deepEqual(scanLines(text, 'transcript'), folded);
});

test('the carried state converges after the lines that need it', () => {
  const a = scanLine('S: 250-first', 0, initialState('transcript')).next;
  const b = scanLine('S: 250 last', 1, a).next;
  assert.equal(lineStatesEqual(a, initialState('transcript')), false, 'an open multi-line reply is state');
  assert.equal(lineStatesEqual(b, initialState('transcript')), true, 'closed again');
  const same = scanLine('nothing to see', 5, initialState('log'));
  assert.ok(lineStatesEqual(same.next, initialState('log')));
  // The state is not mutated by scanning.
  const before = JSON.stringify(a);
  scanLine('S: 550 other', 1, a);
  assert.equal(JSON.stringify(a), before);
});

test('huge, binary and odd lines never throw', () => {
  const huge = `${'550 5.1.1 '.repeat(100_000)}${'9'.repeat(1_000_000)}`;
  assert.equal(scan(huge).length, 200_000);
  const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 65536));
  for (const kind of ['log', 'dsn', 'transcript', 'config', 'json'] as const) {
    scan(binary, kind);
    scan('\uD800550 5.1.1\uDFFF', kind);
    scan('Status: ', kind);
    scan('said:', kind);
    scan('#', kind);
    scan('ERROR:"', kind);
    scan('/unterminated REJECT 5.7.1', kind);
  }
});

test('re-scanning from an edit until the state converges gives the same result as a full scan', () => {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'engine');
  const documents: readonly [string, DocumentKind][] = [['session.smtp', 'transcript'], ['broken.smtp', 'transcript'], ['bounce.eml', 'dsn'], ['mail.log', 'log']];
  const edits = ['S: 550-5.7.1 opens a reply', 'Diagnostic-Code: smtp; 550', 'C: DATA', '', 'host x[192.0.2.1] said:'];
  for (const [name, kind] of documents) {
    const original = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
    // What an editor keeps: each line's findings and the state after it.
    const stored: { findings: Finding[]; after: LineState }[] = [];
    let state = initialState(kind);
    for (const [i, line] of original.entries()) {
      const { findings, next } = scanLine(line, i, state);
      stored.push({ findings, after: next });
      state = next;
    }
    for (let at = 0; at < original.length; at++) {
      for (const edit of edits) {
        const lines = original.map((line, i) => (i === at ? edit : line));
        const results = stored.map((s) => ({ ...s }));
        let current = at === 0 ? initialState(kind) : results[at - 1]!.after;
        for (let i = at; i < lines.length; i++) {
          const { findings, next } = scanLine(lines[i]!, i, current);
          const converged = i > at && lineStatesEqual(next, results[i]!.after);
          results[i] = { findings, after: next };
          current = next;
          if (converged) break;
        }
        assert.deepEqual(results.map((r) => r.findings), scanLines(lines, kind), `${name}: line ${at} -> ${edit}`);
      }
    }
  }
});

test('eventOf: one event per delivery attempt, reply or DSN recipient, named by its enhanced code', () => {
  const events = (text: string, kind: DocumentKind) => scanLines(text.split('\n'), kind).map((findings) => eventOf(findings)?.text);
  assert.deepEqual(
    events('x: to=<b@example.com>, dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))', 'log'),
    ['5.1.1'], 'said: and dsn= on one line are one event',
  );
  assert.deepEqual(events('Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 unknown', 'dsn'), [undefined, '5.1.1', undefined]);
  assert.deepEqual(events('S: 550-5.7.1 first\nS: 550-5.7.1 second\nS: 550 5.7.1 last\nS: 221 Bye', 'transcript'), ['5.7.1', undefined, undefined, '221']);
});
