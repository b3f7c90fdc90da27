// Types of the knowledge base: the IANA enhanced-status-code registry, the
// basic reply codes of RFC 5321 and its extensions, DSN actions, and vendor
// dictionaries. Data only; lookups live in ./index.ts.

/** The class digit of an enhanced status code (RFC 3463 s2). */
export type StatusClass = 2 | 4 | 5;

/** What RFC 3463 s3 says about the class a code may be used with (rules.md s2). */
export type Permanence =
  | 'permanent'
  | 'persistent-transient'
  | 'both'
  | 'success'
  | 'success-or-permanent'
  | 'any'
  | 'unspecified'
  | 'n/a';

/** Who has to do something about a status. */
export type Actor = 'nobody' | 'sender' | 'sending-admin' | 'recipient' | 'recipient-admin';

/** Whether sending again can help. */
export type RetryAdvice = 'not-needed' | 'automatic' | 'after-change' | 'no';

/** A citable place in an RFC, e.g. { rfc: 3463, section: '3.2' }. */
export interface RfcRef {
  readonly rfc: number;
  readonly section?: string;
}

/** Our own explanation of a code, written for the people who read logs. */
export interface Advice {
  /** One or two sentences: what happened, in plain words. */
  readonly meaning: string;
  readonly retry: RetryAdvice;
  /** Who must act, most important first. */
  readonly actors: readonly Actor[];
  /** What that person should do. */
  readonly action: string;
  readonly see: readonly RfcRef[];
}
