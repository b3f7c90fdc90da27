// The deliverability report, redaction for tickets, and the `trace` and `report` commands as a
// user runs them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './cli-run';
import { runReport } from '../../server/src/cli/report';
import { runTrace } from '../../server/src/cli/trace';
import { redactorFor, reportOf, type DeliverabilityReport, type ReportEntry } from '../../server/src/report';
import { foldLines } from '../../server/src/trace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string): string => path.join(ROOT, 'test', 'fixtures', 'demo', 'trace', name);
const fixtureLines = (name: string): string[] => readFileSync(fixture(name), 'utf8').split('\n');

const counts = (entries: readonly ReportEntry[]): Record<string, number> => Object.fromEntries(entries.map((e) => [e.key, e.count]));

const cli = runCli;

describe('deliverability report', () => {
  const report: DeliverabilityReport = reportOf([
    { name: 'postfix.log', index: foldLines(fixtureLines('postfix.log')).index },
    { name: 'exim.log', index: foldLines(fixtureLines('exim.log')).index },
  ]);

  it('counts messages, recipients and attempts by outcome', async () => {
    assert.deepEqual(counts(report.messages.byOutcome), { deferred: 2, mixed: 2, rejected: 2 });
    assert.deepEqual(counts(report.recipients.byOutcome), { sent: 2, bounced: 2, deferred: 2, rejected: 3 });
    // Hand-offs to the content filter are attempts too.
    assert.deepEqual(counts(report.attempts.byOutcome), { sent: 6, bounced: 2, deferred: 2, rejected: 3 });
  });

  it('breaks failed recipients down by reason, provider and domain, each linking to its lines', async () => {
    assert.deepEqual(counts(report.failures.byReason), { norelaying: 3, speeding: 2, userunknown: 2 });
    assert.deepEqual(counts(report.failures.byProvider), { other: 3, google: 2, microsoft365: 2 });
    assert.deepEqual(counts(report.failures.byDomain), { 'example.com': 4, 'example.net': 3 });
    const unknown = report.failures.byReason.find((e) => e.key === 'userunknown')!;
    assert.deepEqual(unknown.locations, [{ source: 0, line: 13 }, { source: 1, line: 6 }]);
  });

  it('gives deferral delays and the top replies in the remote servers\' own words', () => {
    assert.deepEqual({ count: report.deferrals?.count, median: report.deferrals?.median, max: report.deferrals?.max }, { count: 2, median: 31, max: 31 });
    // Postfix and Exim word the same remote reply differently around it; the reply itself counts once per attempt.
    assert.deepEqual(report.replies.slice(0, 2).map((e) => `${e.count} ${e.key}`), [
      '2 451 4.7.650 The mail server [address] has been temporarily rate limited due to IP reputation.',
      '2 554 5.7.1 <address>: Relay access denied',
    ]);
  });

  it('counts a line once per attempt, however many codes it holds', async () => {
    const line = 'Mar  3 10:00:06 mx1 postfix/smtp[2]: 8C3F21A04B: to=<c@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.net[198.51.100.25] said: 550 5.1.1 <c@example.net>: 550 5.1.1 Recipient address rejected (in reply to RCPT TO command))';
    const single = reportOf([{ name: 'x', index: foldLines([line]).index }]);
    assert.deepEqual(counts(single.attempts.byOutcome), { bounced: 1 });
    assert.deepEqual(counts(single.failures.byReason), { userunknown: 1 });
  });

  it('buckets activity per hour within a day, per day over longer spans', async () => {
    assert.equal(report.overTime.unit, 'day');
    const postfixOnly = reportOf([{ name: 'p', index: foldLines(fixtureLines('postfix.log')).index }]);
    assert.equal(postfixOnly.overTime.unit, 'hour');
    assert.deepEqual(postfixOnly.overTime.buckets, [{ label: '03-03 10:00', attempts: { sent: 3, bounced: 1, rejected: 2, deferred: 1 } }]);
  });
});

describe('redaction for tickets', () => {
  const LOCAL_PARTS = /\b(alice|bob|carol|dave|erin|frank|spam|app)\b/;
  const CLIENT_IPS = /192\.0\.2\.10\b|198\.51\.100\.77/;

  it('leaves no local part or client IP in a trace, and keeps codes, provider hosts and our sending IP', async () => {
    for (const name of ['postfix.log', 'exim.log']) {
      const fold = foldLines(fixtureLines(name));
      const redacted = redactorFor([fold.index]).text(fixtureLines(name).join('\n'));
      assert.doesNotMatch(redacted, LOCAL_PARTS, redacted);
      assert.doesNotMatch(redacted, CLIENT_IPS);
      assert.match(redacted, /550-5\.1\.1/);
      assert.match(redacted, /aspmx\.l\.google\.com/);
      assert.match(redacted, /The mail server \[198\.51\.100\.9\]/);
    }
  });

  it('uses the same placeholder for the same address everywhere', async () => {
    const fold = foldLines(fixtureLines('postfix.log'));
    const redactor = redactorFor([fold.index]);
    const a = redactor.text('from=<alice@example.org> to=<bob@example.net>');
    const b = redactor.text('to=<bob@example.net> from=<alice@example.org>');
    assert.equal(a, 'from=<user1@example.org> to=<user2@example.net>');
    assert.equal(b, 'to=<user2@example.net> from=<user1@example.org>');
    assert.match(redactor.text('client=unknown[198.51.100.77]:25 and 198.51.100.7'), /^client=unknown\[client-ip-\d\]:25 and 198\.51\.100\.7$/);
  });
});

describe('smtp-status trace and report', () => {
  it('trace prints every line of the message, later hops and bounce included, like exigrep', async () => {
    const { code, out } = await cli(runTrace, ['4R1bBd0KqLz9xYt', fixture('postfix.log')]);
    assert.equal(code, 0);
    const expected = fixtureLines('postfix.log').filter((line) => /4R1bB[cdf]/.test(line));
    assert.deepEqual(out.trimEnd().split('\n'), expected);
  });

  it('trace finds a message by its Message-ID and prints JSON with the timeline', async () => {
    const { code, out } = await cli(runTrace, ['--format', 'json', '<20250303100001.2@example.org>', fixture('exim.log')]);
    assert.equal(code, 0);
    const result = JSON.parse(out) as { messages: { summary: string; lines: { line: number }[]; timeline: { recipients: { recipient: string }[] } }[] };
    assert.equal(result.messages.length, 1);
    assert.equal(result.messages[0]!.summary, '2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4 s');
    assert.deepEqual(result.messages[0]!.lines.map((l) => l.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('trace exits 1 when no message has the id, and --redact hides local parts and client IPs', async () => {
    assert.equal((await cli(runTrace, ['ZZZZZZZZZZ', fixture('postfix.log')])).code, 1);
    assert.equal((await cli(runTrace, [fixture('postfix.log')])).code, 2);
    const { out } = await cli(runTrace, ['--redact', '4R1bBc2DfGz9xYq', fixture('postfix.log')]);
    assert.doesNotMatch(out, /alice|bob|carol|192\.0\.2\.10\b/);
    assert.match(out, /4R1bBc2DfGz9xYq: client=client\.example\.org\[client-ip-1\], sasl_method=PLAIN, sasl_username=user\d@example\.org/);
  });

  it('report prints text, Markdown and JSON', async () => {
    const text = await cli(runReport, [fixture('postfix.log')]);
    assert.equal(text.code, 0);
    assert.match(text.out, /Failed recipients by reason \(4\)\n {2}2 {2}50 % {2}norelaying {2}\(.*postfix\.log:22, .*postfix\.log:23\)/);
    const markdown = await (await cli(runReport, ['--format', 'markdown', fixture('postfix.log')])).out;
    assert.match(markdown, /^# Deliverability report/);
    assert.match(markdown, /\| userunknown \| 1 \| 25 % \| \[14\]\(.*postfix\.log:14\) \|/);
    const json = JSON.parse((await cli(runReport, ['--format=json', fixture('postfix.log')])).out) as DeliverabilityReport;
    assert.equal(json.messages.total, 3);
    assert.equal((await cli(runReport, ['--format', 'html', fixture('postfix.log')])).code, 2);
  });
});
