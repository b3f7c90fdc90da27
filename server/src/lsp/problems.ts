// `smtpStatus/problems`: the problems of a line range of a scanned document, as the language
// model tools read them (the diagnostics a user sees, in a form a model can quote).
import type { LineDocument } from './document';
import { invalidParams, isRecord } from './guard';
import { PROBLEMS_CAP, type ProblemItem, type ProblemsParams, type ProblemsResult } from './protocol';

/** The uri and line range of a request; malformed params are an LSP error. */
export function problemsParams(params: unknown): ProblemsParams {
  const uri = isRecord(params) ? params['uri'] : undefined;
  const from = isRecord(params) ? params['fromLine'] : undefined;
  const to = isRecord(params) ? params['toLine'] : undefined;
  const isLine = (value: unknown): boolean => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
  if (typeof uri !== 'string' || !isLine(from) || !isLine(to)) {
    throw invalidParams('smtpStatus/problems expects { uri: string, fromLine?: number, toLine?: number }');
  }
  return { uri, ...(from === undefined ? {} : { fromLine: from as number }), ...(to === undefined ? {} : { toLine: to as number }) };
}

export function problemsIn(document: LineDocument, params: ProblemsParams): ProblemsResult {
  const last = Math.min(params.toLine ?? Number.MAX_SAFE_INTEGER, document.scanned - 1);
  const problems: ProblemItem[] = [];
  let total = 0;
  for (let line = params.fromLine ?? 0; line <= last; line++) {
    for (const p of document.problemsAt(line)) {
      total++;
      if (problems.length < PROBLEMS_CAP) problems.push({ line: p.line, start: p.start, end: p.end, severity: p.severity, rule: p.rule, message: p.message });
    }
  }
  return { problems, total };
}
