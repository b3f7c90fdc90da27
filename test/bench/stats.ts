// Small statistics for noisy measurements: medians with ranges, percentiles, and targets
// stated as ratios so that the figures mean the same on a fast or a slow machine.

/** The middle and the spread of a few samples. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no samples');
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1] as number;
}

export function summarize(values: readonly number[]): Summary {
  const s = sorted(values);
  const middle = s.length >> 1;
  const median = s.length % 2 === 1 ? (s[middle] as number) : ((s[middle - 1] as number) + (s[middle] as number)) / 2;
  return { median, min: s[0] as number, max: s[s.length - 1] as number, samples: s.length };
}

/** A goal for a ratio: ours / reference at most (or at least) `limit`. */
export interface Target {
  readonly name: string;
  readonly limit: number;
  readonly direction: 'at-most' | 'at-least';
  /** What the limit counts when it is not a ratio (e.g. 'MB'). */
  readonly unit?: string;
}

/** A ratio measured against its target. Ratios come from paired rounds (ours and the
 * reference run back to back), so the machine's drift between rounds cancels out. */
export interface Verdict {
  readonly name: string;
  readonly ratio: Summary;
  readonly target: string;
  readonly pass: boolean;
  readonly unit: string;
}

/** Judges the median of the per-round ratios. */
export function judge(target: Target, ratio: Summary): Verdict {
  const pass = target.direction === 'at-most' ? ratio.median <= target.limit : ratio.median >= target.limit;
  const unit = target.unit === undefined ? '×' : ` ${target.unit}`;
  return { name: target.name, ratio, target: `${target.direction === 'at-most' ? '≤' : '≥'} ${target.limit}${unit}`, pass, unit };
}

/** Elementwise a[i] / b[i] of two equally long series of paired samples. */
export function pairedRatios(ours: readonly number[], reference: readonly number[]): number[] {
  if (ours.length !== reference.length) throw new Error('paired series differ in length');
  return ours.map((value, i) => value / (reference[i] as number));
}

/** `12.3 (11.9–13.0)` with the given number of decimals. */
export function formatSummary(s: Summary, decimals: number): string {
  return `${s.median.toFixed(decimals)} (${s.min.toFixed(decimals)}–${s.max.toFixed(decimals)})`;
}
