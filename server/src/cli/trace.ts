// `smtp-status trace [--format text|json] [--redact] ID FILE...`: every line of the message an id
// names, its later hops and its bounce included, like exigrep; JSON adds the timeline.
import { foldLines, messageLines, redactorFor, timelineSummary } from '../service';
import { parseFileOptions, readInputs, usageError } from './files';
import type { CliIo } from './io';

/** Takes `--redact` out of the arguments. */
export function takeFlag(args: readonly string[], flag: string): { present: boolean; rest: string[] } {
  const rest = args.filter((arg) => arg !== flag);
  return { present: rest.length !== args.length, rest };
}

export async function runTrace(args: string[], io: CliIo): Promise<number> {
  const { present: redact, rest } = takeFlag(args, '--redact');
  const idIndex = rest.findIndex((arg, i) => !arg.startsWith('-') && rest[i - 1] !== '--format' && rest[i - 1] !== '--kind');
  if (idIndex < 0) return usageError(io, 'trace', 'no message id given');
  const id = rest[idIndex]!;
  const options = parseFileOptions([...rest.slice(0, idIndex), ...rest.slice(idIndex + 1)], ['text', 'json'] as const);
  if (typeof options === 'string') return usageError(io, 'trace', options);
  const { inputs, ok } = await readInputs({ ...options, kind: 'log' }, io, 'trace');
  const folds = inputs.map((input) => ({ name: input.name, fold: foldLines(input.lines) }));
  const redactor = redact ? redactorFor(folds.map(({ fold }) => fold.index)) : undefined;
  const hide = (text: string): string => redactor?.text(text) ?? text;

  const found = folds.flatMap(({ name, fold }) => fold.index.messagesNamed(id).map((message) => {
    const timeline = fold.index.timeline(message)!;
    return { name, timeline, lines: messageLines(fold.index, message, (line) => fold.text(line)) };
  }));
  if (options.format === 'json') {
    io.out(hide(JSON.stringify({
      id,
      messages: found.map(({ name, timeline, lines }) => ({ file: name, summary: timelineSummary(timeline), timeline, lines: lines.map(({ line, text }) => ({ line: line + 1, text })) })),
    }, null, 2)));
  } else if (found.length > 0) {
    io.out(hide(found.map(({ lines }) => lines.map(({ text }) => text).join('\n')).join('\n\n')));
  }
  for (const { name, timeline } of found) {
    if (timeline.lineCount > timeline.lines.length) io.err(`smtp-status trace: ${name}: only the first ${timeline.lines.length} of ${timeline.lineCount} lines are shown`);
  }
  if (!ok) return 2;
  return found.length > 0 ? 0 : 1;
}
