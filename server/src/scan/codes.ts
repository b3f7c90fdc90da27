// The grammar of the two kinds of code, as written, shared by the scanner and the rules.
// Reply code: RFC 5321 s4.2 `%x32-35 %x30-35 %x30-39`.
// Enhanced code: RFC 3463 s2 `class "." 1*3digit "." 1*3digit`, no leading zeros, class 2/4/5.
import type { EnhancedParts } from './types';

/** What is wrong with a reply code as written, if anything. */
export type ReplyFlaw = 'not-three-digits' | 'first-digit' | 'second-digit';

/** What is wrong with an enhanced code as written, if anything. */
export type EnhancedFlaw = 'not-three-parts' | 'leading-zero' | 'too-long' | 'class';

export function replyFlaw(text: string): ReplyFlaw | undefined {
  if (text.length !== 3) return 'not-three-digits';
  const first = text.charCodeAt(0) - 48;
  if (first < 2 || first > 5) return 'first-digit';
  if (text.charCodeAt(1) - 48 > 5) return 'second-digit';
  return undefined;
}

/** Splits `5.1.1` into numbers; undefined unless there are exactly three parts. */
export function parseEnhanced(text: string): EnhancedParts | undefined {
  const parts = text.split('.');
  if (parts.length !== 3) return undefined;
  return { cls: Number(parts[0]), subject: Number(parts[1]), detail: Number(parts[2]) };
}

export function enhancedFlaw(text: string): EnhancedFlaw | undefined {
  const parts = text.split('.');
  if (parts.length !== 3) return 'not-three-parts';
  if (parts.some((p) => p.length > 1 && p.charCodeAt(0) === 48)) return 'leading-zero';
  if (parts[0].length !== 1 || parts[1].length > 3 || parts[2].length > 3) return 'too-long';
  if (parts[0] !== '2' && parts[0] !== '4' && parts[0] !== '5') return 'class';
  return undefined;
}

/** The code written the canonical way: numbers without leading zeros (`5.01.1` -> `5.1.1`). */
export function normalizeEnhanced(text: string): string {
  return text.split('.').map((p) => String(Number(p))).join('.');
}

/** Is a three-digit reply shaped like a real one (first digit 2-5, second 0-5)? */
export function isReplyShaped(text: string, start: number): boolean {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  return a >= 50 && a <= 53 && b >= 48 && b <= 53;
}
