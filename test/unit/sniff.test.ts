// The content sniffer: which starts of documents are about SMTP (and which kind), which are
// not, and that it never reads past its window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectKind, SNIFF_CHARS, SNIFF_LINES, sniffKind } from '../../server/src/service';

const TELNET = [
  '$ telnet mx.example.net 25',
  'Trying 192.0.2.25...',
  'Connected to mx.example.net.',
  "Escape character is '^]'.",
  '220 mx.example.net ESMTP Postfix (Debian/GNU)',
  'EHLO client.example.org',
  '250-mx.example.net',
  '250-PIPELINING',
  '250 8BITMIME',
  'MAIL FROM:<alice@example.org>',
  '250 2.1.0 Ok',
  'RCPT TO:<nobody@example.net>',
  '550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table',
  'QUIT',
  '221 2.0.0 Bye',
].join('\n');

test('documents about SMTP, by kind', () => {
  const cases: readonly [string, string][] = [
    [TELNET, 'transcript'],
    ['S: 220 mx.example.net ESMTP\nC: EHLO a.example.org\n', 'transcript'],
    ['{\n  "notificationType": "Bounce",\n  "bounce": {\n    "bouncedRecipients": [\n', 'json'],
    ['{"email":"a@example.net","event":"bounce","sg_event_id":"x","reason":"550 5.1.1 no"}\n', 'json'],
    ['[{"RecordType": "Bounce", "Details": "smtp;550 5.1.1 no"}]', 'json'],
    ['{"event-data": {"event": "failed", "delivery-status": {"code": 550}}}', 'json'],
    ['Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.net\n', 'dsn'],
    ['Nov 28 10:00:01 mx postfix/smtp[4242]: 4Xy: to=<a@example.net>, relay=none, delay=0.1, dsn=4.4.1, status=deferred', 'log'],
    ['Nov 28 10:00:01 mx postfix/submission/smtpd[4242]: connect from x[192.0.2.1]', 'log'],
    ['2026-11-28 10:00:01 1abc-000 ** a@example.net R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO', 'log'],
    ['date_time_utc,sender_address,recipient_address,recipient_status\n2026-11-28,a@example.org,b@example.net,"550 5.1.10 RESOLVER.ADR.RecipientNotFound"', 'log'],
    ['email,Bounce Reason,created\nb@example.net,mailbox full,2026-11-28', 'log'],
    ['The mail came back with: 550 5.1.1 user unknown', 'log'],
    ['smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n', 'config'],
    ['postscreen_dnsbl_action = enforce\n', 'config'],
    ['R$*\t\t\t$#error $@ 5.7.1 $: "550 Relaying denied"\n', 'config'],
    ['/^4\\.7\\.1 .*spamhaus/    5.7.1 Listed at Spamhaus\n/^\\S+ greylisted/   DEFER 4.7.1 later\n', 'config'],
    ['Return-Path: <>\nReceived: from mx\nSubject: Undelivered Mail\n\n550 5.1.1 <a@example.net>: unknown\n', 'dsn'],
    ['Return-Path: <>\nFrom: Mail Delivery System <Mailer-Daemon@mx.example.net>\nSubject: Mail delivery failed\n\nThe message could not be delivered.\n', 'dsn'],
    ['Received: (qmail 1234 invoked for bounce)\nFrom: MAILER-DAEMON@mx.example.net\nSubject: failure notice\n', 'dsn'],
  ];
  for (const [text, kind] of cases) assert.equal(sniffKind(text), kind, text.slice(0, 60));
});

test('other plain text, JSON and CSV is not about SMTP', () => {
  const others = [
    '',
    'Shopping list\n- milk\n- 12 eggs\n',
    'Meeting at 10:30 in room 550. Version 5.1.1 ships on Friday.',
    '{\n  "name": "my-app",\n  "version": "5.1.1",\n  "scripts": { "test": "node --test" }\n}\n',
    '{"status": 200, "code": 550, "message": "Created"}',
    'id,name,price\n1,widget,550\n2,gadget,421\n',
    'order,delivery_status\n1,shipped\n',
    'GET /index.html HTTP/1.1 200 5120\n127.0.0.1 - - [28/Nov/2026:10:00:01] "GET / HTTP/1.1" 500 421',
    '220 volts is the mains voltage, SMTP aside\n',
    'port = 25\nmessage_size_limit = 10240000\n',
    'From: alice@example.org\nSubject: Lunch on Friday?\n\nShall we meet at 12:30?\n',
  ];
  for (const text of others) assert.equal(sniffKind(text), undefined, text.slice(0, 60));
});

test('the sniffer reads a bounded window: whole lines, SNIFF_LINES and SNIFF_CHARS at most', () => {
  const filler = 'nothing to see here\n';
  assert.equal(sniffKind(filler.repeat(SNIFF_LINES - 1) + TELNET), undefined, 'the greeting lies past the last line read');
  assert.equal(sniffKind(filler.repeat(SNIFF_LINES - 20) + TELNET), 'transcript');
  const wide = `${'x'.repeat(SNIFF_CHARS)}\n${TELNET}`;
  assert.equal(sniffKind(wide), undefined, 'nothing past the character window');
  const huge = 'y'.repeat(10_000_000);
  const start = Date.now();
  for (let i = 0; i < 50; i++) sniffKind(huge);
  assert.ok(Date.now() - start < 2000, 'a huge document costs no more than its window');
});

test('detectKind: a name or language says it first; the CLI reads content the same way', () => {
  assert.equal(detectKind('events.json', '{"a": 1}'), 'json');
  assert.equal(detectKind('events.jsonl', ''), 'json');
  assert.equal(detectKind('untitled:Untitled-1', TELNET), 'transcript');
  assert.equal(detectKind('x', '{}', 'jsonl'), 'json');
  assert.equal(detectKind('x', '{}', 'jsonc'), 'json');
  assert.equal(detectKind('sendmail.mc', ''), 'config');
  assert.equal(detectKind('export.csv', 'recipient,smtp_response\nb@example.net,"550 5.1.1 no"'), 'log');
  assert.equal(detectKind('notes.txt', 'Subject: hello\n'), 'dsn', 'mail headers without anything else still read as a message');
});
