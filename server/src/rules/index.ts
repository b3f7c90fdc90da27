// All rules, and the function that runs them over one line's findings.
import type { Finding } from '../scan/types';
import type { Problem, RuleId, Settings, Severity, SeveritySetting } from './types';
import { classMismatch, dsnActionMismatch, multilineMismatch, unexpectedReply } from './consistency';
import { deprecatedCode, permanence, unregisteredCode, unusualPairing } from './registry';
import { isEditable } from './fixes';
import { enhancedSyntax, replySyntax, unknownSubject } from './syntax';
import type { Rule } from './types';

export type { Draft, Rule } from './types';

/** In the order problems on one code are listed: how it is written first. */
export const RULE_LIST: readonly Rule[] = [
  enhancedSyntax, replySyntax, classMismatch, unknownSubject, unregisteredCode, permanence,
  unusualPairing, multilineMismatch, dsnActionMismatch, unexpectedReply, deprecatedCode,
];

export const RULES: readonly { id: RuleId; defaultSeverity: SeveritySetting; description: string; href: string }[] =
  RULE_LIST.map(({ id, defaultSeverity, description, href }) => ({ id, defaultSeverity, description, href }));

const LEVELS: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function lower(severity: Severity, levels: number): Severity {
  return LEVELS[Math.min(LEVELS.indexOf(severity) + levels, LEVELS.length - 1)]!;
}

/** A rule the settings leave on, with the severity they choose for it (undefined: the default). */
interface ActiveRule {
  readonly rule: Rule;
  readonly configured: Severity | undefined;
}

interface ActiveRules {
  readonly reply: readonly ActiveRule[];
  readonly enhanced: readonly ActiveRule[];
}

/** The rules to run per finding kind, for the severities seen last (settings change rarely). */
let activeFor: { readonly severities: Settings['severities']; readonly rules: ActiveRules } | undefined;

function activeRules(severities: Settings['severities']): ActiveRules {
  if (activeFor?.severities !== severities) {
    const on = (kind: Finding['kind']): ActiveRule[] => RULE_LIST
      .filter((rule) => rule.kinds.includes(kind) && severities[rule.id] !== 'off')
      .map((rule) => ({ rule, configured: severities[rule.id] as Severity | undefined }));
    activeFor = { severities, rules: { reply: on('reply'), enhanced: on('enhanced') } };
  }
  return activeFor.rules;
}

/** Every problem on one line's findings. Cross-line facts travel inside the findings. */
export function checkLine(findings: readonly Finding[], settings: Settings): Problem[] {
  const problems: Problem[] = [];
  if (findings.length === 0) return problems;
  const active = activeRules(settings.severities);
  for (const finding of findings) {
    const rules = finding.kind === 'reply' ? active.reply : active.enhanced;
    for (const { rule, configured } of rules) {
      const draft = rule.check(finding, settings);
      if (draft === undefined) continue;
      // A context demotes the default only; a severity the user chose applies as chosen.
      const { demote = 0 } = draft;
      if (demote === 'off' && configured === undefined) continue;
      const severity = configured ?? lower(rule.defaultSeverity, demote === 'off' ? 0 : demote);
      problems.push({
        line: finding.line, start: finding.start, end: finding.end,
        rule: rule.id, severity, message: draft.message, href: rule.href,
        // Text a server wrote is a record: nothing for the reader to rewrite.
        fixes: draft.fixes !== undefined && isEditable(finding) ? draft.fixes : [],
      });
    }
  }
  return problems;
}
