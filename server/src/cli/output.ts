// Writes result records as they are found, so memory does not grow with the input: text
// (one line each), NDJSON (one JSON object a line) or a JSON array (one record a line). Records
// are formatted in blocks where they are found (a worker thread formats its chunk's), and
// written in order here.

export type RecordFormat = 'text' | 'json' | 'ndjson';

/** Records formatted and joined, written in one piece. */
export interface RecordBlock {
  readonly text: string;
  readonly count: number;
}

export function formatRecords<R>(records: readonly R[], format: RecordFormat, toText: (record: R) => string): RecordBlock {
  const item = format === 'text' ? toText : format === 'ndjson' ? (r: R) => JSON.stringify(r) : (r: R) => `  ${JSON.stringify(r)}`;
  return { text: records.map(item).join(format === 'json' ? ',\n' : '\n'), count: records.length };
}

export class RecordWriter {
  private started = false;
  /** In a JSON array, the last block waits for the next, which decides whether a comma follows it. */
  private pending: string | undefined;

  constructor(private readonly out: (text: string) => void, private readonly format: RecordFormat) {}

  write(block: RecordBlock): void {
    if (block.count === 0) return;
    if (this.format !== 'json') {
      this.out(block.text);
      return;
    }
    if (this.pending !== undefined) this.out(`${this.opening()}${this.pending},`);
    this.pending = block.text;
  }

  /** Closes a JSON array (`[]` when nothing was written). */
  end(): void {
    if (this.format !== 'json') return;
    if (this.pending === undefined) this.out('[]');
    else this.out(`${this.opening()}${this.pending}\n]`);
  }

  private opening(): string {
    if (this.started) return '';
    this.started = true;
    return '[\n';
  }
}
