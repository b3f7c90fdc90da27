// Exim main log lines: `2024-11-28 09:20:01 [pid] ID <= sender ...` arrivals, `=>`/`->`/`>>`/`*>`
// deliveries, `**` failures, `==` deferrals, `Completed`; and `rejected RCPT` lines without an id,
// which belong to the client connection.
import { addressKey, compact, durationOf, field, hostOf, replyIn } from './fields';
import { eximIdEnd, mention, messageIdMention, nextHopIn } from './ids';
import { isoTime } from './syslog';
import type { Attempt, LineFacts, Mention, Outcome } from './types';

const DELIVERED = new Set(['=>', '->', '>>', '*>']);

/** `H=host (helo) [ip]` as `host [ip]`, the way Exim prints the relay. */
function hostField(text: string, from: number): { relay: string; address?: string } | undefined {
  const host = field(text, 'H', from);
  if (host === undefined) return undefined;
  const open = text.indexOf('[', host.end);
  const close = open < 0 ? -1 : text.indexOf(']', open);
  const address = close > open && open - host.end < 80 ? text.slice(open + 1, close) : undefined;
  return compact({ relay: address === undefined ? host.value : `${host.value} [${address}]`, address });
}

/** Where the line's own text starts after the timestamp, its fraction, zone and `[pid]`; -1 when it has no Exim stamp. */
function afterStamp(text: string, at: number): { time: number; next: number; pid: string } | undefined {
  const time = isoTime(text, at);
  if (time === undefined || text[at + 10] !== ' ') return undefined;
  let next = at + 19;
  if (text[next] === '.') next = next + 4;
  if (text[next] === ' ' && (text[next + 1] === '+' || text[next + 1] === '-') && /^\d{4} $/.test(text.slice(next + 2, next + 7))) next += 6;
  let pid = '';
  if (text[next] === ' ' && text[next + 1] === '[') {
    const close = text.indexOf('] ', next);
    if (close < 0) return undefined;
    pid = text.slice(next + 2, close);
    next = close + 1;
  }
  return text[next] === ' ' ? { time, next: next + 1, pid } : undefined;
}

function attemptOf(text: string, flag: string, at: number, mentions: Mention[]): Attempt | undefined {
  const recipientEnd = text.indexOf(' ', at);
  const recipient = addressKey(text.slice(at, recipientEnd < 0 ? text.length : recipientEnd));
  const host = hostField(text, at);
  const remoteHost = host === undefined ? undefined : hostOf(host.relay);
  const delay = durationOf(field(text, 'QT', at)?.value ?? '');
  let outcome: Outcome;
  let reply: string;
  if (DELIVERED.has(flag)) {
    outcome = 'sent';
    const confirmation = field(text, 'C', at);
    reply = confirmation?.value ?? '';
    if (confirmation !== undefined) {
      const hop = nextHopIn(reply, confirmation.start);
      if (hop !== undefined) mentions.push(hop);
    }
  } else {
    outcome = flag === '**' ? 'bounced' : 'deferred';
    // The diagnostic follows the router, transport and host fields: `... H=mx [ip]: SMTP error ...` or `... defer (-44): ...`.
    const colon = text.indexOf(': ', at);
    reply = colon < 0 ? '' : text.slice(colon + 2);
  }
  return compact({ recipient, outcome, relay: host?.relay, remoteHost, delay, ...replyIn(reply), text: reply });
}

/** `H=... [ip] F=<s> rejected RCPT <r>: text`: a reject at SMTP time, grouped by connection. */
function rejectLine(text: string, at: number, time: number, pid: string): LineFacts | undefined {
  const word = text.indexOf(' rejected RCPT ', at);
  if (word < 0) return undefined;
  const host = hostField(text, at);
  const recipientStart = word + 15;
  const colon = text.indexOf(': ', recipientStart);
  const detail = colon < 0 ? '' : text.slice(colon + 2);
  const sender = field(text, 'F', at);
  return compact<LineFacts>({
    mta: 'exim',
    owner: { key: `rejected@${pid}/${host?.address ?? ''}`, text: 'rejected', start: word + 1, end: word + 9 },
    mentions: [],
    time,
    sender: sender === undefined ? undefined : addressKey(sender.value),
    client: host?.relay,
    attempt: { recipient: addressKey(text.slice(recipientStart, colon < 0 ? text.length : colon)), outcome: 'rejected', ...replyIn(detail), text: detail },
  });
}

/** An Exim main-log line starting at `at` (0, or after a syslog header). */
export function readExim(text: string, at = 0): LineFacts | undefined {
  const stamp = afterStamp(text, at);
  if (stamp === undefined) return undefined;
  const { time, next, pid } = stamp;
  const idEnd = eximIdEnd(text, next);
  if (idEnd < 0) return rejectLine(text, next, time, pid);
  const id = text.slice(next, idEnd);
  const mentions: Mention[] = [];
  const facts: { -readonly [K in keyof LineFacts]: LineFacts[K] } = { mta: 'exim', owner: { key: id, text: id, start: next, end: idEnd }, mentions, time };
  const flagEnd = text.indexOf(' ', idEnd + 1);
  const flag = text.slice(idEnd + 1, flagEnd < 0 ? text.length : flagEnd);
  const after = flagEnd + 1;
  if (flag === '<=') {
    facts.arrival = true;
    const senderEnd = text.indexOf(' ', after);
    const sender = text.slice(after, senderEnd < 0 ? text.length : senderEnd);
    facts.sender = sender === '<>' ? '' : addressKey(sender);
    const host = hostField(text, after);
    if (host !== undefined) facts.client = host.relay;
    const messageId = field(text, 'id', after);
    const idMention = messageId === undefined ? undefined : messageIdMention(messageId.value, messageId.start);
    if (idMention !== undefined) mentions.push(idMention);
    // A bounce names the message it reports on: `<= <> R=1tGk3L-0004Xy-2F`.
    const reference = sender === '<>' ? field(text, 'R', after) : undefined;
    if (reference !== undefined && eximIdEnd(reference.value, 0) === reference.value.length) mentions.push(mention('bounce-of', reference.value, reference.value, reference.start));
  } else if (DELIVERED.has(flag) || flag === '**' || flag === '==') {
    const attempt = attemptOf(text, flag, after, mentions);
    if (attempt !== undefined) facts.attempt = attempt;
  } else if (flag === 'Completed') {
    facts.closes = true;
  }
  return facts;
}
