// `smtp-status check [--format text|json|sarif] [--kind K] FILE...`: the problems in each
// file. Exit 1 when an error is reported, 2 on usage errors or unreadable files, else 0.
import { analyzeText, DEFAULT_SETTINGS } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';
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

export function runCheck(args: string[], io: CliIo): number {
  const options = parseFileOptions(args, ['text', 'json', 'sarif'] as const);
  if (typeof options === 'string') return usageError(io, 'check', options);
  const { inputs, ok } = readInputs(options.files, options.kind, io, 'check');
  const results: FileProblems[] = [];
  for (const input of inputs) {
    const { problems, capped } = analyzeText(input.text, input.kind, DEFAULT_SETTINGS);
    if (capped) io.err(`smtp-status check: ${input.name}: only the first ${DEFAULT_SETTINGS.maxProblems} problems are reported`);
    results.push({ file: input.name, problems });
  }
  if (options.format === 'sarif') {
    io.out(JSON.stringify(toSarif(results), null, 2));
  } else {
    const records: CheckRecord[] = results.flatMap(({ file, problems }) => problems.map((p) => ({
      file, line: p.line + 1, column: p.start + 1, endColumn: p.end + 1, severity: p.severity, rule: p.rule, message: p.message, href: p.href,
    })));
    if (options.format === 'json') io.out(JSON.stringify(records, null, 2));
    else if (records.length > 0) io.out(records.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity}: ${r.message} [${r.rule}]`).join('\n'));
  }
  if (!ok) return 2;
  return results.some(({ problems }) => problems.some((p) => p.severity === 'error')) ? 1 : 0;
}
