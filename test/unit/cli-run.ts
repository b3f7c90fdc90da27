// Runs a CLI command in-process, as the command line would, and collects what it writes.
import { Readable } from 'node:stream';
import type { CliIo } from '../../server/src/cli/io';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export type CliCommand = (args: string[], io: CliIo) => number | Promise<number>;

export async function runCli(command: CliCommand, args: string[], stdin = ''): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => { out += `${text}\n`; },
    err: (text) => { err += `${text}\n`; },
    stdin: () => Readable.from([Buffer.from(stdin, 'utf8')]),
    drained: async () => undefined,
  };
  const code = await command(args, io);
  return { code, out, err };
}
