// Shared by `scan` and `check`: their options, and reading each FILE (or `-` for standard
// input) as bytes, decoded leniently so binary or invalid UTF-8 never stops a run.
import { readFileSync } from 'node:fs';
import { detectKind } from '../service';
import type { DocumentKind } from '../service/types';
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

export interface InputFile {
  /** The name printed in results (`-` is shown as `<stdin>`). */
  readonly name: string;
  readonly text: string;
  readonly kind: DocumentKind;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Reads every file; an unreadable one is reported on stderr and skipped (`ok` turns false). */
export function readInputs(files: readonly string[], kind: DocumentKind | undefined, io: CliIo, command: string): { inputs: InputFile[]; ok: boolean } {
  const inputs: InputFile[] = [];
  let ok = true;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = file === '-' ? io.readStdin() : readFileSync(file);
    } catch (error) {
      io.err(`smtp-status ${command}: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      ok = false;
      continue;
    }
    const text = decoder.decode(bytes);
    const name = file === '-' ? '<stdin>' : file;
    inputs.push({ name, text, kind: kind ?? detectKind(file === '-' ? '' : file, text) });
  }
  return { inputs, ok };
}

export function usageError(io: CliIo, command: string, message: string): number {
  io.err(`smtp-status ${command}: ${message}\nUsage: smtp-status ${command} [--format ...] [--kind log|transcript|dsn|config|json] FILE...`);
  return 2;
}
