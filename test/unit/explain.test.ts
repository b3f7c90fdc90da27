// The explainer: parsing what people type, the structured explanation with its
// notes (class mismatch, fall-back, deprecation, vendor use), the Markdown
// and text renderings, and the `explain` CLI command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runExplain } from '../../server/src/cli/explain';
import type { CliIo } from '../../server/src/cli/io';
import {
  escapeMarkdown, explain, parseCodeQuery, parseCodeQueryDetailed, renderMarkdown, renderText,
  type CodeQuery, type Explanation,
} from '../../server/src/explain';
import { basicCodes, registry, vendorCodes } from '../../server/src/kb';

const BOTH = ['microsoft', 'google'] as const;
const explainText = (text: string, vendors: readonly ('microsoft' | 'google')[] = BOTH): Explanation => {
  const query = parseCodeQuery(text);
  assert.ok(query, `${text} should parse`);
  return explain(query, vendors);
};
const kinds = (e: Explanation) => e.notes.map((n) => n.kind);

test('parseCodeQuery: reply, enhanced and pair forms', () => {
  assert.deepEqual(parseCodeQuery('550'), { reply: 550 });
  assert.deepEqual(parseCodeQuery('5.1.1'), { enhanced: { cls: 5, subject: 1, detail: 1 } });
  assert.deepEqual(parseCodeQuery('550 5.1.1'), { reply: 550, enhanced: { cls: 5, subject: 1, detail: 1 } });
  assert.deepEqual(parseCodeQuery('550-5.1.1'), { reply: 550, enhanced: { cls: 5, subject: 1, detail: 1 } });
  assert.deepEqual(parseCodeQuery('  5.7.606 '), { enhanced: { cls: 5, subject: 7, detail: 606 } });
  assert.deepEqual(parseCodeQuery('4.0.0'), { enhanced: { cls: 4, subject: 0, detail: 0 } });
});

test('parseCodeQuery: malformed codes are refused with the rule they break', () => {
  const cases: [string, RegExp][] = [
    ['5.01.1', /leading zeros/],
    ['4.4.07', /leading zeros/],
    ['999', /first digit must be 2 to 5/],
    ['260', /second 0 to 5/],
    ['55', /exactly three digits/],
    ['3.1.1', /class must be 2, 4 or 5/],
    ['5.1.1000', /1 to 3 digits/],
    ['5.1', /class\.subject\.detail/],
    ['abc', /not an SMTP code/],
    ['', /empty/],
    ['550 5.x.1', /class\.subject\.detail/],
    ['650 5.1.1', /first digit/],
  ];
  for (const [text, reason] of cases) {
    const parsed = parseCodeQueryDetailed(text);
    assert.ok('error' in parsed, `${text} should be refused`);
    assert.match(parsed.error, reason, text);
    assert.equal(parseCodeQuery(text), undefined);
  }
});

test('explain 5.1.1: digits split with titles, registry facts, advice and links', () => {
  const e = explainText('5.1.1', []);
  assert.equal(e.code, '5.1.1');
  assert.equal(e.headline, 'Bad destination mailbox address');
  const x = e.enhanced!;
  assert.deepEqual([x.cls, x.classTitle, x.subject, x.subjectTitle, x.detail], [5, 'Permanent Failure', 1, 'Addressing Status', 1]);
  assert.equal(x.registryKey, 'X.1.1');
  assert.deepEqual(x.associatedBasic, [451, 550]);
  assert.equal(x.permanence, 'permanent');
  assert.deepEqual(x.references, [{ text: 'RFC 3463', href: 'https://www.rfc-editor.org/rfc/rfc3463' }]);
  assert.equal(x.adviceSource, 'code');
  assert.equal(x.advice?.retry, 'no');
  assert.deepEqual(e.notes, []);
  assert.deepEqual(e.vendors, []);
});

test('explain 550: meaning, commands answered and digit meanings', () => {
  const e = explainText('550');
  const r = e.reply!;
  assert.equal(r.known, true);
  assert.equal(r.meaning, 'Requested action not taken: mailbox unavailable');
  assert.ok(r.answers.some((a) => a.command === 'RCPT' && a.kind === 'E'));
  assert.deepEqual(r.digits.map((d) => [d.position, d.digit, d.name]), [
    ['first', 5, 'Permanent Negative Completion'], ['second', 5, 'Mail system'], ['third', 0, 'Finer gradation'],
  ]);
  assert.equal(e.enhanced, undefined);
  assert.deepEqual(e.notes, []);
});

test('explain pairs: consistent, class mismatch, unusual pairing, 3yz with an enhanced code', () => {
  assert.deepEqual(kinds(explainText('550 5.1.1', [])), []);
  const mismatch = explainText('550 4.1.1', []);
  assert.ok(kinds(mismatch).includes('class-mismatch'));
  const note = mismatch.notes.find((n) => n.kind === 'class-mismatch')!;
  assert.match(note.text, /^550 with 4\.1\.1: classes disagree/);
  assert.deepEqual(note.see.map((c) => c.text), ['RFC 2034 s4', 'RFC 3463 s2']);
  assert.ok(kinds(mismatch).includes('permanence'), 'X.1.1 is meant for permanent failures');
  assert.deepEqual(kinds(explainText('550 5.2.2', [])), ['unusual-pairing', 'permanence']);
  assert.deepEqual(kinds(explainText('552 5.2.2', [])), ['permanence']);
  assert.deepEqual(kinds(explainText('452 4.2.2', [])), ['unusual-pairing'], 'the registry lists only 552 with X.2.2');
  assert.deepEqual(kinds(explainText('452 4.3.1', [])), []);
  assert.deepEqual(kinds(explainText('550 5.1.0', [])), [], "'Not given' pairings are never unusual");
  assert.deepEqual(kinds(explainText('354 2.0.0', [])), ['no-enhanced-on-3xx']);
});

test('explain 5.1.999: not registered, falls back to subject and class and says so', () => {
  const e = explainText('5.1.999', []);
  assert.deepEqual(kinds(e), ['unregistered']);
  assert.equal(e.notes[0]?.text, '5.1.999 is not registered: its meaning falls back to subject 1 (Addressing Status) and class 5 (Permanent Failure).');
  assert.equal(e.enhanced?.adviceSource, 'subject');
  assert.equal(e.enhanced?.registryKey, undefined);
  const unknownSubject = explainText('4.9.1', []);
  assert.deepEqual(kinds(unknownSubject), ['unknown-subject']);
  assert.equal(unknownSubject.enhanced?.adviceSource, 'class');
  assert.equal(unknownSubject.enhanced?.classTitle, 'Persistent Transient Failure');
});

test('explain X.6.10: deprecated, points at X.6.8 in the same class', () => {
  const e = explainText('5.6.10', []);
  assert.deepEqual(kinds(e), ['deprecated']);
  assert.match(e.notes[0]!.text, /use 5\.6\.8 instead/);
  assert.equal(e.headline, 'Deprecated duplicate of X.6.8');
});

test('explain 5.7.606 and 5.7.620: Microsoft range meaning, only when Microsoft is enabled', () => {
  const e = explainText('5.7.620');
  assert.equal(e.vendors.length, 1);
  assert.equal(e.vendors[0]?.written, '5.7.606-649');
  assert.equal(e.headline, 'Microsoft 365 / Exchange Online: The sending IP is banned.');
  assert.match(e.notes[0]!.text, /not registered.*Microsoft 365 \/ Exchange Online uses it/);
  assert.equal(explainText('5.7.606', ['google']).vendors.length, 0);
});

test('explain 4.7.28: registry meaning and Google meaning side by side', () => {
  const e = explainText('4.7.28');
  assert.equal(e.enhanced?.title, 'Mail flood detected');
  assert.equal(e.vendors.map((v) => v.vendor).join(), 'google');
  assert.match(renderMarkdown(e), /Mail flood detected[\s\S]*How providers use 4\\\.7\\\.28[\s\S]*Google Workspace/);
});

test('retry follows the class the client acts on: the reply digit, else the enhanced class', () => {
  assert.equal(explainText('4.1.1', []).retry, 'automatic');
  assert.equal(explainText('5.1.1', []).retry, 'no');
  assert.equal(explainText('5.2.2', []).retry, 'after-change', 'X.2.2 is retried only while temporary');
  assert.equal(explainText('550 4.2.2', []).retry, 'after-change', 'a 5yz reply is not retried, whatever the enhanced class');
  assert.equal(explainText('250', []).retry, 'not-needed');
  assert.equal(explainText('354 2.0.0', []).retry, 'not-needed');
  assert.match(renderText(explainText('4.1.1', [])), /Retry: +yes: the sending server retries by itself/);
});

test('explain never throws on odd queries from other callers', () => {
  const odd: CodeQuery[] = [
    { reply: 999 }, { reply: 0 }, { enhanced: { cls: 3, subject: 1, detail: 1 } },
    { enhanced: { cls: 5, subject: 1000, detail: -1 } }, { reply: 150, enhanced: { cls: 9, subject: 9, detail: 9 } }, {},
  ];
  for (const query of odd) {
    const e = explain(query, BOTH);
    assert.equal(typeof renderMarkdown(e), 'string');
    assert.equal(typeof renderText(e), 'string');
  }
  assert.ok(kinds(explain({ enhanced: { cls: 3, subject: 1, detail: 1 } }, [])).includes('invalid-class'));
  assert.ok(kinds(explain({ reply: 299 }, [])).includes('unknown-reply'));
});

test('every registry code, subject fall-back and basic code explains and renders', () => {
  for (const entry of registry) {
    for (const cls of [2, 4, 5]) {
      const e = explain({ enhanced: { cls, subject: entry.subject, detail: entry.detail } }, BOTH);
      assert.equal(e.enhanced?.registryKey, entry.key);
      assert.ok(renderMarkdown(e).includes(entry.key.replace(/\./g, '\\.')));
    }
  }
  for (const basic of basicCodes) {
    const e = explain({ reply: basic.code }, BOTH);
    assert.equal(e.reply?.known, true);
    assert.ok(renderText(e).startsWith(`${basic.code}  `));
  }
});

/** The pages vendor meanings cite; a hover links to them beside the RFCs and the registry. */
const VENDOR_SOURCES: ReadonlySet<string> = new Set(Object.values(vendorCodes).flat().map((row) => row.source.url));

test('renderMarkdown: compact, only https links to RFCs, the registry and vendor sources, KB text escaped', () => {
  const md = renderMarkdown(explainText('550 5.1.1'));
  assert.match(md, /^\*\*Permanent failure\\: 550 5\\\.1\\\.1\*\* Bad destination mailbox address\. Do not send it again; the sender acts\./);
  assert.doesNotMatch(md, /[^\x00-\x7f]/, 'ASCII only');
  assert.match(md, /\| `5` class \| Permanent Failure \|/);
  assert.match(md, /\[RFC 3463 s3\\\.2\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc3463#section-3\.2\)/);
  assert.match(md, /\(https:\/\/www\.iana\.org\/assignments\/smtp-enhanced-status-codes\//);
  for (const text of ['550 5.1.1', '5.7.620', '4.7.28', '220', '5.1.999', '550 4.1.1', '4.6.10']) {
    const rendered = renderMarkdown(explainText(text));
    assert.doesNotMatch(rendered, /command:/i, text);
    assert.doesNotMatch(rendered, /(^|[^\\])<[a-z]/im, `${text}: no raw HTML`);
    for (const [, href] of rendered.matchAll(/\]\(([^)]*)\)/g)) {
      const vendorPage = VENDOR_SOURCES.has(href!) && href!.startsWith('https://');
      assert.ok(vendorPage || /^https:\/\/(www\.rfc-editor\.org|www\.iana\.org|datatracker\.ietf\.org)\//.test(href!), `${text}: ${href}`);
    }
  }
  assert.match(renderMarkdown(explainText('220')), /\\<domain\\> Service ready/);
});

test('escapeMarkdown: document text cannot form links, HTML, emphasis or new blocks', () => {
  const hostile = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> *bold* `code`\n# heading | pipe';
  const escaped = escapeMarkdown(hostile);
  assert.doesNotMatch(escaped, /(^|[^\\])[[\]()<>*`#|]/);
  assert.doesNotMatch(escaped, /\n/);
  assert.equal(escaped.replace(/\\(.)/g, '$1'), hostile.replace('\n', ' '));
});

test('renderText: the explanation as plain lines for the CLI', () => {
  const text = renderText(explainText('550 4.1.1'));
  assert.match(text, /^550 4\.1\.1  Bad destination mailbox address/);
  assert.match(text, /class {4}4 {2}Persistent Transient Failure/);
  assert.match(text, /! 550 with 4\.1\.1: classes disagree/);
  assert.match(text, /Reply 550 answers: error reply to EHLO, HELO, MAIL, RCPT, DATA-END, VRFY, EXPN/);
  assert.doesNotMatch(text, /\\\./, 'no Markdown escapes in plain text');
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => { stdout.push(t); }, err: (t) => { stderr.push(t); }, stdin: async function* () {}, drained: async () => undefined };
}

test('CLI explain: text for codes and pairs, exit 0', () => {
  const io = captureIo();
  assert.equal(runExplain(['5.1.1', '550', '550 5.1.1', '5.7.606', '4.7.28', '5.1.999'], io), 0);
  const out = io.stdout.join('\n');
  assert.equal(io.stderr.length, 0);
  for (const heading of ['5.1.1  Bad destination', '550  Requested action', '550 5.1.1  Bad destination', '5.7.606  ', '4.7.28  Mail flood detected', '5.1.999  ']) {
    assert.ok(out.includes(heading), heading);
  }
  assert.match(out, /Google Workspace \/ Gmail \(421 4\.7\.28\)/);
  assert.match(out, /Microsoft 365 \/ Exchange Online \(5\.7\.606-649\)/);
  assert.match(out, /5\.1\.999 is not registered: its meaning falls back to subject 1/);
});

test('CLI explain: a pair given as two arguments, and vendors switched off', () => {
  const io = captureIo();
  assert.equal(runExplain(['--format', 'json', '--vendors', 'none', '550', '4.1.1'], io), 0);
  const [e] = JSON.parse(io.stdout.join('')) as Explanation[];
  assert.equal(e?.code, '550 4.1.1');
  assert.ok(e?.notes.some((n) => n.kind === 'class-mismatch'));
  assert.deepEqual(e?.vendors, []);
});

test('CLI explain --format json: exactly the explanation data', () => {
  const io = captureIo();
  assert.equal(runExplain(['--format=json', '4.7.28'], io), 0);
  const parsed = JSON.parse(io.stdout.join('')) as unknown;
  assert.deepEqual(parsed, [JSON.parse(JSON.stringify(explainText('4.7.28')))]);
});

test('CLI explain: malformed input goes to stderr with exit code 2', () => {
  for (const args of [['5.01.1'], ['999'], ['abc'], [], ['--format', 'xml', '550'], ['--bogus', '550'], ['--vendors', 'hotmail', '550']]) {
    const io = captureIo();
    assert.equal(runExplain(args, io), 2, args.join(' '));
    assert.equal(io.stderr.length, 1, args.join(' '));
    assert.match(io.stderr[0]!, /^smtp-status explain: /);
  }
  const io = captureIo();
  assert.equal(runExplain(['550', '5.01.1', '4.7.28'], io), 2, 'valid codes still print, the exit code reports the bad one');
  assert.match(io.stderr[0]!, /leading zeros/);
  assert.match(io.stdout.join(''), /4\.7\.28/);
});

test('every class-2 code reads as what succeeded, alone or paired: no fault to hunt, nobody acts', () => {
  const FAULT = /wrong|typo|\bfix|problem|refused|failed|does not exist|admin|check (the|both|your)/i;
  const subjects = [0, 1, 2, 3, 4, 5, 6, 7];
  const details = (subject: number) => registry.filter((r) => r.subject === subject).map((r) => `2.${subject}.${r.detail}`);
  const codes = [
    ...subjects.flatMap(details),
    ...subjects.flatMap(details).flatMap((code) => [`250 ${code}`, `221 ${code}`, `235 ${code}`]),
    '250', '221', '220', '235', '2.1.99',
  ];
  for (const text of codes) {
    const e = explainText(text);
    assert.equal(e.verdict.outcome, 'success', text);
    assert.equal(e.retry, 'not-needed', text);
    assert.deepEqual(e.advice?.actors, ['nobody'], text);
    assert.doesNotMatch(`${e.advice?.meaning} ${e.advice?.action}`, FAULT, text);
    assert.doesNotMatch(`${e.verdict.what}`, FAULT, text);
  }
});

test('success: 250 2.1.0 (Postfix MAIL FROM) says an address was accepted; 221 2.0.0 says the session closed', () => {
  const mail = renderMarkdown(explainText('250 2.1.0'));
  assert.match(mail.split('\n')[0]!, /^\*\*Success\\: 250 2\\\.1\\\.0\*\* An address was accepted\. Nothing to retry; nobody needs to act\.$/);
  assert.doesNotMatch(mail, /Something about one of the addresses|check both addresses|admin/i);
  const bye = renderText(explainText('221 2.0.0'));
  assert.match(bye, /^Success: The server is closing the connection, normally after QUIT\. Nothing to retry; nobody needs to act\.$/m);
  assert.match(bye, /Who acts: {6}nobody$/m);
  assert.doesNotMatch(bye, /sending server's admin|recipient's admin/);
});

test('verdict: failures name the outcome, the retry and who acts in one line', () => {
  const lines = (text: string) => renderText(explainText(text)).split('\n')[1];
  assert.equal(lines('550 5.1.1'), 'Permanent failure: Bad destination mailbox address. Do not send it again; the sender acts.');
  assert.equal(lines('451 4.7.1'), "Temporary failure: Delivery not authorized, message refused. The sending server retries by itself; the sending server's admin, the sender and the recipient's admin act.");
  assert.equal(explainText('354').verdict.outcome, 'intermediate');
});

test('a pairing a provider documents is not called unusual: 452 4.2.2 with Gmail on, but it is without vendors', () => {
  assert.ok(!kinds(explainText('452 4.2.2')).includes('unusual-pairing'));
  assert.ok(kinds(explainText('452 4.2.2', [])).includes('unusual-pairing'));
});

test('renderMarkdown without check notes: a rule-backed note is left to the rule (hovers)', () => {
  const md = renderMarkdown(explainText('550 4.1.1'), { checkNotes: false });
  assert.doesNotMatch(md, /classes disagree/);
  assert.match(renderMarkdown(explainText('550 4.1.1')), /classes disagree/);
});
