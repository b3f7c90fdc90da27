// Codes in mail-server configuration:
// - Postfix main.cf/master.cf `*_reject_code = 554`, `-o *_defer_code=450`;
// - Postfix access maps and header/body checks: `key  REJECT 5.7.1 text`, `key  550 text`,
//   `/regexp/  DEFER 4.7.1 text` (the action is the first word after the key);
// - Exim ACLs `deny message = 550 5.7.1 text`;
// - Sendmail access `ERROR:"550 5.7.1 text"`, `ERROR:5.7.1:550 text`;
// - Sendmail .cf/.mc rules `R$*  $#error $@ 5.7.1 $: "550 text"` (see sendmail.ts);
// - Postfix DSN filters (`smtp_delivery_status_filter`): `/regexp/  4.7.1 text`.
// Comment lines (`#`, and m4's `dnl` in a Sendmail .mc) are skipped: their examples are not configuration.
import { Ch, isDigit, isSpace, readNumber, skipSpaces } from './lexer';
import type { LineScanner } from './line';
import { findSendmailRule } from './sendmail';
import type { ConfigVerb } from './types';

const PARAM_CODE = /[ \t]*(?:-o[ \t]+)?[a-z][a-z0-9_]{0,60}_code[ \t]*=[ \t]*/y;
const EXIM_MESSAGE = /message[ \t]*=[ \t]*"?/y;
/**
 * Postfix access actions whose optional text may start with an enhanced code, and the class of
 * the reply each sends (`access_map_reject_code` 554, `access_map_defer_code` 450; Postfix
 * rewrites the written code's class to match).
 */
const POSTFIX_VERBS: ReadonlyMap<string, 4 | 5> = new Map([['reject', 5], ['defer', 4], ['defer_if_permit', 4], ['defer_if_reject', 4]]);

/**
 * Exim ACL verbs that refuse, and the class of their reply: `deny` and `drop` (and `require`
 * when its conditions fail) answer 5xx, `defer` 4xx. A custom code must start with that digit.
 */
const EXIM_VERBS: ReadonlyMap<string, 4 | 5> = new Map([['deny', 5], ['drop', 5], ['require', 5], ['defer', 4]]);

const VERBS = new Map<string, ConfigVerb>();

/** One shared verb object per word and server, so findings carry no copies. */
function verb(word: string, cls: 4 | 5, server: ConfigVerb['server']): ConfigVerb {
  const key = `${server} ${word}`;
  let found = VERBS.get(key);
  if (found === undefined) VERBS.set(key, found = { word, cls, server });
  return found;
}

/** `statementVerb`: the refusing Exim verb of the ACL statement this line belongs to, if any. */
export function findConfigCodes(scanner: LineScanner, statementVerb: ConfigVerb | undefined): void {
  const text = scanner.text;
  const first = skipSpaces(text, 0);
  if (first >= text.length || text.charCodeAt(first) === Ch.Hash || isM4Comment(text, first)) return;
  PARAM_CODE.lastIndex = 0;
  if (PARAM_CODE.test(text)) {
    scanner.slot(PARAM_CODE.lastIndex, 'config-reject-code', 'reply', true);
    return;
  }
  if (findSendmailRule(scanner) || eximMessage(scanner, statementVerb)) return;
  const error = text.indexOf('ERROR:');
  if (error >= 0) {
    sendmailError(scanner, error + 6);
    return;
  }
  const action = accessAction(text, first);
  if (action < 0) return;
  const digit = text.charCodeAt(action);
  if (isDigit(digit)) {
    // Postfix access actions `4NN text` and `5NN text`, a DSN filter's `4.7.1 text`;
    // other numbers are table values.
    if (digit === 52 || digit === 53) scanner.slot(action, 'config-access', 'any', false);
    return;
  }
  let end = action;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  const word = text.slice(action, end);
  const cls = end < text.length ? POSTFIX_VERBS.get(word.toLowerCase()) : undefined;
  if (cls !== undefined) {
    scanner.verb = verb(word, cls, 'postfix');
    scanner.slot(skipSpaces(text, end), 'config-access', 'enhanced', true);
    scanner.verb = undefined;
  }
}

/** Exim ACL verbs that accept or only warn: they end the statement of a refusing verb. */
const EXIM_OTHER_VERBS: ReadonlySet<string> = new Set(['accept', 'discard', 'warn']);

/**
 * The verb when a line starts an Exim ACL statement (`  deny    message = ...`, or `deny` alone
 * with its conditions and `message =` on the lines below): a refusing verb, null for one that
 * does not refuse (its statement's codes have no class to keep), undefined when the line
 * starts no statement.
 */
export function eximStatementVerb(text: string): ConfigVerb | null | undefined {
  const start = skipSpaces(text, 0);
  let end = start;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  const word = text.slice(start, end);
  const cls = EXIM_VERBS.get(word);
  if (cls !== undefined) return verb(word, cls, 'exim');
  // A new verb, or a new ACL (`acl_check_rcpt:`), ends the statement.
  return EXIM_OTHER_VERBS.has(word) || (start === 0 && word.endsWith(':')) ? null : undefined;
}

/** `message = 550 ...` in an Exim ACL (not `log_message`). */
function eximMessage(scanner: LineScanner, statementVerb: ConfigVerb | undefined): boolean {
  const text = scanner.text;
  let at = text.indexOf('message');
  while (at >= 0) {
    if (at === 0 || isSpace(text.charCodeAt(at - 1))) {
      EXIM_MESSAGE.lastIndex = at;
      if (EXIM_MESSAGE.test(text)) {
        scanner.verb = statementVerb;
        scanner.slot(EXIM_MESSAGE.lastIndex, 'exim-acl', 'any', true);
        scanner.verb = undefined;
        return true;
      }
    }
    at = text.indexOf('message', at + 7);
  }
  return false;
}

/** Sendmail `ERROR:550 text`, `ERROR:"550 5.7.1 text"`, `ERROR:5.7.1:550 text`. */
function sendmailError(scanner: LineScanner, from: number): void {
  const text = scanner.text;
  const pos = text.charCodeAt(from) === Ch.Quote ? from + 1 : from;
  if (!isDigit(text.charCodeAt(pos))) return;
  const token = readNumber(text, pos);
  if (token.parts !== 1 && text.charCodeAt(token.end) === Ch.Colon) {
    const enhanced = scanner.slot(pos, 'sendmail-access', 'enhanced', true);
    const reply = scanner.slot(token.end + 1, 'sendmail-access', 'reply', true);
    if (enhanced !== undefined && reply !== undefined) scanner.link(reply, enhanced);
    return;
  }
  scanner.slot(pos, 'sendmail-access', 'any', true);
}

/** m4's `dnl` starting a line of a Sendmail .mc file: the rest of the line is a comment. */
function isM4Comment(text: string, first: number): boolean {
  return text.startsWith('dnl', first) && (first + 3 >= text.length || isSpace(text.charCodeAt(first + 3)) || text.charCodeAt(first + 3) === Ch.Hash);
}

function isAlphanumeric(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

/** Where the action of a Postfix lookup-table line starts (-1 if the line has none). */
function accessAction(text: string, first: number): number {
  let i = first;
  const negated = text.charCodeAt(i) === 33 /* ! */;
  if (negated) i++;
  if (text.charCodeAt(i) === Ch.Slash) {
    // A regexp key: up to the closing unescaped slash, then its flags.
    i++;
    while (i < text.length && text.charCodeAt(i) !== Ch.Slash) i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
    if (i >= text.length) return -1;
    i++;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  } else {
    if (negated || text.startsWith('if ', first) || text.startsWith('endif', first)) return -1;
    // A key is a domain, address, IP or network: it has letters or digits (not `|`, `-`).
    let named = false;
    for (; i < text.length && !isSpace(text.charCodeAt(i)); i++) named ||= isAlphanumeric(text.charCodeAt(i));
    if (!named) return -1;
  }
  if (i >= text.length) return -1;
  return skipSpaces(text, i);
}
