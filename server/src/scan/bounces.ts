// The long tail of bounce text, where a code starts a line of its own rather than following
// a keyword: Sendmail's `5.2.2 <carol@example.com>... Mailbox Full` after the session
// transcript, and the recipient-first lines `<grace@example.com>: 550 user unknown` that
// some MTAs write without Postfix's `host ... said:`.
import { Ch, isDigit, readNumber, skipSpaces } from './lexer';
import type { LineScanner } from './line';

/** An address in angle brackets is at most this long (RFC 5321 s4.5.3.1.3 path). */
const MAX_PATH = 256;

/** Finds a code that starts a bounce line at `pos` (after indentation and any timestamp). */
export function findBounceCodes(scanner: LineScanner, pos: number): void {
  const text = scanner.text;
  const c = text.charCodeAt(pos);
  if (isDigit(c)) {
    // Only with the recipient after it: a numbered section `2.1.1 Overview` is no code.
    const token = readNumber(text, pos);
    if (token.parts === 3 && text.startsWith(' <', token.end)) scanner.slot(pos, 'ndr', 'enhanced', false);
  } else if (c === Ch.Lt) {
    const close = text.indexOf('>: ', pos);
    if (close > pos && close - pos <= MAX_PATH && !text.slice(pos, close).includes(' ')) {
      scanner.slot(skipSpaces(text, close + 3), 'ndr', 'reply', false);
    }
  }
}
