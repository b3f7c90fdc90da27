// What a tool is given, a file under the roots or inline text, as the streaming source the CLI
// reads too (server/src/io: `.gz` by its magic bytes, piece by piece), so a large file never
// sits in memory whole.
import { fileSource } from '../io/input';
import { analyzeStream, DEFAULT_SETTINGS, type StreamBatch, type StreamSource } from '../service';
import type { DocumentKind } from '../service/types';
import type { Roots } from './roots';

export interface Input extends StreamSource {
  /** The name results give: the real path, or `<text>`. */
  readonly name: string;
}

export interface InputArgs {
  readonly path?: string | undefined;
  readonly text?: string | undefined;
  readonly kind?: DocumentKind | undefined;
}

/** The input named by `args`, or an error for the model to read. */
export async function openInput(args: InputArgs, roots: Roots): Promise<Input | { readonly error: string }> {
  if ((args.path === undefined) === (args.text === undefined)) return { error: 'give either path or text, not both or neither' };
  const kind = args.kind === undefined ? {} : { kind: args.kind };
  if (args.text !== undefined) return { name: '<text>', fileName: '', chunks: textChunks(args.text), ...kind };
  const checked = await roots.check(args.path!);
  if (!checked.ok) return { error: checked.error };
  return { name: checked.path, ...fileSource(checked.path), ...kind };
}

async function* textChunks(text: string): AsyncGenerator<string> {
  yield text;
}

/** The input's batches of lines, each with its findings and problems (the core's streaming fold). */
export function batchesOf(input: Input): AsyncGenerator<StreamBatch> {
  return analyzeStream(input, DEFAULT_SETTINGS);
}
