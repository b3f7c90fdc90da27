// Measures a language server the way an editor uses it on a large log, over stdio from a
// plain LSP client: didOpen -> diagnostics, hover round trips at code positions spread over
// the file, a one-line edit in the middle -> diagnostics, and the server's peak RSS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient } from '../lsp/client';
import { percentile, summarize } from './stats';

/** How to start one server: a Node script speaking LSP over stdio (`--stdio`). */
export interface ServerCommand {
  readonly name: string;
  readonly script: string;
  /** The language id sent in didOpen. */
  readonly languageId: string;
  /** When set, a CPU profile of the server is written into this folder (see cpu-profile.ts). */
  readonly profileDir?: string;
}

/** Where to hover and what to edit; computed once per text so every server gets the same. */
export interface Workload {
  readonly uri: string;
  readonly text: string;
  readonly hovers: readonly { line: number; character: number }[];
  /** Replaces a reply code in the middle of the file by another, making a class mismatch. */
  readonly edit: { line: number; character: number; oldText: string; newText: string };
}

/** One server's figures from one fresh process. Times in ms, memory in MB. */
export interface ServerRound {
  /** didOpen until the first diagnostics (ours: the partial list of the document's start). */
  readonly openToFirstDiagnostics: number;
  /** didOpen until the complete diagnostics. */
  readonly openToDiagnostics: number;
  readonly hoverMedian: number;
  readonly hoverP99: number;
  readonly editToDiagnostics: number;
  readonly peakRssMb: number;
  /** CPU time the server used from its start until the open's diagnostics: unlike the
   * latencies, it hardly moves when other processes compete for the machine. */
  readonly openCpuMs: number;
  /** Diagnostics published after the open and after the edit; shows the server did its work. */
  readonly diagnosticsOnOpen: number;
  readonly diagnosticsAfterEdit: number;
  readonly hoversWithContent: number;
}

/** A reply code followed by an enhanced code, as in `said: 550 5.1.1`: a place to hover. */
const CODE_PAIR = / ([245]\d\d)[ -][245]\.\d{1,3}\.\d{1,3} /;

/** Picks `count` hover positions on code pairs spread evenly over the text, and an edit
 * turning the `250` of a success line near the middle into `550` (a class mismatch). */
export function makeWorkload(uri: string, text: string, count: number): Workload {
  const lines = text.split('\n');
  const hovers: { line: number; character: number }[] = [];
  const step = Math.max(1, Math.floor(lines.length / count));
  for (let start = 0; start < lines.length && hovers.length < count; start += step) {
    for (let line = start; line < Math.min(lines.length, start + step); line++) {
      const match = CODE_PAIR.exec(lines[line] as string);
      if (match) {
        hovers.push({ line, character: match.index + 2 }); // inside the reply code
        break;
      }
    }
  }
  const middle = lines.length >> 1;
  for (let line = middle; line < lines.length; line++) {
    const character = (lines[line] as string).indexOf('(250 2.0.0 ');
    if (character >= 0) {
      return { uri, text, hovers, edit: { line, character: character + 1, oldText: '250', newText: '550' } };
    }
  }
  throw new Error('the text has no success reply after its middle to edit');
}

/** Clock ticks per second of /proc/PID/stat times (USER_HZ, 100 on Linux everywhere). */
const USER_HZ = 100;

/** User plus system CPU time a process has used so far. */
function cpuMs(pid: number): number {
  // Fields after the parenthesised command name, which may itself hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
}

/** Peak resident set size of a process, from the kernel's high-water mark. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kb) / 1024;
}

const TIMEOUT_MS = 300_000;

/** The shared test client spawns `node SCRIPT --stdio` with this process's environment; a
 * server to profile gets the profiler preloaded through NODE_OPTIONS, set only while it starts. */
async function startServer(server: ServerCommand): Promise<LspClient> {
  if (server.profileDir === undefined) return LspClient.start({ serverPath: server.script });
  const saved = { options: process.env['NODE_OPTIONS'], dir: process.env['SMTP_STATUS_BENCH_PROFILE_DIR'] };
  process.env['NODE_OPTIONS'] = `${saved.options ?? ''} --require ${join(__dirname, 'cpu-profile.js')}`.trim();
  process.env['SMTP_STATUS_BENCH_PROFILE_DIR'] = server.profileDir;
  try {
    return await LspClient.start({ serverPath: server.script });
  } finally {
    restore('NODE_OPTIONS', saved.options);
    restore('SMTP_STATUS_BENCH_PROFILE_DIR', saved.dir);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Starts a fresh server, runs the workload once, stops the server. */
export async function runServerRound(server: ServerCommand, work: Workload): Promise<ServerRound> {
  const client = await startServer(server);
  try {
    let start = performance.now();
    client.open(work.uri, server.languageId, work.text);
    await client.waitForDiagnostics(work.uri, 1, TIMEOUT_MS, true);
    const openToFirstDiagnostics = performance.now() - start;
    const onOpen = await client.waitForDiagnostics(work.uri, 1, TIMEOUT_MS);
    const openToDiagnostics = performance.now() - start;
    const openCpuMs = cpuMs(client.pid);

    const hoverTimes: number[] = [];
    let hoversWithContent = 0;
    for (const position of work.hovers) {
      start = performance.now();
      const hover = await client.request('textDocument/hover', { textDocument: { uri: work.uri }, position });
      hoverTimes.push(performance.now() - start);
      if (hover !== null) hoversWithContent++;
    }

    const { line, character, oldText, newText } = work.edit;
    start = performance.now();
    const version = client.change(work.uri, [{ range: { start: { line, character }, end: { line, character: character + oldText.length } }, text: newText }]);
    const afterEdit = await client.waitForDiagnostics(work.uri, version, TIMEOUT_MS);
    const editToDiagnostics = performance.now() - start;

    return {
      openToFirstDiagnostics,
      openToDiagnostics,
      hoverMedian: summarize(hoverTimes).median,
      hoverP99: percentile(hoverTimes, 99),
      editToDiagnostics,
      peakRssMb: peakRssMb(client.pid),
      openCpuMs,
      diagnosticsOnOpen: onOpen.length,
      diagnosticsAfterEdit: afterEdit.length,
      hoversWithContent,
    };
  } finally {
    await client.stop();
  }
}
