// Grammar part of the benchmark: our mail-log grammar against VS Code's built-in log grammar on
// the same text, and the cost our injection adds to the built-in log grammar. All three run in
// the real engine (vscode-textmate + oniguruma), alternating within each round.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
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

/** Milliseconds to tokenize all lines, carrying the state from line to line as the editor does. */
function tokenizeAll(grammar: vsctm.IGrammar, lines: readonly string[]): number {
  const start = performance.now();
  let state = vsctm.INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
  return performance.now() - start;
}

const WARM_UP_LINES = 2000;

export async function benchGrammars(opts: GrammarBenchOptions): Promise<GrammarBenchResult> {
  if (opts.rounds < 1) throw new Error('rounds must be at least 1');
  const lines = opts.text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const builtinPath = opts.builtinLogGrammarPath ?? findBuiltinLogGrammar();

  const configurations: Array<{ name: 'mailLog' | 'builtin' | 'injected'; grammar: vsctm.IGrammar }> = [
    { name: 'mailLog', grammar: await loadGrammar('text.mail-log') },
  ];
  if (builtinPath !== undefined) {
    configurations.push({ name: 'builtin', grammar: await loadGrammar(LOG_SCOPE, { logGrammarPath: builtinPath }) });
    configurations.push({ name: 'injected', grammar: await loadGrammar(LOG_SCOPE, { logGrammarPath: builtinPath, inject: true }) });
  }
  // Compile every rule before measuring: the first lines of a grammar pay for its regexes.
  for (const { grammar } of configurations) tokenizeAll(grammar, lines.slice(0, WARM_UP_LINES));

  const ms = { mailLog: [] as number[], builtin: [] as number[], injected: [] as number[] };
  for (let round = 0; round < opts.rounds; round++) {
    // Alternate the order so that no configuration always runs on a warmer or cooler machine.
    const order = round % 2 === 0 ? configurations : [...configurations].reverse();
    for (const { name, grammar } of order) ms[name].push(tokenizeAll(grammar, lines));
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
