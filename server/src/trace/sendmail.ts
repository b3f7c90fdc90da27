// Sendmail lines (`sendmail`, `sm-mta`, `sm-msp-queue`): `QID: from=...`, `QID: to=..., stat=...`,
// `QID: NEWQID: DSN: ...` (the bounce it created) and `ruleset=check_rcpt ... reject=...`.
import { addressKey, compact, durationOf, field, hostOf, replyIn, untilComma } from './fields';
import { alnumEnd, isSendmailId, mention, messageIdMention, nextHopIn } from './ids';
import { syslogPid, type SyslogLine } from './syslog';
import type { Attempt, IdSpan, LineFacts, Mention, Outcome } from './types';

function outcomeOf(stat: string): Outcome {
  if (stat.startsWith('Sent')) return 'sent';
  if (stat.startsWith('Deferred')) return 'deferred';
  return 'bounced';
}

/** The rest of the line after `stat=`: Sendmail does not quote it. */
function statOf(text: string, from: number): { value: string; start: number } | undefined {
  const at = text.indexOf(' stat=', from);
  return at < 0 ? undefined : { value: text.slice(at + 6), start: at + 6 };
}

function attemptOf(text: string, from: number, mentions: Mention[]): Attempt | undefined {
  const to = field(text, 'to', from);
  const stat = statOf(text, from);
  if (to === undefined || stat === undefined) return undefined;
  const outcome = outcomeOf(stat.value);
  if (outcome === 'sent') {
    const hop = nextHopIn(stat.value, stat.start);
    if (hop !== undefined) mentions.push(hop);
  }
  const relayField = field(text, 'relay', from);
  const relay = relayField === undefined ? undefined : untilComma(text, relayField.start);
  const code = replyIn(field(text, 'reply', from)?.value ?? stat.value.replace(/^Deferred: /, ''));
  return compact({
    recipient: addressKey(to.value.split(',')[0]!),
    outcome,
    relay,
    remoteHost: relay === undefined ? undefined : hostOf(relay),
    delay: durationOf(field(text, 'delay', from)?.value ?? ''),
    reply: code.reply,
    enhanced: field(text, 'dsn', from)?.value ?? code.enhanced,
    text: stat.value,
  });
}

export function readSendmail(text: string, header: SyslogLine): LineFacts | undefined {
  const body = header.body;
  const end = alnumEnd(text, body);
  const id = text.slice(body, end);
  const hasId = text[end] === ':' && isSendmailId(id);
  const rest = hasId ? end + 2 : body;
  const reject = field(text, 'reject', rest);
  if (!hasId && reject === undefined) return undefined;
  const owner: IdSpan = hasId ? { key: id, text: id, start: body, end } : { key: `reject@${syslogPid(text, header)}`, text: text.slice(body, text.indexOf('=', body)), start: body, end: text.indexOf('=', body) };
  const mentions: Mention[] = [];
  const facts: { -readonly [K in keyof LineFacts]: LineFacts[K] } = { mta: 'sendmail', owner, mentions };

  if (reject !== undefined) {
    const detail = text.slice(reject.start);
    facts.attempt = { recipient: addressKey(field(text, 'arg1', rest)?.value ?? ''), outcome: 'rejected', ...replyIn(detail), text: detail };
  } else if (text.startsWith('from=', rest)) {
    facts.sender = addressKey(field(text, 'from', rest)!.value);
    facts.arrival = true;
    const relay = field(text, 'relay', rest);
    if (relay !== undefined) facts.client = untilComma(text, relay.start);
    const msgid = field(text, 'msgid', rest);
    const idMention = msgid === undefined ? undefined : messageIdMention(msgid.value, msgid.start);
    if (idMention !== undefined) mentions.push(idMention);
  } else if (text.startsWith('to=', rest)) {
    const attempt = attemptOf(text, rest, mentions);
    if (attempt !== undefined) facts.attempt = attempt;
  } else {
    // `QID: NEWQID: DSN: reason`: the delivery status notification Sendmail queued for this message.
    const next = alnumEnd(text, rest);
    const bounce = text.slice(rest, next);
    if (text.startsWith(': DSN: ', next) && isSendmailId(bounce)) mentions.push(mention('bounce', bounce, bounce, rest));
  }
  return facts;
}
