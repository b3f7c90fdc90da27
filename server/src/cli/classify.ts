// `smtp-status classify [--format text|json] [--kind K] FILE...`: one record per failed or
// deferred delivery (per recipient block in a bounce), with the reason, hard or soft, the
// provider that answered, whether a retry helps and who acts.
import { classifyRecords, type ClassifyRecord } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';

function textLine(r: ClassifyRecord): string {
  const codes = [r.reply, r.enhanced].filter((c) => c !== undefined).join(' ') || '-';
  const who = r.recipient === undefined ? '' : ` ${r.recipient}`;
  const provider = r.provider === undefined ? '' : ` provider=${r.provider}`;
  return `${r.file}:${r.line}:${who} ${codes} ${r.reason} ${r.bounce} retry=${r.retry ? 'yes' : 'no'} acts=${r.whoActs}${provider}\n  ${r.summary}`;
}

export async function runClassify(args: string[], io: CliIo): Promise<number> {
  const options = parseFileOptions(args, ['text', 'json'] as const);
  if (typeof options === 'string') return usageError(io, 'classify', options);
  const { inputs, ok } = await readInputs(options, io, 'classify');
  const records = inputs.flatMap((input) => classifyRecords(input.name, input.lines, input.kind));
  if (options.format === 'json') io.out(JSON.stringify(records, null, 2));
  else if (records.length > 0) io.out(records.map(textLine).join('\n'));
  return ok ? 0 : 2;
}
