// Problems as LSP diagnostics, capped per document with a note saying so.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Problem, Severity } from '../service/types';
import type { LineDocument } from './document';
import { PARTIAL_NOTE } from './protocol';
import { SEVERITY_RANKS, tallyCount, tallyWorstRank } from './tally';

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

/**
 * At most `maxProblems` problems, the most severe first (errors, then warnings, ...), each
 * severity in document order, plus a note when some were left out: in a big log, information
 * and hints must not crowd out the errors.
 */
export function documentDiagnostics(document: LineDocument, maxProblems: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let total = 0;
  for (let line = 0; line < document.scanned; line++) total += tallyCount(document.problemTallyAt(line));
  for (let rank = 0; rank < SEVERITY_RANKS.length && diagnostics.length < maxProblems; rank++) {
    const severity = SEVERITY_RANKS[rank];
    for (let line = 0; line < document.scanned && diagnostics.length < maxProblems; line++) {
      const tally = document.problemTallyAt(line);
      if (tallyCount(tally) === 0 || tallyWorstRank(tally) > rank) continue;
      for (const problem of document.problemsAt(line)) {
        if (problem.severity === severity && diagnostics.length < maxProblems) diagnostics.push(toDiagnostic(problem));
      }
    }
  }
  if (total > diagnostics.length) {
    diagnostics.push(noteDiagnostic(`Showing the ${diagnostics.length} most severe of ${total} problems (setting smtpStatus.maxProblems).`));
  }
  return diagnostics;
}

/**
 * Diagnostics of the start of a document whose scan goes on: the most severe first, and a note
 * saying the list is partial. The complete list replaces it.
 */
export function partialDiagnostics(problems: readonly Problem[], linesChecked: number, maxProblems: number): Diagnostic[] {
  const rank = (p: Problem): number => SEVERITY_RANKS.indexOf(p.severity);
  const shown = [...problems].sort((a, b) => rank(a) - rank(b)).slice(0, maxProblems).map(toDiagnostic);
  shown.push(noteDiagnostic(`${PARTIAL_NOTE}: lines 1-${linesChecked} checked so far; the complete list follows.`));
  return shown;
}
