// Large inputs folded in parallel: bytes cut into chunks of whole lines, numbered before they
// are read; chunks folded ahead from the start state and put back in order, folded again where
// a seam fell inside open state (a multi-line reply, a DSN block, a transcript's commands), so
// the result equals the whole-text scan on every fixture, at any chunk size; and the CLI's
// worker threads write byte for byte what one thread writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { runScan } from '../../server/src/cli/scan';
import { ChunkWorkers } from '../../server/src/cli/workers';
import { analyzeChunksAhead, analyzeText, chunkedKind, DEFAULT_SETTINGS, detectKind, lineChunks, speculateChunk, splitLines, type LineChunk, type StreamBatch } from '../../server/src/service';
import type { DocumentKind, Settings } from '../../server/src/service/types';
import { countLineBreaks, wholeLinesLength } from '../../server/src/stream';
import { generateMailLog } from '../bench/generate-log';
import { runCli } from './cli-run';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE_DIRS = ['engine', 'lsp', 'demo', 'demo/bounces', 'demo/postfix', 'demo/exim4'].map((d) => path.join(ROOT, 'test', 'fixtures', d));
const FIXTURES = FIXTURE_DIRS.flatMap((dir) => fs.readdirSync(dir).map((name) => path.join(dir, name)).filter((file) => fs.statSync(file).isFile()));
const ALL: Settings = { ...DEFAULT_SETTINGS, maxProblems: Number.MAX_SAFE_INTEGER };
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

test('wholeLinesLength cuts after the last LF, or a CR whose next byte is known', () => {
  assert.equal(wholeLinesLength(bytesOf('a\nb\nc')), 4);
  assert.equal(wholeLinesLength(bytesOf('a\r\nb')), 3);
  assert.equal(wholeLinesLength(bytesOf('a\rb')), 2);
  assert.equal(wholeLinesLength(bytesOf('a\rb\r')), 2, 'a CR at the end may be half of a CRLF');
  assert.equal(wholeLinesLength(bytesOf('no break')), 0);
});

test('countLineBreaks counts CRLF, CR and LF once each, as splitLines cuts', () => {
  for (const text of ['', 'a', 'a\n', 'a\r\nb\rc\n', '\r\r\n\n\r', 'x\r\n\r\ny\r\n']) {
    assert.equal(countLineBreaks(bytesOf(text)) + 1, splitLines(text).length, JSON.stringify(text));
  }
});

test('lineChunks numbers whole lines, ending with the text after the last break (even empty)', async () => {
  for (const text of ['', 'one', 'one\n', 'a\nbb\r\nccc\rdddd\n\ne', 'é€😀\n'.repeat(40), 'x\r\n'.repeat(50)]) {
    const bytes = bytesOf(text);
    for (const [piece, size] of [[1, 1], [3, 8], [7, 64], [4096, 5]]) {
      const chunks = await all(lineChunks(pieces(bytes, piece!), size!));
      const lines = chunks.flatMap((chunk) => {
        const decoded = splitLines(new TextDecoder().decode(chunk.bytes));
        if (!chunk.final) decoded.pop();
        assert.equal(decoded.length, chunk.lines, 'a chunk knows how many lines it holds');
        return decoded;
      });
      assert.deepEqual(lines, splitLines(text), `${JSON.stringify(text.slice(0, 20))} in pieces of ${piece}, chunks of ${size}`);
      assert.deepEqual(chunks.map((c) => c.first), chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.lines, 0)));
      assert.equal(chunks.filter((c) => c.final).length, 1);
    }
  }
});

test('lineChunks yields the whole lines read before its source fails, then the error', async () => {
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield bytesOf('first\nsecond\nthird, cut');
    throw new Error('truncated');
  }
  const lines: string[] = [];
  await assert.rejects(async () => {
    for await (const chunk of lineChunks(failing(), 1 << 20)) lines.push(...splitLines(new TextDecoder().decode(chunk.bytes)).slice(0, chunk.lines));
  }, /truncated/);
  assert.deepEqual(lines, ['first', 'second']);
});

interface Folded {
  readonly findings: unknown[];
  readonly problems: unknown[];
  /** Chunks whose speculation was not used. */
  readonly refolded: number;
}

/**
 * Folds `text` in chunks of about `size` bytes, speculating every chunk (here, asynchronously, as
 * a worker would); `fails(n)` says which speculations fail instead, at once, long before their turn.
 */
async function foldInChunks(text: string, kind: DocumentKind, size: number, piece = 5, fails = (_: number) => false): Promise<Folded> {
  let speculated = 0;
  let folded = 0;
  const speculate = async (chunk: LineChunk) => {
    if (fails(speculated++)) throw new Error('Worker terminated due to reaching memory limit');
    await new Promise((resolve) => setImmediate(resolve));
    const { batch, endsAtStart } = speculateChunk(chunk, kind, ALL);
    return { result: batch, endsAtStart };
  };
  const toResult = (batch: StreamBatch): StreamBatch => {
    folded++;
    return batch;
  };
  const findings: unknown[] = [];
  const problems: unknown[] = [];
  for await (const { result } of analyzeChunksAhead(lineChunks(pieces(bytesOf(text), piece), size), kind, ALL, speculate, toResult, 3)) {
    for (const report of result.reports) {
      findings.push(...report.findings);
      problems.push(...report.problems);
    }
  }
  return { findings, problems, refolded: folded };
}

test('every fixture folded in speculated chunks of 40, 300 and 5000 bytes equals the whole-text scan', async () => {
  let refolded = 0;
  for (const file of FIXTURES) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = detectKind(file, text);
    const whole = analyzeText(text, kind, ALL);
    for (const size of [40, 300, 5000]) {
      const folded = await foldInChunks(text, kind, size);
      assert.deepEqual(folded.findings, whole.findings, `${path.relative(ROOT, file)} in chunks of ${size}: findings`);
      assert.deepEqual(folded.problems, whole.problems, `${path.relative(ROOT, file)} in chunks of ${size}: problems`);
      refolded += folded.refolded;
    }
  }
  assert.ok(refolded > 0, 'some seams fell inside open state and were folded again');
});

test('a generated log folded in speculated chunks equals the whole-text scan', async () => {
  const text = generateMailLog({ seed: 11, bytes: 600_000 });
  const whole = analyzeText(text, 'log', ALL);
  const folded = await foldInChunks(text, 'log', 16_384, 4096);
  assert.deepEqual(folded.findings, whole.findings);
  assert.deepEqual(folded.problems, whole.problems);
});

test('a failed speculation (a worker out of memory) only means the chunk is folded here', async () => {
  const text = generateMailLog({ seed: 12, bytes: 200_000 });
  const whole = analyzeText(text, 'log', ALL);
  const folded = await foldInChunks(text, 'log', 8192, 4096, (n) => n % 3 === 1);
  assert.deepEqual(folded.findings, whole.findings);
  assert.deepEqual(folded.problems, whole.problems);
  assert.ok(folded.refolded >= 5, 'the failed chunks were folded here');
});

test('when the bytes fail mid-way, the chunks read before are all written, then the error is thrown', async () => {
  const text = generateMailLog({ seed: 13, bytes: 100_000 });
  const bytes = bytesOf(text);
  async function* truncated(): AsyncGenerator<Uint8Array> {
    yield* pieces(bytes.subarray(0, 60_000), 4096);
    throw new Error('truncated gzip data');
  }
  const speculate = async (chunk: LineChunk) => {
    const { batch, endsAtStart } = speculateChunk(chunk, 'log', ALL);
    return { result: batch, endsAtStart };
  };
  const lines: number[] = [];
  await assert.rejects(async () => {
    for await (const { chunk } of analyzeChunksAhead(lineChunks(truncated(), 8192), 'log', ALL, speculate, (batch) => batch, 4)) lines.push(chunk.first + chunk.lines);
  }, /truncated gzip data/);
  const whole = splitLines(new TextDecoder().decode(bytes.subarray(0, 60_000))).length - 1;
  assert.equal(lines.at(-1), whole, 'every whole line before the failure was folded and handed on');
});

test('chunkedKind detects the kind from the first chunk as from the first lines', async () => {
  for (const file of FIXTURES) {
    const text = fs.readFileSync(file, 'utf8');
    const [first] = await all(lineChunks(pieces(bytesOf(text), 1000), 2000));
    assert.equal(chunkedKind({ fileName: file }, first!), detectKind(file, splitLines(text).join('\n')), path.relative(ROOT, file));
  }
});

test('scan and check on a large file write on worker threads exactly what one thread writes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-chunks-'));
  try {
    const file = path.join(dir, 'mail.log');
    // Over the size where threads start, with a bounce's DSN block and CRLF lines at seams here and there.
    const log = generateMailLog({ seed: 5, bytes: 17 * 1024 * 1024 });
    const bounce = fs.readFileSync(path.join(ROOT, 'test/fixtures/demo/bounces', fs.readdirSync(path.join(ROOT, 'test/fixtures/demo/bounces'))[0]!), 'utf8');
    const lines = log.split('\n');
    for (let at = 1000; at < lines.length; at += 9000) lines.splice(at, 0, ...bounce.replace(/\n/g, '\r\n').split('\n'));
    fs.writeFileSync(file, lines.join('\n'));
    const started = ChunkWorkers.started;
    for (const [command, format] of [[runCheck, 'ndjson'], [runScan, 'json'], [runCheck, 'text']] as const) {
      const threads = await runCli(command, ['--format', format, '--jobs', '2', file]);
      const one = await runCli(command, ['--format', format, '--jobs', '1', file]);
      assert.equal(threads.err, '');
      assert.equal(threads.code, one.code);
      assert.ok(one.out.length > 10_000, 'records were written');
      assert.ok(threads.out === one.out, `${command.name} --format ${format}: the same output`);
    }
    assert.equal(ChunkWorkers.started - started, 3 * 2, 'two threads for each run with --jobs 2, none with --jobs 1');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a line of megabytes that fills a small thread heap is folded on the main thread, with the same output', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-chunks-'));
  try {
    const file = path.join(dir, 'mail.log');
    const lines = generateMailLog({ seed: 6, bytes: 17 * 1024 * 1024 }).split('\n');
    // Under the size a thread is given (4 MiB), but a hundred thousand codes: the thread runs out of memory.
    lines.splice(20_000, 0, `Mar  4 10:00:00 mx postfix/smtp[1]: 4BC9: ${'said: 550 5.1.1 no such user; '.repeat(120_000)}`.slice(0, 3_900_000));
    fs.writeFileSync(file, lines.join('\n'));
    const started = ChunkWorkers.started;
    const threads = await runCli(runCheck, ['--format', 'ndjson', '--jobs', '2', file]);
    assert.equal(ChunkWorkers.started - started, 3, 'two threads, and one in place of the thread that ran out of memory');
    const one = await runCli(runCheck, ['--format', 'ndjson', '--jobs', '1', file]);
    assert.equal(threads.err, '');
    assert.equal(threads.code, one.code);
    assert.ok(threads.out === one.out, 'the same output');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--jobs takes a number of threads', async () => {
  for (const bad of ['0', 'two', '1.5']) {
    const run = await runCli(runScan, ['--jobs', bad, '-']);
    assert.equal(run.code, 2);
    assert.match(run.err, /--jobs takes a number of threads/);
  }
});
