// Chunks folded ahead of their turn, elsewhere (worker threads), each from the state a stream
// starts in, as if the lines before it had left nothing open: at a log's line breaks that is
// nearly always so. In order, a chunk whose predecessor really ended in that state keeps its
// result; any other is folded again here, from the state its predecessor left. So the results
// are exactly those of one fold over the whole stream, whatever the seams cut.
import { initialState, lineStatesEqual } from '../scan';
import type { DocumentKind, LineState } from '../scan/types';
import type { LineChunk } from './chunks';

/** A chunk's result folded from the start state, and whether its last line leaves that state again. */
export interface Speculation<R> {
  readonly result: R;
  /** The end state itself stays where it was made: states hold shared objects that copies would not be. */
  readonly endsAtStart: boolean;
}

export interface ChunkRunner<R> {
  /** Folds the chunk from the start state, elsewhere; undefined when it is to be folded here (and so is a failed one). */
  speculate(chunk: LineChunk): Promise<Speculation<R>> | undefined;
  /** Folds the chunk here, from `state`: its result and the state its last line leaves. */
  fold(chunk: LineChunk, state: LineState): { readonly result: R; readonly end: LineState };
}

/** After this many chunks, speculation stops when more than a quarter of them had to be folded again. */
const JUDGED_AFTER = 8;

/** A chunk and its result. */
export interface ChunkResult<R> {
  readonly chunk: LineChunk;
  readonly result: R;
}

/**
 * The results of `chunks`, in order, with up to `ahead` chunks speculated at once. A stream
 * whose seams keep falling inside open state (a transcript) soon stops speculating. When the
 * chunks fail, the results of those read before are yielded, then the error is thrown.
 */
export async function* foldAhead<R>(chunks: AsyncIterable<LineChunk>, kind: DocumentKind, runner: ChunkRunner<R>, ahead: number): AsyncGenerator<ChunkResult<R>> {
  const start = initialState(kind);
  let state = start;
  let settled = 0;
  let refolded = 0;
  const queue: { chunk: LineChunk; speculation: Promise<Speculation<R>> | undefined }[] = [];

  const settle = async (chunk: LineChunk, speculation: Promise<Speculation<R>> | undefined): Promise<ChunkResult<R>> => {
    settled++;
    if (speculation !== undefined && lineStatesEqual(state, start)) {
      // A speculation that failed (a worker out of memory on a line of megabytes) costs only time.
      const speculated = await speculation.catch(() => undefined);
      if (speculated?.endsAtStart === true) {
        state = start;
        return { chunk, result: speculated.result };
      }
    } else if (speculation !== undefined) {
      refolded++;
    }
    const here = runner.fold(chunk, state);
    state = here.end;
    return { chunk, result: here.result };
  };

  // Only the source's failure waits for the chunks read before it; a failed fold stops at once.
  const source = chunks[Symbol.asyncIterator]();
  let failure: { readonly error: unknown } | undefined;
  for (;;) {
    let next: IteratorResult<LineChunk>;
    try {
      next = await source.next();
    } catch (error) {
      failure = { error };
      break;
    }
    if (next.done === true) break;
    const speculating = settled < JUDGED_AFTER || refolded * 4 <= settled;
    const speculation = speculating ? runner.speculate(next.value) : undefined;
    // Handled from the start: a speculation may fail before its turn, and a failure only means folding here.
    speculation?.catch(() => undefined);
    queue.push({ chunk: next.value, speculation });
    if (queue.length >= ahead) {
      const first = queue.shift()!;
      yield await settle(first.chunk, first.speculation);
    }
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) yield await settle(next.chunk, next.speculation);
  if (failure !== undefined) throw failure.error;
}
