// The records `scan` and `check` write for a batch of lines, formatted where the batch was
// folded: a worker thread formats its own chunk's, so only text crosses between threads.
import type { StreamBatch } from '../service';
import { formatRecords, type RecordBlock, type RecordFormat } from './output';

export type RecordCommand = 'scan' | 'check';

/** What to make of each batch of one input. */
export interface RecordTask {
  readonly command: RecordCommand;
  readonly format: RecordFormat;
  /** The input as printed (`<stdin>` for `-`). */
  readonly file: string;
}

export interface ScanRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly kind: 'reply' | 'enhanced';
  readonly code: string;
  readonly context: string;
}

export interface CheckRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly rule: string;
  readonly message: string;
  readonly href: string;
}

export interface BatchRecords extends RecordBlock {
  /** Whether an error-level problem was among them (`check` exits 1). */
  readonly errors: boolean;
}

export function batchRecords(task: RecordTask, batch: StreamBatch): BatchRecords {
  const file = task.file;
  if (task.command === 'scan') {
    const records = batch.reports.flatMap((report) => report.findings.map((f): ScanRecord => ({
      file, line: f.line + 1, column: f.start + 1, endColumn: f.end + 1, kind: f.kind, code: f.text, context: f.context,
    })));
    return { ...formatRecords(records, task.format, (r) => `${r.file}:${r.line}:${r.column}: ${r.kind} ${r.code} [${r.context}]`), errors: false };
  }
  const problems = batch.reports.flatMap((report) => report.problems);
  const records = problems.map((p): CheckRecord => ({
    file, line: p.line + 1, column: p.start + 1, endColumn: p.end + 1, severity: p.severity, rule: p.rule, message: p.message, href: p.href,
  }));
  return {
    ...formatRecords(records, task.format, (r) => `${r.file}:${r.line}:${r.column}: ${r.severity}: ${r.message} [${r.rule}]`),
    errors: problems.some((p) => p.severity === 'error'),
  };
}
