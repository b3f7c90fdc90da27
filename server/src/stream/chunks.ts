// Bytes cut into chunks of whole lines, each numbered before it is read, so chunks can be
// scanned apart (on other threads) and their results put back in order. A chunk is cut after a
// line break, so a UTF-8 character or a CRLF is never split, and decoding a chunk alone gives
// the characters the whole stream gives.
import type { Settings } from '../rules/types';
import type { DocumentKind, LineState } from '../scan/types';
import { LineFold, type LineBatch } from './fold';
import { splitLines } from './lines';

const LF = 10;
const CR = 13;

/** Whole lines of a stream and where they start in it. */
export interface LineChunk {
  readonly bytes: Uint8Array;
  /** The 0-based number of the chunk's first line in the whole stream. */
  readonly first: number;
  /** How many lines it holds. */
  readonly lines: number;
  /** The stream's last chunk: the text after its last line break is a line too, even when empty. */
  readonly final: boolean;
}

/**
 * How many bytes of `bytes` hold whole lines: up to its last LF, else its last CR whose next
 * byte is here (a CR at the very end may be half of a CRLF); 0 when no line ends in it.
 */
export function wholeLinesLength(bytes: Uint8Array): number {
  const lf = bytes.lastIndexOf(LF);
  if (lf >= 0) return lf + 1;
  const cr = bytes.lastIndexOf(CR, bytes.length - 2);
  return cr + 1;
}

/** The line breaks in `bytes` as `splitLines` counts them: CRLF, CR and LF one each. */
export function countLineBreaks(bytes: Uint8Array): number {
  let breaks = 0;
  if (bytes.indexOf(CR) < 0) {
    for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) breaks++;
    return breaks;
  }
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) breaks++;
  }
  return breaks;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/**
 * Byte chunks regrouped into chunks of whole lines of at least `size` bytes (but the last). When
 * the source fails, the whole lines read before are still yielded, then the error is thrown.
 */
export async function* lineChunks(chunks: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<LineChunk> {
  let parts: Uint8Array[] = [];
  let length = 0;
  let first = 0;
  const cutHeld = (): LineChunk | undefined => {
    const held = concat(parts, length);
    const cut = wholeLinesLength(held);
    // With no line break yet, one line longer than `size` waits for its end.
    parts = [held.subarray(cut)];
    length = held.length - cut;
    if (cut === 0) return undefined;
    const bytes = held.subarray(0, cut);
    const chunk = { bytes, first, lines: countLineBreaks(bytes), final: false };
    first += chunk.lines;
    return chunk;
  };
  try {
    for await (const chunk of chunks) {
      parts.push(chunk);
      length += chunk.length;
      if (length < size) continue;
      const whole = cutHeld();
      if (whole !== undefined) yield whole;
    }
  } catch (error) {
    const whole = cutHeld();
    if (whole !== undefined) yield whole;
    throw error;
  }
  const bytes = concat(parts, length);
  yield { bytes, first, lines: countLineBreaks(bytes) + 1, final: true };
}

/** A chunk scanned and checked from `start`, and the state its last line leaves. */
export interface ChunkFold {
  readonly batch: LineBatch;
  readonly end: LineState;
}

/**
 * Decodes a chunk (leniently, and dropping a byte order mark only at the stream's start, as
 * `lineBatches` does) and folds its lines from `start`.
 */
export function foldChunk(chunk: LineChunk, kind: DocumentKind, start: LineState, settings: Settings): ChunkFold {
  const lines = splitLines(new TextDecoder('utf-8', { fatal: false, ignoreBOM: chunk.first > 0 }).decode(chunk.bytes));
  if (!chunk.final) lines.pop();  // the empty text after the chunk's last line break
  const fold = new LineFold(kind, settings, { first: chunk.first, state: start });
  return { batch: fold.fold(lines), end: fold.state };
}
