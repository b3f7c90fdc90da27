// Postfix lines: `QUEUEID: ...` from smtpd, cleanup, qmgr, smtp/lmtp/local/pipe, bounce, and
// `NOQUEUE: reject: ...` from smtpd, which belong to the client connection (process and address).
import { addressKey, compact, durationOf, field, hostOf, parenthesised, replyIn } from './fields';
import { alnumEnd, isPostfixId, mention, messageIdMention, nextHopIn } from './ids';
import { syslogPid, type SyslogLine } from './syslog';
import type { Attempt, IdSpan, LineFacts, Mention, Outcome } from './types';

const NOTIFICATIONS = [': sender non-delivery notification: ', ': sender delivery status notification: ', ': sender delay notification: ', ': postmaster non-delivery notification: '];

const STATUS_OUTCOMES: Readonly<Record<string, Outcome>> = { sent: 'sent', deferred: 'deferred', bounced: 'bounced', expired: 'expired', undeliverable: 'bounced' };

/** `to=<r>, relay=..., delay=..., dsn=..., status=word (text)`. */
function deliveryOf(text: string, from: number, mentions: Mention[]): Attempt | undefined {
  const to = field(text, 'to', from);
  const status = field(text, 'status', from);
  if (to === undefined || status === undefined) return undefined;
  const outcome = STATUS_OUTCOMES[status.value];
  if (outcome === undefined) return undefined;
  const open = text.indexOf('(', status.end);
  const reply = open < 0 ? '' : parenthesised(text, open);
  if (open >= 0 && outcome === 'sent') {
    const hop = nextHopIn(reply, open + 1);
    if (hop !== undefined) mentions.push(hop);
  }
  const relay = field(text, 'relay', from)?.value;
  const dsn = field(text, 'dsn', from)?.value;
  const delay = durationOf(field(text, 'delay', from)?.value ?? '');
  const code = replyIn(reply);
  return compact({ recipient: addressKey(to.value), outcome, relay, remoteHost: relay === undefined ? undefined : hostOf(relay), delay, reply: code.reply, enhanced: dsn ?? code.enhanced, text: reply });
}

/** `reject: RCPT from host[ip]: 550 5.1.1 <r>: text; from=<s> to=<r> proto=...` (also milter-reject, discard). */
function rejectOf(text: string, at: number): { attempt: Attempt; sender?: string } | undefined {
  const word = text.startsWith('discard: ', at) ? 'discarded' : 'rejected';
  const colon = text.indexOf(']: ', at);
  const detailStart = colon < 0 ? text.indexOf(': ', at) + 2 : colon + 3;
  const semicolon = text.indexOf('; from=', detailStart);
  const detail = text.slice(detailStart, semicolon < 0 ? text.length : semicolon);
  const to = field(text, 'to', Math.max(semicolon, at));
  const from = field(text, 'from', Math.max(semicolon, at));
  const attempt: Attempt = { recipient: to === undefined ? '' : addressKey(to.value), outcome: word, ...replyIn(detail), text: detail };
  return compact({ attempt, sender: from === undefined ? undefined : addressKey(from.value) });
}

const REJECT_WORDS = ['reject: ', 'milter-reject: ', 'discard: '];

export function readPostfix(text: string, header: SyslogLine): LineFacts | undefined {
  const body = header.body;
  let owner: IdSpan;
  let rest: number;
  if (text.startsWith('NOQUEUE: ', body)) {
    // No queue file yet: the rejects of one connection go together (same smtpd process and client).
    const open = text.indexOf('[', body);
    const close = open < 0 ? -1 : text.indexOf(']', open);
    const client = close < 0 ? '' : text.slice(open + 1, close);
    owner = { key: `NOQUEUE@${syslogPid(text, header)}/${client}`, text: 'NOQUEUE', start: body, end: body + 7 };
    rest = body + 9;
  } else {
    const end = alnumEnd(text, body);
    const id = text.slice(body, end);
    if (text[end] !== ':' || !isPostfixId(id)) return undefined;
    owner = { key: id, text: id, start: body, end };
    rest = end + 2;
  }
  const mentions: Mention[] = [];
  const facts: { -readonly [K in keyof LineFacts]: LineFacts[K] } = { mta: 'postfix', owner, mentions };

  if (REJECT_WORDS.some((word) => text.startsWith(word, rest))) {
    const reject = rejectOf(text, rest);
    if (reject !== undefined) {
      facts.attempt = reject.attempt;
      if (reject.sender !== undefined) facts.sender = reject.sender;
    }
  } else if (text.startsWith('client=', rest)) {
    facts.client = field(text, 'client', rest)!.value;
    facts.arrival = true;
  } else if (text.startsWith('message-id=', rest)) {
    const value = field(text, 'message-id', rest)!;
    const id = messageIdMention(value.value, value.start);
    if (id !== undefined) mentions.push(id);
  } else if (text.startsWith('removed', rest)) {
    facts.closes = true;
  } else if (text.startsWith('to=', rest)) {
    const attempt = deliveryOf(text, rest, mentions);
    if (attempt !== undefined) facts.attempt = attempt;
  } else {
    const from = field(text, 'from', rest);
    if (from !== undefined) {
      facts.sender = addressKey(from.value);
      if (text.startsWith('uid=', rest)) facts.arrival = true; // pickup: a local submission
      if (field(text, 'status', rest)?.value === 'expired') facts.expires = true;
    }
    for (const phrase of NOTIFICATIONS) {
      const at = text.indexOf(phrase, owner.end);
      if (at !== owner.end) continue;
      const start = at + phrase.length;
      const id = text.slice(start, alnumEnd(text, start));
      if (isPostfixId(id)) mentions.push(mention('bounce', id, id, start));
    }
  }
  return facts;
}
