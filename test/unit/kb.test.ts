// The knowledge base holds every fact of the reference tables: counts, titles,
// associated codes, permanence, deprecation, command-reply pairs, DSN actions
// and the vendor dictionaries (kept apart from the registry).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answersCommand, basicCodes, draftHref, basicEntry, classEntry, classes, dsnAction, isListedPairing, isVendorCode,
  registry, registryEntry, REGISTRY_HREF, replyDigit, rfcHref, rfcRefsIn, subjectEntry, subjects, vendorCodes,
  vendorMeanings,
} from '../../server/src/kb';
import type { Advice } from '../../server/src/kb';

const entry = (key: string) => {
  const [, subject, detail] = key.split('.').map(Number) as [number, number, number];
  const found = registryEntry(subject, detail);
  assert.ok(found, `${key} missing`);
  return found;
};

test('registry: 81 codes, unique, in registry order from X.0.0 to X.7.30', () => {
  assert.equal(registry.length, 81);
  assert.equal(new Set(registry.map((e) => e.key)).size, 81);
  assert.equal(registry[0]?.key, 'X.0.0');
  assert.equal(registry[80]?.key, 'X.7.30');
  const perSubject = [0, 1, 2, 3, 4, 5, 6, 7].map((s) => registry.filter((e) => e.subject === s).length);
  assert.deepEqual(perSubject, [1, 11, 5, 7, 8, 7, 11, 31]);
  for (const e of registry) assert.equal(registryEntry(e.subject, e.detail), e);
});

test('registry: titles, associated codes, references and permanence of sample codes', () => {
  const cases: [string, string, readonly number[] | 'any', string, string][] = [
    ['X.0.0', 'Other undefined Status', 'any', 'RFC 3463', 'unspecified'],
    ['X.1.1', 'Bad destination mailbox address', [451, 550], 'RFC 3463', 'permanent'],
    ['X.1.5', 'Destination address valid', [250], 'RFC 3463', 'success'],
    ['X.1.10', 'Recipient address has null MX', [556], 'RFC 7505; RFC 7504', 'n/a'],
    ['X.2.2', 'Mailbox full', [552], 'RFC 3463', 'persistent-transient'],
    ['X.3.2', 'System not accepting network messages', [453, 521], 'RFC 3463; RFC 7504', 'both'],
    ['X.3.6', 'Requested priority was changed', [250, 251], 'RFC 6710', 'n/a'],
    ['X.4.7', 'Delivery time expired', [], 'RFC 3463', 'unspecified'],
    ['X.5.0', 'Other or undefined protocol status', [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554], 'RFC 3463', 'unspecified'],
    ['X.5.6', 'Authentication Exchange line is too long', [500], 'RFC 4954', 'both'],
    ['X.6.4', 'Conversion with loss performed', [250], 'RFC 3463', 'success-or-permanent'],
    ['X.7.1', 'Delivery not authorized, message refused', [451, 454, 502, 503, 533, 550, 551], 'RFC 3463', 'permanent'],
    ['X.7.7', 'Message integrity failure', [], 'RFC 3463', 'any'],
    ['X.7.24', 'SPF validation error', [451, 550], 'RFC 7372; RFC 7208', 'n/a'],
    ['X.7.25', 'Reverse DNS validation failed', [550], 'RFC 7372, Section 3.3', 'n/a'],
    ['X.7.28', 'Mail flood detected', [], 'draft-levine-mailbomb-header-00', 'n/a'],
    ['X.7.30', 'REQUIRETLS support required', [550], 'RFC 8689', 'n/a'],
  ];
  for (const [key, title, associated, references, permanence] of cases) {
    const e = entry(key);
    assert.equal(e.title, title, key);
    assert.deepEqual(e.associatedBasic, associated, key);
    assert.equal(e.references.join('; '), references, key);
    assert.equal(e.permanence, permanence, key);
  }
  assert.equal(entry('X.5.6').permanenceSource, 'RFC 4954 s6');
  assert.equal(entry('X.3.6').associatedRaw, '250 or 251');
  assert.equal(entry('X.7.28').associatedRaw, '.');
  assert.deepEqual([entry('X.3.2').submitter, entry('X.3.2').changeController], ['G. Vaudreuil, J. Klensin', 'IESG']);
  assert.equal(entry('X.7.28').changeController, 'standards@taugh.com');
  assert.equal(entry('X.4.3').rfc3463AppendixATitle, 'Routing server failure');
  assert.equal(entry('X.4.3').title, 'Directory server failure', "the registry's title wins");
});

test('registry: the 5XX wildcard of X.7.17-X.7.19 pairs with any 5yz reply', () => {
  for (const key of ['X.7.17', 'X.7.18', 'X.7.19']) {
    const e = entry(key);
    assert.equal(e.associatedAnyOf, 5);
    assert.equal(isListedPairing(e, 550), true);
    assert.equal(isListedPairing(e, 450), false);
  }
  assert.equal(isListedPairing(entry('X.1.1'), 550), true);
  assert.equal(isListedPairing(entry('X.1.1'), 552), false);
  assert.equal(isListedPairing(entry('X.0.0'), 999), true);
  assert.equal(isListedPairing(entry('X.1.0'), 550), undefined, "'Not given' is no verdict");
});

test('registry: X.6.10 is deprecated in favour of X.6.8; nothing else is', () => {
  const deprecated = registry.filter((e) => e.deprecated);
  assert.deepEqual(deprecated.map((e) => e.key), ['X.6.10']);
  assert.equal(entry('X.6.10').deprecated?.successor, 'X.6.8');
  assert.equal(entry('X.6.10').title, '');
});

test('classes and subjects: 3 and 8 with their registry titles', () => {
  assert.deepEqual(classes.map((c) => [c.cls, c.title]), [[2, 'Success'], [4, 'Persistent Transient Failure'], [5, 'Permanent Failure']]);
  assert.equal(classEntry(5)?.replyFirstDigit, '5yz');
  assert.equal(classEntry(3), undefined);
  assert.equal(subjects.length, 8);
  assert.equal(subjectEntry(0)?.title, 'Other or Undefined Status');
  assert.equal(subjectEntry(4)?.title, 'Network and Routing Status');
  assert.equal(subjectEntry(7)?.title, 'Security or Policy Status');
  assert.equal(subjectEntry(8), undefined);
});

test('basic codes: 44 codes with meanings and the commands they answer', () => {
  assert.equal(basicCodes.length, 44);
  assert.equal(new Set(basicCodes.map((b) => b.code)).size, 44);
  assert.equal(basicEntry(550)?.meaning, 'Requested action not taken: mailbox unavailable');
  assert.equal(basicEntry(421)?.meaning, '<domain> Service not available, closing transmission channel');
  assert.deepEqual(basicEntry(214)?.answers, [{ command: 'HELP', kind: 'S' }]);
  assert.deepEqual(basicEntry(354)?.answers, [{ command: 'DATA', kind: 'I' }]);
  assert.deepEqual(basicEntry(421)?.answers, [{ command: 'ANY', kind: 'E' }]);
  assert.deepEqual(basicEntry(530)?.answers, [{ command: 'ANY', kind: 'E', except: ['AUTH', 'EHLO', 'HELO', 'NOOP', 'RSET', 'QUIT'] }]);
  assert.deepEqual(basicEntry(556)?.answers, []);
  assert.equal(basicEntry(521)?.references.join('; '), 'RFC 7504 (updates RFC 5321; first in RFC 1846)');
  assert.equal(basicEntry(999), undefined);
  assert.equal(basicEntry(260), undefined);
});

test('basic codes: which commands a reply validly answers', () => {
  const answers = (code: number, command: string) => answersCommand(basicEntry(code)!, command);
  assert.equal(answers(252, 'VRFY'), true);
  assert.equal(answers(252, 'RCPT'), false, 'RCPT success is only 250 or 251 (RFC 5321 s4.3.2)');
  assert.equal(answers(251, 'rcpt'), true);
  assert.equal(answers(530, 'MAIL'), true);
  assert.equal(answers(530, 'EHLO'), false);
  assert.equal(answers(421, 'DATA'), true);
  assert.equal(answers(453, 'MAIL'), undefined, 'no standard text says');
});

test('reply digits: meaning of each position (RFC 5321 s4.2.1)', () => {
  assert.equal(replyDigit('first', 4)?.name, 'Transient Negative Completion');
  assert.equal(replyDigit('second', 2)?.name, 'Connections');
  assert.equal(replyDigit('second', 5)?.name, 'Mail system');
  assert.equal(replyDigit('third', 7)?.name, 'Finer gradation');
  assert.equal(replyDigit('first', 1), undefined);
  assert.equal(replyDigit('second', 6), undefined);
});

test('DSN actions: expected classes, terminal states, case-insensitive lookup', () => {
  assert.deepEqual(dsnAction('failed')?.expectedClasses, [5, 4]);
  assert.deepEqual(dsnAction('Delayed')?.expectedClasses, [4]);
  assert.deepEqual(dsnAction(' DELIVERED ')?.expectedClasses, [2]);
  assert.deepEqual(dsnAction('expanded')?.expectedClasses, [2]);
  assert.equal(dsnAction('expanded')?.terminal, false);
  assert.equal(dsnAction('relayed')?.usually, true);
  assert.equal(dsnAction('relayed')?.terminal, true);
  assert.equal(dsnAction('bounced'), undefined);
});

function assertAdvice(advice: Advice, what: string): void {
  assert.ok(advice.meaning.length > 20, `${what}: meaning`);
  assert.ok(advice.action.length > 5, `${what}: action`);
  assert.ok(advice.actors.length > 0, `${what}: actors`);
  assert.ok(advice.see.length > 0, `${what}: references`);
  for (const ref of advice.see) assert.ok(Number.isInteger(ref.rfc) && ref.rfc > 0, `${what}: RFC number`);
}

test('every code, subject and class has its own advice, written differently from its title', () => {
  for (const e of registry) {
    assertAdvice(e.advice, e.key);
    assert.notEqual(e.advice.meaning, e.title);
  }
  for (const b of basicCodes) assertAdvice(b.advice, String(b.code));
  for (const s of subjects) assertAdvice(s.advice, `subject ${s.subject}`);
  for (const c of classes) assertAdvice(c.advice, `class ${c.cls}`);
  assert.equal(new Set(registry.map((e) => e.advice.meaning)).size, 81, 'no two codes share one explanation');
  assert.deepEqual(entry('X.1.1').advice.see[0], { rfc: 3463, section: '3.2' });
  assert.equal(entry('X.2.2').advice.retry, 'automatic');
  assert.equal(entry('X.1.1').advice.retry, 'no');
});

test('links: RFC sections and the IANA registry', () => {
  assert.equal(rfcHref({ rfc: 3463, section: '3.2' }), 'https://www.rfc-editor.org/rfc/rfc3463#section-3.2');
  assert.equal(rfcHref({ rfc: 7505 }), 'https://www.rfc-editor.org/rfc/rfc7505');
  assert.match(REGISTRY_HREF, /^https:\/\/www\.iana\.org\/assignments\/smtp-enhanced-status-codes\//);
  assert.deepEqual(rfcRefsIn('RFC 7372, Section 3.3'), [{ rfc: 7372, section: '3.3' }]);
  assert.deepEqual(rfcRefsIn('RFC 5321 s4.2.2/s4.2.3, s4.5.3.1.10'), [
    { rfc: 5321, section: '4.2.2' }, { rfc: 5321, section: '4.2.3' }, { rfc: 5321, section: '4.5.3.1.10' },
  ]);
  assert.deepEqual(rfcRefsIn('draft-levine-mailbomb-header-00'), []);
  assert.equal(draftHref('draft-levine-mailbomb-header-00'), 'https://datatracker.ietf.org/doc/draft-levine-mailbomb-header/');
  assert.equal(draftHref('RFC 3463'), undefined);
});

test('vendors: Microsoft ranges and alternatives resolve, labelled with vendor and source', () => {
  const [m] = vendorMeanings(5, 7, 620, ['microsoft']);
  assert.equal(m?.written, '5.7.606-649');
  assert.equal(m?.vendor, 'microsoft');
  assert.equal(m?.vendorName, 'Microsoft 365 / Exchange Online');
  assert.equal(m?.source.title, 'Email non-delivery reports and SMTP errors in Exchange Online');
  for (const detail of [606, 649]) assert.ok(isVendorCode(5, 7, detail, ['microsoft']));
  for (const detail of [605, 650]) assert.equal(isVendorCode(5, 7, detail, ['microsoft']), false);
  assert.equal(vendorMeanings(4, 7, 500, ['microsoft'])[0]?.written, '4.7.500-699');
  assert.equal(vendorMeanings(4, 7, 699, ['microsoft'])[0]?.written, '4.7.500-699');
  assert.equal(vendorMeanings(5, 7, 749, ['microsoft'])[0]?.written, '5.7.700-749');
  assert.equal(vendorMeanings(5, 4, 6, ['microsoft'])[0]?.written, '5.4.6 or 5.4.14');
  assert.equal(vendorMeanings(5, 4, 14, ['microsoft'])[0]?.written, '5.4.6 or 5.4.14');
  assert.equal(vendorMeanings(5, 7, 135, ['microsoft'])[0]?.written, '5.7.13 or 135');
  assert.equal(vendorMeanings(5, 7, 1, ['microsoft']).length, 3, 'three documented uses of 5.7.1');
  assert.equal(vendorMeanings(5, 7, 620, []).length, 0, 'disabled vendors are not consulted');
  assert.equal(vendorMeanings(5, 7, 620, ['google']).length, 0);
});

test('vendors: Google 4.7.28 sits beside the registry meaning, never replacing it', () => {
  const google = vendorMeanings(4, 7, 28, ['google']);
  assert.equal(google.length, 1);
  assert.equal(google[0]?.written, '421 4.7.28');
  assert.equal(google[0]?.source.title, 'Gmail SMTP errors and codes');
  assert.equal(entry('X.7.28').title, 'Mail flood detected');
  assert.equal(vendorMeanings(5, 7, 28, ['google'])[0]?.written, '550 5.7.28');
  assert.ok(isVendorCode(4, 7, 40, ['google']), 'unregistered 4.7.40 is a Google code');
  assert.equal(isVendorCode(4, 7, 40, ['microsoft']), false);
});

test('vendors: every row is well formed and kept out of the registry', () => {
  const counts = { microsoft: vendorCodes.microsoft.length, google: vendorCodes.google.length };
  assert.deepEqual(counts, { microsoft: 58, google: 58 });
  for (const [vendor, rows] of Object.entries(vendorCodes)) {
    for (const row of rows) {
      assert.equal(row.vendor, vendor);
      assert.ok(row.meaning.length > 10 && row.source.title.length > 10);
      assert.match(row.source.url, /^https?:\/\//);
      assert.match(row.source.read, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(row.detailFrom <= row.detailTo && row.detailTo <= 999);
      assert.ok(row.written.includes(`${row.cls}.${row.subject}.`), row.written);
    }
  }
  assert.equal(registry.length, 81, 'vendor rows never enter the registry');
});
