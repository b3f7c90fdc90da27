// Property-based tests of the core (scanner + rules + service) over arbitrary text:
// random UTF-16 (lone surrogates, NUL, CR), decoded random bytes, mixes of code-like
// fragments and real log/transcript/DSN/config lines spliced together. Fixed seeds and
// bounded runs keep the suite deterministic and quick.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS, analyzeText, checkLine, initialState, lineStatesEqual, scanLine, splitLines,
} from '../../server/src/service';
import type { Finding, LineState } from '../../server/src/scan/types';
import type { DocumentKind, Problem, Settings } from '../../server/src/service/types';

const KINDS: readonly DocumentKind[] = ['log', 'transcript', 'dsn', 'config', 'json'];
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Each property runs this many cases from this seed (fast-check prints the seed of a failure). */
const RUNS = { seed: 20261128, numRuns: 150 } as const;

/** No cap, so that the whole document's problems can be compared with the line-by-line ones. */
const UNCAPPED: Settings = { ...DEFAULT_SETTINGS, maxProblems: Number.MAX_SAFE_INTEGER };
const ALL_VENDORS: Settings = { ...UNCAPPED, vendors: ['microsoft', 'google'] };

const REAL_LINES = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'robustness', 'real-lines.txt'), 'utf8')
  .split('\n').filter((line) => line !== '');

/** Pieces that make scanners take their less common paths. */
const FRAGMENTS = [
  '550', '5.1.1', '550 5.1.1 ', '550-5.1.1 ', '250-', '250 ', '421-4.7.0', '4.4.7', '2.0.0', '5.7.606', '5.999.9999', '6.1.1',
  '999 ', '0.0.0', '5.1.', '.5.1', '55', '5550', '5.1.1.1', '#550 ', '(#5.7.1)', '##', ' said: ', 'refused to talk to me: ',
  'reject: RCPT from x[1.2.3.4]: ', 'status=bounced (', 'status=sent (', 'dsn=', 'stat=Deferred: ', 'reply=', 'reject=',
  'SMTP error from remote mail server after RCPT TO:<a@b>: ', 'rejected RCPT <a@b>: ', "Remote Server returned '",
  'Action: failed', 'Action: delayed', 'Action: delivered', 'Status: ', 'Diagnostic-Code: smtp; ', 'Reporting-MTA: dns; x',
  '    ', '\t', 'EHLO x', 'MAIL FROM:<a@b>', 'RCPT TO:<a@b>', 'DATA', '354 go', '.', 'QUIT', 'AUTH LOGIN', '334 VXNlcm5hbWU6',
  'BDAT 10 LAST', 'STARTTLS', 'S: ', 'C: ', '<<< ', '>>> ', 'smtpd_reject_code = ', 'REJECT ', 'DEFER_IF_PERMIT ', 'OK',
  'message = ', 'ERROR:"', 'ERROR:5.7.1:', '"', "'", '=', ';', ':', '-', ' ', '1.2.3.4', 'RFC 5321 4.2.3', 'v2.5.1',
  '2026-11-28 10:01:12', '[550.1]', '\u00e9', '\u{1f4e7}', '\ud800', '\udc00', '\u0000', '\ufeff', '\u2028',
  '\n', '\r\n', '\r', '\n\n',
];

const EOLS = ['\n', '\r\n', '\r'];

const utf16Text = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
  .map((units) => String.fromCharCode(...units));
const decodedBytes = fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom<BufferEncoding>('utf8', 'latin1'))
  .map(([bytes, encoding]) => Buffer.from(bytes).toString(encoding));
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const realLine = fc.constantFrom(...REAL_LINES);
/** A real line, a prefix of one joined to a suffix of another, or a real line with fragments inserted. */
const splicedLine = fc.oneof(
  realLine,
  fc.tuple(realLine, realLine, fc.nat(), fc.nat()).map(([a, b, i, j]) => a.slice(0, i % (a.length + 1)) + b.slice(j % (b.length + 1))),
  fc.tuple(realLine, fc.constantFrom(...FRAGMENTS), fc.nat()).map(([a, f, i]) => a.slice(0, i % (a.length + 1)) + f + a.slice(i % (a.length + 1))),
);
const realText = fc.array(fc.tuple(splicedLine, fc.constantFrom(...EOLS)), { maxLength: 25 })
  .map((lines) => lines.map(([line, eol]) => line + eol).join(''));

const anyText = fc.oneof(utf16Text, decodedBytes, fragmentText, realText, realText);
const kind = fc.constantFrom(...KINDS);

function assertRangeIn(lines: readonly string[], r: { line: number; start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(r.line) && r.line >= 0 && r.line < lines.length, `${what}: line ${r.line} of ${lines.length}`);
  const length = lines[r.line]!.length;
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length,
    `${what}: ${r.start}..${r.end} in a line of ${length}`);
}

function assertFindingsExact(lines: readonly string[], findings: readonly Finding[]): void {
  for (const f of findings) {
    assertRangeIn(lines, f, `finding ${JSON.stringify(f.text)}`);
    assert.ok(f.start < f.end, 'a finding covers at least one character');
    assert.equal(f.text, lines[f.line]!.slice(f.start, f.end), 'finding.text is exactly the text it covers');
    if (f.partner) {
      assertRangeIn(lines, f.partner, 'partner');
      assert.equal(f.partner.text, lines[f.partner.line]!.slice(f.partner.start, f.partner.end), 'partner.text is exact');
    }
  }
}

function assertProblemsInside(lines: readonly string[], problems: readonly Problem[]): void {
  for (const p of problems) {
    assertRangeIn(lines, p, `problem ${p.rule}`);
    assert.ok(SEVERITIES.has(p.severity), `severity ${p.severity}`);
    assert.ok(typeof p.message === 'string' && p.message.length > 0, 'a problem says something');
    for (const fix of p.fixes) for (const edit of fix.edits) assertRangeIn(lines, edit, `fix "${fix.title}"`);
  }
}

interface LineByLine {
  readonly perLine: Finding[][];
  /** before[k] is the state the scan of line k starts from; before[lines.length] is the final one. */
  readonly before: LineState[];
}

/** The fold of scanLine over the lines, starting from `state` at line `from`. */
function scanFrom(lines: readonly string[], from: number, state: LineState): LineByLine {
  const perLine: Finding[][] = [];
  const before: LineState[] = [state];
  for (let k = from; k < lines.length; k += 1) {
    const { findings, next } = scanLine(lines[k]!, k, before[before.length - 1]!);
    perLine.push(findings);
    before.push(next);
  }
  return { perLine, before };
}

test('splitLines splits on \\r\\n, \\n and \\r and keeps every other character', () => {
  fc.assert(fc.property(anyText, (text) => {
    const lines = splitLines(text);
    assert.ok(lines.every((l) => !l.includes('\n') && !l.includes('\r')));
    assert.equal(lines.join('\n'), text.replace(/\r\n|\r/g, '\n'));
  }), RUNS);
});

test('the scanner and rules never throw; every range lies inside the document and names exactly its text', () => {
  fc.assert(fc.property(anyText, kind, (text, k) => {
    const lines = splitLines(text);
    const { findings, problems } = analyzeText(text, k, ALL_VENDORS);
    assertFindingsExact(lines, findings);
    assertProblemsInside(lines, problems);
  }), RUNS);
});

test('analysis is deterministic', () => {
  fc.assert(fc.property(anyText, kind, (text, k) => {
    assert.deepEqual(analyzeText(text, k, UNCAPPED), analyzeText(text, k, UNCAPPED));
  }), RUNS);
});

test('scanning a document equals folding scanLine over its lines, and checkLine over them gives its problems', () => {
  fc.assert(fc.property(anyText, kind, (text, k) => {
    const lines = splitLines(text);
    const whole = analyzeText(text, k, UNCAPPED);
    const { perLine } = scanFrom(lines, 0, initialState(k));
    assert.deepEqual(perLine.flat(), whole.findings);
    assert.deepEqual(perLine.flatMap((f) => checkLine(f, UNCAPPED)), whole.problems);
  }), RUNS);
});

test('re-scanning from any line with the stored state gives the same results, and states are never mutated', () => {
  fc.assert(fc.property(anyText, kind, fc.nat(), (text, k, at) => {
    const lines = splitLines(text);
    const full = scanFrom(lines, 0, initialState(k));
    const snapshot = JSON.stringify(full.before);
    const from = at % lines.length;
    const again = scanFrom(lines, from, full.before[from]!);
    assert.deepEqual(again.perLine, full.perLine.slice(from));
    assert.deepEqual(again.before, full.before.slice(from));
    assert.ok(again.before.every((s, i) => lineStatesEqual(s, full.before[from + i]!)));
    assert.equal(JSON.stringify(full.before), snapshot, 'stored states are unchanged by later scans');
  }), RUNS);
});

test('an incremental re-scan that stops where the state matches the stored one equals a full scan', () => {
  // The server's update after an edit: re-scan from the edited line until the state after a
  // line equals the state stored there before the edit, then keep the old findings.
  fc.assert(fc.property(realText, kind, fc.nat(), splicedLine, (text, k, at, replacement) => {
    const oldLines = splitLines(text);
    const edited = at % oldLines.length;
    const newLines = oldLines.map((line, i) => (i === edited ? replacement : line));
    const old = scanFrom(oldLines, 0, initialState(k));
    const perLine = old.perLine.slice(0, edited);
    let state = old.before[edited]!;
    let line = edited;
    for (; line < newLines.length; line += 1) {
      const { findings, next } = scanLine(newLines[line]!, line, state);
      perLine.push(findings);
      state = next;
      if (lineStatesEqual(next, old.before[line + 1]!)) break;
    }
    perLine.push(...old.perLine.slice(line + 1));
    assert.deepEqual(perLine, scanFrom(newLines, 0, initialState(k)).perLine);
  }), RUNS);
});

test('states that lineStatesEqual calls equal are interchangeable for the rest of the scan', () => {
  fc.assert(fc.property(realText, realText, kind, splicedLine, fc.nat(100), (a, b, k, next, at) => {
    const sa = scanFrom(splitLines(a), 0, initialState(k)).before;
    const sb = scanFrom(splitLines(b), 0, initialState(k)).before;
    for (const x of sa) {
      assert.ok(lineStatesEqual(x, x));
      for (const y of sb) {
        assert.equal(lineStatesEqual(x, y), lineStatesEqual(y, x));
        if (!lineStatesEqual(x, y)) continue;
        const fromX = scanLine(next, at, x);
        const fromY = scanLine(next, at, y);
        assert.deepEqual(fromX.findings, fromY.findings);
        assert.ok(lineStatesEqual(fromX.next, fromY.next));
      }
    }
  }), { ...RUNS, numRuns: 60 });
});

test('problems are capped at maxProblems plus one note', () => {
  fc.assert(fc.property(realText, kind, fc.integer({ min: 0, max: 8 }), (text, k, max) => {
    const { problems } = analyzeText(text, k, { ...UNCAPPED, maxProblems: max });
    const all = analyzeText(text, k, UNCAPPED).problems;
    assert.ok(problems.length <= max + 1, `${problems.length} problems with maxProblems ${max}`);
    if (all.length <= max) assert.deepEqual(problems, all);
  }), RUNS);
});
