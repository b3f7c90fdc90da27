// `smtp-status scan [--format text|json] [--kind K] FILE...`: every code found, with its
// 1-based position and the context that made it a code.
import { scanLines, splitLines } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';

export interface ScanRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly kind: 'reply' | 'enhanced';
  readonly code: string;
  readonly context: string;
}

export function runScan(args: string[], io: CliIo): number {
  const options = parseFileOptions(args, ['text', 'json'] as const);
  if (typeof options === 'string') return usageError(io, 'scan', options);
  const { inputs, ok } = readInputs(options.files, options.kind, io, 'scan');
  const records: ScanRecord[] = [];
  for (const input of inputs) {
    for (const f of scanLines(splitLines(input.text), input.kind).flat()) {
      records.push({ file: input.name, line: f.line + 1, column: f.start + 1, endColumn: f.end + 1, kind: f.kind, code: f.text, context: f.context });
    }
  }
  if (options.format === 'json') io.out(JSON.stringify(records, null, 2));
  else if (records.length > 0) io.out(records.map((r) => `${r.file}:${r.line}:${r.column}: ${r.kind} ${r.code} [${r.context}]`).join('\n'));
  return ok ? 0 : 2;
}
