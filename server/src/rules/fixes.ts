// Building quick fixes: replace one code's text. And where a fix belongs at all: only where
// the reader wrote the code, so that editing it changes what a server sends.
import type { CodeRef, Finding, FindingContext } from '../scan/types';
import type { Fix } from './types';

/**
 * Configs are the reader's own text. Logs and bounces record what some server wrote, and a
 * transcript records what a server said: editing the record changes nothing, so problems
 * there say who should have sent what, and offer no fix.
 */
const EDITABLE_CONTEXTS: ReadonlySet<FindingContext> = new Set<FindingContext>([
  'config-access', 'config-reject-code', 'exim-acl', 'sendmail-access',
]);

export const isEditable = (finding: Finding): boolean => EDITABLE_CONTEXTS.has(finding.context);

/** 'Write X' where the reader wrote the code; else who should have sent what. */
export function remedy(finding: Finding, right: string): string {
  if (isEditable(finding)) return `Write ${right}.`;
  if (finding.context === 'transcript-reply') return `The server should send ${right}.`;
  return `The server that wrote it should have sent ${right}; nothing to edit here.`;
}

export function replaceFix(title: string, target: CodeRef, newText: string, preferred = false): Fix {
  return {
    title,
    edits: [{ line: target.line, start: target.start, end: target.end, newText }],
    ...(preferred ? { preferred } : {}),
  };
}

/** `5.1.1` with its class digit replaced. */
export function withClass(enhanced: string, cls: string): string {
  return cls + enhanced.slice(enhanced.indexOf('.'));
}

/**
 * A reply of another class that says the same: 450/550 (mailbox unavailable) and 452/552
 * (storage) are counterparts; other replies have none, so the generic 451 or 550 is used
 * (`551 User not local` is not what `451` meant).
 */
export function replyInClass(reply: string, cls: string): string {
  if (reply.charAt(0) === cls) return reply;
  const same = cls + reply.slice(1);
  return same.endsWith('50') || same.endsWith('52') ? same : cls === '4' ? '451' : cls === '5' ? '550' : same;
}

export const CLASS_NAMES: Readonly<Record<string, string>> = {
  '2': 'success',
  '3': 'intermediate',
  '4': 'transient failure',
  '5': 'permanent failure',
};
