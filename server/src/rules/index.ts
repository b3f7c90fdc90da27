// All rules, and the function that runs them over one line's findings.
import type { Finding } from '../scan/types';
import type { Problem, RuleId, Settings, Severity, SeveritySetting } from '../service/types';
import { classMismatch, dsnActionMismatch, multilineMismatch, unexpectedReply } from './consistency';
import { deprecatedCode, permanence, unregisteredCode, unusualPairing } from './registry';
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

/** Every problem on one line's findings. Cross-line facts travel inside the findings. */
export function checkLine(findings: readonly Finding[], settings: Settings): Problem[] {
  const problems: Problem[] = [];
  for (const finding of findings) {
    for (const rule of RULE_LIST) {
      const configured = settings.severities[rule.id];
      if (configured === 'off') continue;
      const draft = rule.check(finding, settings);
      if (draft === undefined) continue;
      // A context demotes the default only; a severity the user chose applies as chosen.
      const severity = configured ?? lower(rule.defaultSeverity, draft.demote ?? 0);
      problems.push({
        line: finding.line, start: finding.start, end: finding.end,
        rule: rule.id, severity, message: draft.message, href: rule.href, fixes: draft.fixes ?? [],
      });
    }
  }
  return problems;
}
