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
// A notification delivered as a string (Amazon SNS `"Message": "{\"notificationType\": ...}"`) is read inside it.
import { Ch, hasDigit, isDigit, skipSpaces, startsWithLower } from './lexer';
import { LineScanner } from './line';
import { findLogCodes } from './logs';
import type { CodeRef, DsnBlockFacts, Finding, FindingContext, JsonState, LineScan, LineState } from './types';

/** What a key's value is: an enhanced status, a code (string or number), reply text, or a DSN action. */
type Role = 'status' | 'code' | 'text' | 'action';

/** Keys that name a code wherever they stand. */
const KEYS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['status', 'status'],          // SES bouncedRecipients[] and delayedRecipients[], SendGrid bounce
  ['action', 'action'],          // SES bouncedRecipients[]: the DSN action the status must agree with
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

const JSON_TOP: JsonState = { depth: 0 };

export function scanJsonLine(text: string, line: number, state: LineState): LineScan {
  const before = state.json ?? JSON_TOP;
  const scanner = new LineScanner(text, line, undefined);
  const digits = hasDigit(text);
  // A line without digits, brackets or an action changes nothing: most lines of a pretty JSON file.
  const after = digits || text.includes('{') || text.includes('}') || text.includes('[') || text.includes(']') || text.includes('"action"')
    ? walk(scanner, 0, text.length, before, false)
    : before;
  if (digits) {
    findLogCodes(scanner);
    scanner.pairs(CONTEXT);
  }
  const findings = scanner.sorted();
  if (after === before) return { findings, next: state };
  return { findings, next: { kind: state.kind, json: after } };
}

/**
 * Reads the JSON between `from` and `to` starting at nesting `at`; returns the nesting after it
 * (`at` itself when unchanged). An object's `action` and `status` are DSN facts (SES writes a
 * recipient's `Action:` and `Status:` so) that the codes after them in the object are checked against.
 * `quoted`: the JSON is itself the content of a string, its quotes written `\"` (Amazon SNS
 * delivers an SES notification as the string `"Message": "{\"notificationType\": ...}"`).
 */
function walk(scanner: LineScanner, from: number, to: number, at: JsonState, quoted: boolean): JsonState {
  const text = scanner.text;
  let depth = at.depth;
  let section = at.section;
  let block = at.block;
  let role: Role | undefined;   // what the value after the last key is
  let opensSection = false;     // the last key was `delivery-status`
  const quote = quoted ? 2 : 1;
  for (let i = from; i < to;) {
    const c = text.charCodeAt(i);
    if (quoted ? c === 92 /* \ */ && text.charCodeAt(i + 1) === Ch.Quote : c === Ch.Quote) {
      const start = i + quote;
      const end = quoted ? quotedStringEnd(text, start, to) : stringEnd(text, start, to);
      const next = skipSpaces(text, end + quote);
      if (text.charCodeAt(next) === Ch.Colon) {
        const inSection = section !== undefined && depth === section;
        const key = end - start <= MAX_KEY ? text.slice(start, end) : '';
        role = (inSection ? SECTION_KEYS.get(key) : undefined) ?? KEYS.get(key);
        opensSection = key === SECTION_KEY;
        i = next + 1;
        continue;
      }
      if (role === 'action') block = { ...block, action: refOf(scanner, start, end) };
      else if (role !== undefined) block = withStatus(block, role, readString(scanner, role, start, end, block));
      else if (!quoted && embedsJson(text, start)) walk(scanner, start, end, JSON_TOP, true);
      role = undefined;
      i = end + quote;
    } else if (c === Ch.LBrace || c === Ch.LBracket) {
      depth++;
      if (opensSection && c === Ch.LBrace && section === undefined) section = depth;
      if (c === Ch.LBrace) block = undefined;
      role = undefined;
      opensSection = false;
      i++;
    } else if (c === Ch.RBrace || c === Ch.RBracket) {
      if (section === depth) section = undefined;
      depth = Math.max(0, depth - 1);
      if (c === Ch.RBrace) block = undefined;
      role = undefined;
      i++;
    } else if (isDigit(c)) {
      const end = numberEnd(text, i);
      if (role === 'code') withBlock(scanner, block, () => scanner.whole(i, end, CONTEXT));
      role = undefined;
      i = end;
    } else {
      i++;
    }
  }
  if (depth === at.depth && section === at.section && block === at.block) return at;
  return { depth, ...(section === undefined ? {} : { section }), ...(block === undefined ? {} : { block }) };
}

function refOf(scanner: LineScanner, start: number, end: number): CodeRef {
  return { line: scanner.line, start, end, text: scanner.text.slice(start, end) };
}

/** The object's facts after a `status` value (other values add none). */
function withStatus(block: DsnBlockFacts | undefined, role: Role, found: Finding | undefined): DsnBlockFacts | undefined {
  if (role !== 'status' || found === undefined || found.kind !== 'enhanced') return block;
  return { ...block, status: { line: found.line, start: found.start, end: found.end, text: found.text } };
}

/** Runs `read` with the object's facts attached to what it finds. */
function withBlock<T>(scanner: LineScanner, block: DsnBlockFacts | undefined, read: () => T): T {
  scanner.block = block;
  try {
    return read();
  } finally {
    scanner.block = undefined;
  }
}

/** Does the string starting at `start` hold a JSON object (`{\"...`)? */
function embedsJson(text: string, start: number): boolean {
  return text.charCodeAt(start) === Ch.LBrace && text.charCodeAt(start + 1) === 92 && text.charCodeAt(start + 2) === Ch.Quote;
}

/**
 * A string value under a key that names a code; `start` and `end` bound its content. Returns
 * the code of a `status` or `code` value.
 */
function readString(scanner: LineScanner, role: Role, start: number, end: number, block: DsnBlockFacts | undefined): Finding | undefined {
  return withBlock(scanner, block, () => {
    const text = scanner.text;
    if (role !== 'text') {
      // `"status": "200"` is no enhanced code; `"error_code": "554"` is a reply.
      return role === 'code' || text.lastIndexOf('.', end) > start ? scanner.whole(start, end, CONTEXT) : undefined;
    }
    // Reply text: `smtp; 550 5.1.1 ...` (a DSN diagnostic type first), or a multi-line reply
    // kept in one string with escaped line breaks: `550-5.1.1 ...\r\n550 5.1.1 ...`.
    let pos = startsWithLower(text, start, 'smtp;') ? skipSpaces(text, start + 5) : start;
    for (;;) {
      if (scanner.whole(pos, end, CONTEXT) === undefined) scanner.slot(pos, CONTEXT, 'any', false);
      const escape = text.indexOf('\\n', pos);
      if (escape < 0 || escape >= end) return undefined;
      pos = escape + 2;
    }
  });
}

/** The index of the quote closing a string whose content starts at `from` (`to` if none). */
function stringEnd(text: string, from: number, to: number): number {
  // The native search finds each quote; an odd run of backslashes before it escapes it.
  for (let quote = text.indexOf('"', from); quote >= 0 && quote < to; quote = text.indexOf('"', quote + 1)) {
    let slashes = 0;
    while (quote - slashes - 1 >= from && text.charCodeAt(quote - slashes - 1) === 92) slashes++;
    if (slashes % 2 === 0) return quote;
  }
  return to;
}

/**
 * The same inside a string: the string closes at `\"`; `\\` starts an escape of the
 * embedded JSON (`\\\"` is a quote inside it, `\\n` a line break), any other `\x` is one character.
 */
function quotedStringEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    const next = text.charCodeAt(i + 1);
    if (next === Ch.Quote) return i;
    if (next === 92) i += text.charCodeAt(i + 2) === 92 ? 3 : 2;
    else i++;
  }
  return to;
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
