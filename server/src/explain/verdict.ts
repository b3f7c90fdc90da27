// The verdict a hover opens with: in one line, what happened, whether sending again helps and
// who acts, so the useful part is read before any detail. One function builds it from an
// explanation's parts; callers that know more (the bounce reason, the provider) extend the
// Verdict rather than writing a second line.

import type { Actor, Advice, RetryAdvice } from '../kb/types';
import { ACTOR_WORDS } from './shared';

/** The outcome a client acts on, from the reply's first digit (else the enhanced class). */
export type Outcome = 'success' | 'intermediate' | 'temporary-failure' | 'permanent-failure' | 'unknown';

export interface Verdict {
  readonly outcome: Outcome;
  /** The code as explained: '550 5.1.1'. */
  readonly code: string;
  /** What happened, in a few words. */
  readonly what: string;
  readonly retry?: RetryAdvice;
  readonly actors: readonly Actor[];
}

const OUTCOMES: Readonly<Record<number, Outcome>> = { 2: 'success', 3: 'intermediate', 4: 'temporary-failure', 5: 'permanent-failure' };

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  success: 'Success',
  intermediate: 'Go on',
  'temporary-failure': 'Temporary failure',
  'permanent-failure': 'Permanent failure',
  unknown: 'Unknown outcome',
};

const RETRY_SHORT: Readonly<Record<RetryAdvice, string>> = {
  'not-needed': 'nothing to retry',
  automatic: 'the sending server retries by itself',
  'after-change': 'send again only after fixing the cause',
  no: 'do not send it again',
};

/** The first sentence of a text: a verdict names what happened, the details say more. */
function firstSentence(text: string): string {
  const end = text.search(/[.;:](?:\s|$)/);
  return end < 0 ? text : text.slice(0, end);
}

export function verdictOf(code: string, actingClass: number | undefined, headline: string, advice: Advice | undefined, retry: RetryAdvice | undefined): Verdict {
  const outcome = (actingClass === undefined ? undefined : OUTCOMES[actingClass]) ?? 'unknown';
  // A success's registry title ('Other address status') reads like a fault; say what succeeded.
  const what = outcome === 'success' && advice !== undefined ? firstSentence(advice.meaning) : headline;
  return { outcome, code, what, ...(retry ? { retry } : {}), actors: advice?.actors ?? [] };
}

function actorsPhrase(actors: readonly Actor[]): string | undefined {
  if (actors.length === 0) return undefined;
  if (actors.length === 1 && actors[0] === 'nobody') return 'nobody needs to act';
  const names = actors.filter((actor) => actor !== 'nobody').map((actor) => ACTOR_WORDS[actor]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `${list} ${names.length > 1 ? 'act' : 'acts'}`;
}

/** The words of a verdict: 'Permanent failure', 'Bad destination mailbox address', 'Do not send it again; the sender acts'. */
export function verdictParts(v: Verdict): { readonly outcome: string; readonly what: string; readonly then: string } {
  const then = [v.retry === undefined ? undefined : RETRY_SHORT[v.retry], actorsPhrase(v.actors)].filter((part) => part !== undefined).join('; ');
  return { outcome: OUTCOME_WORDS[v.outcome], what: v.what, then: then === '' ? '' : then.charAt(0).toUpperCase() + then.slice(1) };
}
