// The CLI on logs far past what an editor opens: `check --format ndjson` over a generated file
// of 1 GB against `rg -c` over the same file (whole processes, as a user runs them), and over
// 2 GB through standard input, with each process's peak memory (the kernel's high-water mark,
// through GNU time).
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateMailLog } from './generate-log';
import { NAIVE_PATTERN } from './scan-bench';

const GNU_TIME = '/usr/bin/time';
/** Generated in pieces of this size, so the bench never holds a whole log. */
const PIECE = 100_000_000;

export interface ProcessRun {
  readonly ms: number;
  readonly peakMb: number;
  readonly exitCode: number;
}

/** Appends generated log to `file` until it holds about `bytes` (different seeds, so pieces differ). */
export function writeBigLog(file: string, bytes: number): void {
  rmSync(file, { force: true });
  for (let written = 0, seed = 1; written < bytes; seed++) {
    const piece = generateMailLog({ seed, bytes: Math.min(PIECE, bytes - written) });
    if (piece.length === 0) break;  // less than a line left
    appendFileSync(file, piece);
    written += piece.length;
  }
}

/** Runs `command` under GNU time, stdout to /dev/null, stdin from `stdinFiles` concatenated (by `cat`). */
async function timedRun(command: readonly string[], stdinFiles: readonly string[] = []): Promise<ProcessRun> {
  const report = join(process.env['TMPDIR'] ?? '/tmp', `smtp-status-bench-time-${process.pid}.txt`);
  const started = performance.now();
  const child = spawn(GNU_TIME, ['-f', '%M', '-o', report, ...command], { stdio: [stdinFiles.length > 0 ? 'pipe' : 'ignore', 'ignore', 'inherit'] });
  if (stdinFiles.length > 0) {
    spawn('cat', [...stdinFiles], { stdio: ['ignore', child.stdin!, 'inherit'] });
    // cat holds its own copy of the pipe; ours must close, or the reader never sees the end.
    child.stdin!.destroy();
  }
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const ms = performance.now() - started;
  const kb = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
  rmSync(report, { force: true });
  return { ms, peakMb: kb / 1024, exitCode };
}

export interface CliBenchResult {
  readonly fileBytes: number;
  readonly check: ProcessRun;
  readonly ripgrep: ProcessRun | undefined;
  readonly stdinBytes: number;
  readonly stdin: ProcessRun;
}

export function cliBenchAvailable(): string | undefined {
  return existsSync(GNU_TIME) ? undefined : `GNU time is not installed (${GNU_TIME})`;
}

/** One run each (a 1 GB pass is long enough to average out the noise of a busy machine). */
export async function benchCli(cli: string, file: string, bytes: number): Promise<CliBenchResult> {
  writeBigLog(file, bytes);
  const fileBytes = statSync(file).size;
  const check = await timedRun([process.execPath, cli, 'check', '--format', 'ndjson', file]);
  const ripgrep = existsSync('/usr/bin/rg') || existsSync('/usr/local/bin/rg') ? await timedRun(['rg', '-c', NAIVE_PATTERN, file]) : undefined;
  const stdin = await timedRun([process.execPath, cli, 'check', '--format', 'ndjson', '-'], [file, file]);
  return { fileBytes, check, ripgrep, stdinBytes: 2 * fileBytes, stdin };
}
