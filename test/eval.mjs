// `npm run eval`: measures the scanner and rules on the real corpora in ../shared/corpora
// (absent on a user's clone: then it says so and exits 0). Uses the compiled core in out/
// (run `node build.mjs` first). Prints, per corpus, recall of the codes the corpus expects,
// precision of what is reported, and every warning and error reported on these valid
// real messages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpora = path.resolve(root, '..', 'shared', 'corpora');
const require = createRequire(import.meta.url);

if (!existsSync(corpora)) {
  console.log(`eval: ${corpora} is absent; nothing to measure.`);
  process.exit(0);
}
const servicePath = path.join(root, 'out', 'server', 'src', 'service', 'index.js');
if (!existsSync(servicePath)) {
  console.error('eval: out/ is missing; run `node build.mjs` first.');
  process.exit(2);
}
const { analyzeText, detectKind, DEFAULT_SETTINGS, failuresOf, splitLines } = require(servicePath);
const yaml = require('js-yaml');

/**
 * Independent evidence that a reported code is one, beyond the corpus' own expectations:
 * the formats' definitions, written as plain patterns. A reply and an enhanced code of the
 * class 2, 4 or 5 side by side; an RFC 3464 `Status:` value; the code opening a
 * `Diagnostic-Code: smtp;` value; a line shaped as an RFC 5321 s4.2 reply line, maybe quoted
 * by Sendmail (`<<< 550 ...`).
 * Whatever none of these confirms is listed for review.
 */
const EVIDENCE = [
  /(?<![\w.])[2-5]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?![\w.-])/g,
  /^Status:[ \t]*\d\.\d{1,3}\.\d{1,3}/gi,
  /^Diagnostic-Code:[ \t]*smtp;[ \t]*(?:[2-5]\d\d\b|\d\.\d{1,3}\.\d{1,3})/gi,
  /^(?:<<< )?[2-5][0-5]\d(?: |-(?=[^\d]))/g,
];

function evidenced(line, f) {
  return EVIDENCE.some((re) => [...line.matchAll(re)].some((m) => f.start >= m.index && f.end <= m.index + m[0].length));
}

function percent(part, whole) {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`;
}

function report(name, stats) {
  console.log(`\n## ${name}`);
  console.log(`recall:    ${stats.found}/${stats.expected} = ${percent(stats.found, stats.expected)}`);
  console.log(`precision: ${stats.confirmed}/${stats.reported} = ${percent(stats.confirmed, stats.reported)}`);
  for (const miss of stats.missed) console.log(`  missed    ${miss}`);
  for (const extra of stats.unconfirmed) console.log(`  not a code? ${extra}`);
  const serious = stats.problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
  const errors = serious.filter((p) => p.severity === 'error');
  console.log(`diagnostics: ${errors.length} errors, ${serious.length - errors.length} warnings`
    + ` (${stats.problems.length - serious.length} information/hints not listed)`);
  for (const p of serious) console.log(`  ${p.where}: ${p.severity}: ${p.message} [${p.rule}]`);
  return stats;
}

function emptyStats() {
  return { expected: 0, found: 0, reported: 0, confirmed: 0, missed: [], unconfirmed: [], problems: [] };
}

function collectProblems(stats, where, lines, problems) {
  for (const p of problems) {
    stats.problems.push({ ...p, where: `${where}:${p.line + 1}:${p.start + 1} '${lines[p.line].slice(p.start, p.end)}'` });
  }
}

/** Sisimai bounces: rows of expected.tsv with a real (not parser-internal) code written in the mail. */
function evalSisimai() {
  const dir = path.join(corpora, 'sisimai-bounces');
  const [header, ...rows] = readFileSync(path.join(dir, 'expected.tsv'), 'utf8').trim().split('\n').map((r) => r.split('\t'));
  const col = (name) => header.indexOf(name);
  const expected = new Map();
  for (const row of rows) {
    if (row[col('sisimai_internal_code')] !== '0') continue;
    const codes = expected.get(row[col('file')]) ?? [];
    if (row[col('status_literal_in_mail')] === '1' && row[col('status')]) codes.push({ kind: 'enhanced', code: row[col('status')] });
    if (row[col('reply_literal_in_mail')] === '1' && row[col('reply')]) codes.push({ kind: 'reply', code: row[col('reply')] });
    expected.set(row[col('file')], codes);
  }
  const stats = emptyStats();
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  for (const file of files) {
    const text = readFileSync(path.join(dir, file)).toString('utf8');
    const lines = splitLines(text);
    const { findings, problems } = analyzeText(text, detectKind(file, text), DEFAULT_SETTINGS);
    const wanted = expected.get(file) ?? [];
    const seen = new Set();
    for (const want of wanted) {
      const key = `${want.kind}:${want.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      stats.expected++;
      if (findings.some((f) => f.kind === want.kind && f.text === want.code)) stats.found++;
      else stats.missed.push(`${file}: ${want.kind} ${want.code}`);
    }
    for (const f of findings) {
      stats.reported++;
      const line = lines[f.line];
      if (wanted.some((w) => w.code === f.text) || evidenced(line, f)) stats.confirmed++;
      else stats.unconfirmed.push(`${file}:${f.line + 1}:${f.start + 1} ${f.kind} '${f.text}' [${f.context}] ${line.trim().slice(0, 140)}`);
    }
    collectProblems(stats, file, lines, problems);
  }
  return report(`sisimai-bounces (${files.length} messages)`, stats);
}

/** The codes a Postfix log line's parsed fields hold. */
function postfixTruth(results, data) {
  const expected = [];
  const add = (kind, code) => { if (code !== undefined && code !== null && code !== '') expected.push({ kind, code: String(code) }); };
  add('reply', results.postfix_status_code);
  add('enhanced', results.postfix_status_code_enhanced);
  add('reply', results.postfix_proxy_status_code);
  add('enhanced', results.postfix_proxy_status_code_enhanced);
  const dsn = /(?:^|[ ,])dsn=(\d\.\d{1,3}\.\d{1,3})/.exec(results.postfix_keyvalue_data ?? '');
  if (dsn) add('enhanced', dsn[1]);
  // Every code of a reply (a flattened multi-line reply repeats them), the first one expected.
  const also = [];
  // Some patterns leave the reply of `status=sent (250 2.0.0 ...)` inside the free text.
  const response = String(results.postfix_smtp_response ?? /status=\w+ \((\d{3} [^)]*)\)/.exec(data)?.[1] ?? '');
  for (const m of response.matchAll(/(?<![\w.])(\d{3})([ -](\d\.\d{1,3}\.\d{1,3}))?(?![\w.])/g)) {
    if (m.index === 0) {
      add('reply', m[1]);
      add('enhanced', m[3]);
    } else if (m[3]) {
      also.push({ kind: 'reply', code: m[1] }, { kind: 'enhanced', code: m[3] });
    }
  }
  return { expected, also };
}

function evalPostfix() {
  const dir = path.join(corpora, 'postfix-log-lines');
  const stats = emptyStats();
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of files) {
    const doc = yaml.load(readFileSync(path.join(dir, file), 'utf8'));
    const text = String(doc.data);
    const { expected, also } = postfixTruth(doc.results ?? {}, text);
    const { findings, problems } = analyzeText(text, 'log', DEFAULT_SETTINGS);
    const pool = [...expected, ...also];
    for (const want of expected) {
      stats.expected++;
      if (findings.some((f) => f.kind === want.kind && f.text === want.code)) stats.found++;
      else stats.missed.push(`${file}: ${want.kind} ${want.code}`);
    }
    for (const f of findings) {
      stats.reported++;
      const i = pool.findIndex((p) => p.kind === f.kind && p.code === f.text);
      if (i >= 0) {
        pool.splice(i, 1);
        stats.confirmed++;
      } else {
        stats.unconfirmed.push(`${file}:${f.start + 1} ${f.kind} '${f.text}' [${f.context}] ${text.slice(0, 140)}`);
      }
    }
    collectProblems(stats, file, [text], problems);
  }
  return report(`postfix-log-lines (${files.length} lines)`, stats);
}

/** Rows of a corpus TSV after its header line, as arrays of fields. */
function readTsv(file) {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t'));
}

/**
 * Exim test-suite logs (`log/`) and `-bh`/`-bs` session outputs (`stdout/`): the codes of
 * expected.tsv by file and line; a finding on an unjudged line that no row expects is not
 * counted; any other is a false alarm. The kind is detected from the content alone (the
 * files are named by test number).
 */
function evalExim() {
  const dir = path.join(corpora, 'exim-testsuite');
  const expected = new Map();
  for (const [file, line, kind, code] of readTsv(path.join(dir, 'expected.tsv'))) {
    const key = `${file}:${line}`;
    expected.set(key, [...(expected.get(key) ?? []), { kind, code }]);
  }
  const unjudged = new Set(readTsv(path.join(dir, 'unjudged.tsv')).map(([file, line]) => `${file}:${line}`));
  const stats = emptyStats();
  const files = ['log', 'stdout'].flatMap((sub) => readdirSync(path.join(dir, sub)).sort().map((f) => `${sub}/${f}`));
  for (const file of files) {
    const text = readFileSync(path.join(dir, file)).toString('utf8');
    const lines = splitLines(text);
    const { findings, problems } = analyzeText(text, detectKind(file, text), DEFAULT_SETTINGS);
    const byLine = new Map();
    for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    for (let n = 0; n < lines.length; n++) {
      const key = `${file}:${n + 1}`;
      const pool = [...(expected.get(key) ?? [])];
      const found = byLine.get(n) ?? [];
      for (const want of pool) {
        stats.expected++;
        if (found.some((f) => f.kind === want.kind && f.text === want.code)) stats.found++;
        else stats.missed.push(`${key}: ${want.kind} ${want.code}  ${lines[n].trim().slice(0, 140)}`);
      }
      for (const f of found) {
        const i = pool.findIndex((p) => p.kind === f.kind && p.code === f.text);
        if (i >= 0) pool.splice(i, 1);
        else if (unjudged.has(key)) continue;
        stats.reported++;
        if (i >= 0) stats.confirmed++;
        else stats.unconfirmed.push(`${key}:${f.start + 1} ${f.kind} '${f.text}' [${f.context}] ${lines[n].trim().slice(0, 140)}`);
      }
    }
    collectProblems(stats, file, lines, problems);
  }
  return report(`exim-testsuite (${files.length} files)`, stats);
}

// Exim's test suite configures malformed codes on purpose (`599`, `490 4.5.6`, `4.1234.343`):
// errors there are listed above, not counted against the corpora of valid real messages.

/** Reasons Sisimai gives messages that are no failure (or that it could not judge): not compared. */
const NOT_FAILURES = new Set(['delivered', 'feedback', 'vacation', 'undefined', 'onhold']);

/** Our judgement of each known disagreement (test/classify-judgements.tsv): file#index -> { right, why }. */
function readJudgements() {
  const lines = readFileSync(path.join(root, 'test', 'classify-judgements.tsv'), 'utf8').split('\n');
  const rows = lines.filter((l) => l.trim() !== '' && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
  return new Map(rows.map(([key, right, why]) => [key, { right, why }]));
}

/**
 * `classify` against Sisimai's verdicts on its own bounces: the reason and hard/soft of each
 * expected recipient, matched to our records in order (the n-th recipient block of a file).
 * Each disagreement is listed with our judgement of whose answer is right.
 */
function evalClassify() {
  const dir = path.join(corpora, 'sisimai-bounces');
  const [header, ...rows] = readFileSync(path.join(dir, 'expected.tsv'), 'utf8').trim().split('\n').map((r) => r.split('\t'));
  const col = (name) => header.indexOf(name);
  const recordsByFile = new Map();
  const recordsOf = (file) => {
    if (!recordsByFile.has(file)) {
      const text = readFileSync(path.join(dir, file)).toString('utf8');
      recordsByFile.set(file, failuresOf(text, detectKind(file, text)));
    }
    return recordsByFile.get(file);
  };
  const judgements = readJudgements();
  const tally = new Map();
  let compared = 0;
  let sameReason = 0;
  let sameBounce = 0;
  const disagreements = [];
  for (const row of rows) {
    const reason = row[col('reason')];
    if (NOT_FAILURES.has(reason)) continue;
    const file = row[col('file')];
    const index = Number(row[col('index')]);
    const records = recordsOf(file);
    const record = records[index - 1] ?? records[0];
    const hard = row[col('hardbounce')] === 'true';
    compared++;
    const ours = record?.verdict;
    if (ours?.reason === reason) sameReason++;
    if (ours !== undefined && (ours.bounce === 'hard') === hard) sameBounce++;
    if (ours?.reason !== reason || (ours.bounce === 'hard') !== hard) {
      const said = record === undefined ? 'no record' : `${ours.reason}/${ours.bounce} [${record.facts.reply ?? ''} ${record.facts.enhanced ?? ''}] ${record.facts.text.replace(/\s+/g, ' ').slice(0, 110)}`;
      const judged = judgements.get(`${file}#${index}`);
      const right = judged?.right ?? 'not judged yet';
      tally.set(right, (tally.get(right) ?? 0) + 1);
      disagreements.push(`${file}#${index}: sisimai ${reason}/${hard ? 'hard' : 'soft'} [${row[col('status')]}], ours ${said}`
        + `\n      right: ${right}${judged === undefined ? '' : ` (${judged.why})`}`);
    }
  }
  console.log(`\n## classify on sisimai-bounces (${compared} recipients; ${[...NOT_FAILURES].join(', ')} left out)`);
  console.log(`reason agreement:    ${sameReason}/${compared} = ${percent(sameReason, compared)}`);
  console.log(`hard/soft agreement: ${sameBounce}/${compared} = ${percent(sameBounce, compared)}`);
  const defensible = sameReason + (tally.get('ours') ?? 0) + (tally.get('both') ?? 0);
  console.log(`disagreements, whose answer is right: ${[...tally].map(([right, n]) => `${right} ${n}`).join(', ') || 'none'}`);
  console.log(`reason agreed or judged right (ours or both): ${defensible}/${compared} = ${percent(defensible, compared)}`);
  for (const line of disagreements) console.log(`  differs   ${line}`);
  return { problems: [] };
}


const results = [evalSisimai(), evalPostfix(), evalClassify()];
evalExim();
const errorsOnExpected = results.flatMap((s) => s.problems.filter((p) => p.severity === 'error'));
console.log(`\n${errorsOnExpected.length === 0 ? 'OK' : 'NOT OK'}: ${errorsOnExpected.length} error-level diagnostics on the corpora of valid messages.`);
