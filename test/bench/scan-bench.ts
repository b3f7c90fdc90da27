// Throughput of the core scanner against the cheapest conceivable competitor: one `matchAll`
// of a naive candidate regex over the same text (finds every 3-digit number starting 2/4/5
// and every dotted triple, with no context and so many false alarms), and `rg -c` with the
// same pattern over the same file when ripgrep is installed.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { analyzeText, DEFAULT_SETTINGS, initialState, scanLine, splitLines } from '../../server/src/service';

/** Every reply-code-shaped and enhanced-code-shaped token: what a context-free search finds. */
export const NAIVE_PATTERN = String.raw`\b[245][0-5][0-9]\b|\b[245]\.[0-9]{1,3}\.[0-9]{1,3}\b`;

/** One timed pass: ms taken and how many codes (or candidates, or matching lines) it found. */
export interface Pass {
  readonly ms: number;
  readonly found: number;
}

function timed(run: () => number): Pass {
  const start = performance.now();
  const found = run();
  return { ms: performance.now() - start, found };
}

/** The scanner alone: a fold of `scanLine` over the lines, as the server does on open. */
export function scanPass(text: string): Pass {
  return timed(() => {
    let state = initialState('log');
    let found = 0;
    const lines = splitLines(text);
    for (let line = 0; line < lines.length; line++) {
      const result = scanLine(lines[line] as string, line, state);
      found += result.findings.length;
      state = result.next;
    }
    return found;
  });
}

/** No cap on problems, so that the rules check every line, as the server does. */
const CHECK_ALL = { ...DEFAULT_SETTINGS, maxProblems: Number.MAX_SAFE_INTEGER };

/** Scanner plus rules: everything the server computes for a document. */
export function analyzePass(text: string): Pass {
  return timed(() => analyzeText(text, 'log', CHECK_ALL).problems.length);
}

export function naivePass(text: string): Pass {
  const pattern = new RegExp(NAIVE_PATTERN, 'g');
  return timed(() => {
    let found = 0;
    for (const _ of text.matchAll(pattern)) found++;
    return found;
  });
}

/** `rg -c` over the file (process start and file read included, as a user would run it);
 * undefined when ripgrep is not installed. */
export function ripgrepPass(file: string): Pass | undefined {
  let result: ReturnType<typeof spawnSync> | undefined;
  const pass = timed(() => {
    result = spawnSync('rg', ['-c', NAIVE_PATTERN, file], { encoding: 'utf8' });
    return Number(String(result.stdout).trim());
  });
  if (result === undefined || result.error !== undefined || result.status !== 0) return undefined;
  return pass;
}
