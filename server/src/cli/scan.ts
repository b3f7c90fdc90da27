// `smtp-status scan [--format text|json|ndjson] [--kind K] FILE...`: every code found, with its
// 1-based position and the context that made it a code, written as the input streams by.
import { parseFileOptions, streamInputs, usageError } from './files';
import type { CliIo } from './io';
import { RecordWriter } from './output';

export interface ScanRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly kind: 'reply' | 'enhanced';
  readonly code: string;
  readonly context: string;
}

export async function runScan(args: string[], io: CliIo): Promise<number> {
  const options = parseFileOptions(args, ['text', 'json', 'ndjson'] as const);
  if (typeof options === 'string') return usageError(io, 'scan', options);
  const writer = new RecordWriter<ScanRecord>(io.out, options.format, (r) => `${r.file}:${r.line}:${r.column}: ${r.kind} ${r.code} [${r.context}]`);
  const ok = await streamInputs(options, io, 'scan', (file, batch) => {
    writer.write(batch.reports.flatMap((report) => report.findings.map((f) => ({
      file, line: f.line + 1, column: f.start + 1, endColumn: f.end + 1, kind: f.kind, code: f.text, context: f.context,
    }))));
  });
  writer.end();
  return ok ? 0 : 2;
}
