// The index as a fold over a stream of lines (the CLI's input): it keeps the text of the lines
// that belong to a message, the only ones it reads again, and drops the rest as they pass.
import { TraceIndex } from './index';

export class LineFold {
  private readonly kept = new Map<number, string>();
  readonly index = new TraceIndex((line) => this.kept.get(line) ?? '');

  /** Feeds the next line. */
  add(text: string): void {
    const line = this.index.lineCount;
    if (this.index.add(text)) this.kept.set(line, text);
  }

  /** The text of a kept line (a line of some message). */
  text(line: number): string {
    return this.kept.get(line) ?? '';
  }
}

/** Folds every line of a text (split by the caller's splitter). */
export function foldLines(lines: Iterable<string>): LineFold {
  const fold = new LineFold();
  for (const line of lines) fold.add(line);
  return fold;
}
