// One verdict for one failed or deferred delivery, from the codes and the reply text
// together: the class digit alone cannot tell a full mailbox (452 4.2.2, 552 5.2.2) from a
// blocked IP (450 4.7.1, 554 5.7.1). See rules.ts for the order the evidence is read in.
import { REASONS, type ReasonInfo } from './reasons';
import { CODE_REASONS, REPLY_REASONS, STRONG_PHRASES, SUBJECT_REASONS, WEAK_PHRASES, firstMatch } from './rules';
import { detectProvider, withoutAddresses } from './provider';
import { providerToken } from './tokens';
import type { BounceReason, FailureFacts, Verdict } from './types';

const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

interface Code {
  readonly cls: number;
  readonly subject: number;
  readonly detail: number;
}

function parseCode(enhanced: string | undefined): Code | undefined {
  const m = enhanced === undefined ? null : ENHANCED.exec(enhanced.trim());
  return m === null ? undefined : { cls: Number(m[1]), subject: Number(m[2]), detail: Number(m[3]) };
}

/** Whether the attempt will be tried again by the sending server: the log's word, else the code's class. */
function isDeferred(facts: FailureFacts, code: Code | undefined): boolean {
  if (facts.deferred !== undefined) return facts.deferred;
  if (facts.reply !== undefined) return Math.floor(facts.reply / 100) === 4;
  return code?.cls === 4;
}

function reasonOf(facts: FailureFacts, code: Code | undefined, lower: string, providerId: string | undefined): BounceReason {
  const key = code === undefined ? undefined : `${code.subject}.${code.detail}`;
  return providerToken(providerId, lower)?.reason
    ?? firstMatch(STRONG_PHRASES, lower)
    ?? (key === undefined ? undefined : CODE_REASONS.get(key))
    ?? firstMatch(WEAK_PHRASES, lower)
    ?? (facts.reply === undefined ? undefined : REPLY_REASONS.get(facts.reply))
    ?? (code === undefined ? undefined : SUBJECT_REASONS.get(code.subject))
    ?? 'undefined';
}

function retrySentence(info: ReasonInfo, retry: boolean, deferred: boolean): string {
  if (!retry) return `Do not retry as is; ${info.next}.`;
  return deferred ? `The sending server retries by itself; ${info.next}.` : `A later retry can help; ${info.next}.`;
}

export function classifyFailure(facts: FailureFacts): Verdict {
  const code = parseCode(facts.enhanced);
  const deferred = isDeferred(facts, code);
  const provider = detectProvider(facts.remoteHost, facts.text);
  const lower = withoutAddresses(facts.text);
  const reason = reasonOf(facts, code, lower, provider?.id);
  const info = REASONS[reason];
  const bounce = info.hard && !deferred ? 'hard' : 'soft';
  const retry = info.retry !== 'never' && (deferred || info.retry === 'later');
  const summary = `${deferred ? 'Deferred' : 'Rejected'}: ${info.what} (${reason}, ${bounce}). ${retrySentence(info, retry, deferred)}`;
  return { reason, bounce, retry, whoActs: info.whoActs, ...(provider === undefined ? {} : { provider: provider.id }), summary };
}
