// `npm run bench [-- --quick] [-- --json] [-- --profile] [-- --cli-only | --no-cli]`: our language
// server against a do-nothing server, the scanner against a naive regex and ripgrep, our grammars
// against VS Code's built-in log grammar, the CLI on 1 GB against `rg -c`. Everything is measured side by side in one run, in
// alternating rounds, and reported as ratios with their targets: machines are noisy, and a
// ratio measured back to back means the same on a fast or a slow one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateMailLog } from './generate-log';
import { benchCli, cliBenchAvailable, type CliBenchResult, type ProcessRun } from './cli-bench';
import { benchGrammars, GRAMMAR_TARGETS, type GrammarBenchResult } from './grammar-bench';
import { analyzePass, naivePass, ripgrepPass, scanPass, type Pass } from './scan-bench';
import { makeWorkload, runServerRound, type ServerCommand, type ServerRound } from './server-bench';
import { formatSummary, judge, pairedRatios, summarize, type Summary, type Target, type Verdict } from './stats';

const ROOT = resolve(__dirname, '../../..');
const MB = 1_000_000;
const SEED = 1;

interface Options {
  readonly json: boolean;
  readonly quick: boolean;
  /** Only the CLI figures, or none of them. */
  readonly cli: 'only' | 'no' | 'yes';
  /** Write CPU profiles of our server to out/bench-profiles/. */
  readonly profile: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const known = new Set(['--json', '--quick', '--profile', '--cli-only', '--no-cli']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (known: ${[...known].join(' ')})`);
  const cli = argv.includes('--cli-only') ? 'only' : argv.includes('--no-cli') ? 'no' : 'yes';
  return { json: argv.includes('--json'), quick: argv.includes('--quick'), profile: argv.includes('--profile'), cli };
}

const SERVER_TARGETS = {
  first: { name: 'didOpen → first diagnostics', limit: 1.1, direction: 'at-most' },
  open: { name: 'didOpen → all diagnostics', limit: 1.6, direction: 'at-most' },
  hoverMedian: { name: 'hover median', limit: 1.25, direction: 'at-most' },
  hoverP99: { name: 'hover p99', limit: 2, direction: 'at-most' },
  edit: { name: 'one-line edit → diagnostics', limit: 1.25, direction: 'at-most' },
  rss: { name: 'peak RSS', limit: 1.25, direction: 'at-most' },
} as const satisfies Record<string, Target>;

type Metric = keyof typeof SERVER_TARGETS;

const METRICS: Record<Metric, { unit: string; decimals: number; of: (r: ServerRound) => number }> = {
  first: { unit: 'ms', decimals: 0, of: (r) => r.openToFirstDiagnostics },
  open: { unit: 'ms', decimals: 0, of: (r) => r.openToDiagnostics },
  hoverMedian: { unit: 'ms', decimals: 3, of: (r) => r.hoverMedian },
  hoverP99: { unit: 'ms', decimals: 3, of: (r) => r.hoverP99 },
  edit: { unit: 'ms', decimals: 0, of: (r) => r.editToDiagnostics },
  rss: { unit: 'MB', decimals: 0, of: (r) => r.peakRssMb },
};

interface ServerComparison {
  readonly floor: readonly ServerRound[];
  readonly ours: readonly ServerRound[];
  readonly verdicts: Record<Metric, Verdict>;
}

interface ScannerComparison {
  readonly scan: readonly Pass[];
  readonly analyze: readonly Pass[];
  readonly naive: readonly Pass[];
  readonly ripgrep?: readonly Pass[];
}

interface SizeReport {
  readonly bytes: number;
  readonly lines: number;
  readonly server: ServerComparison;
  readonly scanner: ScannerComparison;
}

/** Rounds alternate which server goes first, so neither always runs on a warmer machine. */
async function compareServers(text: string, rounds: number, hovers: number, profileDir: string | undefined): Promise<ServerComparison> {
  const floor: ServerCommand = { name: 'floor', script: join(ROOT, 'out/test/bench/floor-server.js'), languageId: 'mail-log' };
  const ours: ServerCommand = {
    name: 'ours',
    script: join(ROOT, 'dist/server.js'),
    languageId: 'mail-log',
    ...(profileDir === undefined ? {} : { profileDir }),
  };
  const work = makeWorkload('file:///bench/mail.log', text, hovers);
  const results = { floor: [] as ServerRound[], ours: [] as ServerRound[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [floor, ours] : [ours, floor];
    for (const server of order) results[server.name as 'floor' | 'ours'].push(await runServerRound(server, work));
  }
  const verdicts = Object.fromEntries(
    (Object.keys(METRICS) as Metric[]).map((m) => [m, judge(SERVER_TARGETS[m], summarize(pairedRatios(results.ours.map(METRICS[m].of), results.floor.map(METRICS[m].of))))]),
  ) as Record<Metric, Verdict>;
  return { ...results, verdicts };
}

function compareScanner(text: string, rounds: number, file: string): ScannerComparison {
  const scan: Pass[] = [];
  const analyze: Pass[] = [];
  const naive: Pass[] = [];
  const ripgrep: Pass[] = [];
  // One untimed pass each first: the rounds compare compiled code, not the JIT's warm-up.
  scanPass(text);
  analyzePass(text);
  naivePass(text);
  for (let round = 0; round < rounds; round++) {
    scan.push(scanPass(text));
    analyze.push(analyzePass(text));
    naive.push(naivePass(text));
    const rg = ripgrepPass(file);
    if (rg !== undefined) ripgrep.push(rg);
  }
  return ripgrep.length === rounds ? { scan, analyze, naive, ripgrep } : { scan, analyze, naive };
}

const CLI_TARGETS = {
  speed: { name: 'CLI check speed / rg -c speed', limit: 0.5, direction: 'at-least' },
  fileMemory: { name: 'CLI peak memory, file', limit: 200, direction: 'at-most', unit: 'MB' },
  stdinMemory: { name: 'CLI peak memory, 2× through stdin', limit: 200, direction: 'at-most', unit: 'MB' },
} as const satisfies Record<string, Target>;

function cliVerdicts(result: CliBenchResult): Verdict[] {
  const verdicts = [
    judge(CLI_TARGETS.fileMemory, summarize([result.check.peakMb])),
    judge(CLI_TARGETS.stdinMemory, summarize([result.stdin.peakMb])),
  ];
  return result.ripgrep === undefined ? verdicts : [judge(CLI_TARGETS.speed, summarize([result.ripgrep.ms / result.check.ms])), ...verdicts];
}

function printCli(result: CliBenchResult): void {
  const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;
  const row = (name: string, bytes: number, run: ProcessRun): void => {
    console.log(`${pad(name, 44)} ${pad(`${(run.ms / 1000).toFixed(1)} s`, 10)} ${pad(`${(bytes / MB / (run.ms / 1000)).toFixed(0)} MB/s`, 11)} peak ${run.peakMb.toFixed(0)} MB`);
  };
  console.log(`
== CLI on big logs: one run each, whole processes ==`);
  row(`check --format ndjson FILE (${gb(result.fileBytes)})`, result.fileBytes, result.check);
  if (result.ripgrep) row(`rg -c PATTERN FILE (${gb(result.fileBytes)})`, result.fileBytes, result.ripgrep);
  else console.log('rg -c                                        (ripgrep not installed)');
  row(`cat FILE FILE | check --format ndjson - (${gb(result.stdinBytes)})`, result.stdinBytes, result.stdin);
  if (result.ripgrep) console.log(`check speed / rg -c speed: ${(result.ripgrep.ms / result.check.ms).toFixed(2)}×`);
}

const GRAMMAR_VERDICTS = {
  mailLog: { name: 'mail-log grammar speed', limit: GRAMMAR_TARGETS.mailLogSpeedRatio, direction: 'at-least' },
  injection: { name: 'injection slowdown of `log`', limit: GRAMMAR_TARGETS.injectionSlowdown, direction: 'at-most' },
} as const satisfies Record<string, Target>;

/** The grammar targets, or why they could not be measured. */
function grammarVerdicts(result: GrammarBenchResult): Verdict[] | string {
  const builtin = result.builtin;
  if ('skipped' in builtin) return builtin.skipped;
  return [judge(GRAMMAR_VERDICTS.mailLog, builtin.mailLogSpeedRatio), judge(GRAMMAR_VERDICTS.injection, builtin.injectionSlowdown)];
}

const pad = (s: string, n: number): string => s.padEnd(n);
const verdictLine = (v: Verdict): string =>
  `${pad(v.name, 34)} ${pad(formatSummary(v.ratio, 2) + v.unit, 22)} target ${pad(v.target, 9)} ${v.pass ? 'PASS' : 'MISS'}`;

function throughput(bytes: number, passes: readonly Pass[]): Summary {
  return summarize(passes.map((p) => bytes / MB / (p.ms / 1000)));
}

function printSize(report: SizeReport, rounds: number): void {
  const { server, scanner } = report;
  console.log(`\n== Mail log ${(report.bytes / MB).toFixed(1)} MB, ${report.lines.toLocaleString('en')} lines ==`);
  console.log(`\nLanguage server over stdio: median (min–max) of ${rounds} alternating rounds, a fresh process each`);
  console.log(`${pad('', 30)} ${pad('floor', 24)} ${pad('ours', 24)} ours/floor`);
  for (const m of Object.keys(METRICS) as Metric[]) {
    const { unit, decimals, of } = METRICS[m];
    const cell = (rs: readonly ServerRound[]): string => pad(`${formatSummary(summarize(rs.map(of)), decimals)} ${unit}`, 24);
    console.log(`${pad(SERVER_TARGETS[m].name, 30)} ${cell(server.floor)} ${cell(server.ours)} ${formatSummary(server.verdicts[m].ratio, 2)}×`);
  }
  const cpu = (rs: readonly ServerRound[]): string => pad(`${formatSummary(summarize(rs.map((r) => r.openCpuMs)), 0)} ms`, 24);
  const cpuRatio = summarize(pairedRatios(server.ours.map((r) => r.openCpuMs), server.floor.map((r) => r.openCpuMs)));
  console.log(`${pad('server CPU until diagnostics', 30)} ${cpu(server.floor)} ${cpu(server.ours)} ${formatSummary(cpuRatio, 2)}×  (no target; steadier under load)`);
  const last = server.ours[server.ours.length - 1];
  if (last !== undefined) {
    console.log(`(ours published ${last.diagnosticsOnOpen} diagnostics on open and ${last.diagnosticsAfterEdit} after the edit; ` +
      `${last.hoversWithContent} hovers had content)`);
  }
  // What the didOpen target leaves for all of our work, against the cheapest possible pass over the text.
  const budget = (SERVER_TARGETS.open.limit - 1) * summarize(server.floor.map((r) => r.openToDiagnostics)).median;
  const onePass = summarize(scanner.naive.map((p) => p.ms)).median;
  console.log(`didOpen budget at ${SERVER_TARGETS.open.limit}× the floor: ${budget.toFixed(0)} ms for all our work; ` +
    `one naive regex pass over the text alone takes ${onePass.toFixed(0)} ms (${(onePass / budget).toFixed(2)}× the budget)`);
  console.log(`\nScanner throughput, MB/s: median (min–max) of ${rounds} rounds`);
  const row = (name: string, passes: readonly Pass[], what: string): void => {
    console.log(`${pad(name, 30)} ${pad(formatSummary(throughput(report.bytes, passes), 1), 24)} ${passes[0]?.found.toLocaleString('en')} ${what}`);
  };
  row('scanLine fold (scanner)', scanner.scan, 'codes');
  row('analyzeText (scanner+rules)', scanner.analyze, 'problems');
  row('naive matchAll', scanner.naive, 'candidates');
  if (scanner.ripgrep) row('rg -c (incl. process start)', scanner.ripgrep, 'matching lines');
  else console.log('rg -c                          (ripgrep not installed)');
  const scanVsNaive = summarize(pairedRatios(scanner.naive.map((p) => p.ms), scanner.scan.map((p) => p.ms)));
  console.log(`scanner speed / naive matchAll speed: ${formatSummary(scanVsNaive, 2)}×`);
  if (scanner.ripgrep) {
    const scanVsRg = summarize(pairedRatios(scanner.ripgrep.map((p) => p.ms), scanner.scan.map((p) => p.ms)));
    console.log(`scanner speed / rg speed: ${formatSummary(scanVsRg, 2)}×`);
  }
}

function printGrammars(result: GrammarBenchResult): void {
  const lps = (summary: Summary): string => `${formatSummary(summary, 0)} lines/s`;
  console.log(`\n== Grammars (vscode-textmate + oniguruma): ${(result.bytes / MB).toFixed(1)} MB, ${result.lines.toLocaleString('en')} lines, ` +
    `${result.rounds} alternating rounds ==`);
  console.log(`${pad('mail-log (ours)', 30)} ${lps(result.mailLogLinesPerSecond)}`);
  const builtin = result.builtin;
  if ('skipped' in builtin) {
    console.log(`built-in log grammar: ${builtin.skipped}`);
    return;
  }
  console.log(`${pad('built-in log', 30)} ${lps(builtin.builtinLinesPerSecond)}`);
  console.log(`${pad('built-in log + our injection', 30)} ${lps(builtin.injectedLinesPerSecond)}`);
  console.log(`mail-log speed / built-in log speed: ${formatSummary(builtin.mailLogSpeedRatio, 2)}×; ` +
    `built-in log time with / without injection: ${formatSummary(builtin.injectionSlowdown, 2)}×`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const sizes = options.cli === 'only' ? [] : options.quick ? [5 * MB] : [5 * MB, 50 * MB];
  const rounds = options.quick ? 3 : 5;
  const hovers = options.quick ? 200 : 500;
  const profileDir = options.profile ? join(ROOT, 'out/bench-profiles') : undefined;
  const log = (line: string): void => { if (!options.json) console.log(line); };
  const scratch = mkdtempSync(join(tmpdir(), 'smtp-status-bench-'));
  try {
    log(`smtp-status benchmark: node ${process.version}, ${cpus().length} CPUs, seed ${SEED}${options.quick ? ', quick' : ''}`);
    const reports: SizeReport[] = [];
    for (const bytes of sizes) {
      const text = generateMailLog({ seed: SEED, bytes });
      const file = join(scratch, 'mail.log');
      writeFileSync(file, text);
      const server = await compareServers(text, rounds, hovers, profileDir);
      const scanner = compareScanner(text, rounds, file);
      const report = { bytes: text.length, lines: text.split('\n').length - 1, server, scanner };
      reports.push(report);
      if (!options.json) printSize(report, rounds);
    }

    // Grammars run on a few MB: VS Code stops colouring above 20 MB, and the built-in log
    // grammar manages only about a thousand of these lines a second.
    let grammars: GrammarBenchResult | undefined;
    if (options.cli !== 'only') {
      const grammarText = generateMailLog({ seed: SEED, bytes: options.quick ? MB / 4 : 2 * MB });
      grammars = await benchGrammars({ text: grammarText, rounds: options.quick ? 2 : 3 });
      if (!options.json) printGrammars(grammars);
    }

    // The CLI's figures: 1 GB (200 MB when quick) from a file, and twice that through stdin.
    const cliUnusable = cliBenchAvailable();
    let cli: CliBenchResult | undefined;
    if (options.cli !== 'no' && cliUnusable === undefined) {
      cli = await benchCli(join(ROOT, 'dist/cli.js'), join(scratch, 'big.log'), options.quick ? 200 * MB : 1000 * MB);
      if (!options.json) printCli(cli);
    }

    // Server targets are judged at the largest size measured.
    const largest = reports[reports.length - 1];
    const judged = grammars === undefined ? 'not run (--cli-only)' : grammarVerdicts(grammars);
    const verdicts = [
      ...(largest === undefined ? [] : Object.values(largest.server.verdicts)),
      ...(typeof judged === 'string' ? [] : judged),
      ...(cli === undefined ? [] : cliVerdicts(cli)),
    ];
    const unmeasured = [
      ...(typeof judged === 'string' ? Object.values(GRAMMAR_VERDICTS).map((t) => `${t.name}: not measured (${judged})`) : []),
      ...(cli === undefined && options.cli !== 'no' ? Object.values(CLI_TARGETS).map((t) => `${t.name}: not measured (${cliUnusable})`) : []),
    ];
    if (options.json) {
      console.log(JSON.stringify({ node: process.version, cpus: cpus().length, seed: SEED, rounds, quick: options.quick, sizes: reports, grammars, cli, verdicts, unmeasured }, null, 2));
      return;
    }
    const where = largest === undefined ? '' : `server at ${(largest.bytes / MB).toFixed(0)} MB, `;
    console.log(`\n== Targets (${where}CLI at ${cli === undefined ? '-' : (cli.fileBytes / 1e9).toFixed(1)} GB; ratio median (min–max) over rounds) ==`);
    for (const v of verdicts) console.log(verdictLine(v));
    for (const line of unmeasured) console.log(line);
    console.log(`${verdicts.filter((v) => v.pass).length} of ${verdicts.length + unmeasured.length} targets pass`);
    if (profileDir !== undefined) console.log(`\nCPU profiles of our server (one per round): ${profileDir}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exitCode = 1;
});
