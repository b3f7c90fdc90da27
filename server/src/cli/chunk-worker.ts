// A worker thread of `ChunkWorkers`: folds each chunk it is sent from the state a stream starts
// in and answers with the chunk's records, already formatted, and whether it ends in that state.
import { parentPort } from 'node:worker_threads';
import { DEFAULT_SETTINGS, speculateChunk } from '../service';
import { batchRecords } from './records';
import type { ChunkAnswer, ChunkRequest } from './workers';

const port = parentPort;
if (port === null) throw new Error('chunk-worker.js runs as a worker thread');
port.on('message', ({ id, chunk, kind, task }: ChunkRequest) => {
  let answer: ChunkAnswer;
  try {
    const { batch, endsAtStart } = speculateChunk(chunk, kind, DEFAULT_SETTINGS);
    answer = { id, speculation: { result: batchRecords(task, batch), endsAtStart } };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
