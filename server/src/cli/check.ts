// `smtp-status check [--format text|json|ndjson|sarif] [--kind K] [--jobs N] FILE...`: the problems
// in each file, written as the input streams by (SARIF, one document, keeps at most maxProblems
// per file). Exit 1 when an error is reported, 2 on usage errors or unreadable files, else 0.
import { DEFAULT_SETTINGS } from '../service';
import type { Problem } from '../service/types';
import { parseFileOptions, streamInputs, streamRecords, usageError, type FileOptions } from './files';
import type { CliIo } from './io';
import { RecordWriter } from './output';
import { toSarif, type FileProblems } from './sarif';

export type { CheckRecord } from './records';

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseFileOptions(args, ['text', 'json', 'ndjson', 'sarif'] as const, true);
  if (typeof options === 'string') return usageError(io, 'check', options);
  if (options.format === 'sarif') return checkToSarif(options, io);
  const writer = new RecordWriter(io.out, options.format);
  const { ok, errors } = await streamRecords({ ...options, format: options.format }, io, 'check', writer);
  writer.end();
  if (!ok) return 2;
  return errors ? 1 : 0;
}

/** SARIF is one document: the problems are kept (at most maxProblems a file) and written at the end. */
async function checkToSarif(options: FileOptions<string>, io: CliIo): Promise<number> {
  let errors = false;
  const sarif = new Map<string, Problem[]>();
  const { maxProblems } = DEFAULT_SETTINGS;
  const ok = await streamInputs(options, io, 'check', (file, batch) => {
    const problems = batch.reports.flatMap((report) => report.problems);
    errors ||= problems.some((p) => p.severity === 'error');
    let kept = sarif.get(file);
    if (kept === undefined) sarif.set(file, (kept = []));
    if (kept.length >= maxProblems) return;
    kept.push(...problems.slice(0, maxProblems - kept.length));
    if (kept.length === maxProblems) io.err(`smtp-status check: ${file}: SARIF holds only the first ${maxProblems} problems`);
  });
  const results: FileProblems[] = [...sarif].map(([file, problems]) => ({ file, problems }));
  io.out(JSON.stringify(toSarif(results), null, 2));
  if (!ok) return 2;
  return errors ? 1 : 0;
}
