// Shared by the commands that read mail text (`scan`, `check`, ...): their options, and
// streaming each FILE (or `-` for standard input, gzip or not) through the core's fold, in
// the order given, decoded leniently so binary or invalid UTF-8 never stops a run.
import { fileChunks, decompressed, InputError } from '../io/input';
import { analyzeStream, DEFAULT_SETTINGS, type StreamBatch } from '../service';
import type { DocumentKind, Settings } from '../service/types';
import type { CliIo } from './io';

const KINDS: readonly DocumentKind[] = ['log', 'transcript', 'dsn', 'config', 'json'];

export interface FileOptions<F extends string> {
  readonly format: F;
  readonly kind: DocumentKind | undefined;
  readonly files: readonly string[];
}

/** Parses `[--format F] [--kind K] FILE...`; a string is a usage error. */
export function parseFileOptions<F extends string>(args: readonly string[], formats: readonly F[]): FileOptions<F> | string {
  let format = formats[0]!;
  let kind: DocumentKind | undefined;
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
    if (flag !== '--format' && flag !== '--kind') return `unknown option '${arg}'`;
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--format') {
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
  return { format, kind, files };
}

/** Called with each batch of lines of one input, in order; `name` is the file as printed (`<stdin>` for `-`). */
export type BatchVisitor = (name: string, batch: StreamBatch) => void;

/**
 * Streams every input through the scanner and the rules, one after the other in the order
 * given, and hands each batch to `visit` (waiting for standard output to drain in between).
 * An input that cannot be read, or ends in truncated gzip data, is reported on stderr after
 * the lines read before the failure; the result is then false.
 */
export async function streamInputs(
  options: FileOptions<string>, io: CliIo, command: string, visit: BatchVisitor, settings: Settings = DEFAULT_SETTINGS,
): Promise<boolean> {
  let ok = true;
  for (const file of options.files) {
    const stdin = file === '-';
    const name = stdin ? '<stdin>' : file;
    const chunks = stdin ? decompressed(io.stdin()) : fileChunks(file);
    let linesRead = 0;
    try {
      const source = { chunks, fileName: stdin ? '' : file.replace(/\.gz$/i, ''), ...(options.kind === undefined ? {} : { kind: options.kind }) };
      for await (const batch of analyzeStream(source, settings)) {
        visit(name, batch);
        linesRead = batch.first + batch.lines.length;
        await io.drained();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.err(error instanceof InputError
        ? `smtp-status ${command}: ${name}: ${message}; stopped after line ${linesRead}`
        : `smtp-status ${command}: cannot read ${file}: ${message}`);
      ok = false;
    }
  }
  return ok;
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
