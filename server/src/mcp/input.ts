// Reads what a tool is given, a file under the roots or inline text, as lines, without
// holding a large file in memory; the kind is taken from the name and the first 64 KiB.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { detectKind, splitLines } from '../service';
import type { DocumentKind } from '../service/types';
import type { Roots } from './roots';

const SNIFF_BYTES = 64 * 1024;

export interface Input {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly lines: AsyncIterable<string> | Iterable<string>;
}

export interface InputArgs {
  readonly path?: string | undefined;
  readonly text?: string | undefined;
  readonly kind?: DocumentKind | undefined;
}

/** The input named by `args`, or an error for the model to read. */
export async function openInput(args: InputArgs, roots: Roots): Promise<Input | { readonly error: string }> {
  if ((args.path === undefined) === (args.text === undefined)) return { error: 'give either path or text, not both or neither' };
  if (args.text !== undefined) {
    return { name: '<text>', kind: args.kind ?? detectKind('', args.text), lines: splitLines(args.text) };
  }
  const checked = await roots.check(args.path!);
  if (!checked.ok) return { error: checked.error };
  const kind = args.kind ?? detectKind(checked.path, await head(checked.path));
  const lines = createInterface({ input: createReadStream(checked.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  return { name: checked.path, kind, lines };
}

/** The first SNIFF_BYTES of a file, for the kind's content clues. */
async function head(file: string): Promise<string> {
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', start: 0, end: SNIFF_BYTES - 1 })) text += chunk;
  return text;
}
