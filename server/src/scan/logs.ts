// Codes in mail-server logs and bounce text, found after the words that introduce them:
// Postfix `said:`, `reject: ...:`, `status=sent (`, `dsn=`; Sendmail `dsn=`, `reply=`,
// `stat=Deferred:`; Exim `SMTP error from remote mail server after ...:`, `rejected ...:`,
// `host x [ip]:`; Exchange `Remote Server returned '`, `#550 5.1.1 ...##`, qmail `(#5.1.1)`.
// One regex scan tells which keywords are on the line; most log lines hold none.
import { Ch, isDigit, skipSpaces } from './lexer';
import type { LineScanner } from './line';
import type { FindingContext } from './types';

/** Postfix `status=sent (`, `status=deferred (`: the word and the parenthesis. */
const STATUS_WORD = /[a-z-]{1,40} \(/y;
/** Sendmail `stat=Deferred: ` before a reply. */
const STAT_WORD = /[A-Za-z][A-Za-z ]{0,30}: /y;
/** Exim bounce text: `host mx.example.com [192.0.2.1]: 550 ...`. */
const EXIM_HOST = /host [^ \t]{1,255} \[[^\]]{1,64}\](?::\d{1,5})?:[ \t]*/y;

/**
 * The words the finders below look for (`#` and a leading `host ` are looked for directly). One
 * native scan tells which of them a line holds, so only their finders run.
 */
const KEYWORDS = /returned was:| said:|refused to talk to me:|responded with failure:| not accepted:|reject|SMTP error from remote mail|status=|dsn=|reply=|stat=|returned '/g;

/** The keywords, each with its bit (in the order of KEYWORDS, whose alternatives are plain text). */
const WORDS: readonly { readonly text: string; readonly bit: number }[] =
  KEYWORDS.source.split('|').map((text, i) => ({ text, bit: 1 << i }));

/** The bit of one keyword; a keyword missing from KEYWORDS is a programming error, caught on load. */
function bitOf(keyword: string): number {
  const word = WORDS.find((w) => w.text === keyword);
  if (word === undefined) throw new Error(`not a keyword: ${keyword}`);
  return word.bit;
}

const RETURNED_WAS = bitOf('returned was:');
const SAID = bitOf(' said:');
const REFUSED = bitOf('refused to talk to me:');
const RESPONDED = bitOf('responded with failure:');
const NOT_ACCEPTED = bitOf(' not accepted:');
const REJECT = bitOf('reject');
const SMTP_ERROR = bitOf('SMTP error from remote mail');
const STATUS = bitOf('status=');
const DSN = bitOf('dsn=');
const REPLY = bitOf('reply=');
const STAT = bitOf('stat=');
const RETURNED_QUOTE = bitOf("returned '");

/** Longest first: of the keywords that end where a match ends, the longest is the one matched. */
const LONGEST_FIRST = [...WORDS].sort((a, b) => b.text.length - a.text.length);

/**
 * The keywords on the line, as bits. `test` allocates nothing, and where a match ends tells
 * which keyword it is. Each search goes on one character after the start of the last match,
 * so overlapping keywords are found too.
 */
function wordsIn(text: string): number {
  let words = 0;
  let from = 0;
  KEYWORDS.lastIndex = 0;
  while (KEYWORDS.test(text)) {
    const end = KEYWORDS.lastIndex;
    let next = end;
    for (const word of LONGEST_FIRST) {
      const start = end - word.text.length;
      if (start >= from && text.startsWith(word.text, start)) {
        words |= word.bit;
        next = start + 1;
        break;
      }
    }
    KEYWORDS.lastIndex = from = next;
  }
  return words;
}

export function findLogCodes(scanner: LineScanner): void {
  const text = scanner.text;
  const words = wordsIn(text);
  // A finder whose keyword is not on the line would find nothing: it is not run.
  if (words & RETURNED_WAS) keywordThenSlot(scanner, ' returned was:', 'ndr'); // Gmail: `The error that the other server returned was: 550 ...`
  if (words & SAID) keywordThenSlot(scanner, ' said:', 'postfix-said');
  if (words & REFUSED) keywordThenSlot(scanner, 'refused to talk to me:', 'postfix-said');
  if (words & RESPONDED) keywordThenSlot(scanner, 'responded with failure:', 'ndr');
  if (words & NOT_ACCEPTED) keywordThenSlot(scanner, ' not accepted:', 'ndr');
  if (words & REJECT) rejectSlot(scanner);
  if (words & SMTP_ERROR) afterColon(scanner, 'SMTP error from remote mail', 'exim-error');
  if (words & REJECT) eximRejected(scanner);

  if (words & STATUS) {
    STATUS_WORD.lastIndex = text.indexOf('status=') + 7;
    if (STATUS_WORD.test(text)) scanner.slot(STATUS_WORD.lastIndex, 'postfix-status', 'any', true);
  }
  const dsn = words & DSN ? fieldValue(text, 'dsn=') : -1;
  if (dsn >= 0) scanner.slot(dsn, words & STAT ? 'sendmail-dsn' : 'postfix-dsn', 'enhanced', true);
  const reply = words & REPLY ? fieldValue(text, 'reply=') : -1;
  if (reply >= 0) scanner.slot(reply, 'sendmail-reply', 'any', true);
  const reject = words & REJECT ? fieldValue(text, 'reject=') : -1;
  if (reject >= 0) scanner.slot(reject, 'sendmail-reply', 'any', true);
  const stat = words & STAT ? fieldValue(text, 'stat=') : -1;
  if (stat >= 0) {
    STAT_WORD.lastIndex = stat;
    if (STAT_WORD.test(text)) scanner.slot(skipSpaces(text, STAT_WORD.lastIndex), 'sendmail-reply', 'any', false);
  }

  const host = skipSpaces(text, 0);
  if (text.startsWith('host ', host)) {
    EXIM_HOST.lastIndex = host;
    if (EXIM_HOST.test(text)) scanner.slot(EXIM_HOST.lastIndex, 'exim-error', 'any', true);
  }
  if (words & RETURNED_QUOTE) ndrPhrases(scanner);
  ndrHashes(scanner);
}

/** The value of `name=` when `name` starts a field (not the tail of a longer name). */
function fieldValue(text: string, name: string): number {
  const at = text.indexOf(name);
  if (at < 0) return -1;
  const before = at === 0 ? Ch.Space : text.charCodeAt(at - 1);
  return before === Ch.Space || before === Ch.Comma || before === Ch.Tab || before === Ch.LParen ? at + name.length : -1;
}

/** `keyword` then the code; when the line ends at the keyword, the code is on the next line. */
function keywordThenSlot(scanner: LineScanner, keyword: string, context: FindingContext): void {
  const text = scanner.text;
  const at = text.indexOf(keyword);
  if (at < 0) return;
  const pos = skipSpaces(text, at + keyword.length);
  if (pos >= text.length) scanner.carry = { context };
  else scanner.slot(pos, context, 'any', true);
}

/**
 * After `keyword`, the code follows the first `: `, as in
 * `SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 5.1.1 ...`.
 * The first `: ` only: later ones belong to free text (`Subject: 250 ways`).
 */
function afterColon(scanner: LineScanner, keyword: string, context: FindingContext): void {
  const text = scanner.text;
  const at = text.indexOf(keyword);
  if (at < 0) return;
  const colon = text.indexOf(': ', at + keyword.length);
  if (colon >= 0) scanner.slot(skipSpaces(text, colon + 2), context, 'any', true);
  else if (text.charCodeAt(text.length - 1) === Ch.Colon) scanner.carry = { context };
}

/** What Exim rejects in its log: `F=<a@b.example> rejected RCPT <c@d.example>: 550 ...`. */
const EXIM_REJECTED = ['RCPT', 'MAIL', 'after DATA', 'DATA', 'EHLO', 'HELO', 'VRFY', 'EXPN', 'AUTH', 'connection'];

function eximRejected(scanner: LineScanner): void {
  const at = scanner.text.indexOf(' rejected ');
  if (at >= 0 && EXIM_REJECTED.some((what) => scanner.text.startsWith(what, at + 10))) afterColon(scanner, ' rejected ', 'exim-reject');
}

/**
 * Postfix rejections: smtpd and postscreen `reject: RCPT from host[ip]:port: 554 5.7.1 ...`,
 * `milter-reject: END-OF-MESSAGE from ...: 4.7.1 ...`, `proxy-reject: END-OF-MESSAGE: 554 ...`,
 * cleanup `reject: header Subject: ... helo=<x>: 5.7.1 ...` (the code follows the `>: `).
 */
function rejectSlot(scanner: LineScanner): void {
  const text = scanner.text;
  let at = text.indexOf('reject: ');
  let keyword = 'reject: ';
  if (at < 0) {
    at = text.indexOf('reject_warning: ');
    keyword = 'reject_warning: ';
  }
  if (at < 0) return;
  const rest = at + keyword.length;
  const checks = text.startsWith('header ', rest) || text.startsWith('body ', rest);
  const colon = checks ? text.indexOf('>: ', rest) + 1 : text.indexOf(': ', rest);
  if (colon > 0) scanner.slot(skipSpaces(text, colon + 2), 'postfix-reject', 'any', true);
}

/** Exchange and provider bounce text: `Remote Server returned '550 ...'`. */
function ndrPhrases(scanner: LineScanner): void {
  const text = scanner.text;
  for (const phrase of ["Server returned '", "server returned '", ") returned '"]) {
    const at = text.indexOf(phrase);
    if (at >= 0) {
      const pos = at + phrase.length;
      // `Remote Server returned '< #5.0.0 X-Postfix; ...>'`: the code after `< #`.
      scanner.slot(text.startsWith('< #', pos) ? pos + 3 : pos, 'ndr', 'any', true);
    }
  }
}

/** `#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##` and qmail's `(#5.1.1)`. */
function ndrHashes(scanner: LineScanner): void {
  const text = scanner.text;
  let hash = text.indexOf('#');
  if (hash < 0) return;
  const closed = text.includes('##');
  while (hash >= 0) {
    const before = hash === 0 ? Ch.Space : text.charCodeAt(hash - 1);
    const opens = before === Ch.Space || before === Ch.Tab || before === Ch.LParen || before === Ch.Lt || before === Ch.Apos;
    if (opens && isDigit(text.charCodeAt(hash + 1))) {
      const found = scanner.slot(hash + 1, 'ndr', closed ? 'any' : 'enhanced', false);
      if (found !== undefined) return;
    }
    hash = text.indexOf('#', hash + 1);
  }
}
