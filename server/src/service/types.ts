// The public face of the core: what the LSP adapter and the CLI call.
// Positions are 0-based; columns count UTF-16 code units, as in LSP.

import type { VendorId } from '../kb/types';

export type { VendorId } from '../kb/types';

/** How a document is read: picks the scanner's contexts. */
export type DocumentKind = 'log' | 'transcript' | 'dsn' | 'config';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'enhanced-syntax'
  | 'reply-syntax'
  | 'class-mismatch'
  | 'unknown-subject'
  | 'unregistered-code'
  | 'permanence'
  | 'unusual-pairing'
  | 'multiline-mismatch'
  | 'dsn-action-mismatch'
  | 'unexpected-reply'
  | 'deprecated-code';


export interface Settings {
  /** Overrides of each rule's default severity. */
  readonly severities: Partial<Record<RuleId, SeveritySetting>>;
  /** Vendor dictionaries consulted for hover and for `unregistered-code`. */
  readonly vendors: readonly VendorId[];
  /** At most this many problems per document; a note says when capped. */
  readonly maxProblems: number;
}

export interface Range {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface TextEdit extends Range {
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants (LSP `isPreferred`). */
  readonly preferred?: boolean;
}

export interface Problem extends Range {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** Where the rule's reference can be read (RFC section or registry). */
  readonly href: string;
  readonly fixes: readonly Fix[];
}
