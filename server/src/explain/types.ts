// The structured result of explaining a code: everything the hover, the CLI
// and the JSON output show, built only from knowledge-base text.

import type { Advice, CommandReply, DigitPosition, Permanence, RetryAdvice, VendorMeaning } from '../kb/types';
import type { Verdict } from './verdict';

/** What to explain: a basic reply code, an enhanced status code, or both as one reply carries them. */
export interface CodeQuery {
  readonly reply?: number;
  readonly enhanced?: { readonly cls: number; readonly subject: number; readonly detail: number };
}

/** A citation with a link when one can be made. */
export interface Citation {
  readonly text: string;
  readonly href?: string;
}

/** Where an enhanced code's advice came from: the code itself, or the RFC 3463 s2 fall-back. */
export type AdviceSource = 'code' | 'subject' | 'class';

export interface EnhancedExplanation {
  /** As written canonically: '5.1.1'. */
  readonly code: string;
  readonly cls: number;
  readonly subject: number;
  readonly detail: number;
  readonly classTitle?: string;
  readonly subjectTitle?: string;
  /** The registry row, when the code is registered ('X.1.1'). */
  readonly registryKey?: string;
  readonly title?: string;
  readonly associatedBasic?: readonly number[] | 'any';
  /** Set when the registry allows any reply of this first digit ('5XX'). */
  readonly associatedAnyOf?: number;
  readonly associatedRaw?: string;
  readonly references: readonly Citation[];
  readonly permanence?: Permanence;
  readonly permanenceSource?: string;
  readonly deprecated?: { readonly successor: string; readonly reason: string };
  readonly advice?: Advice;
  readonly adviceSource?: AdviceSource;
}

export interface DigitExplanation {
  readonly position: DigitPosition;
  readonly digit: number;
  readonly name: string;
  readonly meaning: string;
}

export interface ReplyExplanation {
  readonly code: number;
  /** False for a well-formed code that no RFC in the knowledge base defines. */
  readonly known: boolean;
  readonly meaning?: string;
  readonly references: readonly Citation[];
  readonly answers: readonly CommandReply[];
  readonly notes?: string;
  readonly advice?: Advice;
  readonly digits: readonly DigitExplanation[];
}

export type NoteKind =
  | 'class-mismatch'
  | 'no-enhanced-on-3xx'
  | 'invalid-class'
  | 'unknown-subject'
  | 'unregistered'
  | 'deprecated'
  | 'permanence'
  | 'unusual-pairing'
  | 'unknown-reply';

/**
 * Notes that say what a rule checks. Where rules run (hovers), the rule's own problem says it,
 * in the context's severity or not at all, so these notes are left out there.
 */
export const CHECK_NOTE_KINDS: ReadonlySet<NoteKind> = new Set<NoteKind>([
  'class-mismatch', 'invalid-class', 'unknown-subject', 'unregistered', 'deprecated', 'permanence', 'unusual-pairing',
]);

/** Something worth knowing about this code or pair, with where to read about it. */
export interface Note {
  readonly kind: NoteKind;
  readonly text: string;
  readonly see: readonly Citation[];
}

export interface Explanation {
  /** The code as it is explained, canonical: '550 5.1.1'. */
  readonly code: string;
  /** One line: the most specific title known. */
  readonly headline: string;
  /** One line first: what happened, whether to send again, who acts. */
  readonly verdict: Verdict;
  /** The advice to act on: the enhanced code's, else the reply's; for a success, what succeeded. */
  readonly advice?: Advice;
  readonly reply?: ReplyExplanation;
  readonly enhanced?: EnhancedExplanation;
  /**
   * Whether sending again helps for this code as written: the advice's view,
   * adjusted to the class the client acts on (the reply's first digit, else
   * the enhanced class): 4 is retried automatically, 2 needs nothing.
   */
  readonly retry?: RetryAdvice;
  readonly vendors: readonly VendorMeaning[];
  readonly notes: readonly Note[];
  readonly registryHref: string;
}
