// `smtp-status scan [--format text|json|ndjson] [--kind K] [--jobs N] FILE...`: every code found,
// with its 1-based position and the context that made it a code, written as the input streams by.
import { parseFileOptions, streamRecords, usageError } from './files';
import type { CliIo } from './io';
import { RecordWriter } from './output';

export type { ScanRecord } from './records';

export async function runScan(args: string[], io: CliIo): Promise<number> {
  const options = parseFileOptions(args, ['text', 'json', 'ndjson'] as const, true);
  if (typeof options === 'string') return usageError(io, 'scan', options);
  const writer = new RecordWriter(io.out, options.format);
  const { ok } = await streamRecords(options, io, 'scan', writer);
  writer.end();
  return ok ? 0 : 2;
}
