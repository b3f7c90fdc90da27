// Worker threads that fold chunks of a large input ahead of their turn (chunk-worker.ts). Each
// request is one chunk; answers come back by id, in whatever order the threads finish.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LineChunk, Speculation } from '../service';
import type { DocumentKind } from '../service/types';
import type { BatchRecords, RecordTask } from './records';

export interface ChunkRequest {
  readonly id: number;
  readonly chunk: LineChunk;
  readonly kind: DocumentKind;
  readonly task: RecordTask;
}

export type ChunkAnswer =
  | { readonly id: number; readonly speculation: Speculation<BatchRecords> }
  | { readonly id: number; readonly error: string };

/**
 * A thread holds a chunk or two, but V8 sizes a new heap for a whole program: small heaps keep
 * the process's peak memory well under 200 MB, and collecting young garbage sooner was faster
 * too (measured on 200 MB with chunks of 0.25 to 2 MiB and young generations of 2 to 32 MiB).
 * A chunk past `MAX_WORKER_CHUNK` (a line of megabytes) is folded on the main thread instead.
 */
const LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };
export const MAX_WORKER_CHUNK = 4 * 1024 * 1024;

/** Next to this file both in the bundle (dist/) and in the compiled tree. */
const WORKER_SCRIPT = join(__dirname, 'chunk-worker.js');

export class ChunkWorkers {
  /** Threads this process started: how a test sees that a large input used them. */
  static started = 0;

  private readonly workers: Worker[] = [];
  /** Each request's answer, and the thread it went to (a thread that dies fails its own requests only). */
  private readonly waiting = new Map<number, { worker: number; resolve: (s: Speculation<BatchRecords>) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private closing = false;

  constructor(count: number) {
    for (let slot = 0; slot < count; slot++) this.workers.push(this.start(slot));
  }

  /** Folds `chunk` on the next thread in turn (chunks are about the same size). */
  speculate(chunk: LineChunk, kind: DocumentKind, task: RecordTask): Promise<Speculation<BatchRecords>> {
    const id = this.nextId++;
    const slot = id % this.workers.length;
    const request: ChunkRequest = { id, chunk, kind, task };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker: slot, resolve, reject });
      this.workers[slot]!.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private start(slot: number): Worker {
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: LIMITS });
    ChunkWorkers.started++;
    worker.on('message', (answer: ChunkAnswer) => this.answered(answer));
    // A thread that dies (out of its small heap) fails what it held, and a new one takes its place.
    worker.on('error', (error) => {
      for (const [id, waiter] of this.waiting) {
        if (waiter.worker !== slot) continue;
        this.waiting.delete(id);
        waiter.reject(error);
      }
      if (!this.closing) this.workers[slot] = this.start(slot);
    });
    return worker;
  }

  private answered(answer: ChunkAnswer): void {
    const waiter = this.waiting.get(answer.id);
    this.waiting.delete(answer.id);
    if ('error' in answer) waiter?.reject(new Error(answer.error));
    else waiter?.resolve(answer.speculation);
  }
}
