// Failed and deferred deliveries in mail-server logs, one per line: Postfix
// `status=bounced|deferred|expired|undeliverable (...)` with `to=<>` and `relay=`, Exim
// `** rcpt ... H=host [ip]: ...` (failed) and `== rcpt ...` (deferred), Sendmail
// `to=<>, ... relay=host. [ip], dsn=5.1.1, stat=...`. Codes come from the scanner's findings.
import type { ProviderId } from '../kb/types';
import type { Finding } from '../scan/types';
import { failureCodes } from './codes';
import { detectProvider } from './provider';
import type { FoundFailure } from './records';

const POSTFIX_FAILED: ReadonlySet<string> = new Set(['bounced', 'deferred', 'expired', 'undeliverable']);

/** The value of `name=` up to the next delimiter, e.g. `to=<a@b>` -> `<a@b>`. */
function field(text: string, name: string, stops: string): string | undefined {
  const at = text.indexOf(name);
  if (at < 0 || (at > 0 && text.charCodeAt(at - 1) !== 32)) return undefined;
  let end = at + name.length;
  while (end < text.length && !stops.includes(text[end]!)) end++;
  return text.slice(at + name.length, end);
}

/** `<a@b>` -> `a@b`; undefined for an empty address. */
function bare(address: string | undefined): string | undefined {
  const inner = address?.replace(/^<|>,?$/g, '').trim();
  return inner === undefined || inner === '' ? undefined : inner;
}

/** `mx.example.com[192.0.2.1]:25` or `mx.example.com. [192.0.2.1]` -> `mx.example.com`. */
function hostOf(relay: string | undefined): string | undefined {
  if (relay === undefined) return undefined;
  const host = relay.split('[')[0]!.trim().replace(/\.$/, '');
  return host === '' || host === 'none' ? undefined : host;
}

/** The host a log line says answered: Postfix and Sendmail `relay=`, Exim `H=`. */
function remoteHostOf(text: string): string | undefined {
  return hostOf(field(text, 'relay=', ' ,')) ?? hostOf(field(text, 'H=', ' '));
}

/** The provider that answered on a log line, by its host, else by its own wording (never by an address). */
export function lineProvider(text: string): ProviderId | undefined {
  return detectProvider(remoteHostOf(text), text)?.id;
}

/** The text after `said: ` (the remote reply), else all of it. */
function replyPart(text: string): string {
  const said = text.indexOf(' said: ');
  return said < 0 ? text : text.slice(said + 7);
}

function postfix(text: string, line: number, findings: readonly Finding[]): FoundFailure | undefined {
  const status = field(text, 'status=', ' (,');
  if (status === undefined || !POSTFIX_FAILED.has(status)) return undefined;
  const open = text.indexOf('(', text.indexOf('status='));
  const close = text.lastIndexOf(')');
  const detail = open < 0 ? '' : text.slice(open + 1, close > open ? close : text.length);
  const recipient = bare(field(text, 'to=', ' ,'));
  const remoteHost = hostOf(field(text, 'relay=', ' ,'));
  const codes = failureCodes(findings);
  // `status=expired, returned to sender` has no reply: its status word is all it says.
  const said = detail === '' ? status : replyPart(detail);
  return {
    line, ...(recipient === undefined ? {} : { recipient }),
    facts: { ...codes, text: said, ...(remoteHost === undefined ? {} : { remoteHost }), deferred: status === 'deferred' },
  };
}

/** Exim: `** rcpt` (failed) or `== rcpt` (deferred), then the router, transport and host. */
function exim(text: string, line: number, findings: readonly Finding[]): FoundFailure | undefined {
  const failed = text.indexOf(' ** ');
  const deferredAt = text.indexOf(' == ');
  const at = failed >= 0 && (deferredAt < 0 || failed < deferredAt) ? failed : deferredAt;
  if (at < 0) return undefined;
  const rest = text.slice(at + 4);
  const recipient = bare(rest.split(' ')[0]);
  const remoteHost = hostOf(field(rest, 'H=', ' '));
  const colon = rest.indexOf(': ');
  const codes = failureCodes(findings);
  const detail = codes.column === undefined ? (colon < 0 ? rest : rest.slice(colon + 2)) : text.slice(codes.column);
  return {
    line, ...(recipient === undefined ? {} : { recipient }),
    facts: { ...codes, text: detail, ...(remoteHost === undefined ? {} : { remoteHost }), deferred: at === deferredAt },
  };
}

function sendmail(text: string, line: number, findings: readonly Finding[]): FoundFailure | undefined {
  const at = text.indexOf(' stat=');
  if (at < 0) return undefined;
  const stat = text.slice(at + 6);
  if (/^(?:Sent|queued)\b/i.test(stat)) return undefined;
  const codes = failureCodes(findings);
  if (codes.reply === undefined && codes.enhanced === undefined && !/^Deferred/i.test(stat)) return undefined;
  const recipient = bare(field(text, 'to=', ' ,'));
  const remoteHost = hostOf(field(text, 'relay=', ','));
  const reply = field(text, 'reply=', '\n');
  return {
    line, ...(recipient === undefined ? {} : { recipient }),
    facts: { ...codes, text: reply ?? stat, ...(remoteHost === undefined ? {} : { remoteHost }), deferred: /^Deferred/i.test(stat) || codes.enhanced?.startsWith('4.') === true },
  };
}

/** The failure a log line reports, if it reports one. */
export function logFailure(text: string, line: number, findings: readonly Finding[]): FoundFailure | undefined {
  if (text.includes('status=')) return postfix(text, line, findings);
  if (text.includes(' ** ') || text.includes(' == ')) return exim(text, line, findings);
  if (text.includes(' stat=')) return sendmail(text, line, findings);
  return undefined;
}
