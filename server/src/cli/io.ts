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
  scan [--format text|json|ndjson] [--kind log|transcript|dsn|config|json] [--jobs N] FILE...
      List every status code found, with its position and context.
  check [--format text|json|ndjson|sarif] [--kind log|transcript|dsn|config|json] [--jobs N] FILE...
      Report problems. Exit 1 when an error is reported, 2 on usage errors
      or unreadable files, 0 otherwise.
  classify [--format text|json] [--kind log|transcript|dsn|config] FILE...
      One record per failed or deferred delivery (per recipient in a bounce):
      reason (Sisimai's names), hard or soft, provider, retry, who acts.
  mcp [--root DIR]...
      Serve the explain, scan, check, classify, lookup_provider, trace and report tools
      to an AI assistant over the Model Context Protocol (stdio). Reads only files under the client's
      roots (else the --root folders, else the current folder).
  trace [--format text|json] [--redact] ID FILE...
      Print every line of the message ID names (a queue id, an Exim id or a
      Message-ID), its later hops and bounce included. Exit 1 when not found.
  report [--format text|json|markdown] [--redact] FILE...
      Deliverability report: messages and recipients by outcome, failures by
      reason, provider and domain, deferral delays, top replies, over time.
      --redact replaces address local parts and client IPs by placeholders.

FILE may be - for standard input, and may be gzip-compressed (mail.log.2.gz).
Several files are read one after the other, in the order given, as streams:
memory does not grow with the input. ndjson writes one JSON object per line
as soon as it is known (tail -f mail.log | smtp-status check --format ndjson -).
scan and check read a file of 16 MiB or more on --jobs N threads (default: one
per core), and write its output in input order, exactly as one thread would.`;
