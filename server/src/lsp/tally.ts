// A line's problems summed up in one number: how many there are and how severe the worst is.
// The document keeps one per line, so publishing can take the most severe problems first
// without keeping any problem in memory.
import type { Problem, Severity } from '../service/types';

/** Severities from most to least severe; a problem's rank is its index. */
export const SEVERITY_RANKS: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const RANK_COUNT = SEVERITY_RANKS.length;

export type Tally = number;

export function tallyOf(problems: readonly Problem[]): Tally {
  let worst = RANK_COUNT - 1;
  for (const problem of problems) worst = Math.min(worst, SEVERITY_RANKS.indexOf(problem.severity));
  return problems.length * RANK_COUNT + worst;
}

export const tallyCount = (tally: Tally): number => Math.floor(tally / RANK_COUNT);

/** Rank of the most severe problem; meaningless when the count is 0. */
export const tallyWorstRank = (tally: Tally): number => tally % RANK_COUNT;
