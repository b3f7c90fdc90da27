// The shape of a rule: one check per finding, producing at most one problem.
import type { Finding } from '../scan/types';
import type { Fix, RuleId, Settings, Severity } from '../service/types';

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
