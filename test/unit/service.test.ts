// The service facade: line splitting, kind detection, settings, the cursor helpers, and
// analyzeText being exactly the fold of scanLine and checkLine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeText, checkLine, DEFAULT_SETTINGS, detectKind, findingAt, initialState, parseSettings, queryOf, scanLine, splitLines, VENDOR_IDS,
} from '../../server/src/service';
import type { Finding } from '../../server/src/scan/types';
import type { DocumentKind, Problem } from '../../server/src/service/types';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'engine');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

test('splitLines splits on CRLF, LF and CR alike', () => {
  assert.deepEqual(splitLines('a\r\nb\nc\rd'), ['a', 'b', 'c', 'd']);
  assert.deepEqual(splitLines(''), ['']);
  assert.deepEqual(splitLines('x\n'), ['x', '']);
});

test('analyzeText equals folding scanLine and checkLine over the lines', () => {
  const files: readonly [string, DocumentKind][] = [
    ['session.smtp', 'transcript'], ['broken.smtp', 'transcript'], ['mail.log', 'log'], ['bad.log', 'log'],
    ['bounce.eml', 'dsn'], ['access', 'config'],
  ];
  for (const [name, kind] of files) {
    const text = fixture(name);
    let state = initialState(kind);
    const findings: Finding[] = [];
    const problems: Problem[] = [];
    splitLines(text).forEach((line, i) => {
      const scan = scanLine(line, i, state);
      state = scan.next;
      findings.push(...scan.findings);
      problems.push(...checkLine(scan.findings, DEFAULT_SETTINGS));
    });
    const whole = analyzeText(text, kind, DEFAULT_SETTINGS);
    assert.deepEqual(whole.findings, findings, name);
    assert.deepEqual(whole.problems, problems, name);
    assert.ok(findings.length > 0, `${name} has codes`);
  }
});

test('detectKind: language id, then file name, then content', () => {
  assert.equal(detectKind('x.txt', '', 'smtp-transcript'), 'transcript');
  assert.equal(detectKind('x.txt', '', 'mail-config'), 'config');
  assert.equal(detectKind('x.txt', 'Final-Recipient: rfc822; a@b', '__proto__'), 'dsn');
  assert.equal(detectKind('/var/log/mail.log', ''), 'log');
  assert.equal(detectKind('/var/log/mail.log.1', ''), 'log');
  assert.equal(detectKind('C:\\logs\\maillog', ''), 'log');
  assert.equal(detectKind('session.smtp', ''), 'transcript');
  assert.equal(detectKind('bounce.eml', ''), 'dsn');
  assert.equal(detectKind('/etc/postfix/main.cf', ''), 'config');
  assert.equal(detectKind('/etc/postfix/sender_access', ''), 'config');
  assert.equal(detectKind('/etc/postfix/header_checks', ''), 'config');
  assert.equal(detectKind('/etc/exim4/exim4.conf', ''), 'config');
  assert.equal(detectKind('notes.txt', fixture('session.smtp')), 'transcript');
  assert.equal(detectKind('notes.txt', fixture('bounce.eml')), 'dsn');
  assert.equal(detectKind('notes.txt', 'unknown_local_recipient_reject_code = 550\n'), 'config');
  assert.equal(detectKind('notes.txt', fixture('mail.log')), 'log');
  assert.equal(detectKind('', ''), 'log');
});

test('parseSettings reads the smtpStatus section and names each bad value', () => {
  const { settings, warnings } = parseSettings({
    rules: { 'class-mismatch': 'warning', 'nope': 'error' },
    vendors: { google: false },
    maxProblems: 10,
    inlayHints: { enabled: true },
  });
  assert.deepEqual(settings, { severities: { 'class-mismatch': 'warning' }, vendors: VENDOR_IDS.filter((v) => v !== 'google'), maxProblems: 10 });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /nope/);
  assert.equal(DEFAULT_SETTINGS.maxProblems, 1000);
  assert.deepEqual(parseSettings(undefined), { settings: DEFAULT_SETTINGS, warnings: [] });
});

test('findingAt finds the code under the cursor, including just after it', () => {
  const { findings } = scanLine('x said: 550 5.1.1 unknown', 0, initialState('log'));
  assert.equal(findingAt(findings, 8)?.text, '550');
  assert.equal(findingAt(findings, 11)?.text, '550');
  assert.equal(findingAt(findings, 13)?.text, '5.1.1');
  assert.equal(findingAt(findings, 2), undefined);
});

test('queryOf pairs a reply with its enhanced code, also across a folded line', () => {
  const { findings } = scanLine('x said: 550 5.1.1 unknown', 0, initialState('log'));
  const pair = { reply: 550, enhanced: { cls: 5, subject: 1, detail: 1 } };
  assert.deepEqual(queryOf(findings[0]!, findings), pair);
  assert.deepEqual(queryOf(findings[1]!, findings), pair);
  const lone = scanLine('Status: 4.4.1', 0, initialState('dsn')).findings;
  assert.deepEqual(queryOf(lone[0]!, lone), { enhanced: { cls: 4, subject: 4, detail: 1 } });
  const first = scanLine('x said: 553', 0, initialState('dsn'));
  const second = scanLine('    5.1.8 no domain', 1, first.next).findings;
  assert.deepEqual(queryOf(second[0]!, second), { reply: 553, enhanced: { cls: 5, subject: 1, detail: 8 } });
});
