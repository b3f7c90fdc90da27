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

/** Reads `5.1.1` into numbers; undefined unless there are exactly three parts. */
export function parseEnhanced(text: string): EnhancedParts | undefined {
  const first = text.indexOf('.');
  const second = text.indexOf('.', first + 1);
  if (first < 0 || second < 0 || text.indexOf('.', second + 1) >= 0) return undefined;
  return { cls: Number(text.slice(0, first)), subject: Number(text.slice(first + 1, second)), detail: Number(text.slice(second + 1)) };
}

export function enhancedFlaw(text: string): EnhancedFlaw | undefined {
  // One pass over the characters (this runs for every enhanced code of a 50 MB log).
  let part = 0;
  let length = 0;
  let leadingZero = false;
  let tooLong = false;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 46) {
      if (length === 0) return 'not-three-parts';
      if (length > (part === 0 ? 1 : 3)) tooLong = true;
      part++;
      length = 0;
    } else {
      if (length === 1 && text.charCodeAt(i - 1) === 48) leadingZero = true;
      length++;
    }
  }
  if (part !== 3) return 'not-three-parts';
  if (leadingZero) return 'leading-zero';
  if (tooLong) return 'too-long';
  const cls = text.charCodeAt(0);
  return cls === 50 || cls === 52 || cls === 53 ? undefined : 'class';
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
