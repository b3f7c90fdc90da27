// Streams: a document fed to the core in pieces, cut anywhere (inside a CRLF, a multi-byte
// character, a multi-line reply, a DSN block, a folded line), is scanned and checked exactly as
// the whole text is; gzip input is read directly, and a truncated one fails after its lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileChunks, InputError } from '../../server/src/io/input';
import { analyzeStream, analyzeText, DEFAULT_SETTINGS, detectKind, splitLines, type StreamBatch } from '../../server/src/service';
import type { DocumentKind, Settings } from '../../server/src/service/types';
import { LineSplitter, lineBatches } from '../../server/src/stream';
import { generateMailLog } from '../bench/generate-log';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE_DIRS = ['engine', 'lsp', 'demo', 'demo/bounces', 'demo/postfix', 'demo/exim4'].map((d) => path.join(ROOT, 'test', 'fixtures', d));
const FIXTURES = FIXTURE_DIRS.flatMap((dir) => fs.readdirSync(dir).map((name) => path.join(dir, name)).filter((file) => fs.statSync(file).isFile()));
/** No cap: every problem is compared. */
const ALL: Settings = { ...DEFAULT_SETTINGS, maxProblems: Number.MAX_SAFE_INTEGER };

async function* pieces<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** `bytes` cut at the given offsets. */
function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const bounds = [0, ...cuts, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

async function collect(source: AsyncIterable<StreamBatch>): Promise<{ lines: string[]; findings: unknown[]; problems: unknown[]; kind?: DocumentKind }> {
  const lines: string[] = [];
  const findings: unknown[] = [];
  const problems: unknown[] = [];
  let kind: DocumentKind | undefined;
  for await (const batch of source) {
    assert.equal(batch.first, lines.length, 'batches number their lines in order');
    kind = batch.kind;
    lines.push(...batch.lines);
    for (const report of batch.reports) {
      assert.equal(report.text, batch.lines[report.line - batch.first]);
      findings.push(...report.findings);
      problems.push(...report.problems);
    }
  }
  return { lines, findings, problems, ...(kind === undefined ? {} : { kind }) };
}

async function assertStreamEqualsWhole(bytes: Uint8Array, kind: DocumentKind, chunks: readonly Uint8Array[], label: string): Promise<void> {
  const text = new TextDecoder().decode(bytes);
  const whole = analyzeText(text, kind, ALL);
  const streamed = await collect(analyzeStream({ chunks: pieces(chunks), fileName: '', kind }, ALL));
  assert.deepEqual(streamed.lines, splitLines(text), `${label}: lines`);
  assert.deepEqual(streamed.findings, whole.findings, `${label}: findings`);
  assert.deepEqual(streamed.problems, whole.problems, `${label}: problems`);
}

test('LineSplitter cuts like splitLines wherever the pieces end, CR LF split included', () => {
  const samples = ['', '\n', 'a', 'a\r\nb', 'a\rb\nc\r\n', '\r\r\n\n\r', 'x\r\n\r\ny\r', 'no break at the end', 'ends\n'];
  for (const text of samples) {
    for (let cut = 0; cut <= text.length; cut++) {
      for (let second = cut; second <= text.length; second++) {
        const splitter = new LineSplitter();
        const lines = [...splitter.push(text.slice(0, cut)), ...splitter.push(text.slice(cut, second)), ...splitter.push(text.slice(second)), ...splitter.end()];
        assert.deepEqual(lines, splitLines(text), `${JSON.stringify(text)} cut at ${cut} and ${second}`);
      }
    }
  }
});

test('lineBatches joins a UTF-8 character split between chunks and decodes bad bytes leniently', async () => {
  const bytes = Buffer.from('caf\u00e9 550 5.1.1 \u{1F4E7}\nb\u00e4d \xff\n', 'utf8');
  const expected = splitLines(new TextDecoder().decode(bytes));
  for (let cut = 0; cut <= bytes.length; cut++) {
    const lines: string[] = [];
    for await (const batch of lineBatches(pieces(cutAt(bytes, [cut])))) lines.push(...batch);
    assert.deepEqual(lines, expected, `cut at byte ${cut}`);
  }
});

test('every fixture streamed in pieces of 1, 7, 64 and 4096 bytes equals the whole-text scan', async () => {
  assert.ok(FIXTURES.length >= 15, `fixtures found: ${FIXTURES.length}`);
  for (const file of FIXTURES) {
    const bytes = fs.readFileSync(file);
    const kind = detectKind(file, bytes.toString('utf8'));
    for (const size of [1, 7, 64, 4096]) {
      const cuts = Array.from({ length: Math.floor(bytes.length / size) }, (_, i) => (i + 1) * size);
      await assertStreamEqualsWhole(bytes, kind, cutAt(bytes, cuts), `${path.relative(ROOT, file)} in ${size}-byte pieces`);
    }
  }
});

/** Every seam the scanner carries state across, in each kind of document, with CRLF and non-ASCII text. */
const SEAMS: readonly (readonly [DocumentKind, string])[] = [
  ['transcript', 'C: EHLO client.example.org\r\nS: 250-mx.example.com\r\nS: 250-SIZE 10240000\r\nS: 250 ENHANCEDSTATUSCODES\r\nC: RCPT TO:<b\u00f6b@example.com>\r\nS: 550-5.1.1 No such user\r\nS: 554 5.7.1 Different code\r\n'],
  ['dsn', 'Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 4.4.1\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: Recipient address\n    rejected: 550\n    5.1.1 folded\n\nFinal-Recipient: rfc822; c@example.net\nAction: delayed\nStatus: 5.4.1\n'],
  ['dsn', 'Remote Server returned \'550 4.1.1 RESOLVER.ADR.RecipNotFound; not found\'\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n'],
  ['log', 'Mar  4 10:00:00 mx postfix/smtp[123]: 4BC: to=<a@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 4.1.1 <a@example.net>: unknown (in reply to RCPT TO command))\r\nMar  4 10:00:01 mx postfix/smtpd[9]: NOQUEUE: reject: RCPT from x[203.0.113.9]: 554 5.7.1 \u00fcber spam\r\n'],
  ['config', 'smtpd_reject_code = 554\nfoo@example.com REJECT 4.7.1 go away\nbar@example.com 550 5.01.1 bad\n'],
];

test('generated documents cut at every position (two and three pieces) equal the whole-text scan', async () => {
  for (const [kind, text] of SEAMS) {
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      await assertStreamEqualsWhole(bytes, kind, cutAt(bytes, [cut]), `${kind} cut at ${cut}`);
      const second = Math.min(bytes.length, cut + 1 + (cut % 13));
      await assertStreamEqualsWhole(bytes, kind, cutAt(bytes, [cut, second]), `${kind} cut at ${cut} and ${second}`);
    }
  }
});

test('a generated 2 MB log streamed in odd-sized pieces equals the whole-text scan', async () => {
  const bytes = Buffer.from(generateMailLog({ seed: 7, bytes: 2_000_000 }), 'utf8');
  const cuts: number[] = [];
  for (let at = 1, step = 1; at < bytes.length; step = (step * 7919) % 65_537 || 1, at += step) cuts.push(at);
  await assertStreamEqualsWhole(bytes, 'log', cutAt(bytes, cuts), 'generated log');
});

test('a file and its .gz stream to the same lines; detection of the kind matches the whole text', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-stream-'));
  try {
    for (const file of FIXTURES) {
      const bytes = fs.readFileSync(file);
      const gz = path.join(dir, `${path.basename(file)}.gz`);
      fs.writeFileSync(gz, gzipSync(bytes));
      const plain = await collect(analyzeStream({ chunks: fileChunks(file), fileName: file }, ALL));
      const unzipped = await collect(analyzeStream({ chunks: fileChunks(gz), fileName: file }, ALL));
      assert.equal(plain.kind, detectKind(file, bytes.toString('utf8')), file);
      assert.deepEqual(unzipped, plain, `${file}.gz`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a truncated .gz yields the lines it could read, then an InputError saying so', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-stream-'));
  try {
    const text = generateMailLog({ seed: 3, bytes: 400_000 });
    const gz = gzipSync(Buffer.from(text));
    const file = path.join(dir, 'mail.log.2.gz');
    fs.writeFileSync(file, gz.subarray(0, Math.floor(gz.length / 2)));
    const lines: string[] = [];
    await assert.rejects(async () => {
      for await (const batch of lineBatches(fileChunks(file))) lines.push(...batch);
    }, (error: unknown) => error instanceof InputError && /truncated gzip/.test(error.message));
    const whole = splitLines(text);
    assert.ok(lines.length > 100 && lines.length < whole.length, `${lines.length} of ${whole.length} lines read`);
    assert.deepEqual(lines, whole.slice(0, lines.length), 'the lines read are the file\'s first lines');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
