// The deliverability report: messages and recipients by outcome, failures by reason, provider
// and recipient domain, deferral delays, top reply texts and activity over time. Counted per
// message, per recipient and per delivery attempt (never per code occurrence), each entry with
// the lines it stands for.
import { replaceAddresses } from './redact';
import { SYSLOG_YEAR, type MessageOutcome, type MessageTimeline, type Outcome, type RecipientTimeline } from '../trace';

/** A line of one of the report's sources (files or documents). */
export interface ReportLocation {
  readonly source: number;
  readonly line: number;
}

export interface ReportEntry {
  readonly key: string;
  readonly count: number;
  /** The first lines it stands for, at most LOCATIONS_PER_ENTRY. */
  readonly locations: readonly ReportLocation[];
}

export interface TimeBucket {
  /** `2025-03-03 10:00` (per hour) or `2025-03-03` (per day); `03-03` for syslog stamps, which have no year. */
  readonly label: string;
  readonly attempts: Readonly<Partial<Record<Outcome, number>>>;
}

export interface DelayStats {
  readonly count: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
  readonly buckets: readonly ReportEntry[];
}

export interface DeliverabilityReport {
  readonly sources: readonly string[];
  readonly messages: { readonly total: number; readonly byOutcome: readonly ReportEntry[] };
  readonly recipients: { readonly total: number; readonly byOutcome: readonly ReportEntry[] };
  readonly attempts: { readonly total: number; readonly byOutcome: readonly ReportEntry[] };
  /** Recipients whose final attempt did not succeed. */
  readonly failures: {
    readonly total: number;
    readonly byReason: readonly ReportEntry[];
    readonly byProvider: readonly ReportEntry[];
    readonly byDomain: readonly ReportEntry[];
  };
  /** Delays of deferred attempts, in seconds. */
  readonly deferrals: DelayStats | undefined;
  /** The most frequent failure and deferral replies, addresses and numbers folded together. */
  readonly replies: readonly ReportEntry[];
  readonly overTime: { readonly unit: 'hour' | 'day'; readonly buckets: readonly TimeBucket[] };
}

export const LOCATIONS_PER_ENTRY = 20;
const TOP_ENTRIES = 15;
const TOP_REPLIES = 10;
const DELAY_BUCKETS: readonly [number, string][] = [[60, 'under 1 min'], [600, '1-10 min'], [3600, '10-60 min'], [6 * 3600, '1-6 h'], [Infinity, '6 h or more']];

class Tally {
  private readonly entries = new Map<string, { count: number; locations: ReportLocation[] }>();
  add(key: string, location: ReportLocation): void {
    let entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, (entry = { count: 0, locations: [] }));
    entry.count += 1;
    if (entry.locations.length < LOCATIONS_PER_ENTRY) entry.locations.push(location);
  }
  /** Most frequent first (ties by key), at most `limit`. */
  top(limit = Infinity): ReportEntry[] {
    return [...this.entries.entries()]
      .map(([key, { count, locations }]) => ({ key, count, locations }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, limit);
  }
  get total(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.count;
    return total;
  }
}

/** Reply texts that differ only in addresses, hosts' addresses, ids and numbers count as one. */
export function replyShape(text: string): string {
  return replaceAddresses(text, () => 'address')
    .replace(/\[[0-9a-fA-F.:]{2,45}\]/g, '[address]')
    .replace(/\b\d{4,}\b/g, 'N')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** The remote server's own words: from its reply code on, without Postfix's `(in reply to ... command)`. */
function remoteReply(text: string, reply: number | undefined): string {
  const code = String(reply);
  let at = reply === undefined ? -1 : text.indexOf(code);
  // The code where a reply starts: at the start, or after a space, parenthesis, quote or colon.
  while (at >= 0 && !((at === 0 || ' (":'.includes(text[at - 1]!)) && ' -'.includes(text[at + 3] ?? ''))) at = text.indexOf(code, at + 1);
  return (at < 0 ? text : text.slice(at)).replace(/ \(in reply to [A-Z ]{1,20} command\)\)?$/, '');
}

const pad = (n: number): string => String(n).padStart(2, '0');

function bucketLabel(time: number, unit: 'hour' | 'day'): string {
  const date = new Date(time * 1000);
  // Syslog stamps carry no year: their days are shown without one.
  const year = date.getUTCFullYear() === SYSLOG_YEAR ? '' : `${date.getUTCFullYear()}-`;
  const day = `${year}${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return unit === 'day' ? day : `${day} ${pad(date.getUTCHours())}:00`;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function delayStats(delays: readonly { delay: number; location: ReportLocation }[]): DelayStats | undefined {
  if (delays.length === 0) return undefined;
  const sorted = delays.map((d) => d.delay).sort((a, b) => a - b);
  const buckets = new Tally();
  for (const { delay, location } of delays) buckets.add(DELAY_BUCKETS.find(([limit]) => delay < limit)![1], location);
  const order = DELAY_BUCKETS.map(([, label]) => label);
  return {
    count: delays.length,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    max: sorted[sorted.length - 1]!,
    buckets: buckets.top().sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)),
  };
}

const domainOf = (address: string): string => {
  const at = address.lastIndexOf('@');
  return at < 0 ? '(no domain)' : address.slice(at + 1);
};

/** One report over the timelines of every message of every source (`source` indexes `sources`). */
export class ReportBuilder {
  private readonly messages = new Tally();
  private readonly recipients = new Tally();
  private readonly attempts = new Tally();
  private readonly reasons = new Tally();
  private readonly providers = new Tally();
  private readonly domains = new Tally();
  private readonly replies = new Tally();
  private readonly deferrals: { delay: number; location: ReportLocation }[] = [];
  private readonly times: { time: number; outcome: Outcome }[] = [];

  constructor(private readonly sources: readonly string[]) {}

  addMessage(source: number, timeline: MessageTimeline): void {
    this.messages.add(timeline.outcome satisfies MessageOutcome, { source, line: timeline.firstLine });
    for (const recipient of timeline.recipients) this.addRecipient(source, recipient);
  }

  private addRecipient(source: number, recipient: RecipientTimeline): void {
    const final = recipient.final;
    this.recipients.add(final.attempt.outcome, { source, line: final.line });
    for (const { attempt, line, delay, time } of recipient.attempts) {
      const location = { source, line };
      this.attempts.add(attempt.outcome, location);
      if (time !== undefined) this.times.push({ time, outcome: attempt.outcome });
      if (attempt.outcome === 'sent') continue;
      if (attempt.outcome === 'deferred' && delay !== undefined) this.deferrals.push({ delay, location });
      const shape = replyShape(remoteReply(attempt.text, attempt.reply));
      if (shape !== '') this.replies.add(shape, location);
    }
    if (final.attempt.outcome === 'sent' || recipient.verdict === undefined) return;
    const location = { source, line: final.line };
    this.reasons.add(recipient.verdict.reason, location);
    this.providers.add(recipient.verdict.provider ?? 'other', location);
    this.domains.add(domainOf(recipient.recipient), location);
  }

  build(): DeliverabilityReport {
    let first = Infinity;
    let last = -Infinity;
    for (const { time } of this.times) {
      first = Math.min(first, time);
      last = Math.max(last, time);
    }
    const span = this.times.length === 0 ? 0 : last - first;
    const unit = span > 2 * 86400 ? 'day' : 'hour';
    const buckets = new Map<string, Partial<Record<Outcome, number>>>();
    for (const { time, outcome } of this.times.sort((a, b) => a.time - b.time)) {
      const label = bucketLabel(time, unit);
      const bucket = buckets.get(label) ?? {};
      bucket[outcome] = (bucket[outcome] ?? 0) + 1;
      buckets.set(label, bucket);
    }
    return {
      sources: this.sources,
      messages: { total: this.messages.total, byOutcome: this.messages.top() },
      recipients: { total: this.recipients.total, byOutcome: this.recipients.top() },
      attempts: { total: this.attempts.total, byOutcome: this.attempts.top() },
      failures: { total: this.reasons.total, byReason: this.reasons.top(TOP_ENTRIES), byProvider: this.providers.top(TOP_ENTRIES), byDomain: this.domains.top(TOP_ENTRIES) },
      deferrals: delayStats(this.deferrals),
      replies: this.replies.top(TOP_REPLIES),
      overTime: { unit, buckets: [...buckets.entries()].map(([label, attempts]) => ({ label, attempts })) },
    };
  }
}
