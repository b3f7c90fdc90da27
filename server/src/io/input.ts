// The one place that opens inputs: a file (or standard input) as a stream of byte chunks,
// gzip-compressed data decompressed on the way. Node I/O, used by the adapters (the CLI and
// the language server's large-file requests); the core never imports it.
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Big reads: fewer, larger batches for the fold (a file is read in pieces of this size). */
const READ_CHUNK = 256 * 1024;

/** The bytes of a file, decompressed when they are gzip data (`.gz` rotations). */
export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return decompressed(createReadStream(path, { highWaterMark: READ_CHUNK }));
}

/** A file to stream: its bytes, and the name its kind is detected by (`mail.log.2.gz` reads as `mail.log.2`). */
export function fileSource(path: string): { chunks: AsyncIterable<Uint8Array>; fileName: string } {
  return { chunks: fileChunks(path), fileName: path.replace(/\.gz$/i, '') };
}

const isGzip = (chunk: Uint8Array): boolean => chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;

/**
 * The chunks as they are, or decompressed when they start with the gzip magic bytes. A
 * truncated or corrupt gzip stream yields what it could decompress, then throws an
 * `InputError` saying so.
 */
export async function* decompressed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return;
  const all = (async function* (): AsyncGenerator<Uint8Array> {
    yield first.value;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  })();
  if (!isGzip(first.value)) {
    yield* all;
    return;
  }
  // pipeline() destroys the gunzip stream with the reader's error, so both kinds of failure end the loop below.
  const gunzip = pipeline(Readable.from(all), createGunzip(), () => undefined);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    throw new InputError(gzipMessage(error));
  }
}

/** An input that could not be read to its end; the lines before the failure were read. */
export class InputError extends Error {}

function gzipMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'Z_BUF_ERROR') return 'truncated gzip data (the file ends early)';
  if (code === 'Z_DATA_ERROR') return `corrupt gzip data (${(error as Error).message})`;
  return error instanceof Error ? error.message : String(error);
}
