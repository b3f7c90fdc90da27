// Every rule on lines where it must fire and where it must not, its fixes, and how
// severities follow the settings and the context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, DEFAULT_SETTINGS, RULES } from '../../server/src/service';
import type { DocumentKind, Problem, RuleId, Settings } from '../../server/src/service/types';

function problems(text: string, kind: DocumentKind = 'log', settings: Settings = DEFAULT_SETTINGS): Problem[] {
  return analyzeText(text, kind, settings).problems;
}

/** `rule:severity:'code'` for each problem. */
function summary(text: string, kind: DocumentKind = 'log', settings?: Settings): string[] {
  const lines = text.split('\n');
  return problems(text, kind, settings).map((p) => `${p.rule}:${p.severity}:${lines[p.line]!.slice(p.start, p.end)}`);
}

/** The text after applying a problem's fix. */
function applyFix(text: string, problem: Problem, index = 0): string {
  const lines = text.split('\n');
  for (const edit of [...problem.fixes[index]!.edits].sort((a, b) => b.start - a.start)) {
    const line = lines[edit.line]!;
    lines[edit.line] = line.slice(0, edit.start) + edit.newText + line.slice(edit.end);
  }
  return lines.join('\n');
}

function only(text: string, rule: RuleId, kind: DocumentKind = 'log'): Problem {
  const found = problems(text, kind).filter((p) => p.rule === rule);
  assert.equal(found.length, 1, `${rule} once in ${text}: ${JSON.stringify(found)}`);
  return found[0]!;
}

test('ordinary valid lines of every kind raise nothing above a hint', () => {
  const valid: readonly [string, DocumentKind][] = [
    ['4F2A81C0E3: to=<b@example.com>, relay=mx[192.0.2.25]:25, delay=5.3, delays=0.2/0.02/4.04/5.3, dsn=5.1.1, status=bounced (host mx[192.0.2.25] said: 550 5.1.1 <b@example.com>: User unknown (in reply to RCPT TO command))', 'log'],
    ['5A1B2C3D4E: to=<c@example.com>, relay=mx[192.0.2.25]:25, delay=1, delays=0.1/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F8E7D6C5B)', 'log'],
    ['NOQUEUE: reject: RCPT from x[192.0.2.7]: 554 5.7.1 <s@example.net>: Relay access denied; from=<a@example.org>', 'log'],
    ['S: 220 mx ESMTP\nC: EHLO x\nS: 250-mx\nS: 250 8BITMIME\nC: MAIL FROM:<a@b.example>\nS: 250 2.1.0 Ok\nC: RCPT TO:<c@d.example>\nS: 250 2.1.5 Ok\nC: DATA\nS: 354 go\nC: .\nS: 250 2.0.0 queued\nC: QUIT\nS: 221 2.0.0 Bye', 'transcript'],
    ['Final-Recipient: rfc822; b@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 unknown', 'dsn'],
    ['Final-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.4.1\nDiagnostic-Code: smtp; 451 4.4.1 try later', 'dsn'],
    ['10.5.1.1   REJECT 5.7.1 Go away\nexample.com 554 No\nsmtpd_reject_code = 554', 'config'],
  ];
  for (const [text, kind] of valid) {
    const serious = problems(text, kind).filter((p) => p.severity !== 'hint' && p.severity !== 'information');
    assert.deepEqual(serious, [], text);
  }
});

test('enhanced-syntax: leading zeros, too many digits, bad class, wrong shape', () => {
  const zero = 'Status: 5.01.1';
  const p = only(zero, 'enhanced-syntax', 'dsn');
  assert.equal(p.severity, 'error');
  assert.match(p.message, /leading zero.*5\.1\.1/);
  assert.deepEqual(p.fixes, [], 'a bounce is not the reader\'s to edit');
  const config = 'x.example  REJECT 5.01.1 no';
  assert.equal(applyFix(config, only(config, 'enhanced-syntax', 'config')), 'x.example  REJECT 5.1.1 no');
  assert.match(only('x: dsn=5.1.3000, status=bounced', 'enhanced-syntax').message, /too long/);
  const cls = 'x said: 550 9.1.1 unknown';
  const bad = only(cls, 'enhanced-syntax');
  assert.match(bad.message, /class 9/);
  assert.deepEqual(bad.fixes, []);
  assert.match(only('Status: 5.1', 'enhanced-syntax', 'dsn').message, /three numbers/);
  assert.deepEqual(summary('Status: 5.1.1', 'dsn'), []);
});

test('reply-syntax: first digit, second digit, length', () => {
  const text = 'host x[192.0.2.1] said: 650 5.1.1 go away';
  const p = only(text, 'reply-syntax');
  assert.match(p.message, /first digit must be 2, 3, 4 or 5/);
  assert.deepEqual(p.fixes, []);
  const config = '  deny message = 650 5.7.1 go away';
  assert.equal(applyFix(config, only(config, 'reply-syntax', 'config')), '  deny message = 550 5.7.1 go away');
  assert.match(only('x said: 570 go away', 'reply-syntax').message, /second digit 7/);
  assert.match(only('x said: 5500 go away', 'reply-syntax').message, /exactly three digits/);
  assert.match(only('smtpd_reject_code = 650', 'reply-syntax', 'config').message, /first digit/);
});

test('class-mismatch: both fixes in configs, a lower severity where Postfix rewrites the class', () => {
  const text = '  deny message = 550 4.1.1 unknown';
  const p = only(text, 'class-mismatch', 'config');
  assert.equal(p.severity, 'warning');
  assert.equal(applyFix(text, p, 0), '  deny message = 550 5.1.1 unknown');
  assert.equal(p.fixes.length, 1, 'only the fix that keeps the class deny sends');
  const bare = '  message = 550 4.1.1 unknown';
  const q = only(bare, 'class-mismatch', 'config');
  assert.equal(applyFix(bare, q, 0), '  message = 550 5.1.1 unknown');
  assert.equal(applyFix(bare, q, 1), '  message = 450 4.1.1 unknown');
  assert.equal(q.fixes[0]!.preferred, true);
  assert.equal(only('S: 451 5.3.0 oops', 'class-mismatch', 'transcript').severity, 'error');
  assert.equal(only('example.com  450 5.7.1 Go away', 'class-mismatch', 'config').severity, 'information');
  assert.equal(only('  deny message = 450 5.7.1 Go away', 'class-mismatch', 'config').severity, 'warning');
  // A bounce reporting an expired transient condition with a 5xx reply is only a remark.
  assert.equal(only("Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'", 'class-mismatch', 'dsn').severity, 'information');
  assert.deepEqual(summary('S: 354 2.0.0 go', 'transcript').filter((s) => s.startsWith('class-mismatch')), [], '3xx is not a class');
});

test('no quick fix rewrites what a server wrote: logs, bounces and transcripts say who should have sent what', () => {
  const log = only('host x[192.0.2.1] said: 550 4.1.1 <b@example.com>: unknown', 'class-mismatch');
  assert.equal(log.severity, 'error');
  assert.deepEqual(log.fixes, []);
  assert.match(log.message, /The server that wrote it should have sent 550 5\.1\.1 or 450 4\.1\.1; nothing to edit here\.$/);
  const folded = only('x said: 550\n    4.1.1 unknown', 'class-mismatch', 'dsn');
  assert.deepEqual(folded.fixes, []);
  const transcript = only('S: 550 4.1.1 unknown', 'class-mismatch', 'transcript');
  assert.deepEqual(transcript.fixes, []);
  assert.match(transcript.message, /The server should send 550 5\.1\.1 or 450 4\.1\.1\.$/);
  const samples: readonly [string, DocumentKind][] = [
    ['x: dsn=5.01.1, status=bounced', 'log'], ['Status: 5.6.10', 'dsn'], ['S: 550-5.7.1 a\nS: 554 5.7.1 b', 'transcript'],
    ["Remote Server returned '550 4.4.7 QUEUE.Expired'", 'dsn'], ['x said: 650 5.1.1 no', 'log'],
  ];
  for (const [text, kind] of samples) {
    const found = problems(text, kind);
    assert.ok(found.length > 0, text);
    assert.deepEqual(found.flatMap((p) => p.fixes), [], text);
    assert.doesNotMatch(found.map((p) => p.message).join(' '), /\b(Write|Use) \d/, text);
  }
});

test('the config verb decides the class: greylisting with DEFER or defer is right, and fixes keep the verb\'s class', () => {
  for (const text of [
    'bulk.example.com   DEFER 4.7.1 Too many messages, slow down',
    'bulk.example.com   DEFER_IF_PERMIT 4.7.1 Greylisted',
    '/^Subject: x/      DEFER 4.7.1 later',
    '  defer   message       = 451 4.7.1 Greylisted, please try again in 5 minutes',
    'example.com  450 4.7.1 Greylisted',
  ]) assert.deepEqual(summary(text, 'config').filter((s) => !s.startsWith('unusual-pairing:hint')), [], text);
  const postfix = 'bulk.example.com   DEFER 5.7.1 slow down';
  const p = only(postfix, 'class-mismatch', 'config');
  assert.match(p.message, /^DEFER sends a transient failure \(class 4\), but 5\.7\.1 says permanent failure; Postfix sends the class of the verb/);
  assert.equal(applyFix(postfix, p), 'bulk.example.com   DEFER 4.7.1 slow down');
  const rejected = 'bad@example.com  REJECT 4.1.1 no such user';
  assert.equal(applyFix(rejected, only(rejected, 'class-mismatch', 'config')), 'bad@example.com  REJECT 5.1.1 no such user');
  const exim = '  defer   message = 550 5.7.1 Greylisted';
  const e = only(exim, 'class-mismatch', 'config');
  assert.match(e.message, /^defer sends a transient failure \(class 4\), but 550 says permanent failure; Exim refuses/);
  assert.equal(applyFix(exim, e), '  defer   message = 450 4.7.1 Greylisted');
  const deny = '  deny    message = 451 4.7.1 nope';
  assert.equal(applyFix(deny, only(deny, 'class-mismatch', 'config')), '  deny    message = 550 5.7.1 nope');
  assert.equal(applyFix('  drop message = 421 go away', only('  drop message = 421 go away', 'class-mismatch', 'config')), '  drop message = 550 go away');
  // Debian writes the verb alone, its conditions and `message =` below: the statement's verb counts.
  const statement = 'acl_check_rcpt:\n  defer\n    condition = ${if eq{$acl_m_grey}{1}}\n    message = 451 4.7.1 Greylisted\n  deny\n    domains = +local_domains\n    message = 451 4.1.1 Unknown user\n  accept\n    message = 550 5.7.1 not a refusal';
  assert.deepEqual(summary(statement, 'config').filter((s) => !s.startsWith('unusual-pairing:hint')), ['class-mismatch:warning:451']);
  assert.equal(applyFix(statement, only(statement, 'class-mismatch', 'config')).split('\n')[6], '    message = 550 5.1.1 Unknown user');
});

test('unknown-subject', () => {
  assert.match(only('Status: 5.9.1', 'unknown-subject', 'dsn').message, /Subject 9/);
  assert.deepEqual(problems('Status: 5.7.1', 'dsn').filter((p) => p.rule === 'unknown-subject'), []);
});

test('unregistered-code, unless an enabled vendor dictionary knows it', () => {
  const p = only('Status: 5.1.99', 'unregistered-code', 'dsn');
  assert.match(p.message, /X\.1\.0/);
  const microsoft = "Remote Server returned '550 5.7.606 Access denied, banned sending IP'";
  assert.equal(problems(microsoft, 'dsn').filter((q) => q.rule === 'unregistered-code').length, 0);
  const none: Settings = { ...DEFAULT_SETTINGS, vendors: [] };
  assert.equal(problems(microsoft, 'dsn', none).filter((q) => q.rule === 'unregistered-code').length, 1);
});

test('permanence: a transient-only code sent as permanent; a stated deferral is left alone', () => {
  assert.match(only('S: 552 5.4.1 no route', 'permanence', 'transcript').message, /transient.*The server should send 4\.4\.1 with a matching reply code\.$/);
  const config = 'example.com   ERROR:5.4.1:550 no route';
  assert.match(only(config, 'permanence', 'config').message, /Write 4\.4\.1 with a matching reply code\.$/);
  for (const text of ['S: 451 4.1.1 try later', 'S: 450 4.7.1 greylisted', 'S: 550 5.1.1 unknown']) {
    assert.deepEqual(problems(text, 'transcript').filter((q) => q.rule === 'permanence'), [], text);
  }
  assert.deepEqual(problems('Status: 4.1.1', 'dsn').filter((q) => q.rule === 'permanence'), [], 'silent in bounces by default');
});

test('the advice rules stay silent in logs and bounces unless the user gives them a severity', () => {
  const chosen: Settings = { ...DEFAULT_SETTINGS, severities: { permanence: 'warning', 'unusual-pairing': 'information' } };
  for (const [text, kind] of [['x said: 552 5.4.1 no route', 'log'], ['Status: 4.1.1', 'dsn'], ['x: dsn=4.1.1, status=deferred', 'log']] as const) {
    assert.deepEqual(problems(text, kind).filter((q) => q.rule === 'permanence'), [], text);
    assert.equal(problems(text, kind, chosen).filter((q) => q.rule === 'permanence')[0]?.severity, 'warning', text);
  }
  assert.deepEqual(problems('x said: 553 5.1.1 unknown').filter((q) => q.rule === 'unusual-pairing'), []);
  assert.equal(problems('x said: 553 5.1.1 unknown', 'log', chosen).filter((q) => q.rule === 'unusual-pairing')[0]?.severity, 'information');
});

test('unusual-pairing stays silent on a pair a provider documents, as the hover does', () => {
  assert.deepEqual(problems('S: 452 4.2.2 Mailbox full', 'transcript').filter((q) => q.rule === 'unusual-pairing'), []);
  const none: Settings = { ...DEFAULT_SETTINGS, vendors: [] };
  assert.equal(problems('S: 452 4.2.2 Mailbox full', 'transcript', none).filter((q) => q.rule === 'unusual-pairing').length, 1);
});

test('unusual-pairing is a hint at most', () => {
  const p = only('S: 553 5.1.1 unknown', 'unusual-pairing', 'transcript');
  assert.equal(p.severity, 'hint');
  assert.match(p.message, /451, 550/);
  assert.deepEqual(problems('S: 550 5.1.1 unknown', 'transcript').filter((q) => q.rule === 'unusual-pairing'), []);
});

test('multiline-mismatch on the continuation that differs', () => {
  const text = 'S: 550-5.7.1 first\nS: 554-5.7.1 second\nS: 550 5.7.2 last';
  const found = problems(text, 'transcript').filter((p) => p.rule === 'multiline-mismatch');
  assert.deepEqual(found.map((p) => [p.line, text.split('\n')[p.line]!.slice(p.start, p.end)]), [[1, '554'], [2, '5.7.2']]);
  assert.deepEqual(found.flatMap((p) => p.fixes), [], 'a transcript records what the server said');
});

test('dsn-action-mismatch: Action against Status, Status against Diagnostic-Code', () => {
  const text = 'Final-Recipient: rfc822; b@example.com\nAction: delivered\nStatus: 5.1.1\nDiagnostic-Code: smtp; 250 2.0.0 ok';
  const found = problems(text, 'dsn').filter((p) => p.rule === 'dsn-action-mismatch');
  assert.deepEqual(found.map((p) => p.line), [2, 3]);
  assert.match(found[0]!.message, /delivered/);
  // A failed DSN may carry class 4 (RFC 3464 s2.3.3); a new recipient block forgets the old one.
  assert.deepEqual(summary('Action: failed\nStatus: 4.4.7', 'dsn'), []);
  assert.deepEqual(summary('Action: delivered\n\nFinal-Recipient: rfc822; x@y.example\nStatus: 5.1.1', 'dsn'), []);
});

test('unexpected-reply: a reply the command cannot receive', () => {
  const text = 'C: RCPT TO:<b@example.com>\nS: 252 2.1.5 will try';
  const p = only(text, 'unexpected-reply', 'transcript');
  assert.match(p.message, /RCPT/);
  assert.deepEqual(problems('C: VRFY bob\nS: 252 2.1.5 will try', 'transcript').filter((q) => q.rule === 'unexpected-reply'), []);
  assert.deepEqual(problems('S: 252 2.1.5 will try', 'transcript').filter((q) => q.rule === 'unexpected-reply'), [], 'unknown command: no claim');
  // DATA is answered by 354 (or an error); 250 comes only after the final dot.
  assert.match(only('C: DATA\nS: 250 2.0.0 ok', 'unexpected-reply', 'transcript').message, /DATA/);
  assert.deepEqual(problems('C: DATA\nS: 354 go\nC: hello\nC: .\nS: 250 2.0.0 ok', 'transcript').filter((q) => q.rule === 'unexpected-reply'), []);
});

test('deprecated-code: X.6.10 becomes X.6.8', () => {
  const text = '  deny message = 553 5.6.10 UTF-8 needed';
  const p = only(text, 'deprecated-code', 'config');
  assert.equal(applyFix(text, p), '  deny message = 553 5.6.8 UTF-8 needed');
  assert.match(only('x said: 553 5.6.10 UTF-8 needed', 'deprecated-code').message, /should have sent 5\.6\.8; nothing to edit here\.$/);
});

test('every rule has an id, a default severity, a description and a reference', () => {
  assert.equal(new Set(RULES.map((r) => r.id)).size, 11);
  for (const rule of RULES) {
    assert.ok(rule.description.length > 20, rule.id);
    assert.match(rule.href, /^https:\/\//, rule.id);
  }
});

test('severities follow the settings: off, or any level', () => {
  const text = 'x said: 550 4.1.1 unknown';
  const off: Settings = { ...DEFAULT_SETTINGS, severities: { 'class-mismatch': 'off' } };
  assert.deepEqual(problems(text, 'log', off).filter((p) => p.rule === 'class-mismatch'), []);
  const hint: Settings = { ...DEFAULT_SETTINGS, severities: { 'class-mismatch': 'hint' } };
  assert.equal(problems(text, 'log', hint).find((p) => p.rule === 'class-mismatch')?.severity, 'hint');
  // A severity the user chose applies in configs too.
  const chosen: Settings = { ...DEFAULT_SETTINGS, severities: { 'class-mismatch': 'error' } };
  assert.equal(problems('example.com  450 5.7.1 no', 'config', chosen).find((p) => p.rule === 'class-mismatch')?.severity, 'error');
});

test('maxProblems caps a document', () => {
  const text = Array.from({ length: 30 }, () => 'x said: 550 4.1.1 unknown').join('\n');
  const capped = analyzeText(text, 'log', { ...DEFAULT_SETTINGS, maxProblems: 5 });
  assert.equal(capped.problems.length, 5);
  assert.equal(capped.capped, true);
  assert.equal(analyzeText(text, 'log').capped, false);
});
