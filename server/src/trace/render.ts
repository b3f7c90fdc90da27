// A message's timeline in words: one summary line (CodeLens, outline, CLI) and the hover's
// Markdown. Text taken from the log is escaped; the Markdown is ASCII apart from that text.
import { escapeMarkdown } from '../explain';
import type { MessageTimeline, RecipientTimeline } from './timeline';
import type { Attempt, Mta } from './types';

const MTA_NAMES: Readonly<Record<Mta, string>> = { postfix: 'Postfix', exim: 'Exim', sendmail: 'Sendmail', opensmtpd: 'OpenSMTPD', header: 'message headers' };
const REPLY_SHOWN = 240;

export function formatDelay(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 3600) return `${Number((seconds / 60).toFixed(1))} min`;
  if (seconds < 86400) return `${Number((seconds / 3600).toFixed(1))} h`;
  return `${Number((seconds / 86400).toFixed(1))} d`;
}

/** Inline code: taken literally by Markdown, so only backticks need to go. */
const inlineCode = (text: string): string => `\`${text.replace(/`/g, '') || ' '}\``;

const codeOf = (attempt: Attempt): string => [attempt.reply, attempt.enhanced].filter((part) => part !== undefined).join(' ');
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The longest time any recipient took to its final outcome (rejects at SMTP time take none). */
function totalDelay(timeline: MessageTimeline): number | undefined {
  const delays = timeline.recipients.map((r) => r.final.delay).filter((d): d is number => d !== undefined);
  return delays.length > 0 ? Math.max(...delays) : undefined;
}

/** "2 recipients: 1 sent, 1 bounced 5.1.1 userunknown, 4.2 s". */
export function timelineSummary(timeline: MessageTimeline): string {
  const groups = new Map<string, RecipientTimeline[]>();
  for (const recipient of timeline.recipients) {
    const outcome = recipient.final.attempt.outcome;
    groups.set(outcome, [...(groups.get(outcome) ?? []), recipient]);
  }
  const parts = [...groups.entries()].map(([outcome, list]) => {
    const first = list[0]!;
    const detail = outcome === 'sent' ? '' : [first.final.attempt.enhanced ?? first.final.attempt.reply, first.verdict?.reason].filter((p) => p !== undefined).join(' ');
    return `${list.length} ${outcome}${detail === '' ? '' : ` ${detail}`}`;
  });
  const delay = totalDelay(timeline);
  const head = timeline.recipients.length === 0 ? 'no delivery logged yet' : `${plural(timeline.recipients.length, 'recipient')}: ${parts.join(', ')}`;
  return delay === undefined || timeline.recipients.length === 0 ? head : `${head}, ${formatDelay(delay)}`;
}

const ROLE_WORDS = { original: '', hop: 'next hop', bounce: 'bounce' } as const;

function recipientLines(recipient: RecipientTimeline): string[] {
  const { attempt, delay } = recipient.final;
  const codes = codeOf(attempt);
  const via = attempt.relay === undefined ? '' : ` via ${escapeMarkdown(attempt.relay)}`;
  const after = delay === undefined ? '' : ` after ${formatDelay(delay)}`;
  const tries = recipient.attempts.length > 1 ? `, ${recipient.attempts.length} attempts (line ${recipient.attempts.map((a) => a.line + 1).join(', ')})` : ` (line ${recipient.final.line + 1})`;
  const out = [`- ${inlineCode(recipient.recipient)}: **${attempt.outcome}**${codes === '' ? '' : ` ${codes}`}${via}${after}${tries}`];
  if (recipient.verdict !== undefined) out.push(`  - Verdict: ${escapeMarkdown(recipient.verdict.summary)}${recipient.verdict.provider === undefined ? '' : ` Answered by: ${escapeMarkdown(recipient.verdict.provider)}.`}`);
  if (attempt.outcome !== 'sent' && attempt.text !== '') {
    const text = attempt.text.length > REPLY_SHOWN ? `${attempt.text.slice(0, REPLY_SHOWN)}...` : attempt.text;
    out.push(`  - Reply: ${escapeMarkdown(text)}`);
  }
  return out;
}

/** The hover: who sent the message, its hops, and each recipient's final status with its verdict. */
export function timelineMarkdown(timeline: MessageTimeline): string {
  const first = timeline.legs[0];
  const title = first === undefined ? 'Message' : `Message ${inlineCode(first.text)}`;
  const out = [`**${title}** (${MTA_NAMES[timeline.mta]}): ${escapeMarkdown(timelineSummary(timeline))}`];
  const facts: string[] = [];
  if (timeline.sender !== undefined) facts.push(`From: ${inlineCode(timeline.sender === '' ? '<>' : timeline.sender)}`);
  if (timeline.client !== undefined) facts.push(`Client: ${escapeMarkdown(timeline.client)}`);
  for (const id of timeline.messageIds.slice(0, 2)) facts.push(`Message-ID: ${inlineCode(id)}`);
  if (facts.length > 0) out.push(facts.join('  \n'));
  if (timeline.legs.length > 1) {
    out.push(`Hops: ${timeline.legs.map((leg) => `${inlineCode(leg.text)}${leg.role === 'original' ? '' : ` (${ROLE_WORDS[leg.role]}, line ${leg.firstLine + 1})`}`).join(' -> ')}`);
  }
  if (timeline.recipients.length > 0) out.push(timeline.recipients.flatMap(recipientLines).join('\n'));
  for (const bounce of timeline.bounces) out.push(`Bounce to ${inlineCode(bounce.recipient)}: **${bounce.final.attempt.outcome}** (line ${bounce.final.line + 1})`);
  const span = timeline.lineCount === 1 ? `Line ${timeline.firstLine + 1}` : `Lines ${timeline.firstLine + 1}-${timeline.lastLine + 1} (${timeline.lineCount} lines of this message)`;
  out.push(span);
  return out.join('\n\n');
}
