// Reading a file of any size through the fold without keeping it: the lines a filter selects
// (with their line numbers in the whole stream), or the summary of every code in it.
import type { VendorId } from '../kb/types';
import { compileFilter, type LineFilterSpec } from '../select';
import type { Finding } from '../scan/types';
import { analyzeStream, type StreamBatch, type StreamSource } from './stream';
import { CodeTally, type SummaryResult } from './summary';
import type { Settings } from './types';

export interface Extract {
  readonly lines: string[];
  /** The 0-based line number in the stream of each line kept. */
  readonly lineNumbers: number[];
  readonly linesRead: number;
  /** True when `maxChars` stopped the extract: the lines after were not searched. */
  readonly truncated: boolean;
  /** Why the input ended early (e.g. truncated gzip data); what came before is kept. */
  readonly error?: string;
}

/** Runs `visit` on every batch until the end, `cancelled()`, `visit` returning false, or a read error (returned). */
async function eachBatch(source: StreamSource, settings: Settings, cancelled: () => boolean, visit: (batch: StreamBatch) => boolean): Promise<string | undefined> {
  try {
    for await (const batch of analyzeStream(source, settings)) if (cancelled() || !visit(batch)) break;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const NONE: readonly Finding[] = [];

/**
 * The lines that pass `spec`, up to `maxChars` characters of them. Throws a FilterError for a
 * filter that cannot work; an input that fails midway keeps the lines read before, with the error.
 */
export async function extractLines(source: StreamSource, spec: LineFilterSpec, settings: Settings, maxChars: number, cancelled: () => boolean = () => false): Promise<Extract> {
  const filter = compileFilter(spec);
  if (typeof filter === 'string') throw new FilterError(filter);
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  let chars = 0;
  let linesRead = 0;
  let truncated = false;
  const error = await eachBatch(source, settings, cancelled, (batch) => {
    let report = 0;
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.first + i;
      const hit = batch.reports[report]?.line === line ? batch.reports[report++] : undefined;
      const text = batch.lines[i]!;
      if (!filter(text, hit?.findings ?? NONE)) continue;
      chars += text.length + 1;
      if (chars > maxChars) {
        linesRead = line;
        truncated = true;
        return false;
      }
      lines.push(text);
      lineNumbers.push(line);
    }
    linesRead = batch.first + batch.lines.length;
    return true;
  });
  return { lines, lineNumbers, linesRead, truncated, ...(error === undefined ? {} : { error }) };
}

/** A filter the user wrote that cannot work, with what is wrong. */
export class FilterError extends Error {}

/** The summary of every code in the stream; memory grows with the distinct codes only. */
export async function summarizeStream(source: StreamSource, vendors: readonly VendorId[], settings: Settings, cancelled: () => boolean = () => false): Promise<SummaryResult & { linesRead: number; error?: string }> {
  const tally = new CodeTally(vendors);
  let linesRead = 0;
  const error = await eachBatch(source, settings, cancelled, (batch) => {
    for (const report of batch.reports) tally.addLine(report.findings);
    linesRead = batch.first + batch.lines.length;
    return true;
  });
  return { ...tally.result(), linesRead, ...(error === undefined ? {} : { error }) };
}
