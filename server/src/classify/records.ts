// One failed or deferred delivery found in a document, with the verdict on it.
import type { FailureFacts, Verdict } from './types';

export interface FailureRecord {
  /** 0-based line of the reply or diagnostic that reports the failure. */
  readonly line: number;
  readonly recipient?: string;
  readonly facts: FailureFacts;
  readonly verdict: Verdict;
}

/** What an extractor found before classification. */
export interface FoundFailure {
  readonly line: number;
  readonly recipient?: string;
  readonly facts: FailureFacts;
  /** More text to read when the reply alone names no reason (a bounce's human-readable part). */
  readonly context?: string;
}
