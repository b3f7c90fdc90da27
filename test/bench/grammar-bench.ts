// Grammar part of the benchmark: our mail-log grammar against VS Code's built-in log grammar on
// the same text, and the cost our injection adds to the built-in log grammar. All three run in
// the real engine (vscode-textmate + oniguruma), alternating within each round.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import { LOG_SCOPE, REPO_ROOT, loadGrammar } from '../grammar/textmate';
import { pairedRatios, summarize, type Summary } from './stats';

export interface GrammarBenchOptions {
  /** VS Code's built-in log grammar; found under .vscode-test when omitted. */
  readonly builtinLogGrammarPath?: string;
  readonly text: string;
  readonly rounds: number;
}

/** Comparisons with the built-in log grammar, present when that grammar was found. */
export interface BuiltinComparison {
  readonly grammarPath: string;
  /** Lines per second of the built-in log grammar alone. */
  readonly builtinLinesPerSecond: Summary;
  /** Lines per second of the built-in log grammar with our injection. */
  readonly injectedLinesPerSecond: Summary;
  /** Per round: our mail-log speed / built-in log speed. Target at least 1.0. */
  readonly mailLogSpeedRatio: Summary;
  /** Per round: time with the injection / time without. Target at most 1.2. */
  readonly injectionSlowdown: Summary;
}

export interface GrammarBenchResult {
  readonly lines: number;
  readonly bytes: number;
  readonly rounds: number;
  /** Lines per second of our mail-log grammar. */
  readonly mailLogLinesPerSecond: Summary;
  /** Why the comparison is missing, or the comparison itself. */
  readonly builtin: BuiltinComparison | { readonly skipped: string };
}

export const GRAMMAR_TARGETS = { mailLogSpeedRatio: 1.0, injectionSlowdown: 1.2 } as const;

/** Where the e2e setup installs code-server or VS Code, relative to each entry of .vscode-test. */
const BUILTIN_LOCATIONS = [
  'node_modules/code-server/lib/vscode/extensions',
  'lib/vscode/extensions',
  'resources/app/extensions',
  'VSCode-linux-x64/resources/app/extensions',
];
const LOG_GRAMMAR = path.join('log', 'syntaxes', 'log.tmLanguage.json');

/** The built-in log grammar of a locally installed code-server or VS Code, if any. */
export function findBuiltinLogGrammar(root: string = REPO_ROOT): string | undefined {
  const testDir = path.join(root, '.vscode-test');
  if (!fs.existsSync(testDir)) return undefined;
  for (const entry of fs.readdirSync(testDir)) {
    for (const location of BUILTIN_LOCATIONS) {
      const candidate = path.join(testDir, entry, location, LOG_GRAMMAR);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A grammar being measured, with its own line state carried across chunks. */
interface Run {
  readonly name: 'mailLog' | 'builtin' | 'injected';
  readonly grammar: vsctm.IGrammar;
  state: vsctm.StateStack;
  ms: number;
}

/** Tokenizes lines as the editor does (binary tokens, state carried), adding the time to the run.
 * Tokenizing is single-threaded CPU work, so the process's CPU time measures it; unlike wall time
 * it does not count the moments a busy machine gives the core to another process. */
function tokenizeChunk(run: Run, lines: readonly string[]): void {
  const start = process.cpuUsage();
  let state = run.state;
  for (const line of lines) state = run.grammar.tokenizeLine2(line, state).ruleStack;
  const used = process.cpuUsage(start);
  run.ms += (used.user + used.system) / 1000;
  run.state = state;
}

/** Lines per chunk: the grammars take turns every chunk, so a change of machine load during a
 * round hits all of them alike instead of whichever happened to be running. */
const CHUNK_LINES = 200;
const WARM_UP_LINES = 2000;

export async function benchGrammars(opts: GrammarBenchOptions): Promise<GrammarBenchResult> {
  if (opts.rounds < 1) throw new Error('rounds must be at least 1');
  const lines = opts.text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const builtinPath = opts.builtinLogGrammarPath ?? findBuiltinLogGrammar();

  const grammars: Array<Pick<Run, 'name' | 'grammar'>> = [{ name: 'mailLog', grammar: await loadGrammar('text.mail-log') }];
  if (builtinPath !== undefined) {
    grammars.push({ name: 'builtin', grammar: await loadGrammar(LOG_SCOPE, { logGrammarPath: builtinPath }) });
    grammars.push({ name: 'injected', grammar: await loadGrammar(LOG_SCOPE, { logGrammarPath: builtinPath, inject: true }) });
  }
  const fresh = (): Run[] => grammars.map((g) => ({ ...g, state: vsctm.INITIAL, ms: 0 }));
  // Compile every rule before measuring: the first lines of a grammar pay for its regexes.
  for (const run of fresh()) tokenizeChunk(run, lines.slice(0, WARM_UP_LINES));

  const ms = { mailLog: [] as number[], builtin: [] as number[], injected: [] as number[] };
  for (let round = 0; round < opts.rounds; round++) {
    const runs = fresh();
    for (let from = 0, chunk = 0; from < lines.length; from += CHUNK_LINES, chunk++) {
      const slice = lines.slice(from, from + CHUNK_LINES);
      // Alternate the order too, so that no grammar always runs right after another one.
      for (const run of chunk % 2 === 0 ? runs : [...runs].reverse()) tokenizeChunk(run, slice);
    }
    for (const run of runs) ms[run.name].push(run.ms);
  }

  const linesPerSecond = (samples: readonly number[]): Summary => summarize(samples.map((m) => lines.length / (m / 1000)));
  const base = { lines: lines.length, bytes: Buffer.byteLength(opts.text), rounds: opts.rounds, mailLogLinesPerSecond: linesPerSecond(ms.mailLog) };
  if (builtinPath === undefined) {
    return { ...base, builtin: { skipped: 'built-in log grammar not found (install code-server under .vscode-test or pass builtinLogGrammarPath)' } };
  }
  return {
    ...base,
    builtin: {
      grammarPath: builtinPath,
      builtinLinesPerSecond: linesPerSecond(ms.builtin),
      injectedLinesPerSecond: linesPerSecond(ms.injected),
      mailLogSpeedRatio: summarize(pairedRatios(ms.builtin, ms.mailLog)),
      injectionSlowdown: summarize(pairedRatios(ms.injected, ms.builtin)),
    },
  };
}
