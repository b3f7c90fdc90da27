// A document that arrives as a stream (a file read piece by piece, standard input, a growing
// log): its kind is detected from the first batch of lines, then every batch is scanned and
// checked with the state the previous batch left, so the result equals `analyzeText` on the
// whole text. Detection does not wait for more: `tail -f` output is reported as it comes.
import { LineFold, lineBatches, type LineBatch } from '../stream';
import { detectKind } from './kind';
import type { DocumentKind, Settings } from './types';

export interface StreamSource {
  /** Bytes or text in pieces, in order. */
  readonly chunks: AsyncIterable<Uint8Array | string>;
  /** For kind detection by name; empty for standard input. */
  readonly fileName: string;
  /** Overrides detection. */
  readonly kind?: DocumentKind;
}

export interface StreamBatch extends LineBatch {
  readonly kind: DocumentKind;
}

/** The lines of `source` in batches, each with its lines' findings and problems. */
export async function* analyzeStream(source: StreamSource, settings: Settings): AsyncGenerator<StreamBatch> {
  let fold: LineFold | undefined;
  for await (const lines of lineBatches(source.chunks)) {
    fold ??= new LineFold(source.kind ?? detectKind(source.fileName, lines.join('\n')), settings);
    yield { ...fold.fold(lines), kind: fold.kind };
  }
}
