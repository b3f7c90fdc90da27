// Every failed or deferred delivery of a document, whatever its kind, each with its verdict.
// Codes come from the scanner (so only what it recognises as a code by its context counts);
// the words around them come from each format's own fields.
import { scanLines } from '../scan';
import type { DocumentKind } from '../scan/types';
import { classifyFailure } from './classify';
import { dsnFailures } from './dsn';
import { espFailures } from './esp';
import { logFailure } from './logs';
import type { FailureRecord, FoundFailure } from './records';
import { transcriptFailures } from './transcript';

function found(lines: readonly string[], kind: DocumentKind): FoundFailure[] {
  const first = lines.find((line) => line.trim() !== '')?.trimStart() ?? '';
  if (first.startsWith('{') || first.startsWith('[')) {
    const events = espFailures(lines.join('\n'), lines);
    if (events !== undefined) return events;
  }
  const findings = scanLines(lines, kind);
  switch (kind) {
    case 'log':
      return lines.flatMap((text, n) => logFailure(text, n, findings[n]!) ?? []);
    case 'transcript':
      return transcriptFailures(lines, findings);
    case 'dsn':
      return dsnFailures(lines, findings);
    case 'json':
      return espFailures(lines.join('\n'), lines) ?? [];
    case 'config':
      return [];
  }
}

/** The verdict on one failure: from its reply, or with the surrounding text when the reply names no reason. */
function judged({ line, recipient, facts, context }: FoundFailure): FailureRecord {
  let verdict = classifyFailure(facts);
  if (verdict.reason === 'undefined' && context !== undefined) {
    const wider = classifyFailure({ ...facts, text: `${facts.text} ${context}` });
    if (wider.reason !== 'undefined') verdict = wider;
  }
  return { line, ...(recipient === undefined ? {} : { recipient }), facts, verdict };
}

/** Every failed or deferred delivery of a document (already split into lines). */
export function failuresIn(lines: readonly string[], kind: DocumentKind): FailureRecord[] {
  return found(lines, kind).map(judged);
}
