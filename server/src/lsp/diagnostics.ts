// Problems as LSP diagnostics, capped per document with a note saying so.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Problem, Severity } from '../service/types';
import type { LineDocument } from './document';

export const DIAGNOSTIC_SOURCE = 'smtp-status';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(problem: Problem): Diagnostic {
  return {
    range: { start: { line: problem.line, character: problem.start }, end: { line: problem.line, character: problem.end } },
    severity: SEVERITY[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    code: problem.rule,
    codeDescription: { href: problem.href },
    message: problem.message,
    ...(problem.rule === 'deprecated-code' ? { tags: [DiagnosticTag.Deprecated] } : {}),
  };
}

/** An information diagnostic on the first line. */
export function noteDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message };
}

/** The first `maxProblems` problems in document order, plus a note when there are more. */
export function documentDiagnostics(document: LineDocument, maxProblems: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let total = 0;
  for (let line = 0; line < document.scanned; line++) {
    const count = document.problemCountAt(line);
    if (count === 0) continue;
    total += count;
    if (diagnostics.length >= maxProblems) continue;
    for (const problem of document.problemsAt(line)) {
      if (diagnostics.length < maxProblems) diagnostics.push(toDiagnostic(problem));
    }
  }
  if (total > diagnostics.length) {
    diagnostics.push(noteDiagnostic(`Showing the first ${diagnostics.length} of ${total} problems (setting smtpStatus.maxProblems).`));
  }
  return diagnostics;
}
