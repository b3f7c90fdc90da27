// `smtp-status report [--format text|json|markdown] [--redact] FILE...`: the deliverability report
// (outcomes, failures by reason, provider and domain, deferral delays, top replies, over time).
import { foldLines, renderReport } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';
import { takeFlag } from './trace';

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { present: redact, rest } = takeFlag(args, '--redact');
  const options = parseFileOptions(rest, ['text', 'json', 'markdown'] as const);
  if (typeof options === 'string') return usageError(io, 'report', options);
  const { inputs, ok } = await readInputs({ ...options, kind: 'log' }, io, 'report');
  const sources = inputs.map((input) => ({ name: input.name, index: foldLines(input.lines).index }));
  io.out(renderReport(sources, options.format, ({ source, line }) => `${sources[source]?.name ?? ''}:${line + 1}`, redact));
  return ok ? 0 : 2;
}
