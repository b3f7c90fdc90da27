// Code actions: each problem's fixes as quick fixes, and per rule the actions that change its
// severity or turn it off by running the client's `smtpStatus.setRuleSeverity` command.
import { CodeActionKind, type CodeAction, type Range as LspRange } from 'vscode-languageserver/node';
import type { Problem, RuleId, Severity, SeveritySetting } from '../service/types';
import { toDiagnostic } from './diagnostics';
import type { LineDocument } from './document';
import { SET_RULE_SEVERITY_COMMAND } from './protocol';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function overlaps(problem: Problem, range: LspRange): boolean {
  const afterStart = problem.line > range.start.line || problem.end >= range.start.character;
  const beforeEnd = problem.line < range.end.line || problem.start <= range.end.character;
  return afterStart && beforeEnd;
}

function severityAction(rule: RuleId, severity: SeveritySetting, problem: Problem): CodeAction {
  const title = severity === 'off' ? `Turn off rule '${rule}'` : `Change severity of rule '${rule}' to ${severity}`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(problem)],
    command: { title, command: SET_RULE_SEVERITY_COMMAND, arguments: [rule, severity] },
  };
}

/** `only`: the kinds the client asked for, if it restricted them. */
export function codeActionsFor(document: LineDocument, range: LspRange, only?: readonly string[]): CodeAction[] {
  if (only !== undefined && !only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty)) return [];
  const fixes: CodeAction[] = [];
  const settingsActions: CodeAction[] = [];
  const rulesSeen = new Set<RuleId>();
  const lastLine = Math.min(range.end.line, document.scanned - 1);
  for (let line = range.start.line; line <= lastLine; line++) {
    for (const problem of document.problemsAt(line)) {
      if (!overlaps(problem, range)) continue;
      const diagnostic = toDiagnostic(problem);
      for (const fix of problem.fixes) {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(fix.preferred === true ? { isPreferred: true } : {}),
          edit: {
            changes: {
              [document.uri]: fix.edits.map((edit) => ({
                range: { start: { line: edit.line, character: edit.start }, end: { line: edit.line, character: edit.end } },
                newText: edit.newText,
              })),
            },
          },
        });
      }
      if (rulesSeen.has(problem.rule)) continue;
      rulesSeen.add(problem.rule);
      for (const severity of SEVERITIES) if (severity !== problem.severity) settingsActions.push(severityAction(problem.rule, severity, problem));
      settingsActions.push(severityAction(problem.rule, 'off', problem));
    }
  }
  return [...fixes, ...settingsActions];
}
