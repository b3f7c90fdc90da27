// OpenSMTPD lines (`smtpd[pid]: <session> smtp|mta|mda ...`): a message is its 8-hex-digit msgid,
// and each envelope id (evpid) starts with its message's msgid. Lines of an incoming session that
// name no message (connect, failed commands) belong to the session.
import { addressKey, compact, durationOf, field, hostOf, replyIn } from './fields';
import { alnumEnd, mention } from './ids';
import type { SyslogLine } from './syslog';
import type { Attempt, IdSpan, LineFacts, Mention, Outcome } from './types';

const isHex = (text: string): boolean => /^[0-9a-f]+$/.test(text);

const RESULTS: Readonly<Record<string, Outcome>> = { Ok: 'sent', TempFail: 'deferred', PermFail: 'bounced', Loop: 'bounced' };

function deliveryOf(text: string, from: number, recipient: string): Attempt | undefined {
  const outcome = RESULTS[field(text, 'result', from)?.value ?? ''];
  if (outcome === undefined) return undefined;
  const relay = field(text, 'relay', from)?.value;
  const remoteHost = relay === undefined ? undefined : hostOf(relay);
  const stat = field(text, 'stat', from)?.value ?? '';
  const delay = durationOf(field(text, 'delay', from)?.value ?? '');
  return compact({ recipient, outcome, relay, remoteHost, delay, ...replyIn(stat), text: stat });
}

export function readOpenSmtpd(text: string, header: SyslogLine): LineFacts | undefined {
  const body = header.body;
  const sessionEnd = alnumEnd(text, body);
  const session = text.slice(body, sessionEnd);
  if (session.length !== 16 || !isHex(session) || text[sessionEnd] !== ' ') return undefined;
  const sessionSpan: IdSpan = { key: session, text: session, start: body, end: sessionEnd };
  const rest = sessionEnd + 1;
  const msgid = field(text, 'msgid', rest);
  const evpid = field(text, 'evpid', rest);
  const mentions: Mention[] = [];
  let owner = sessionSpan;
  if (msgid !== undefined && msgid.value.length === 8 && isHex(msgid.value)) {
    owner = { key: msgid.value, text: msgid.value, start: msgid.start, end: msgid.end };
  } else if (evpid !== undefined && evpid.value.length === 16 && isHex(evpid.value)) {
    owner = { key: evpid.value.slice(0, 8), text: evpid.value, start: evpid.start, end: evpid.end };
  }
  if (owner !== sessionSpan && text.startsWith('smtp ', rest)) mentions.push(mention('session', session, session, body));
  const facts: { -readonly [K in keyof LineFacts]: LineFacts[K] } = { mta: 'opensmtpd', owner, mentions };
  const from = field(text, 'from', rest);
  if (from !== undefined) facts.sender = addressKey(from.value);
  if (text.startsWith('smtp message ', rest)) facts.arrival = true;
  if (text.startsWith('smtp connected ', rest)) facts.client = `${field(text, 'host', rest)?.value ?? ''} [${field(text, 'address', rest)?.value ?? ''}]`;
  const to = field(text, 'to', rest);
  if ((text.startsWith('mta delivery ', rest) || text.startsWith('mda delivery ', rest)) && to !== undefined) {
    const attempt = deliveryOf(text, rest, addressKey(to.value));
    if (attempt !== undefined) facts.attempt = attempt;
  } else if (text.startsWith('smtp failed-command ', rest)) {
    const command = field(text, 'command', rest)?.value ?? '';
    const result = field(text, 'result', rest)?.value ?? '';
    const recipient = /^RCPT TO:\s*<([^>]*)>/i.exec(command);
    if (recipient !== null) facts.attempt = { recipient: addressKey(recipient[1]!), outcome: 'rejected', ...replyIn(result), text: result, command: 'RCPT' };
  }
  return facts;
}
