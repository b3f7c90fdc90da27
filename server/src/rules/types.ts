// The shape of a rule: one check per finding, producing at most one problem.
import type { Finding } from '../scan/types';
import type { VendorId } from '../kb/types';

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

/** A problem before its severity is settled. */
export interface Draft {
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /**
   * How many levels below the rule's default this context deserves (configs Postfix rewrites),
   * or 'off': not reported here unless the user chose a severity for the rule.
   */
  readonly demote?: number | 'off';
}

export interface Rule {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /** The kinds of finding it can report on (the others are not even shown to it). */
  readonly kinds: readonly Finding['kind'][];
  /** One line for rule lists and SARIF: what the rule reports. */
  readonly description: string;
  readonly href: string;
  check(finding: Finding, settings: Settings): Draft | undefined;
}
