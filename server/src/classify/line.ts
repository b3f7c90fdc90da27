// The failure one line of a document reports, for a hover: a log line's own fields when it is
// a Postfix, Exim or Sendmail delivery record, else the codes under the cursor and the line's text.
import type { Finding } from '../scan/types';
import { classifyFailure } from './classify';
import { logFailure } from './logs';
import { normalized } from './provider';
import { providerToken } from './tokens';
import type { FailureFacts, Verdict } from './types';
import type { VendorToken } from '../kb/types';

export interface LineVerdict {
  readonly facts: FailureFacts;
  readonly verdict: Verdict;
  /** The answering provider's token in the reply, with its meaning and source. */
  readonly token?: VendorToken;
}

/** The verdict on the failure a line reports; undefined for a success or a line without a failing code. */
export function lineVerdict(text: string, line: number, findings: readonly Finding[], reply?: number, enhanced?: string): LineVerdict | undefined {
  const cls = reply === undefined ? Number(enhanced?.[0]) : Math.floor(reply / 100);
  if (cls !== 4 && cls !== 5) return undefined;
  const facts: FailureFacts = logFailure(text, line, findings)?.facts
    ?? { text, ...(reply === undefined ? {} : { reply }), ...(enhanced === undefined ? {} : { enhanced }) };
  const verdict = classifyFailure(facts);
  const token = providerToken(verdict.provider, normalized(facts.text));
  return { facts, verdict, ...(token === undefined ? {} : { token }) };
}
