// Shared by the commands that read mail text (`scan`, `check`, ...): their options, and
// streaming each FILE (or `-` for standard input, gzip or not) through the core's fold, in
// the order given, decoded leniently so binary or invalid UTF-8 never stops a run. `scan` and
// `check` fold a large file's chunks on worker threads as well, and write them in order.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { decompressed, fileSource, InputError } from '../io/input';
import { analyzeChunksAhead, analyzeStream, chunkedKind, DEFAULT_SETTINGS, lineChunks, type LineChunk, type StreamBatch, type StreamSource } from '../service';
import type { DocumentKind, Settings } from '../service/types';
import type { CliIo } from './io';
import type { RecordWriter } from './output';
import { batchRecords, type BatchRecords, type RecordCommand, type RecordTask } from './records';
import { ChunkWorkers, MAX_WORKER_CHUNK } from './workers';

const KINDS: readonly DocumentKind[] = ['log', 'transcript', 'dsn', 'config', 'json'];

export interface FileOptions<F extends string> {
  readonly format: F;
  readonly kind: DocumentKind | undefined;
  readonly files: readonly string[];
  /** Threads that fold a large file's chunks (`--jobs`, for `scan` and `check`); 1 folds on the main thread only. */
  readonly jobs: number;
}

/** Parses `[--format F] [--kind K] [--jobs N] FILE...` (`--jobs` where `jobs` is true); a string is a usage error. */
export function parseFileOptions<F extends string>(args: readonly string[], formats: readonly F[], jobs = false): FileOptions<F> | string {
  let format = formats[0]!;
  let kind: DocumentKind | undefined;
  let threads = jobs ? availableParallelism() : 1;
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if (flag !== '--format' && flag !== '--kind' && !(jobs && flag === '--jobs')) return `unknown option '${arg}'`;
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--jobs') {
      threads = Number(value);
      if (!Number.isInteger(threads) || threads < 1 || threads > 256) return `--jobs takes a number of threads from 1 to 256, not '${value}'`;
    } else if (flag === '--format') {
      const known = formats.find((f) => f === value);
      if (known === undefined) return `unknown format '${value}' (use ${formats.join(', ')})`;
      format = known;
    } else {
      const known = KINDS.find((k) => k === value);
      if (known === undefined) return `unknown kind '${value}' (use ${KINDS.join(', ')})`;
      kind = known;
    }
  }
  if (files.length === 0) return 'no file given (use - for standard input)';
  return { format, kind, files, jobs: threads };
}

/** Called with each batch of lines of one input, in order; `name` is the file as printed (`<stdin>` for `-`). */
export type BatchVisitor = (name: string, batch: StreamBatch) => void;

/** One input as it is read. */
interface Input {
  /** As printed: `<stdin>` for `-`. */
  readonly name: string;
  /** As given: `-` for standard input. */
  readonly file: string;
  /** Bytes: a large file's may be cut into chunks of whole lines. */
  readonly source: StreamSource & { readonly chunks: AsyncIterable<Uint8Array> };
  /** The lines read so far, for the message when reading fails. */
  linesRead: number;
}

/**
 * Reads every input, one after the other in the order given. An input that cannot be read,
 * or ends in truncated gzip data, is reported on stderr after the lines read before the
 * failure; the result is then false.
 */
async function eachInput(options: FileOptions<string>, io: CliIo, command: string, read: (input: Input) => Promise<void>): Promise<boolean> {
  let ok = true;
  for (const file of options.files) {
    const stdin = file === '-';
    const name = stdin ? '<stdin>' : file;
    const source = {
      ...(stdin ? { chunks: decompressed(io.stdin()), fileName: '' } : fileSource(file)),
      ...(options.kind === undefined ? {} : { kind: options.kind }),
    };
    const input: Input = { name, file, source, linesRead: 0 };
    try {
      await read(input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.err(error instanceof InputError
        ? `smtp-status ${command}: ${name}: ${message}; stopped after line ${input.linesRead}`
        : `smtp-status ${command}: cannot read ${file}: ${message}`);
      ok = false;
    }
  }
  return ok;
}

/** Folds one input on this thread and hands on each batch, waiting for standard output to drain in between. */
async function foldInOrder(input: Input, io: CliIo, settings: Settings, visit: (batch: StreamBatch) => void): Promise<void> {
  for await (const batch of analyzeStream(input.source, settings)) {
    visit(batch);
    input.linesRead = batch.first + batch.lines.length;
    await io.drained();
  }
}

/** Streams every input through the scanner and the rules and hands each batch to `visit`. */
export function streamInputs(
  options: FileOptions<string>, io: CliIo, command: string, visit: BatchVisitor, settings: Settings = DEFAULT_SETTINGS,
): Promise<boolean> {
  return eachInput(options, io, command, (input) => foldInOrder(input, io, settings, (batch) => visit(input.name, batch)));
}

/** Files at least this big are folded on worker threads too: below, starting the threads costs more than it saves. */
const PARALLEL_BYTES = 16 * 1024 * 1024;
/** The chunk a thread folds at a time. */
const CHUNK_BYTES = 512 * 1024;

/**
 * `scan` and `check`: writes every input's records in order. A large file is cut into chunks
 * of whole lines that `options.jobs` worker threads fold ahead; the core puts their results
 * back in order and folds again any chunk a seam cut inside open state, so the output is the
 * same byte for byte. The result: whether every input was read, and whether an error-level
 * problem was written.
 */
export async function streamRecords(options: FileOptions<'text' | 'json' | 'ndjson'>, io: CliIo, command: RecordCommand, writer: RecordWriter): Promise<{ ok: boolean; errors: boolean }> {
  let errors = false;
  let workers: ChunkWorkers | undefined;
  const write = (records: BatchRecords): void => {
    writer.write(records);
    errors ||= records.errors;
  };
  try {
    const ok = await eachInput(options, io, command, async (input) => {
      const task: RecordTask = { command, format: options.format, file: input.name };
      if (options.jobs > 1 && input.file !== '-' && fileSize(input.file) >= PARALLEL_BYTES) {
        workers ??= new ChunkWorkers(options.jobs);
        await foldOnWorkers(input, io, task, workers, options.jobs, write);
        return;
      }
      await foldInOrder(input, io, DEFAULT_SETTINGS, (batch) => write(batchRecords(task, batch)));
    });
    return { ok, errors };
  } finally {
    await workers?.close();
  }
}

/** 0 when the file cannot be read: reading it then fails, and says why, as for any input. */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function foldOnWorkers(input: Input, io: CliIo, task: RecordTask, workers: ChunkWorkers, jobs: number, write: (records: BatchRecords) => void): Promise<void> {
  const chunks = lineChunks(input.source.chunks, CHUNK_BYTES);
  const first = await chunks.next();
  if (first.done === true) return;
  const kind = chunkedKind(input.source, first.value);
  const all = (async function* () {
    yield first.value;
    yield* chunks;
  })();
  const speculate = (chunk: LineChunk) => (chunk.bytes.length <= MAX_WORKER_CHUNK ? workers.speculate(chunk, kind, task) : undefined);
  // Two chunks a thread: one folding, one waiting, so no thread idles while results are written.
  for await (const { chunk, result } of analyzeChunksAhead(all, kind, DEFAULT_SETTINGS, speculate, (batch) => batchRecords(task, batch), 2 * jobs)) {
    write(result);
    input.linesRead = chunk.first + chunk.lines;
    await io.drained();
  }
}

/** A whole input's lines and kind, for commands that need every line at once (classify, trace, report). */
export interface InputLines {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly lines: string[];
}

/** Reads every input through `streamInputs` (files in order, `-`, `.gz`) and keeps its lines. */
export async function readInputs(options: FileOptions<string>, io: CliIo, command: string): Promise<{ inputs: InputLines[]; ok: boolean }> {
  const inputs: InputLines[] = [];
  const ok = await streamInputs(options, io, command, (name, batch) => {
    let input = inputs[inputs.length - 1];
    if (input === undefined || batch.first === 0) inputs.push(input = { name, kind: batch.kind, lines: [] });
    for (const line of batch.lines) input.lines.push(line);
  });
  return { inputs, ok };
}

export function usageError(io: CliIo, command: string, message: string): number {
  io.err(`smtp-status ${command}: ${message}\nUsage: smtp-status ${command} [--format ...] [--kind log|transcript|dsn|config|json] FILE...`);
  return 2;
}
