// Codes in the JSON that email service providers post to webhooks or queue as notifications,
// pretty-printed (one field a line) or as JSON Lines (one event a line):
// - Amazon SES: `"status": "5.1.1"`, `"diagnosticCode": "smtp; 550 5.1.1 ..."`, `"smtpResponse": "250 2.6.0 ..."`;
// - SendGrid: `"status": "5.0.0"`, `"reason": "500 unknown recipient"`, `"response": "250 OK"`;
// - Mailgun `delivery-status`: `"code": 550`, `"message": "5.1.1 ..."`, `"description"`;
// - SparkPost: `"error_code": "554"`, `"raw_reason"`/`"reason": "554 5.7.1 ..."`;
// - Postmark: `"Details": "smtp;550 5.1.1 ..."`.
// The key says what its value is, so a code is read where a key names one, plus the
// `550 5.1.1` pairs and log phrases (`said: 550`) any string may quote. A JSON string never
// spans lines; all a line inherits is how deep it is nested (for Mailgun's generic keys).
import { Ch, hasDigit, isDigit, skipSpaces, startsWithLower } from './lexer';
import { LineScanner } from './line';
import { findLogCodes } from './logs';
import type { FindingContext, JsonState, LineScan, LineState } from './types';

/** What a key's value is: an enhanced status, a code (string or number), or reply text. */
type Role = 'status' | 'code' | 'text';

/** Keys that name a code wherever they stand. */
const KEYS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['status', 'status'],          // SES bouncedRecipients[] and delayedRecipients[], SendGrid bounce
  ['error_code', 'code'],        // SparkPost
  ['diagnosticCode', 'text'],    // SES
  ['smtpResponse', 'text'],      // SES delivery
  ['reason', 'text'],            // SendGrid bounce, SparkPost
  ['raw_reason', 'text'],        // SparkPost
  ['response', 'text'],          // SendGrid delivered and deferred
  ['Details', 'text'],           // Postmark bounce
]);

/** The object whose generic keys are codes: Mailgun's `delivery-status`. */
const SECTION_KEY = 'delivery-status';
const SECTION_KEYS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['code', 'code'],
  ['bounce-code', 'code'],
  ['enhanced-code', 'status'],
  ['message', 'text'],
  ['description', 'text'],
]);

const CONTEXT: FindingContext = 'esp-event';
/** Keys longer than this name no code: not worth a substring. */
const MAX_KEY = 16;

export const JSON_TOP: JsonState = { depth: 0 };

export function scanJsonLine(text: string, line: number, state: LineState): LineScan {
  const before = state.json ?? JSON_TOP;
  const scanner = new LineScanner(text, line, undefined);
  let depth = before.depth;
  let section = before.section;
  let role: Role | undefined;   // what the value after the last key is
  let opensSection = false;     // the last key was `delivery-status`
  const digits = hasDigit(text);
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) {
      const end = stringEnd(text, i + 1);
      const after = skipSpaces(text, end + 1);
      if (text.charCodeAt(after) === Ch.Colon) {
        const inSection = section !== undefined && depth === section;
        const key = end - i - 1 <= MAX_KEY ? text.slice(i + 1, end) : '';
        role = (inSection ? SECTION_KEYS.get(key) : undefined) ?? KEYS.get(key);
        opensSection = key === SECTION_KEY;
        i = after + 1;
        continue;
      }
      if (role !== undefined && digits) readString(scanner, role, i + 1, end);
      role = undefined;
      i = end + 1;
    } else if (c === Ch.LBrace || c === Ch.LBracket) {
      depth++;
      if (opensSection && c === Ch.LBrace && section === undefined) section = depth;
      role = undefined;
      opensSection = false;
      i++;
    } else if (c === Ch.RBrace || c === Ch.RBracket) {
      if (section === depth) section = undefined;
      depth = Math.max(0, depth - 1);
      role = undefined;
      i++;
    } else if (isDigit(c)) {
      const end = numberEnd(text, i);
      if (role === 'code') scanner.whole(i, end, CONTEXT);
      role = undefined;
      i = end;
    } else {
      i++;
    }
  }
  if (digits) {
    findLogCodes(scanner);
    scanner.pairs(CONTEXT);
  }
  const findings = scanner.sorted();
  if (depth === before.depth && section === before.section) return { findings, next: state };
  const json: JsonState = section === undefined ? { depth } : { depth, section };
  return { findings, next: { kind: state.kind, json } };
}

/** A string value under a key that names a code; `start` and `end` bound its content. */
function readString(scanner: LineScanner, role: Role, start: number, end: number): void {
  const text = scanner.text;
  if (role === 'status' || role === 'code') {
    // `"status": "200"` is no enhanced code; `"error_code": "554"` is a reply.
    if (role === 'code' || text.lastIndexOf('.', end) > start) scanner.whole(start, end, CONTEXT);
    return;
  }
  // Reply text: `smtp; 550 5.1.1 ...` (a DSN diagnostic type first), or a multi-line reply
  // kept in one string with escaped line breaks: `550-5.1.1 ...\r\n550 5.1.1 ...`.
  let pos = startsWithLower(text, start, 'smtp;') ? skipSpaces(text, start + 5) : start;
  for (;;) {
    if (scanner.whole(pos, end, CONTEXT) === undefined) scanner.slot(pos, CONTEXT, 'any', false);
    const escape = text.indexOf('\\n', pos);
    if (escape < 0 || escape >= end) return;
    pos = escape + 2;
  }
}

/** The index of the quote closing a string whose content starts at `from` (the line's end if none). */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === Ch.Quote) return i;
  }
  return text.length;
}

/** The end of a JSON number (digits, `.`, exponent) starting at `from`. */
function numberEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || c === Ch.Dot || c === 101 || c === 69 || c === 43 || c === Ch.Dash)) break;
    i++;
  }
  return i;
}
