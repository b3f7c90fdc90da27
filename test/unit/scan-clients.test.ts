// SMTP sessions as client tools and libraries print them: which side wrote each line, the
// command each reply answers, the codes found, and the certificate, size, version and
// timing numbers around them that are not codes. All fixtures are our own, in the shapes of
// real output (swaks, openssl s_client, curl -v, telnet, smtplib, PHPMailer, Nodemailer,
// MailKit, JavaMail, Sendmail -v).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initialState, lineStatesEqual, scanLine, scanLines } from '../../server/src/scan';
import type { Finding } from '../../server/src/scan/types';
import { detectKind } from '../../server/src/service';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'clients');

/** A session from test/fixtures/clients, without the file's final newline. */
function fixture(name: string): string {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Per line: `R:250<EHLO E:2.1.0` (reply with the command it answers, enhanced code), or ''. */
function readout(text: string): string[] {
  return scanLines(text.split('\n'), 'transcript').map((findings) => findings.map(describe).join(' '));
}

function describe(f: Finding): string {
  if (f.kind === 'enhanced') return `E:${f.text}`;
  return `R:${f.text}${f.answers === undefined ? '' : `<${f.answers}`}`;
}

/** Every finding is a transcript reply (or its enhanced code), with the reply's partner set. */
function assertTranscriptFindings(text: string): void {
  for (const f of scanLines(text.split('\n'), 'transcript').flat()) {
    assert.equal(f.context, 'transcript-reply', `${f.text} on line ${f.line + 1}`);
  }
}

test('swaks: every marker, TLS and error replies, a new session at === Connected to', () => {
  const text = fixture('swaks.txt');
  assert.deepEqual(readout(text), [
    '', '', 'R:220', '', 'R:250<EHLO', 'R:250', 'R:250', 'R:250', '', 'R:220<STARTTLS E:2.0.0', '',
    '', 'R:250<EHLO', '', 'R:250<MAIL E:2.1.0', '', 'R:550<RCPT E:5.1.1', '', 'R:554<DATA E:5.5.1', '', 'R:221<QUIT E:2.0.0', '',
    // The EHLO sent before the new connection is not what the greeting answers.
    '', '', '', 'R:421 E:4.7.0', '', '',
    // `--suppress-data` shows how many lines of content were sent; the reply after them ends the message.
    '', 'R:220', '', 'R:250<MAIL E:2.1.0', '', 'R:250<RCPT E:2.1.5', '', 'R:354<DATA', '', 'R:250<DATA-END E:2.0.0',
  ]);
  assertTranscriptFindings(text);
});

test('openssl s_client -starttls smtp: certificate and TLS lines hold no codes', () => {
  const text = fixture('openssl.txt');
  const lines = readout(text);
  assert.deepEqual(lines.slice(0, 20), new Array<string>(20).fill(''));
  assert.deepEqual(lines.slice(20), [
    'R:250', '', '', 'R:250<EHLO', 'R:250', 'R:250', '', 'R:250<MAIL E:2.1.0', '', 'R:451<RCPT E:4.3.0', '', 'R:221<QUIT E:2.0.0', '',
  ]);
});

test('curl -v: < and > sides, * info lines, the upload end ends the message', () => {
  const text = fixture('curl.txt');
  assert.deepEqual(readout(text), [
    '', '', 'R:220', '', 'R:250<EHLO', 'R:250', 'R:250', '', 'R:334<AUTH', '', 'R:235<AUTH', '', 'R:250<MAIL', '', 'R:250<RCPT',
    '', 'R:354<DATA', '', '', 'R:250<DATA-END', '', 'R:221<QUIT', '',
  ]);
});

test('telnet and nc: bare replies and commands, message content is no reply', () => {
  const text = fixture('telnet.txt');
  assert.deepEqual(readout(text), [
    '', '', '', 'R:220', '', 'R:250<HELO', '', 'R:250<MAIL E:2.1.0', '', 'R:250<RCPT E:2.1.5', '', 'R:354<DATA',
    '', '', '', '', 'R:250<DATA-END E:2.0.0', '', 'R:221<QUIT E:2.0.0', '',
  ]);
});

test('msmtp --debug: <-- and --> sides, TLS certificate lines hold no codes', () => {
  const text = fixture('msmtp.txt');
  assert.deepEqual(readout(text), [
    '', 'R:220', '', 'R:250<EHLO', 'R:250', 'R:250', 'R:250', '', 'R:220<STARTTLS E:2.0.0', '', '', '', '', '', '', '',
    '', 'R:250<EHLO', 'R:250', '', 'R:535<AUTH E:5.7.8', '', 'R:221<QUIT E:2.0.0',
    // msmtp's own summary quotes the reply: a pair, answering no command.
    '', 'R:535 E:5.7.8',
  ]);
});

test('Python smtplib debug output: send/reply reprs, and the retcode and data summaries restate the reply', () => {
  const text = fixture('smtplib.txt');
  assert.deepEqual(readout(text), [
    '', '', 'R:220', 'R:220', '',
    '', 'R:250<EHLO', 'R:250', 'R:250', 'R:250', '', 'R:250<MAIL E:2.1.0', 'R:250 E:2.1.0', '',
    'R:550<RCPT E:5.1.1', 'R:550 E:5.1.1', '', 'R:354<DATA', 'R:354', 'R:354', '', 'R:250<DATA-END E:2.0.0', 'R:250 E:2.0.0',
    '', 'R:221<QUIT E:2.0.0',
  ]);
  // The summary's codes are each other's partners, at their exact places.
  const line = "reply: retcode (550); Msg: b'5.1.1 <bob@example.com>: Recipient address rejected'";
  const [reply, enhanced] = scanLines([line], 'transcript')[0]!;
  assert.deepEqual([reply!.start, reply!.end, enhanced!.start, enhanced!.end], [16, 19, 29, 34]);
  assert.equal(reply!.partner?.text, '5.1.1');
  assert.equal(enhanced!.partner?.text, '550');
  assertTranscriptFindings(text);
});

test('PHPMailer SMTPDebug: SERVER -> CLIENT and CLIENT -> SERVER after timestamps or a caller prefix', () => {
  const text = fixture('phpmailer.txt');
  assert.deepEqual(readout(text), [
    '', 'R:220', '', 'R:250<EHLO', 'R:250', 'R:250', '', 'R:250<MAIL E:2.1.0', '', 'R:550 E:5.1.1', 'R:550<RCPT E:5.1.1', '',
    'R:221<QUIT E:2.0.0', 'R:220',
  ]);
  assertTranscriptFindings(text);
});

test('Nodemailer, MailKit and other S:/C: logs after timestamps, levels and bracketed ids', () => {
  const text = fixture('nodemailer.txt');
  assert.deepEqual(readout(text), [
    '', '', 'R:220', '', 'R:250<EHLO', 'R:250', '', 'R:354<DATA', '', '', '', 'R:250<DATA-END',
    'R:250', 'R:250', 'R:421 E:4.7.0', '', 'R:220', '', 'R:250<EHLO',
  ]);
  assertTranscriptFindings(text);
});

test('JavaMail debug: DEBUG SMTP lines hold no codes or commands; replies and commands are bare', () => {
  const text = fixture('javamail.txt');
  assert.deepEqual(readout(text), [
    '', '', '', 'R:220', '', '', '', 'R:250<EHLO', 'R:250', 'R:250', '', '', '', 'R:250<MAIL', '', 'R:550<RCPT E:5.1.1',
    '', '', 'R:250<RSET E:2.0.0', '', 'R:221<QUIT',
  ]);
});

test('Sendmail -v: 050 lines are the relayed session, read apart from the submission session', () => {
  const text = fixture('sendmail-v.txt');
  assert.deepEqual(readout(text), [
    '', 'R:220', '', 'R:250<EHLO', '', 'R:250<MAIL E:2.1.0', '', '', 'R:250<RCPT E:2.1.5', 'R:354<DATA', '',
    '', 'R:220', '', 'R:250<EHLO', '', 'R:250<MAIL E:2.1.0', '', 'R:550<RCPT E:5.1.1', '', '', 'R:221<QUIT E:2.0.0',
    // The submission's own reply to its `.`, after the relayed session in between.
    'R:250<DATA-END E:2.0.0', '',
  ]);
  // `050` is Sendmail's verbose prefix, never a malformed reply.
  assert.ok(scanLines(text.split('\n'), 'transcript').flat().every((f) => f.text !== '050'));
});

test('log prefixes: levels before a bracketed field, in a log file too; a month or a bare word is no prefix', () => {
  assert.deepEqual(readout('WARNING [x1] S: 421 4.7.0 Try again later'), ['R:421 E:4.7.0']);
  assert.deepEqual(readout('ERROR 550 was not sent'), ['']);
  const log = scanLines(['[2024-05-01 12:00:01] DEBUG [Zk3iQ0mXyA] S: 550 5.1.1 unknown', 'May  1 12:00:01 S: 250 ok'], 'log');
  assert.deepEqual(log.map((findings) => findings.map((f) => `${f.text}@${f.context}`)), [['550@transcript-reply', '5.1.1@transcript-reply'], []]);
});

test("Sendmail's 'Connecting to' opens a session only after a bare address", () => {
  const text = [
    'MAIL FROM:<alice@example.org>',
    '550 5.1.8 <alice@example.org>... Connecting to the sender domain failed',
    'bob@example.com... Connecting to mx.example.com. via esmtp...',
    '220 mx.example.com ESMTP',
  ].join('\n');
  assert.deepEqual(readout(text), ['', 'R:550<MAIL E:5.1.8', '', 'R:220']);
});

test('the relayed session is part of the line state', () => {
  const after = scanLine('050 >>> RCPT To:<bob@example.com>', 0, initialState('transcript')).next;
  assert.deepEqual(after.transcript?.relayed?.pending, ['RCPT']);
  assert.deepEqual(after.transcript?.pending, []);
  assert.equal(lineStatesEqual(after, initialState('transcript')), false);
  const answered = scanLine('050 250 2.1.5 Ok', 1, after).next;
  assert.equal(lineStatesEqual(answered, { kind: 'transcript', transcript: { pending: [], inData: false, inAuth: false, relayed: { pending: [], inData: false, inAuth: false } } }), true);
});

test('sizes, versions, TLS bits, ports and timestamps around replies are not codes', () => {
  const text = fixture('not-codes.txt');
  const texts = scanLines(text.split('\n'), 'transcript').flat().map((f) => f.text);
  assert.deepEqual(texts, ['220', '220', '250', '250', '250']);
});

test('client tool output is read as a transcript from its content', () => {
  for (const name of fs.readdirSync(FIXTURES)) assert.equal(detectKind('paste.txt', fixture(name)), 'transcript', name);
  const samples: readonly string[] = [
    '=== Trying mx.example.com:25...\n=== Connected to mx.example.com.\n<-  220 mx.example.com ESMTP',
    '<~* 550 5.1.1 <bob@example.com>: Recipient address rejected',
    "send: 'ehlo [192.0.2.10]\\r\\n'\nreply: b'250-mx.example.com\\r\\n'",
    "    reply: '250 2.1.5 Bob <bob@example.com>\\r\\n'",
    '2024-05-01 12:00:01 SERVER -> CLIENT: 220 smtp.example.com ESMTP Postfix',
    '[2024-05-01 12:00:01] DEBUG [Zk3iQ0mXyA] S: 220 smtp.example.com ESMTP',
    'DEBUG: setDebug: JavaMail version 1.6.2\nDEBUG SMTP: useEhlo true, useAuth true',
    '050 >>> RCPT To:<bob@example.com>',
    'CONNECTED(00000003)\ndepth=0 CN = mx.example.com',
    '* Connected to smtp.example.com (192.0.2.25) port 587 (#0)\n< 220 smtp.example.com ESMTP',
    "Trying 192.0.2.25...\nConnected to mx.example.com.\nEscape character is '^]'.",
    '220 mx.example.com ESMTP Postfix\nEHLO client.example.org',
    'EHLO client.example.org\n250-mx.example.com',
  ];
  for (const sample of samples) assert.equal(detectKind('paste.txt', sample), 'transcript', sample);
  // Log lines that merely mention a session stay logs.
  assert.equal(detectKind('paste.txt', 'May  1 12:00:01 mx postfix/smtpd[4242]: connect from client.example.org[192.0.2.10]'), 'log');
});
