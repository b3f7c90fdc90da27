// `smtp-status report [--format text|json|markdown] [--redact] FILE...`: the deliverability report
// (outcomes, failures by reason, provider and domain, deferral delays, top replies, over time).
import { foldLines, renderReport, splitLines } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';
import { takeFlag } from './trace';

export function runReport(args: string[], io: CliIo): number {
  const { present: redact, rest } = takeFlag(args, '--redact');
  const options = parseFileOptions(rest, ['text', 'json', 'markdown'] as const);
  if (typeof options === 'string') return usageError(io, 'report', options);
  const { inputs, ok } = readInputs(options.files, 'log', io, 'report');
  const sources = inputs.map((input) => ({ name: input.name, index: foldLines(splitLines(input.text)).index }));
  io.out(renderReport(sources, options.format, ({ source, line }) => `${sources[source]?.name ?? ''}:${line + 1}`, redact));
  return ok ? 0 : 2;
}
