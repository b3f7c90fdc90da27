// `smtp-status classify [--format text|json] [--kind K] FILE...`: one record per failed or
// deferred delivery (per recipient block in a bounce), with the reason, hard or soft, the
// provider that answered, whether a retry helps and who acts.
import { failuresOf, type FailureRecord } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';

export interface ClassifyRecord {
  readonly file: string;
  readonly line: number;
  readonly recipient?: string;
  readonly reply?: number;
  readonly enhanced?: string;
  readonly reason: string;
  readonly bounce: 'hard' | 'soft';
  readonly provider?: string;
  readonly retry: boolean;
  readonly whoActs: string;
  /** The reply text or diagnostic the verdict was read from. */
  readonly text: string;
  readonly summary: string;
}

function toRecord(file: string, { line, recipient, facts, verdict }: FailureRecord): ClassifyRecord {
  return {
    file, line: line + 1,
    ...(recipient === undefined ? {} : { recipient }),
    ...(facts.reply === undefined ? {} : { reply: facts.reply }),
    ...(facts.enhanced === undefined ? {} : { enhanced: facts.enhanced }),
    reason: verdict.reason, bounce: verdict.bounce,
    ...(verdict.provider === undefined ? {} : { provider: verdict.provider }),
    retry: verdict.retry, whoActs: verdict.whoActs, text: facts.text, summary: verdict.summary,
  };
}

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
  const records = inputs.flatMap((input) => failuresOf(input.lines, input.kind).map((failure) => toRecord(input.name, failure)));
  if (options.format === 'json') io.out(JSON.stringify(records, null, 2));
  else if (records.length > 0) io.out(records.map(textLine).join('\n'));
  return ok ? 0 : 2;
}
