// A message's timeline: who sent it, and for each recipient every attempt across the message's
// hops, the final one with its verdict. Built from a group's lines and their facts.
import { classifyFailure, type Verdict } from '../classify';
import { compact } from './fields';
import type { Leg, MessageGroup } from './group';
import type { Attempt, LineFacts, Mta, Outcome } from './types';

export interface AttemptAt {
  readonly line: number;
  /** The queue id (leg) that made the attempt. */
  readonly leg: string;
  readonly attempt: Attempt;
  /** When the line was written, seconds since 1970. */
  readonly time?: number;
  /** Seconds from the message's arrival: the log's delay, or the timestamps' difference. */
  readonly delay?: number;
}

export interface RecipientTimeline {
  readonly recipient: string;
  readonly attempts: readonly AttemptAt[];
  /** The last attempt: after a content filter, the later hop's. */
  readonly final: AttemptAt;
  /** Why it failed, for a final outcome other than sent. */
  readonly verdict?: Verdict;
}

/** sent/bounced/... when every recipient ended the same way; mixed otherwise; pending without any attempt. */
export type MessageOutcome = Outcome | 'mixed' | 'pending';

export interface MessageTimeline {
  readonly mta: Mta;
  /** The message's queue ids in order of appearance (the original first, then hops and bounces). */
  readonly legs: readonly Leg[];
  readonly messageIds: readonly string[];
  readonly sender?: string;
  readonly client?: string;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly lines: readonly number[];
  readonly lineCount: number;
  readonly recipients: readonly RecipientTimeline[];
  /** Deliveries of the bounce the MTA sent back for this message. */
  readonly bounces: readonly RecipientTimeline[];
  readonly outcome: MessageOutcome;
  /** Seconds from the first to the last line with a time. */
  readonly duration?: number;
  /** Time of the first line, seconds since 1970. */
  readonly start?: number;
}

/** A Postfix `status=expired` line: what every still-deferred recipient becomes. */
const EXPIRED_TEXT = 'expired, returned to sender';

/** Verdicts by reply: a log repeats a few replies thousands of times, and classifying one costs more than reading it. */
const verdicts = new Map<string, Verdict>();
const MAX_VERDICTS = 10_000;

function verdictOf(final: Attempt): Verdict | undefined {
  if (final.outcome === 'sent') return undefined;
  const deferred = final.outcome === 'deferred';
  // Replies that differ only in the quoted address classify alike.
  const key = `${final.reply}|${final.enhanced}|${final.remoteHost}|${deferred}|${final.command}|${final.text.replace(/<[^<>]*>/g, '<>')}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdict = classifyFailure(compact({ reply: final.reply, enhanced: final.enhanced, text: final.text, remoteHost: final.remoteHost, deferred, command: final.command }));
    verdicts.set(key, verdict);
  }
  return verdict;
}

function recipientTimelines(attempts: Map<string, AttemptAt[]>): RecipientTimeline[] {
  return [...attempts.entries()].map(([recipient, list]) => {
    const final = list[list.length - 1]!;
    const verdict = verdictOf(final.attempt);
    return { recipient, attempts: list, final, ...(verdict === undefined ? {} : { verdict }) };
  });
}

function outcomeOf(recipients: readonly RecipientTimeline[]): MessageOutcome {
  if (recipients.length === 0) return 'pending';
  const first = recipients[0]!.final.attempt.outcome;
  return recipients.every((r) => r.final.attempt.outcome === first) ? first : 'mixed';
}

/** The timeline of one message; `factsAt` gives the facts of its lines. */
export function timelineOf(group: MessageGroup, factsAt: (line: number) => LineFacts | undefined, keyAt: (line: number) => string): MessageTimeline {
  const bounceLegs = new Set(group.legs.filter((leg) => leg.role === 'bounce').map((leg) => leg.key));
  const recipients = new Map<string, AttemptAt[]>();
  const bounces = new Map<string, AttemptAt[]>();
  const messageIds: string[] = [];
  let sender: string | undefined;
  let client: string | undefined;
  let mta: Mta | undefined;
  let arrival: number | undefined;
  let first: number | undefined;
  let last: number | undefined;

  for (const line of group.lines) {
    const facts = factsAt(line);
    if (facts === undefined) continue;
    const leg = keyAt(line);
    const inBounce = bounceLegs.has(leg);
    if (facts.mta !== 'header') mta ??= facts.mta;
    if (facts.time !== undefined) {
      first ??= facts.time;
      last = facts.time;
      if (facts.arrival && !inBounce) arrival ??= facts.time;
    }
    if (!inBounce) {
      if (facts.sender !== undefined) sender ??= facts.sender;
      if (facts.client !== undefined) client ??= facts.client;
    }
    if (!inBounce) {
      if (facts.owner.key.startsWith('mid:') && !messageIds.includes(facts.owner.text)) messageIds.push(facts.owner.text);
      for (const mention of facts.mentions) if (mention.role === 'message-id' && !messageIds.includes(mention.text)) messageIds.push(mention.text);
    }
    const target = inBounce ? bounces : recipients;
    if (facts.attempt !== undefined) {
      const attempt = facts.attempt;
      const since = arrival ?? first;
      // A reject at SMTP time has no queue delay.
      const delay = attempt.delay ?? (facts.time !== undefined && since !== undefined && attempt.outcome !== 'rejected' ? facts.time - since : undefined);
      let list = target.get(attempt.recipient);
      if (list === undefined) target.set(attempt.recipient, (list = []));
      list.push({ line, leg, attempt, ...(delay === undefined ? {} : { delay }), ...(facts.time === undefined ? {} : { time: facts.time }) });
    }
    if (facts.expires) {
      for (const list of target.values()) {
        const final = list[list.length - 1]!;
        if (final.attempt.outcome === 'deferred') list.push({ ...final, line, attempt: { ...final.attempt, outcome: 'expired', text: EXPIRED_TEXT } });
      }
    }
  }
  const recipientList = recipientTimelines(recipients);
  const lines = group.lines;
  return {
    mta: mta ?? 'header',
    legs: group.legs.filter((leg) => !leg.key.startsWith('mid:')),
    messageIds,
    ...(sender === undefined ? {} : { sender }),
    ...(client === undefined ? {} : { client }),
    firstLine: lines[0] ?? 0,
    lastLine: lines[lines.length - 1] ?? 0,
    lines,
    lineCount: group.lineCount,
    recipients: recipientList,
    bounces: recipientTimelines(bounces),
    outcome: outcomeOf(recipientList),
    ...(first === undefined || last === undefined ? {} : { duration: last - first, start: first }),
  };
}
