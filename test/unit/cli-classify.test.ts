// `smtp-status classify`: one record per failed or deferred delivery in logs, bounces,
// transcripts and ESP event JSON, in text and JSON, run in-process with our own fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runClassify } from '../../server/src/cli/classify';
import type { ClassifyRecord } from '../../server/src/service';
import { runCli, type CliRun } from './cli-run';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'classify');
const file = (name: string): string => path.join(FIXTURES, name);

const run = (args: string[], stdin = ''): Promise<CliRun> => runCli(runClassify, args, stdin);

async function records(name: string): Promise<ClassifyRecord[]> {
  const { code, out } = await run(['--format', 'json', file(name)]);
  assert.equal(code, 0);
  return JSON.parse(out) as ClassifyRecord[];
}

const brief = (r: ClassifyRecord) => [r.recipient, r.reason, r.bounce, r.provider ?? '-', r.retry, r.whoActs].join(' ');

test('Postfix log: one record per bounced or deferred line, the provider from the relay', async () => {
  const found = await records('mail.log');
  assert.deepEqual(found.map(brief), [
    'bob@example.com userunknown hard google false sender',
    'carol@example.net blocked soft yahoo true sending-admin',
    'dave@example.org mailboxfull soft microsoft365 true recipient',
    'erin@example.com networkerror soft - true receiving-side',
  ]);
  assert.deepEqual(found.map((r) => r.line), [1, 2, 3, 4], 'the sent line is no failure');
  assert.equal(found[0]?.reply, 550);
  assert.equal(found[0]?.enhanced, '5.1.1');
});

test('Exim and Sendmail logs: ** failed, == deferred, stat= with relay', async () => {
  assert.deepEqual((await records('exim.log')).map(brief), [
    'alice@example.com userunknown hard - false sender',
    'bob@example.net blocked soft proofpoint true sending-admin',
    'dave@example.org networkerror soft - true receiving-side',
  ]);
  assert.deepEqual((await records('sendmail.log')).map(brief), [
    'gina@example.com securityerror soft apple false sending-admin',
    'hank@example.com systemerror soft - true receiving-side',
  ]);
});

test('a DSN gives one record per recipient block; the returned message is never read', async () => {
  const found = await records('bounce.eml');
  assert.deepEqual(found.map(brief), [
    'kim@example.com userunknown hard - false sender',
    'lee@example.net mailboxfull soft - true recipient',
  ]);
  assert.match(found[0]?.text ?? '', /Recipient address rejected: User unknown$/, 'folded Diagnostic-Code lines joined');
  assert.match(found[1]?.summary ?? '', /^Deferred: /);
});

test('a bounce without DSN fields is read from its human-readable part, one record per recipient', async () => {
  assert.deepEqual((await records('qmail.eml')).map(brief), [
    'mona@example.com mailboxfull soft - true recipient',
    'ned@example.com hostunknown hard - false sender',
  ]);
});

test('a transcript: the failing reply to RCPT TO, for that recipient, from the greeting host', async () => {
  const [record, ...rest] = await records('session.smtp');
  assert.equal(rest.length, 0);
  assert.equal(record?.recipient, 'olga@example.com');
  assert.equal(record?.reason, 'blocked');
  assert.equal(record?.line, 8);
});

test('ESP events: SendGrid-style arrays and an SES notification with several recipients', async () => {
  assert.deepEqual((await records('events.json')).map(brief), [
    'pat@example.com userunknown hard - false sender',
    'quinn@example.com speeding soft - true sending-admin',
  ]);
  assert.deepEqual((await records('mailgun.json')).map(brief), ['uma@example.com speeding soft apple true sending-admin'], 'Mailgun: severity temporary, the MX host names Apple');
  assert.deepEqual((await records('ses.json')).map(brief), [
    'sam@example.com mailboxfull soft - true recipient',
    'tess@example.com userunknown hard - false sender',
  ]);
});

test('text format: one line per record with the verdict line under it', async () => {
  const { code, out } = await run([file('mail.log')]);
  assert.equal(code, 0);
  const lines = out.trim().split('\n');
  assert.equal(lines.length, 8);
  assert.equal(lines[0], `${file('mail.log')}:1: bob@example.com 550 5.1.1 userunknown hard retry=no acts=sender provider=google`);
  assert.match(lines[1] ?? '', /^ {2}Rejected: the mailbox does not exist \(userunknown, hard\)\. Do not retry/);
});

test('usage errors and unreadable files: exit 2 with a message; standard input works', async () => {
  assert.equal((await run(['--format', 'xml', file('mail.log')])).code, 2);
  assert.equal((await run([])).code, 2);
  const missing = await run([file('no-such-file.log')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read/);
  const piped = await run(['--format', 'json', '--kind', 'log', '-'], 'Dec  3 09:00:01 mx postfix/smtp[1]: A1: to=<x@example.com>, relay=mx.example.com[192.0.2.1]:25, dsn=5.2.2, status=bounced (host mx.example.com[192.0.2.1] said: 552 5.2.2 Quota exceeded (in reply to RCPT TO command))');
  assert.equal((JSON.parse(piped.out) as ClassifyRecord[])[0]?.reason, 'mailboxfull');
});
