// What a CLI command may touch: its output streams and standard input.
// Commands take a CliIo so tests can run them in-process.

export interface CliIo {
  /** Writes a line (or several) to standard output. */
  out(text: string): void;
  /** Writes a line (or several) to standard error. */
  err(text: string): void;
  /** Standard input as byte chunks, for the file name `-`. */
  stdin(): AsyncIterable<Uint8Array>;
  /** Resolves once standard output has taken what was written: a slow reader slows the input, not memory. */
  drained(): Promise<void>;
}

export const nodeIo: CliIo = {
  out: (text) => { process.stdout.write(text.endsWith('\n') ? text : `${text}\n`); },
  err: (text) => { process.stderr.write(text.endsWith('\n') ? text : `${text}\n`); },
  stdin: () => process.stdin,
  drained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
};

export const USAGE = `Usage: smtp-status <command> [options] ...

Commands:
  explain [--format text|json] [--vendors microsoft,google|all|none] CODE...
      Explain reply codes (550), enhanced codes (5.1.1) or pairs ("550 5.1.1").
  scan [--format text|json|ndjson] [--kind log|transcript|dsn|config] FILE...
      List every status code found, with its position and context.
  check [--format text|json|ndjson|sarif] [--kind log|transcript|dsn|config] FILE...
      Report problems. Exit 1 when an error is reported, 2 on usage errors
      or unreadable files, 0 otherwise.

FILE may be - for standard input, and may be gzip-compressed (mail.log.2.gz).
Several files are read one after the other, in the order given, as streams:
memory does not grow with the input. ndjson writes one JSON object per line
as soon as it is known (tail -f mail.log | smtp-status check --format ndjson -).`;
