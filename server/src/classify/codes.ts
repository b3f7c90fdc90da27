// The failure codes of a stretch of lines, taken from the scanner's findings: the first
// 4xx/5xx reply code and the first 4.x.x/5.x.x enhanced code, as the scanner recognised them
// by their context (so a PID, an IP or a size is never taken for a code).
import type { Finding } from '../scan/types';

export interface FailureCodes {
  readonly reply?: number;
  readonly enhanced?: string;
  /** Where the first of them stands. */
  readonly line?: number;
  readonly column?: number;
}

function isFailureClass(f: Finding): boolean {
  const cls = f.kind === 'reply' ? Math.floor((f.reply ?? 0) / 100) : f.enhanced?.cls;
  return cls === 4 || cls === 5;
}

/**
 * The first failing reply and enhanced code among `findings` (in document order). The enhanced
 * code written with that reply wins over an earlier lone one, which is often the reporting
 * server's own label (`5.1.0 - Unknown address error 550-'5.7.1 ... Access denied'`).
 */
export function failureCodes(findings: readonly Finding[]): FailureCodes {
  let reply: Finding | undefined;
  let enhanced: Finding | undefined;
  for (const f of findings) {
    if (!isFailureClass(f)) continue;
    if (f.kind === 'reply') reply ??= f;
    else enhanced ??= f;
  }
  const partner = reply?.partner;
  const paired = partner === undefined ? undefined
    : findings.find((f) => f.kind === 'enhanced' && f.line === partner.line && f.start === partner.start && isFailureClass(f));
  enhanced = paired ?? enhanced;
  const first = reply === undefined ? enhanced : enhanced === undefined || reply.line < enhanced.line
    || (reply.line === enhanced.line && reply.start < enhanced.start) ? reply : enhanced;
  return {
    ...(reply?.reply === undefined ? {} : { reply: reply.reply }),
    ...(enhanced === undefined ? {} : { enhanced: enhanced.text }),
    ...(first === undefined ? {} : { line: first.line, column: first.start }),
  };
}

/** A more specific enhanced code wins over a generic `X.0.0` one. */
export function preferSpecific(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || a.endsWith('.0.0')) return b ?? a;
  return a;
}

/** An enhanced code's three numbers. */
export interface Code {
  readonly cls: number;
  readonly subject: number;
  readonly detail: number;
}

const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** `5.1.1` -> its numbers; undefined unless it is a failure or success code as RFC 3463 writes it. */
export function parseCode(enhanced: string | undefined): Code | undefined {
  const m = enhanced === undefined ? null : ENHANCED.exec(enhanced.trim());
  return m === null ? undefined : { cls: Number(m[1]), subject: Number(m[2]), detail: Number(m[3]) };
}
