// What one mail-log line says about a message, read without looking at other lines, and the
// messages those facts add up to.

import type { SmtpStage } from '../classify/types';

export type Mta = 'postfix' | 'exim' | 'sendmail' | 'opensmtpd' | 'header';

/**
 * How an id mentioned on a line relates to the line's own message. Hops join two ids into one
 * message (a content filter's re-queue, the next relay's queue id, a bounce, a shared
 * Message-ID); a session only tells where the message came in.
 */
export type MentionRole = 'queued-as' | 'forwarded-as' | 'bounce' | 'bounce-of' | 'message-id' | 'session';

/** An id on a line: its text, its columns (UTF-16, end exclusive) and the message key it names. */
export interface IdSpan {
  readonly key: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Mention extends IdSpan {
  readonly role: MentionRole;
}

/** How one delivery attempt ended, in the log's own words where the MTAs agree. */
export type Outcome = 'sent' | 'deferred' | 'bounced' | 'expired' | 'rejected' | 'discarded';

/** One recipient's delivery attempt (or a reject at SMTP time) as one line reports it. */
export interface Attempt {
  readonly recipient: string;
  readonly outcome: Outcome;
  /** Where it went: a host and address, `local`, a transport or pipe name. */
  readonly relay?: string;
  /** The host that answered, without its address: for provider detection. */
  readonly remoteHost?: string;
  /** Seconds from arrival to this attempt's end, as the log says or as its timestamps give. */
  readonly delay?: number;
  readonly reply?: number;
  readonly enhanced?: string;
  /** The remote reply or the MTA's diagnostic, as written. */
  readonly text: string;
  /** The command the reply answered, when the line names it apart from `text`. */
  readonly command?: SmtpStage;
}

/** Everything one line says about a message. */
export interface LineFacts {
  readonly mta: Mta;
  /** The id the line belongs to (a queue id, an Exim id, `NOQUEUE` for connection rejects, ...). */
  readonly owner: IdSpan;
  /** Other ids on the line. */
  readonly mentions: readonly Mention[];
  /** Seconds since 1970 (UTC as written; syslog lines without a year read as the year 2000). */
  readonly time?: number;
  readonly sender?: string;
  /** `host[address]` of the client that handed the message in. */
  readonly client?: string;
  readonly attempt?: Attempt;
  /** Every recipient still deferred gave up here (Postfix `status=expired, returned to sender`). */
  readonly expires?: boolean;
  /** The message left the queue (`removed`, `Completed`). */
  readonly closes?: boolean;
  /** The line is the message's arrival (so a later timestamp minus this one is a delay). */
  readonly arrival?: boolean;
}
