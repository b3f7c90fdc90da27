// One verdict for one failed or deferred delivery, from the codes and the reply text
// together: the class digit alone cannot tell a full mailbox (452 4.2.2, 552 5.2.2) from a
// blocked IP (450 4.7.1, 554 5.7.1). See rules.ts for the order the evidence is read in.
import { parseCode, type Code } from './codes';
import { REASONS, type ReasonInfo } from './reasons';
import { ADDRESS_PHRASES, REPLY_REASONS, STOCK_PHRASES, STRONG_PHRASES, WEAK_PHRASES, codeReason, commandIn, firstMatch, subjectReason } from './rules';
import { detectProvider, normalized } from './provider';
import { providerCodeReason, providerToken } from './tokens';
import type { BounceReason, FailureFacts, SmtpStage, Verdict } from './types';

/** Whether the attempt will be tried again by the sending server: the log's word, else the code's class. */
function isDeferred(facts: FailureFacts, code: Code | undefined): boolean {
  if (facts.deferred !== undefined) return facts.deferred;
  if (facts.reply !== undefined) return Math.floor(facts.reply / 100) === 4;
  return code?.cls === 4;
}

/**
 * Where the command changes what the words mean: an unknown address in answer to MAIL FROM
 * is the sender's; a refusal of the connection or greeting is a block of the sending server.
 */
function byCommand(reason: BounceReason | undefined, command: SmtpStage | undefined): BounceReason | undefined {
  if (command === 'MAIL' && (reason === 'userunknown' || reason === 'hostunknown' || reason === undefined)) return 'rejected';
  if ((command === 'CONNECT' || command === 'EHLO') && reason === undefined) return 'blocked';
  return reason;
}

/**
 * "User unknown" in words proves a dead mailbox only at the recipient step: when the reply
 * answered RCPT TO, or its enhanced code names a bad address (X.1.x). The same words in
 * answer to the message after DATA, or where nothing tells which command they answered, come
 * from a layer that had the whole message in hand: the recipient's filter refused it. This
 * is Sisimai's split between userunknown (status 5.1.1, or a refusal at RCPT) and filtered
 * (a refusal after DATA, in its own or in unknown-user words), and why filtered is soft.
 */
function addressReason(byWords: BounceReason | undefined, command: SmtpStage | undefined, byCode: BounceReason | undefined): BounceReason | undefined {
  if (byWords !== 'userunknown' || command === 'RCPT' || byCode === 'userunknown') return byWords;
  return command === undefined || command === 'DATA' ? 'filtered' : byWords;
}

function reasonOf(facts: FailureFacts, code: Code | undefined, lower: string, providerId: string | undefined): BounceReason {
  const byCode = code === undefined ? undefined : codeReason(code);
  const command = facts.command ?? commandIn(lower);
  const byWords = firstMatch(ADDRESS_PHRASES, lower);
  // A refusal by an existing mailbox (X.2.0, X.2.1) at RCPT TO, in words that say it does not exist, is an unknown user.
  const coded = byCode === 'filtered' && byWords === 'userunknown' && command === 'RCPT' ? undefined : byCode;
  const specific = providerToken(providerId, lower)?.reason ?? providerCodeReason(providerId, code, facts.reply)
    ?? firstMatch(STRONG_PHRASES, lower) ?? coded ?? addressReason(byWords, command, byCode);
  return byCommand(specific, command)
    ?? firstMatch(WEAK_PHRASES, lower)
    ?? (code === undefined ? undefined : subjectReason(code))
    ?? firstMatch(STOCK_PHRASES, lower)
    ?? (facts.reply === undefined ? undefined : REPLY_REASONS.get(facts.reply))
    ?? 'undefined';
}

/** Codes of a destination that could not be reached or did not answer in time (RFC 3463 X.4.1, X.4.2, X.4.7). */
const UNREACHED: ReadonlySet<string> = new Set(['4.1', '4.2', '4.7']);

/**
 * A transient failure that ended the delivery all the same (a bounce with a 4.x.x status: no
 * answer, a broken connection, or nothing said) means the sending server retried until the
 * queue lifetime ran out: the message expired. X.4.7 says so itself, whatever words came with it.
 */
function gaveUp(reason: BounceReason, code: Code | undefined, cls: number | undefined, deferred: boolean): BounceReason {
  if (reason === 'networkerror' && code?.subject === 4 && code.detail === 7) return 'expired';
  // A failed delivery that quotes no code and blames the network: mail servers retry network
  // failures until the queue lifetime ends, so a final one means the message expired.
  if (!deferred && cls === undefined && reason === 'networkerror') return 'expired';
  if (deferred || cls !== 4) return reason;
  const unreached = code !== undefined && UNREACHED.has(`${code.subject}.${code.detail}`);
  return reason === 'undefined' || (reason === 'networkerror' && (code === undefined || unreached)) ? 'expired' : reason;
}

/**
 * A domain is unknown only by a permanent answer: in a temporary failure the lookup failed
 * for now (`Host not found, try again`, a resolver's passing NXDOMAIN) and will be made again,
 * a DNS problem (networkerror), as Sisimai reads a DNS error in a temporary failure.
 */
function forNow(reason: BounceReason, cls: number | undefined): BounceReason {
  return reason === 'hostunknown' && cls === 4 ? 'networkerror' : reason;
}

function retrySentence(info: ReasonInfo, retry: boolean, deferred: boolean): string {
  if (!retry) return `Do not retry as is; ${info.next}.`;
  return deferred ? `The sending server retries by itself; ${info.next}.` : `A later retry can help; ${info.next}.`;
}

export function classifyFailure(facts: FailureFacts): Verdict {
  const code = parseCode(facts.enhanced);
  const deferred = isDeferred(facts, code);
  const provider = detectProvider(facts.remoteHost, facts.text);
  const lower = normalized(facts.statusNote === undefined ? facts.text : `${facts.text} ${facts.statusNote}`);
  const cls = facts.reply === undefined ? code?.cls : Math.floor(facts.reply / 100);
  const reason = gaveUp(forNow(reasonOf(facts, code, lower, provider?.id), code?.cls ?? cls), code, code?.cls ?? cls, deferred);
  const info = REASONS[reason];
  const bounce = info.hard && !deferred && cls !== 4 ? 'hard' : 'soft';
  const retry = info.retry !== 'never' && (deferred || info.retry === 'later');
  const summary = `${deferred ? 'Deferred' : 'Rejected'}: ${info.what} (${reason}, ${bounce}). ${retrySentence(info, retry, deferred)}`;
  return { reason, bounce, retry, whoActs: info.whoActs, ...(provider === undefined ? {} : { provider: provider.id }), summary };
}
