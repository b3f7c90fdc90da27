// Compares the compiled knowledge base with the reference tables in
// ../shared/reference (present on the development machine, absent on a
// user's clone, where this check skips). Exit 1 on any missing or differing fact.
// Run after the build: node test/reference-check.mjs
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// REFERENCE_DIR lets the check be pointed at another copy (e.g. to see it fail on a changed table).
const referenceDir = process.env.REFERENCE_DIR ?? resolve(root, '..', 'shared', 'reference');
if (!existsSync(referenceDir)) {
  console.log('reference check skipped: ../shared absent');
  process.exit(0);
}
const kbPath = join(root, 'out', 'server', 'src', 'kb', 'index.js');
if (!existsSync(kbPath)) {
  console.error(`reference check: ${kbPath} missing; run node build.mjs first`);
  process.exit(1);
}
const kb = createRequire(import.meta.url)(kbPath);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

const table = (name) => parseCsv(readFileSync(join(referenceDir, `${name}.csv`), 'utf8'));
const problems = [];
const same = (what, actual, expected) => {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) problems.push(`${what}: knowledge base has ${a}, reference has ${e}`);
};

/**
 * Checks one reference table: the knowledge base holds as many items, and for
 * each row `find` locates the item that `check(row, item)` then compares.
 */
function compareTable(name, items, label, find, check) {
  const rows = table(name);
  same(`${name}.csv row count`, items.length, rows.length);
  for (const row of rows) {
    const item = find(row);
    if (item) check(row, item);
    else problems.push(`${label(row)} missing from the knowledge base`);
  }
  return rows.length;
}

const provenance = (entry) => [entry.references.join('; '), entry.submitter, entry.changeController];
const registryKey = (row) => row.code.split('.').slice(1).map(Number);
const associated = (text) =>
  text === 'Any' ? 'any' : text === '5XX' ? '5XX' : text === 'Not given' || text === '' ? [] : text.split(',').map((c) => Number(c.trim()));
const answersText = (answers) => answers
  .map((a) => `${a.kind}:${a.command}${a.except ? ` except ${a.except.join(', ')}` : ''}`)
  .join('; ');

const counts = {
  'registry codes': compareTable('enhanced', kb.registry, (row) => `registry ${row.code}`,
    (row) => kb.registryEntry(...registryKey(row)),
    (row, entry) => {
      const c = row.code;
      same(`${c} key`, entry.key, c);
      same(`${c} title`, entry.title, row.title);
      same(`${c} associated basic codes`, entry.associatedAnyOf !== undefined ? `${entry.associatedAnyOf}XX` : entry.associatedBasic, associated(row.associated_basic_codes));
      same(`${c} associated (raw)`, entry.associatedRaw, row.associated_basic_codes_raw);
      same(`${c} references`, entry.references.join('; '), row.references);
      same(`${c} permanence`, entry.permanence, row.permanence);
      same(`${c} permanence source`, entry.permanenceSource, row.permanence_source);
      same(`${c} status`, entry.deprecated ? `deprecated (${entry.deprecated.reason})` : 'active', row.status);
      same(`${c} provenance`, [entry.submitter, entry.changeController, entry.rfc3463AppendixATitle],
        [row.submitter, row.change_controller, row.rfc3463_appendix_a_title]);
    }),
  'basic codes': compareTable('basic', kb.basicCodes, (row) => `basic ${row.code}`,
    (row) => kb.basicEntry(Number(row.code)),
    (row, entry) => same(`${row.code}`,
      [entry.meaning, entry.references.join('; '), answersText(entry.answers), entry.answersSource, entry.notes],
      [row.meaning_short, row.references, row.valid_after_commands, row.valid_after_source, row.notes])),
  classes: compareTable('classes', kb.classes, (row) => `class ${row.class_digit}`,
    (row) => kb.classEntry(Number(row.class_digit)),
    (row, entry) => same(`class ${row.class_digit}`, [entry.title, entry.replyFirstDigit, ...provenance(entry)],
      [row.title, row.reply_first_digit_must_match, row.references, row.submitter, row.change_controller])),
  subjects: compareTable('subjects', kb.subjects, (row) => `subject ${row.subject_digit}`,
    (row) => kb.subjectEntry(Number(row.subject_digit)),
    (row, entry) => same(`subject ${row.subject_digit}`, [entry.title, ...provenance(entry)],
      [row.title, row.references, row.submitter, row.change_controller])),
  // '5 or 4' and '2 (usually)' are the class expectations.
  'DSN actions': compareTable('dsn_actions', kb.dsnActions, (row) => `DSN action ${row.action}`,
    (row) => kb.dsnAction(row.action),
    (row, entry) => same(`DSN action ${row.action}`,
      [entry.meaning, `${entry.expectedClasses.join(' or ')}${entry.usually ? ' (usually)' : ''}`, entry.basis, entry.terminal ? 'yes' : 'no'],
      [row.meaning_short, row.expected_status_class, row.basis, row.terminal_state])),
  'reply digits': compareTable('reply_digits', kb.REPLY_DIGITS, (row) => `reply digit ${row.position} ${row.value}`,
    (row) => kb.REPLY_DIGITS.find((d) => d.position === row.position && d.value === row.value),
    (row, entry) => same(`${row.position} digit ${row.value}`, [entry.name, entry.meaning, entry.reference], [row.name, row.meaning_short, row.reference])),
};

if (problems.length) {
  for (const problem of problems) console.error(problem);
  console.error(`reference check: ${problems.length} difference(s)`);
  process.exit(1);
}
console.log(`reference check: ok (${Object.entries(counts).map(([what, n]) => `${n} ${what}`).join(', ')})`);
