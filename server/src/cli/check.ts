// `smtp-status check [--format text|json|ndjson|sarif] [--kind K] FILE...`: the problems in each
// file, written as the input streams by (SARIF, one document, keeps at most maxProblems per
// file). Exit 1 when an error is reported, 2 on usage errors or unreadable files, else 0.
import { DEFAULT_SETTINGS } from '../service';
import type { Problem } from '../service/types';
import { parseFileOptions, streamInputs, usageError } from './files';
import type { CliIo } from './io';
import { RecordWriter } from './output';
import { toSarif, type FileProblems } from './sarif';

export interface CheckRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly rule: string;
  readonly message: string;
  readonly href: string;
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseFileOptions(args, ['text', 'json', 'ndjson', 'sarif'] as const);
  if (typeof options === 'string') return usageError(io, 'check', options);
  let errors = false;
  const sarif = new Map<string, Problem[]>();
  const { maxProblems } = DEFAULT_SETTINGS;
  const writer = options.format === 'sarif' ? undefined
    : new RecordWriter<CheckRecord>(io.out, options.format, (r) => `${r.file}:${r.line}:${r.column}: ${r.severity}: ${r.message} [${r.rule}]`);
  const ok = await streamInputs(options, io, 'check', (file, batch) => {
    const problems = batch.reports.flatMap((report) => report.problems);
    errors ||= problems.some((p) => p.severity === 'error');
    if (writer !== undefined) {
      writer.write(problems.map((p) => ({
        file, line: p.line + 1, column: p.start + 1, endColumn: p.end + 1, severity: p.severity, rule: p.rule, message: p.message, href: p.href,
      })));
      return;
    }
    let kept = sarif.get(file);
    if (kept === undefined) sarif.set(file, (kept = []));
    if (kept.length >= maxProblems) return;
    kept.push(...problems.slice(0, maxProblems - kept.length));
    if (kept.length === maxProblems) io.err(`smtp-status check: ${file}: SARIF holds only the first ${maxProblems} problems`);
  });
  writer?.end();
  if (writer === undefined) {
    const results: FileProblems[] = [...sarif].map(([file, problems]) => ({ file, problems }));
    io.out(JSON.stringify(toSarif(results), null, 2));
  }
  if (!ok) return 2;
  return errors ? 1 : 0;
}
