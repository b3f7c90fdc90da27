// The scanner on the logs of MTAs other than Postfix, Sendmail and Exim (scan/mta.ts): every
// reply and enhanced code in OpenSMTPD, Haraka, qmail, Courier, Exchange, Microsoft 365,
// KumoMTA, PowerMTA, Dovecot, amavis and Rspamd lines, as journalctl and docker print them,
// and none of their IPs, PIDs, sizes, delays, versions, dates, ids or counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLines } from '../../server/src/scan';
import type { Finding } from '../../server/src/scan/types';
import { analyzeText, DEFAULT_SETTINGS } from '../../server/src/service';

function scan(text: string): Finding[] {
  return scanLines(text.split('\n'), 'log').flat();
}

/** `kind:text@context` of each finding, in order. */
function found(text: string): string[] {
  return scan(text).map((f) => `${f.kind === 'reply' ? 'R' : 'E'}:${f.text}@${f.context}`);
}

function expectEach(cases: readonly (readonly [string, readonly string[]])[]): void {
  for (const [line, expected] of cases) assert.deepEqual(found(line), expected, line);
}

function expectNone(lines: readonly string[]): void {
  for (const line of lines) assert.deepEqual(found(line), [], line);
}

const SYSLOG = 'Jun  2 10:00:01 mx.example.com';

test('OpenSMTPD: stat=, failed-command result=, "=>" and session traces', () => {
  expectEach([
    [`${SYSLOG} smtpd[4242]: 1a2b3c4d5e6f7a8b mta delivery evpid=0123456789abcdef from=<a@example.com> to=<b@example.org> rcpt=<-> source="192.0.2.10" relay="198.51.100.25 (mx.example.org)" delay=2s result="Ok" stat="250 2.0.0 Ok: queued as 4F2A81C0E3"`,
      ['R:250@opensmtpd', 'E:2.0.0@opensmtpd']],
    [`${SYSLOG} smtpd[4242]: 1a2b3c4d5e6f7a8b mta delivery evpid=0123456789abcdef from=<a@example.com> to=<b@example.org> rcpt=<-> source="192.0.2.10" relay="198.51.100.25 (mx.example.org)" delay=3s result="PermFail" stat="550 Invalid recipient"`,
      ['R:550@opensmtpd']],
    [`${SYSLOG} smtpd[4242]: 9a8b7c6d5e4f3a2b smtp failed-command command="RCPT TO:<c@example.net>" result="550 Invalid recipient: <c@example.net>"`,
      ['R:550@opensmtpd']],
    [`${SYSLOG} smtpd[4242]: 9a8b7c6d5e4f3a2b smtp failed-command command="DATA" result="421 4.7.0 Too many errors"`,
      ['R:421@opensmtpd', 'E:4.7.0@opensmtpd']],
    ['relay: PermFail for 6430369adcce4408: session=7818378a988ca63b, from=<a@example.com>, to=<b@example.org>, rcpt=<->, source=127.0.0.1, relay=127.0.0.1 (localhost), delay=0s, stat=550 Invalid recipient',
      ['R:550@opensmtpd']],
    ['smtp-in: Failed command on session 7818378b78e6ffe0: "RCPT TO:<b@example.org>" => 451 Temporary failure',
      ['R:451@opensmtpd']],
    ['debug: mta: 0x1f8bfd426600: <<< 554-mx.example.org rejects mail from 192.0.2.10', ['R:554@opensmtpd']],
    ['smtp: 0xed2680: >>> 220 mail.example.org ESMTP OpenSMTPD', ['R:220@opensmtpd']],
    // The LMTP server's reply quoted in a local delivery's `stat=Error (...)`.
    [`${SYSLOG} smtpd[4242]: 1e722991167e2b80 mda delivery evpid=f9293a5cb336a379 from=<a@example.com> to=<b@example.org> rcpt=<b@example.org> user=b delay=40s result=TempFail stat=Error (temporary failure: "mail.lmtp: LMTP server error: 550 5.7.1 <b@example.org> Rejected")`,
      ['R:550@pair', 'E:5.7.1@pair']],
  ]);
  // Sendmail's `stat=` is still read as Sendmail's.
  assert.deepEqual(found(`${SYSLOG} sm-mta[99]: 5ASA0a1b: to=<b@example.org>, delay=00:00:01, stat=Deferred: 451 4.3.0 Try later`),
    ['R:451@sendmail-reply', 'E:4.3.0@sendmail-reply']);
});

test('OpenSMTPD lines without codes report nothing', () => {
  expectNone([
    `${SYSLOG} smtpd[4242]: 1a2b3c4d5e6f7a8b smtp connected address=192.0.2.7 host=client.example.com`,
    `${SYSLOG} smtpd[4242]: 1a2b3c4d5e6f7a8b smtp message msgid=9f8e7d6c size=25012 nrcpt=1 proto=ESMTP`,
    `${SYSLOG} smtpd[4242]: 1a2b3c4d5e6f7a8b mta delivery evpid=0123456789abcdef from=<a@example.com> to=<b@example.org> rcpt=<-> source="192.0.2.10" relay="198.51.100.25 (mx.example.org)" delay=550s result="Ok" stat="Ok"`,
    'smtp-in: session 7833f0235c0b5845: received invalid command: "RCPT TO:<b@example.org> ORCPT=rfc822;b@example.org"',
    'debug: mta: 0x1f8bfd426600: >>> RCPT TO:<b@example.org>',
    // Not OpenSMTPD: a Ruby hash in an application log.
    'Completed request {"status" => 200, "path" => "/hooks"} in 250ms',
  ]);
});

test('Haraka: protocol replies, outbound rejections, the last response on disconnect', () => {
  expectEach([
    // Bracketed fields before `S:` are a log prefix the transcript reader skips: the server's reply.
    ['[PROTOCOL] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] S: 250 Message Queued (51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1)', ['R:250@transcript-reply']],
    ['[PROTOCOL] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] S: 250-PIPELINING', ['R:250@transcript-reply']],
    // Behind a syslog prefix, Haraka's own finder reads it.
    ['Nov 28 09:14:03 mx1 haraka[812]: [PROTOCOL] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] S: 250 Message Queued', ['R:250@haraka']],
    ['2024-05-01T12:00:00.425Z [PROTOCOL] [21FD02A6-1858-4D73-A6E9-959C7D59CCA1.28.1] [outbound] S: 503 5.5.2 Need mail command', ['R:503@transcript-reply', 'E:5.5.2@transcript-reply']],
    ['[NOTICE] [DAA706AE-4EA6-4651-816F-C14B4C0BED7E.6.1] [outbound] recipient <x@example.org> rejected: 550 Unknown user', ['R:550@haraka']],
    ['[NOTICE] [DAA706AE-4EA6-4651-816F-C14B4C0BED7E.6] [core] disconnect ip=192.0.2.88 rdns="mx.example.com" helo="mx.example.com" relay=Y early=N esmtp=Y tls=N pipe=N txns=1 rcpts=1/0/0 msgs=1/0/0 bytes=232 lr="554 5.7.1 Denied"',
      ['R:554@haraka', 'E:5.7.1@haraka']],
    ['2017-10-18T13:14:54.666Z [DEBUG] [-] [core] Temp fail for: Upstream error: 421 Enter message, ending with "." on a line by itself mx1.example.org SMTP incoming data timeout - closing connection.',
      ['R:421@haraka']],
    ['[INFO] [7B6260E0-240F-4AAD-9E52-1188B0D14DC5.1.1] [outbound] Temp failing 1539758017236_1539762057544_6_23821_XrUdrN_11_mx.example.org for 64 seconds: Upstream error: 451 4.7.1 Greylisted, try again',
      ['R:451@haraka', 'E:4.7.1@haraka']],
    ['[INFO] [-] [outbound] delivered file=1589380163213_1589380163213_0_11566_kAzw2C_1_mx domain=example.org host=mx.example.org ip=192.0.2.25 port=25 mode=SMTP tls=Y auth=N response="250 2.0.0 OK 1589380164 a1si12345 - gsmtp" delay=1.02 fails=0 rcpts=1/0/0',
      ['R:250@haraka', 'E:2.0.0@haraka']],
  ]);
  expectNone([
    '[PROTOCOL] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] C: RCPT TO:<bob@example.org> state=1',
    '[NOTICE] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] disconnect ip=192.0.2.88 rdns="mx" helo="mx" relay=N early=N esmtp=Y tls=N pipe=N txns=1 rcpts=1/0/0 msgs=1/0/0 bytes=232 lr=""',
    '[INFO] [-] [core] Generating a 2048 bit dhparams file at config/dhparams.pem',
    '[INFO] [D01B4388-7099-4560-9A22-C6ABBBDCEA93.1.1] [outbound] Attempting to deliver to: 192.0.2.27:25 (0) (0)',
    '[DEBUG] [-] [core] [outbound] host=192.0.2.27 port=25 pool_timeout=50 created',
    '[INFO] [455AE8CF-0465-48B7-96F9-5834B6F62926.1.1] [outbound] Temp failing 1537261602478_1537262683758_4_4293_n86P6c_10_mx for 1024 seconds: Tried all MXs',
    '[NOTICE] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] queue code=CONT msg="Message Queued (51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1)"',
    // Not Haraka: an HTTP client's `response=` is no SMTP reply.
    'level=info msg="webhook sent" url=https://hooks.example.com/x response="200 OK" took=250ms',
    '2024/05/01 12:00:00 [error] proxy: Upstream error: 502 Bad Gateway while reading response header',
  ]);
});

test('qmail: multilog replies written with underscores, exact ranges, each line of a multi-line reply', () => {
  const line = '@400000006630c5d01b2a3c44 delivery 12: failure: 192.0.2.25_does_not_like_recipient./Remote_host_said:_550_5.1.1_<bob@example.org>_is_not_a_valid_mailbox/Giving_up_on_192.0.2.25./';
  const [reply, enhanced] = scan(line);
  assert.equal(line.slice(reply!.start, reply!.end), '550');
  assert.equal(line.slice(enhanced!.start, enhanced!.end), '5.1.1');
  assert.equal(reply!.partner?.text, '5.1.1');
  assert.equal(enhanced!.partner?.text, '550');
  expectEach([
    [line, ['R:550@qmail', 'E:5.1.1@qmail']],
    ['@400000006630c5d01b2a3c44 delivery 9: success: (t@example.org)_192.0.2.147_accepted_message./Remote_host_said:_250_Ok:_queued_as_1D47365C044/', ['R:250@qmail']],
    ['@400000006630c5d01b2a3c44 delivery 5: failure: 192.0.2.11_does_not_like_recipient./Remote_host_said:_550-5.1.1_The_account_does_not_exist./550-5.1.1_Please_try_again./550_5.1.1_https://support.example.com/mail/?p=NoSuchUser_-_gsmtp/Giving_up_on_192.0.2.11./',
      ['R:550@qmail', 'E:5.1.1@qmail', 'R:550@qmail', 'E:5.1.1@qmail', 'R:550@qmail', 'E:5.1.1@qmail']],
    ['1054194596.057500 delivery 7: deferral: Connected_to_192.0.2.1_but_greeting_failed./Remote_host_said:_421_4.7.0_Try_again_later/', ['R:421@qmail', 'E:4.7.0@qmail']],
    ['1054189046.239668 delivery 108: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/', ['E:5.1.1@ndr']],
    ['@400000006630c5d01b2a3c44 delivery 8: deferral: CNAME_lookup_failed_temporarily._(#4.4.3)/', ['E:4.4.3@ndr']],
    ['@400000006630c5d01b2a3c44 rblsmtpd: 192.0.2.5 pid 12345: 451 http://dnsbl.example.net/query?ip=192.0.2.5', ['R:451@qmail']],
    ['@400000006630c5d01b2a3c44 qmail-smtpd: 421 unable to read controls (#4.3.0)', ['R:421@qmail', 'E:4.3.0@ndr']],
    ['Jun  2 10:00:01 mx qmail-smtpd[4242]: Rejected: 553 sorry, that domain isn\'t in my list of allowed rcpthosts (#5.7.1)', ['R:553@qmail', 'E:5.7.1@ndr']],
  ]);
  // The last line of a multi-line reply completes the group its first line opened.
  const lines = scan('@4000 delivery 5: failure: Remote_host_said:_550-5.1.1_first/550_5.1.1_last/');
  assert.equal(lines[2]!.group?.reply, '550');
  expectNone([
    '@400000006630c5d01b2a3c44 status: local 0/10 remote 7/20',
    '@400000006630c5d01b2a3c44 starting delivery 183: msg 161214 to remote bob@example.org',
    '@400000006630c5d01b2a3c44 info msg 161214: bytes 869 from <a@example.com> qp 24150 uid 1000',
    '@400000006630c5d01b2a3c44 tcpserver: ok 12345 mail.example.org:192.0.2.1:25 :192.0.2.7::54321',
    '@400000006630c5d01b2a3c44 delivery 120: success: did_0+0+1/',
    '@400000006630c5d01b2a3c44 delivery 3: deferral: Remote_host_said:_12345_is_no_reply/',
  ]);
});

test('Courier: courieresmtpd errors, courieresmtp replies, msg="..."', () => {
  expectEach([
    [`${SYSLOG} courieresmtpd: error,relay=::ffff:192.0.2.4,ident=tmf,from=<tmf@example.com>,to=<list@example.com>: 550 User unknown.`, ['R:550@courier']],
    [`${SYSLOG} courieresmtpd: error,relay=::ffff:192.0.2.4,from=<>,to=<>: 550 User unknown.`, ['R:550@courier']],
    [`${SYSLOG} courieresmtpd: error,relay=::ffff:192.0.2.4,msg="535 Authentication failed.",cmd: YWRvYmVhZG9iZQ==`, ['R:535@courier']],
    [`${SYSLOG} courieresmtp: id=00123456.6630C5D0.00001A2B,from=<a@example.com>,addr=<b@example.org>: 451 4.7.1 Greylisted, try again later`,
      ['R:451@courier', 'E:4.7.1@courier']],
  ]);
  expectNone([
    `${SYSLOG} courieresmtp: id=00123456.6630C5D0.00001A2B,from=<a@example.com>,addr=<b@example.org>,status: deferred`,
    `${SYSLOG} courierlocal: id=00123456.6630C5D0.00001A2B,from=<a@example.com>,addr=<b@example.org>,size=1234,success: Message delivered.`,
    `${SYSLOG} courieresmtpd: started,ip=[::ffff:192.0.2.4],port=[25]`,
  ]);
});

const PROTOCOL = '2024-05-01T12:00:00.123Z,EXCH01\\Default Frontend EXCH01,08DC6A1B2C3D4E5F';
const TRACKING = '2024-05-01T12:00:00.123Z,192.0.2.10,mail.example.com,192.0.2.20,EXCH01,,EXCH01\\Default EXCH01';

test('Exchange protocol logs: replies in the data column, commands not', () => {
  expectEach([
    [`${PROTOCOL},7,192.0.2.10:25,203.0.113.5:49152,>,250 2.1.5 Recipient OK,`, ['R:250@exchange-log', 'E:2.1.5@exchange-log']],
    [`${PROTOCOL},2,192.0.2.10:25,203.0.113.5:49152,>,"220 EXCH01.example.com Microsoft ESMTP MAIL Service ready at Wed, 1 May 2024 12:00:00 +0000",`, ['R:220@exchange-log']],
    [`${PROTOCOL},3,192.0.2.10:25,203.0.113.5:49152,>,250-EXCH01.example.com Hello [203.0.113.5] SIZE 37748736 PIPELINING,`, ['R:250@exchange-log']],
    ['2024-05-01T12:00:00.123Z,Outbound,08DC6A1B2C3D4E60,3,192.0.2.10:51234,203.0.113.5:25,<,421 4.3.2 Service not available,', ['R:421@exchange-log', 'E:4.3.2@exchange-log']],
  ]);
  expectNone([
    `${PROTOCOL},8,192.0.2.10:25,203.0.113.5:49152,<,RCPT TO:<bob@example.org>,`,
    `${PROTOCOL},0,192.0.2.10:25,203.0.113.5:49152,+,,`,
    `${PROTOCOL},1,192.0.2.10:25,203.0.113.5:49152,*,SMTPSubmit SMTPAcceptAnyRecipient,Set Session Permissions`,
    `${PROTOCOL},4,192.0.2.10:25,203.0.113.5:49152,-,,Local`,
  ]);
});

test('Exchange message tracking and Microsoft 365 message trace: recipient status and LED=', () => {
  expectEach([
    [`${TRACKING},SMTP,RECEIVE,123456789,<x@example.com>,6e0f3a2b-1c4d,bob@example.org,250 2.1.5 Recipient OK,4567,1,,,Hello,a@example.com,a@example.com,,Incoming,,192.0.2.10,192.0.2.20,,Email,6e0f3a2b-1c4e,15.02.1118.026`,
      ['R:250@pair', 'E:2.1.5@pair']],
    ['2024-05-01T12:00:00.123Z,,,,EXCH01,,,SMTP,DEFER,123456789,<x@example.com>,6e0f3a2b,bob@example.org,{[{LRT=};{LED=441 4.4.1 Error encountered while communicating with primary target IP address};{FQDN=};{IP=192.0.2.25}]},4567,1,,,Hello,a@example.com,a@example.com,,Originating,,,,,Email,6e0f3a2b,15.02.1118.026',
      ['R:441@exchange-log', 'E:4.4.1@exchange-log']],
    ['"2024-05-01T12:00:00.0000000Z","a@example.com","bob@example.org","Fail","Reason: [{LED=550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP};{MSG=};{FQDN=};{IP=};{LRT=}]"',
      ['R:550@exchange-log', 'E:5.7.708@exchange-log']],
    ['RecipientStatus         : {[{LED=550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy};{MSG=};{FQDN=};{IP=};{LRT=}]}',
      ['R:550@exchange-log', 'E:5.7.1@exchange-log']],
  ]);
  expectNone([
    '#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count',
    '2024-05-01T12:00:00.123Z,,,,EXCH01,No suitable shadow servers,,SMTP,HAREDIRECTFAIL,123456789,<x@example.com>,6e0f3a2b,bob@example.org,,4567,1,,,Hello,a@example.com,a@example.com,,Originating,,,,S:DeliveryPriority=Normal,Email,6e0f3a2b,15.02.1118.026',
    '"2024-05-01T12:00:00.0000000Z","a@example.com","bob@example.org","Hello","Failed","192.0.2.10","6e0f3a2b-1c4d-4e5f-8a9b-0c1d2e3f4a5b","1234"',
  ]);
});

test('KumoMTA: the response code as a JSON number', () => {
  const line = '{"type":"Bounce","recipient":"bob@example.org","response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"The email account does not exist"},"size":1234}';
  const [reply] = scan(line);
  assert.deepEqual([reply!.kind, reply!.text, reply!.reply, line.slice(reply!.start, reply!.end)], ['reply', '550', 550, '550']);
  expectEach([
    [line, ['R:550@kumomta']],
    ['{"type":"Delivery","sender":"bounces@example.com","recipient":"bob@example.org","queue":"example.org","size":2345,"response":{"code":250,"enhanced_code":{"class":2,"subject":0,"detail":0},"content":"OK gsmtp","command":"."},"peer_address":{"name":"mx.example.org","addr":"192.0.2.25"},"timestamp":1714564800,"num_attempts":0}',
      ['R:250@kumomta']],
    ['{"type":"TransientFailure","recipient":"bob@example.org","response":{"code": 451, "enhanced_code": null, "content":"Try again later"},"num_attempts":3}', ['R:451@kumomta']],
    // A reply the content quotes whole is read as anywhere else.
    ['{"type":"Bounce","response":{"code":550,"enhanced_code":null,"content":"550 5.7.1 Rejected by policy"}}', ['R:550@kumomta', 'R:550@pair', 'E:5.7.1@pair']],
  ]);
  expectNone([
    '{"type":"Reception","recipient":"bob@example.org","size":1234,"timestamp":1714564800,"num_attempts":0,"created":1714564799}',
    '{"event":"delivered","response":"see the headers","code":250}',
    // An HTTP log's response object is no KumoMTA response.
    '{"level":"info","msg":"webhook","response":{"code":200,"body":"ok"},"took_ms":250}',
  ]);
});

test('PowerMTA accounting CSV: dsnStatus and dsnDiag', () => {
  expectEach([
    ['d,2024-05-01 12:00:00+0000,2024-05-01 11:59:58+0000,a@example.com,bob@example.org,,relayed,2.0.0 (success),smtp;250 2.0.0 OK 1714564800 a1si12345 - gsmtp,mx.example.org (192.0.2.25),',
      ['E:2.0.0@powermta', 'R:250@powermta', 'E:2.0.0@powermta']],
    ['b,2024-05-01 12:00:00+0000,2024-05-01 11:59:58+0000,a@example.com,bob@example.org,,failed,5.1.1 (bad destination mailbox address),"smtp;550 5.1.1 <bob@example.org>: Recipient address rejected, user unknown",mx.example.org (192.0.2.25),bad-mailbox',
      ['E:5.1.1@powermta', 'R:550@powermta', 'E:5.1.1@powermta']],
    ['t,2024-05-01 12:00:00+0000,2024-05-01 11:59:58+0000,a@example.com,bob@example.org,,delayed,4.4.1 (no answer from host),smtp;421 Service not available,,no-answer-from-host',
      ['E:4.4.1@powermta', 'R:421@powermta']],
  ]);
  // A bounce-only file (`records b`) without dsnDiag.
  assert.deepEqual(found('b,2016-05-29 01:10:51+0200,bad-domain,vmta-mta04,list@example.com,x@example.org,mta.example.com (192.0.2.1),192.0.2.1,,5.1.2 (bad destination system: no such domain),'),
    ['E:5.1.2@powermta']);
  expectNone([
    'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat',
    'd,2024-05-01 12:00:00+0000,2024-05-01 11:59:58+0000,a@example.com,bob@example.org,,relayed,,,mx.example.org (192.0.2.25),1.2.3 (a version)',
    'a,b,1.10.2 (release notes),2.0.0',
  ]);
});

test('Dovecot LMTP, amavis, Rspamd and Zimbra: the replies they quote, nothing else', () => {
  expectEach([
    ['Oct  4 00:37:29 mail dovecot: lmtp(268290): Error: lmtp-server: conn unix:pid=268289,uid=129 [1]: rcpt bob@example.org: 552 5.2.2 <bob@example.org> Quota exceeded (mailbox for user is full)',
      ['R:552@pair', 'E:5.2.2@pair']],
    ['May  5 13:38:10 mail amavis[4082]: (04082-01) FWD from <a@example.com> -> <b@example.org>, BODY=7BIT 250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as B51DBE6BE7',
      ['R:250@pair', 'E:2.0.0@pair', 'R:250@pair', 'E:2.0.0@pair']],
    ['Mar 27 17:10:54 mx amavis[28221]: (28221-03) Passed CLEAN {RelayedInbound}, [192.0.2.45]:36668 [192.0.2.45] <a@example.com> -> <b@example.org>, Queue-ID: E06A2A15D8, mail_id: GFjzLIP0NOpo, Hits: 2.339, size: 1713, queued_as: E06A2A15D8, dkim_sd=20120113:example.com, 250 2.0.0 Ok, 5278 ms',
      ['R:250@pair', 'E:2.0.0@pair']],
    ['2024-05-01 12:00:00 #12345(rspamd_proxy) <abcd12>; proxy; rspamd_milter_send_action: send reject action: 554 5.7.1 Spam message rejected',
      ['R:554@pair', 'E:5.7.1@pair']],
  ]);
  expectNone([
    'Oct  4 00:37:29 mail dovecot: lmtp(bob@example.org)<268290><UpizKIlReV8CGAQA9daSvw>: msgid=<x@example.com>: saved mail to INBOX',
    'Oct  4 00:37:29 mail dovecot: lmtp(bob@example.org)<268290><UpizKIlReV8CGAQA9daSvw>: Error: msgid=<x@example.com>: Failed to save mail to INBOX: Quota exceeded',
    '2024-05-01 12:00:00 #12345(normal worker) <abcd12>; lua; rspamd_task_write_log: id: <x@example.com>, qid: <4F2A81C0E3>, ip: 192.0.2.1, from: <a@example.com>, (default: F (no action): [1.20/15.00] [R_SPF_ALLOW(-0.20){+ip4:192.0.2.0/24;}]), len: 1234, time: 123.456ms, dns req: 12, digest: <0123abcd>',
    '2024-05-01 12:00:00,123 INFO  [LmtpServer-5] [name=bob@example.org;mid=12;ip=192.0.2.1;] lmtp - Delivering message: size=1234 bytes, nrcpts=1, sender=a@example.com',
  ]);
});

test('Postfix under renamed instances and services', () => {
  expectEach([
    [`${SYSLOG} postfix-out/smtp[12345]: 4F2A81C0E3: to=<bob@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))`,
      ['E:5.1.1@postfix-dsn', 'R:550@postfix-said', 'E:5.1.1@postfix-said']],
    [`${SYSLOG} postfix/submission/smtpd[12345]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]:54321: 554 5.7.1 <bob@example.org>: Relay access denied; from=<a@example.com> to=<bob@example.org> proto=ESMTP helo=<client.example.com>`,
      ['R:554@postfix-reject', 'E:5.7.1@postfix-reject']],
  ]);
});

test('journalctl and docker logs prefixes', () => {
  expectEach([
    // journalctl -o short-iso
    ['2024-05-01T12:00:00+0000 mx postfix/smtp[123]: 4F2A81C0E3: to=<b@example.org>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.25]:25: Connection timed out)',
      ['E:4.4.1@postfix-dsn']],
    // journalctl -o json: the message is a JSON string, quotes escaped
    ['{"__REALTIME_TIMESTAMP":"1714564800123456","_PID":"4242","PRIORITY":"6","SYSLOG_IDENTIFIER":"smtpd","MESSAGE":"1a2b3c4d5e6f7a8b mta delivery evpid=0123456789abcdef from=<a@example.com> to=<b@example.org> rcpt=<-> source=\\"192.0.2.10\\" delay=3s result=\\"PermFail\\" stat=\\"550 Invalid recipient\\""}',
      ['R:550@opensmtpd']],
    ['{"__REALTIME_TIMESTAMP":"1714564800123456","_PID":"4242","SYSLOG_IDENTIFIER":"postfix/smtp","MESSAGE":"4F2A81C0E3: to=<b@example.org>, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 User unknown (in reply to RCPT TO command))"}',
      ['E:5.1.1@postfix-dsn', 'R:550@postfix-said', 'E:5.1.1@postfix-said']],
    // docker logs --timestamps, and docker compose logs with the container name
    ['2024-05-01T12:00:00.123456789Z May  1 12:00:00 mail postfix/smtpd[123]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]:54321: 450 4.7.1 Client host rejected: cannot find your hostname',
      ['R:450@postfix-reject', 'E:4.7.1@postfix-reject']],
    ['mailserver  | 2024-05-01T12:00:00.123456789Z May  1 12:00:00 mail postfix/smtp[123]: 4F2A81C0E3: host mx.example.org[192.0.2.25] said: 451 Try again later (in reply to RCPT TO command)',
      ['R:451@postfix-said']],
    ['haraka-1  | [PROTOCOL] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] S: 421 Too many connections', ['R:421@haraka']],
  ]);
  expectNone([
    '{"__REALTIME_TIMESTAMP":"1714564800123456","_PID":"250","PRIORITY":"6","_UID":"550","SYSLOG_IDENTIFIER":"postfix/qmgr","MESSAGE":"4F2A81C0E3: removed"}',
    'mailserver  | 2024-05-01T12:00:00.123456789Z May  1 12:00:00 mail postfix/anvil[250]: statistics: max connection rate 1/60s for (smtp:192.0.2.7) at May  1 11:55:00',
  ]);
});

test('a log of these formats gets no error or warning', () => {
  const log = [
    '[PROTOCOL] [51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1] [core] S: 250 Message Queued (51DE505A-C5B4-4ED3-9FA0-45ED43F49E96.1)',
    '@400000006630c5d01b2a3c44 delivery 5: failure: Remote_host_said:_550-5.1.1_first/550_5.1.1_last/',
    '{"type":"Bounce","response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"no such user"}}',
    'b,2024-05-01 12:00:00+0000,2024-05-01 11:59:58+0000,a@example.com,b@example.org,,failed,5.1.1 (bad destination mailbox address),smtp;550 5.1.1 unknown,mx.example.org (192.0.2.25),bad-mailbox',
    `${PROTOCOL},7,192.0.2.10:25,203.0.113.5:49152,>,250 2.1.5 Recipient OK,`,
  ].join('\n');
  const serious = analyzeText(log, 'log', DEFAULT_SETTINGS).problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
  assert.deepEqual(serious, []);
});
