// Message ids and their hops as each MTA logs them, the messages they group into, and the
// timelines a user reads in hovers, outlines and `trace`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { foldLines, readLine, TraceIndex, timelineSummary, type MessageTimeline } from '../../server/src/trace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const fixtureLines = (name: string): string[] => readFileSync(path.join(ROOT, 'test', 'fixtures', 'demo', 'trace', name), 'utf8').split('\n');

function timelines(lines: readonly string[]): MessageTimeline[] {
  const { index } = foldLines(lines);
  return index.messages().map((group) => index.timeline(group.index)!);
}

const recipientsOf = (timeline: MessageTimeline): string[] =>
  timeline.recipients.map((r) => `${r.recipient} ${r.final.attempt.outcome}${r.verdict === undefined ? '' : ` ${r.verdict.reason}`}`);

describe('Postfix', () => {
  const messages = timelines(fixtureLines('postfix.log'));

  it('follows a message through the amavis re-queue, the next relay and the bounce as one message', () => {
    const message = messages.find((m) => m.legs[0]?.text === '4R1bBc2DfGz9xYq')!;
    assert.deepEqual(message.legs.map((leg) => `${leg.text} ${leg.role}`), ['4R1bBc2DfGz9xYq original', '4R1bBd0KqLz9xYt hop', '8C3F21A04B hop', '4R1bBf3MnPz9xYw bounce', '5D2E91B07C hop']);
    assert.equal(message.sender, 'alice@example.org');
    assert.equal(message.client, 'client.example.org[192.0.2.10]');
    assert.deepEqual(message.messageIds, ['20250303100001.1@example.org']);
    assert.deepEqual(recipientsOf(message), ['bob@example.net sent', 'carol@example.com bounced userunknown']);
    // Each recipient's attempts: the hand-off to the filter, then the real delivery.
    assert.deepEqual(message.recipients.map((r) => r.attempts.map((a) => a.attempt.relay)), [
      ['127.0.0.1[127.0.0.1]:10024', 'mx.example.net[198.51.100.25]:25'],
      ['127.0.0.1[127.0.0.1]:10024', 'aspmx.l.google.com[203.0.113.27]:25'],
    ]);
    assert.deepEqual(message.bounces.map((b) => `${b.recipient} ${b.final.attempt.outcome}`), ['alice@example.org sent']);
    assert.equal(timelineSummary(message), '2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4.2 s');
    assert.equal(message.recipients[1]!.verdict?.provider, 'google');
  });

  it('groups NOQUEUE rejects by client connection, and reads a deferral with its delay', () => {
    const rejects = messages.find((m) => m.legs[0]?.text === 'NOQUEUE from 198.51.100.77')!;
    assert.deepEqual(recipientsOf(rejects), ['dave@example.net rejected norelaying', 'erin@example.net rejected norelaying']);
    assert.equal(rejects.sender, 'spam@example.biz');
    const deferred = messages.find((m) => m.legs[0]?.text === '3C9A71F2B4')!;
    assert.equal(deferred.outcome, 'deferred');
    assert.equal(deferred.recipients[0]!.final.delay, 31);
    assert.equal(deferred.recipients[0]!.final.attempt.enhanced, '4.7.650');
  });

  it('accepts short and long queue ids only in their own alphabets', () => {
    assert.equal(readLine('Mar  3 10:00:01 mx1 postfix/qmgr[1]: 8C3F21A04B: removed')?.owner.text, '8C3F21A04B');
    assert.equal(readLine('Mar  3 10:00:01 mx1 postfix/qmgr[1]: 4R1bBc2DfGz9xYq: removed')?.owner.text, '4R1bBc2DfGz9xYq');
    // Vowels are not in the long-id alphabet; a word before a colon is not an id.
    assert.equal(readLine('Mar  3 10:00:01 mx1 postfix/qmgr[1]: 4R1aBc2DfGz9xYq: removed'), undefined);
    assert.equal(readLine('Mar  3 10:00:01 mx1 postfix/smtpd[1]: warning: hostname example.com does not resolve'), undefined);
    assert.equal(readLine('Mar  3 10:00:01 mx1 postfix/smtpd[1]: connect from unknown[192.0.2.1]'), undefined);
  });

  it('starts a new message when a short queue id comes back after it was removed', () => {
    const lines = [
      'Mar  3 10:00:01 mx1 postfix/qmgr[1]: 8C3F21A04B: from=<a@example.org>, size=1, nrcpt=1 (queue active)',
      'Mar  3 10:00:02 mx1 postfix/qmgr[1]: 8C3F21A04B: removed',
      'Mar  4 11:00:01 mx1 postfix/qmgr[1]: 8C3F21A04B: from=<b@example.org>, size=1, nrcpt=1 (queue active)',
    ];
    assert.deepEqual(timelines(lines).map((m) => m.sender), ['a@example.org', 'b@example.org']);
  });

  it('ties a pasted bounce to the log through X-Postfix-Queue-ID and Message-ID headers', () => {
    const lines = [
      'Mar  3 10:00:01 mx1 postfix/cleanup[2]: 8C3F21A04B: message-id=<x1@example.org>',
      'Mar  3 10:00:02 mx1 postfix/smtp[3]: 8C3F21A04B: to=<c@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0/0/0/1, dsn=5.2.2, status=bounced (host mx.example.net[198.51.100.25] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command))',
      '',
      'X-Postfix-Queue-ID: 8C3F21A04B',
      'Message-ID: <x1@example.org>',
    ];
    const [message] = timelines(lines);
    assert.deepEqual(message!.lines, [0, 1, 3, 4]);
    assert.deepEqual(recipientsOf(message!), ['c@example.net bounced mailboxfull']);
  });
});

describe('Exim', () => {
  const messages = timelines(fixtureLines('exim.log'));

  it('follows the amavis hop (`250 OK id=`) and the bounce (`<= <> R=`), with QT= and timestamp delays', () => {
    const message = messages[0]!;
    assert.deepEqual(message.legs.map((leg) => `${leg.text} ${leg.role}`), ['1tPqRs-000A1b-2C original', '1tPqRt-000A1c-3D hop', '8C3F21A04B hop', '1tPqRu-000A1d-4E bounce', '5D2E91B07C hop']);
    assert.deepEqual(recipientsOf(message), ['bob@example.net sent', 'carol@example.com bounced userunknown']);
    assert.deepEqual(message.recipients.map((r) => r.final.delay), [3, 4]);
    assert.equal(message.recipients[1]!.final.attempt.relay, 'aspmx.l.google.com [203.0.113.27]');
  });

  it('reads 23-character ids and groups rejects without an id by connection', () => {
    assert.ok(messages.some((m) => m.legs[0]?.text === '1tPqSa-00000000A1e-5F6g' && m.outcome === 'deferred'));
    const rejects = messages.find((m) => m.legs[0]?.text.startsWith('rejected'))!;
    assert.deepEqual(recipientsOf(rejects), ['dave@example.net rejected norelaying']);
    // Neither a date, a time nor a PID is an id.
    assert.equal(readLine('2025-03-03 10:00:01 Start queue run: pid=449'), undefined);
  });
});

describe('Sendmail and OpenSMTPD', () => {
  it('follows Sendmail through the local hand-off ("Message accepted for delivery") and the DSN it created', () => {
    const lines = [
      'Mar  3 10:00:01 web1 sendmail[901]: 523A0A1e000901: from=app, size=300, class=0, nrcpts=1, msgid=<m1@web1.example.org>, relay=app@localhost',
      'Mar  3 10:00:01 web1 sendmail[901]: 523A0A1e000901: to=dora@example.net, ctladdr=app (1000/1000), delay=00:00:00, xdelay=00:00:00, mailer=relay, pri=30300, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (523A0A1f000902 Message accepted for delivery)',
      'Mar  3 10:00:01 web1 sm-mta[902]: 523A0A1f000902: from=<app@web1.example.org>, size=520, class=0, nrcpts=1, msgid=<m1@web1.example.org>, proto=ESMTP, daemon=MTA-v4, relay=localhost [127.0.0.1]',
      'Mar  3 10:00:04 web1 sm-mta[903]: 523A0A1f000902: to=<dora@example.net>, delay=00:00:03, xdelay=00:00:03, mailer=esmtp, pri=120520, relay=mx.example.net. [198.51.100.25], dsn=5.1.1, stat=User unknown',
      'Mar  3 10:00:04 web1 sm-mta[903]: 523A0A1f000902: 523A0A1g000903: DSN: User unknown',
      'Mar  3 10:00:05 web1 sm-mta[903]: 523A0A1g000903: to=<app@web1.example.org>, delay=00:00:01, xdelay=00:00:01, mailer=local, pri=30000, dsn=2.0.0, stat=Sent',
    ];
    const [message, ...rest] = timelines(lines);
    assert.equal(rest.length, 0);
    assert.deepEqual(message!.legs.map((leg) => `${leg.text} ${leg.role}`), ['523A0A1e000901 original', '523A0A1f000902 hop', '523A0A1g000903 bounce']);
    assert.deepEqual(recipientsOf(message!), ['dora@example.net bounced userunknown']);
    assert.equal(message!.recipients[0]!.final.delay, 3);
    assert.equal(message!.recipients[0]!.final.attempt.remoteHost, 'mx.example.net');
  });

  it('reads OpenSMTPD messages by msgid, their envelopes, and failed commands of the session', () => {
    const lines = [
      'Mar  3 10:00:01 mx2 smtpd[71]: 1a2b3c4d5e6f7a8b smtp connected address=192.0.2.44 host=client.example.org',
      'Mar  3 10:00:02 mx2 smtpd[71]: 1a2b3c4d5e6f7a8b smtp failed-command command="RCPT TO:<nobody@example.com>" result="550 Invalid recipient: <nobody@example.com>"',
      'Mar  3 10:00:03 mx2 smtpd[71]: 1a2b3c4d5e6f7a8b smtp message msgid=0f1e2d3c size=1200 nrcpt=1 proto=ESMTP',
      'Mar  3 10:00:03 mx2 smtpd[71]: 1a2b3c4d5e6f7a8b smtp envelope evpid=0f1e2d3c4b5a6978 from=<gus@example.org> to=<hana@example.net>',
      'Mar  3 10:00:05 mx2 smtpd[72]: 9f8e7d6c5b4a3928 mta delivery evpid=0f1e2d3c4b5a6978 from=<gus@example.org> to=<hana@example.net> rcpt=<-> source="198.51.100.9" relay="mx.example.net [198.51.100.25]" delay=2s result="TempFail" stat="421 4.7.0 Try again later"',
    ];
    const messages = timelines(lines);
    assert.deepEqual(messages.map((m) => m.legs[0]?.text), ['1a2b3c4d5e6f7a8b', '0f1e2d3c']);
    assert.deepEqual(recipientsOf(messages[0]!), ['nobody@example.com rejected userunknown']);
    assert.equal(messages[1]!.sender, 'gus@example.org');
    assert.deepEqual(messages[1]!.recipients.map((r) => `${r.recipient} ${r.final.attempt.outcome} ${r.final.attempt.reply} ${r.final.delay}`), ['hana@example.net deferred 421 2']);
  });
});

describe('the index as a document changes', () => {
  it('after edits, equals an index built from the final text', () => {
    const lines = fixtureLines('postfix.log');
    const current = [...lines];
    const index = new TraceIndex((line) => current[line] ?? '');
    for (const text of current) index.add(text);
    const edits: [number, number, string[]][] = [[0, 0, ['Mar  3 09:00:00 mx1 postfix/master[1]: daemon started']], [13, 2, []], [5, 1, [lines[5]!.replace('4R1bBd0KqLz9xYt', '4R1bBd0KqLz9xYv')]], [current.length - 3, 0, lines.slice(0, 4)]];
    for (const [start, count, texts] of edits) {
      current.splice(start, count, ...texts);
      index.splice(start, count, texts);
      const fresh = foldLines(current).index;
      const shape = (i: TraceIndex) => i.messages().map((m) => `${m.legs.map((l) => l.key).join('+')}:${m.lines.join(',')}`);
      assert.deepEqual(shape(index), shape(fresh));
    }
  });
});
