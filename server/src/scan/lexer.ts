// Character-level helpers: reading a number like `550` or `5.1.1` at a position and
// deciding whether the characters around it let it stand alone as a code.
// Plain loops over char codes: linear, no backtracking, no substrings.

export const enum Ch {
  Tab = 9, Space = 32, Quote = 34, Hash = 35, Apos = 39, LParen = 40, RParen = 41,
  Comma = 44, Dash = 45, Dot = 46, Slash = 47, D0 = 48, D9 = 57, Colon = 58, Semi = 59,
  Lt = 60, Eq = 61, Gt = 62, LBracket = 91, RBracket = 93, LBrace = 123, RBrace = 125,
}

export function isDigit(c: number): boolean {
  return c >= Ch.D0 && c <= Ch.D9;
}

export function isSpace(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab;
}

/** A number written as dot-separated digit runs: `550` has 1 part, `5.1.1` has 3. */
export interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly parts: number;
}

/** Reads `\d+(\.\d+)*` at `start` (which must hold a digit). */
export function readNumber(text: string, start: number): NumberToken {
  let i = start;
  let parts = 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Ch.Dot && i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) parts++;
    else if (!isDigit(c)) break;
  }
  return { start, end: i, parts };
}

/** May a code start at `start`, given the character before it? */
export function boundaryBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  switch (text.charCodeAt(start - 1)) {
    case Ch.Space: case Ch.Tab: case Ch.LParen: case Ch.LBracket: case Ch.LBrace: case Ch.Apos:
    case Ch.Quote: case Ch.Hash: case Ch.Eq: case Ch.Lt: case Ch.Gt: case Ch.Semi: case Ch.Colon:
    case Ch.Comma:
      return true;
    default:
      return false;
  }
}

/**
 * May a code end here? Letters, digits, `-`, `/`, `_` or a dot before a digit mean the
 * number goes on (a version `1.1.1w`, `5.4.6-rc2`, an IP, a path): not a code.
 */
export function boundaryAfter(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  switch (c) {
    case Ch.Space: case Ch.Tab: case Ch.Comma: case Ch.Semi: case Ch.Colon: case Ch.RParen:
    case Ch.RBracket: case Ch.RBrace: case Ch.Apos: case Ch.Quote: case Ch.Lt: case Ch.Gt:
    case Ch.LParen: case 13: case 10:
      return true;
    case Ch.Dot:
      return end + 1 >= text.length || !isDigit(text.charCodeAt(end + 1));
    default:
      return false;
  }
}

/**
 * Does nothing but white space follow `i`? A final `=` counts as nothing: it is a
 * quoted-printable soft line break in an undecoded bounce (`Diagnostic-Code: smtp; 550=`).
 */
export function atLineEnd(text: string, i: number): boolean {
  const j = skipSpaces(text, i);
  return j >= text.length || (j === text.length - 1 && text.charCodeAt(j) === Ch.Eq);
}

/** Index of the first character at or after `i` that is not a space or tab. */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Does the line hold a digit at all? The cheap first test for every line. */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isDigit(text.charCodeAt(i))) return true;
  }
  return false;
}

/** Case-insensitive ASCII comparison of `text` at `at` with a lower-case `word`. */
export function startsWithLower(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}
