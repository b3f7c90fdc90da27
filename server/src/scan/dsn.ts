// Delivery status notifications (RFC 3464 s2.3): per-recipient blocks of fields.
// `Status:` holds an enhanced code, `Diagnostic-Code: smtp; ...` the remote reply, and
// `Action:` the outcome the two must agree with. A blank line or a new recipient starts
// a new block; folded lines (leading white space) continue the field above.
import { isSpace, skipSpaces, startsWithLower } from './lexer';
import type { LineScanner } from './line';
import type { CodeRef, DsnBlockFacts } from './types';

/** The DSN part of the line state (a whole LineState will do: the line is often no DSN field). */
export interface DsnLineState {
  readonly block?: DsnBlockFacts | undefined;
  readonly inDiagnostic?: boolean | undefined;
}

/** Outside any block: after a blank line. */
const NO_BLOCK: DsnLineState = { block: undefined, inDiagnostic: false };

const DIAGNOSTIC = 'diagnostic-code:';

/**
 * Reads the DSN fields a line may hold; fills the `Status:` and `Diagnostic-Code:` slots.
 * Returns `state` itself when the line changes nothing.
 */
export function readDsnLine(scanner: LineScanner, state: DsnLineState): DsnLineState {
  const text = scanner.text;
  if (text.length === 0 || skipSpaces(text, 0) >= text.length) return NO_BLOCK;
  if (isSpace(text.charCodeAt(0))) return state;
  const block = state.block;
  switch (text.charCodeAt(0) | 0x20) {
    case 0x61: // a
      if (startsWithLower(text, 0, 'action:')) return { block: { ...block, action: valueRef(text, scanner.line, 7) }, inDiagnostic: false };
      break;
    case 0x73: // s
      if (startsWithLower(text, 0, 'status:')) {
        scanner.block = block;
        const found = scanner.slot(skipSpaces(text, 7), 'dsn-status', 'enhanced', true);
        scanner.block = undefined;
        const status = found === undefined ? undefined : { line: found.line, start: found.start, end: found.end, text: found.text };
        return { block: status === undefined ? block : { ...block, status }, inDiagnostic: false };
      }
      break;
    case 0x64: // d
      if (startsWithLower(text, 0, DIAGNOSTIC)) {
        const semicolon = text.indexOf(';', DIAGNOSTIC.length);
        const type = semicolon < 0 ? '' : text.slice(DIAGNOSTIC.length, semicolon).trim().toLowerCase();
        if (type === 'smtp') {
          scanner.block = block;
          scanner.slot(skipSpaces(text, semicolon + 1), 'dsn-diagnostic', 'any', true);
        }
        return { block, inDiagnostic: true };
      }
      break;
    case 0x66: // f
    case 0x6f: // o
      if (startsWithLower(text, 0, 'final-recipient:') || startsWithLower(text, 0, 'original-recipient:')) {
        return { block: block?.action !== undefined || block?.status !== undefined ? undefined : block, inDiagnostic: false };
      }
      break;
  }
  return state.inDiagnostic ? { block, inDiagnostic: false } : state;
}

/** The first word of a field's value, e.g. `failed` in `Action: failed`. */
function valueRef(text: string, line: number, from: number): CodeRef {
  const start = skipSpaces(text, from);
  let end = start;
  while (end < text.length && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 59 /* ; */) end++;
  return { line, start, end, text: text.slice(start, end) };
}
