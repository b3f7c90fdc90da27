// Filters for "Open Part of a Large Mail Log...": each condition keeps what a postmaster means by
// it, on real log shapes, and a filter that cannot work says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/service';
import { compileFilter, type LineFilterSpec } from '../../server/src/select';

const LINES = [
  'Mar  4 09:15:00 mx postfix/smtp[1]: 4BC1: to=<bob@example.net>, relay=aspmx.l.google.com[192.0.2.1]:25, dsn=5.1.1, status=bounced (host aspmx.l.google.com[192.0.2.1] said: 550 5.1.1 no such user (in reply to RCPT TO command))',
  'Mar  4 09:45:10 mx postfix/smtp[1]: 4BC2: to=<carol@mail.example.org>, relay=mx.example.org[192.0.2.2]:25, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.2]:25: Connection timed out)',
  'Mar  4 23:59:59 mx postfix/smtp[1]: 4BC3: to=<dave@example.com>, relay=example-com.mail.protection.outlook.com[192.0.2.3]:25, dsn=2.0.0, status=sent (250 2.0.0 OK)',
  'Mar  4 00:00:05 mx postfix/qmgr[2]: 4BC3: from=<bob@example.net>, size=1024, nrcpt=1 (queue active)',
  '2024-03-04T12:00:00+00:00 mx postfix/smtpd[3]: NOQUEUE: reject: RCPT from x[203.0.113.9]: 554 5.7.1 <erin@notgoogle.com>: Relay access denied',
  'Mar  4 20:00:00 mx postfix/smtp[1]: 4BC5: to=<frank@gmail.com>, relay=mx.example.net[192.0.2.5]:25, dsn=4.7.0, status=deferred (host mx.example.net[192.0.2.5] said: 421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to unexpected volume or user complaints - see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))',
];

function kept(spec: LineFilterSpec): number[] {
  const filter = compileFilter(spec);
  assert.equal(typeof filter, 'function', String(filter));
  const findings = analyzeText(LINES.join('\n'), 'log').findings;
  return LINES.flatMap((text, line) => ((filter as Exclude<typeof filter, string>)(text, findings.filter((f) => f.line === line)) ? [line] : []));
}

test('time window: time of day, inclusive, syslog and ISO stamps, wrapping past midnight', () => {
  assert.deepEqual(kept({ from: '09:00', to: '09:30' }), [0]);
  assert.deepEqual(kept({ from: '09:15:00', to: '12:00' }), [0, 1, 4]);
  assert.deepEqual(kept({ from: '23:00', to: '01:00' }), [2, 3]);
});

test('outcome follows the worst class of the codes on the line; lines without codes have none', () => {
  assert.deepEqual(kept({ outcome: 'permanent' }), [0, 4]);
  assert.deepEqual(kept({ outcome: 'temporary' }), [1, 5]);
  assert.deepEqual(kept({ outcome: 'success' }), [2]);
});

test('reason matches a code or its start', () => {
  assert.deepEqual(kept({ reason: '5.1.1' }), [0]);
  assert.deepEqual(kept({ reason: '5.7' }), [4]);
  assert.deepEqual(kept({ reason: '55' }), [0, 4]);
});

test('recipient domain: the domain or a subdomain of an address, not the sender', () => {
  assert.deepEqual(kept({ recipientDomain: 'example.net' }), [0]);
  assert.deepEqual(kept({ recipientDomain: '@example.org' }), [1]);
  assert.deepEqual(kept({ recipientDomain: 'example.com' }), [2]);
});

test('provider: who answered, by the relay host (not an address); message id and free text; all conditions at once', () => {
  assert.deepEqual(kept({ provider: 'google' }), [0], 'notgoogle.com is not Google');
  assert.deepEqual(kept({ provider: 'microsoft365' }), [2]);
  assert.deepEqual(kept({ provider: 'yahoo' }), [5], "Yahoo's reply text names it; the Gmail recipient does not make it Google's");
  assert.deepEqual(kept({ messageId: '4BC3' }), [2, 3]);
  assert.deepEqual(kept({ text: 'RELAY ACCESS' }), [4]);
  assert.deepEqual(kept({ messageId: '4BC3', outcome: 'success' }), [2]);
  assert.deepEqual(kept({}), [0, 1, 2, 3, 4, 5]);
});

test('a filter that cannot work says why', () => {
  assert.match(String(compileFilter({ from: '9am' })), /HH:MM/);
  assert.match(String(compileFilter({ to: '24:00' })), /HH:MM/);
  assert.match(String(compileFilter({ reason: 'user unknown' })), /a code or its start/);
  assert.match(String(compileFilter({ provider: 'aol' as never })), /unknown provider/);
});
