// Writes result records as they are found, so memory does not grow with the input: text
// (one line each), NDJSON (one JSON object a line) or a JSON array (one record a line; the
// last record of a batch waits for the next batch, which decides whether a comma follows it).

export type RecordFormat = 'text' | 'json' | 'ndjson';

export class RecordWriter<R> {
  private started = false;
  private pending: string | undefined;

  constructor(private readonly out: (text: string) => void, private readonly format: RecordFormat, private readonly toText: (record: R) => string) {}

  write(records: readonly R[]): void {
    if (records.length === 0) return;
    if (this.format === 'text') {
      this.out(records.map(this.toText).join('\n'));
    } else if (this.format === 'ndjson') {
      this.out(records.map((record) => JSON.stringify(record)).join('\n'));
    } else {
      const items = records.map((record) => `  ${JSON.stringify(record)}`);
      if (this.pending !== undefined) items.unshift(this.pending);
      this.pending = items.pop();
      if (items.length > 0) this.out(`${this.opening()}${items.join(',\n')},`);
    }
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
