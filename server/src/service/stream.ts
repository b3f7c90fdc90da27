// A document that arrives as a stream (a file read piece by piece, standard input, a growing
// log): its kind is detected from the first batch of lines, then every batch is scanned and
// checked with the state the previous batch left, so the result equals `analyzeText` on the
// whole text. Detection does not wait for more: `tail -f` output is reported as it comes.
import { initialState, lineStatesEqual } from '../scan';
import { foldAhead, foldChunk, LineFold, lineBatches, splitLines, type LineBatch, type ChunkResult, type LineChunk, type Speculation } from '../stream';
import { detectKind } from './kind';
import { SNIFF_CHARS } from './sniff';
import type { DocumentKind, Settings } from './types';
import type { LineState } from '../scan/types';

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

// Large inputs in parallel: the adapter cuts them into chunks of whole lines (`lineChunks`),
// folds chunks ahead on its worker threads (`speculateChunk`), and takes the results in order
// from `analyzeChunksAhead`, which folds again here any chunk whose seam fell inside open state.

/** Enough bytes for the sniffer's window in any encoding. */
const SNIFF_BYTES = 4 * SNIFF_CHARS;

/** The kind of a chunked stream, detected from its first chunk as `analyzeStream` does from its first lines. */
export function chunkedKind(source: Omit<StreamSource, 'chunks'>, first: LineChunk): DocumentKind {
  if (source.kind !== undefined) return source.kind;
  const head = first.bytes.subarray(0, SNIFF_BYTES);
  const lines = splitLines(new TextDecoder('utf-8', { fatal: false }).decode(head));
  if (head.length < first.bytes.length || !first.final) lines.pop();  // cut inside a line, or the text after the last break
  return detectKind(source.fileName, lines.join('\n'));
}

/** A chunk folded from `state`, as a batch of the stream, and the state its last line leaves. */
function foldBatch(chunk: LineChunk, kind: DocumentKind, state: LineState, settings: Settings): { batch: StreamBatch; end: LineState } {
  const { batch, end } = foldChunk(chunk, kind, state, settings);
  return { batch: { ...batch, kind }, end };
}

/** A chunk folded from the state a stream starts in, as a worker does it ahead of its turn. */
export function speculateChunk(chunk: LineChunk, kind: DocumentKind, settings: Settings): { batch: StreamBatch; endsAtStart: boolean } {
  const start = initialState(kind);
  const { batch, end } = foldBatch(chunk, kind, start, settings);
  return { batch, endsAtStart: lineStatesEqual(end, start) };
}

/**
 * The results of every chunk in order, exactly as one fold over the whole stream gives them:
 * `speculate` (a worker running `speculateChunk` and `toResult`) works up to `ahead` chunks in advance.
 */
export function analyzeChunksAhead<R>(
  chunks: AsyncIterable<LineChunk>, kind: DocumentKind, settings: Settings,
  speculate: (chunk: LineChunk) => Promise<Speculation<R>> | undefined, toResult: (batch: StreamBatch) => R, ahead: number,
): AsyncGenerator<ChunkResult<R>> {
  return foldAhead(chunks, kind, {
    speculate,
    fold: (chunk, state) => {
      const { batch, end } = foldBatch(chunk, kind, state, settings);
      return { result: toResult(batch), end };
    },
  }, ahead);
}
