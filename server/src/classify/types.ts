// What the classifier answers about one failed or deferred delivery: a reason named as
// Sisimai names it (so results compare with other tools), hard or soft, who acts, and
// whether a retry can help.

import type { BounceReason } from '../kb/types';

export type { BounceReason } from '../kb/types';

/** Who has to do something: the sender, the recipient, the sending server's admin, or the receiving side. */
export type Actor = 'sender' | 'recipient' | 'sending-admin' | 'receiving-side';

/** The mail provider that answered, e.g. 'google', 'microsoft365', 'outlook', 'yahoo', 'proofpoint'. */
export type ProviderId = string;

/** The step of an SMTP session a failure answered. */
export type SmtpStage = 'CONNECT' | 'EHLO' | 'MAIL' | 'RCPT' | 'DATA';

/** What is known of one failed or deferred delivery attempt. */
export interface FailureFacts {
  readonly reply?: number;
  readonly enhanced?: string;
  /** The remote reply text or diagnostic, as written. */
  readonly text: string;
  /** The relay or MX host that answered, e.g. 'gmail-smtp-in.l.google.com'. */
  readonly remoteHost?: string;
  /** The log said deferred, or the outcome was a 4xx. */
  readonly deferred?: boolean;
  /** The reporting server's own words for the status (an RFC 3464 `Status:` comment), read with `text`. */
  readonly statusNote?: string;
  /** The command the failure answered, when the source says (else read from `text`). */
  readonly command?: SmtpStage;
}

export interface Verdict {
  readonly reason: BounceReason;
  readonly bounce: 'hard' | 'soft';
  /** Whether a retry of the same message can help. */
  readonly retry: boolean;
  readonly whoActs: Actor;
  /** Who answered, from the host and the text, never from the recipient domain. */
  readonly provider?: ProviderId;
  /** One verdict line in words. */
  readonly summary: string;
}
