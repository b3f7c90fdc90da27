// Codes in the logs of MTAs other than Postfix, Sendmail and Exim, found after the words that
// introduce them:
//  - OpenSMTPD: `stat="550 ..."`, `stat=451 ...`, `failed-command ... result="550 ..."`,
//    `Failed command on session x: "RCPT TO:<...>" => 451 ...`, traces `mta: 0x...: <<< 554-...`;
//  - Haraka: `[core] S: 250 ...`, `[outbound] recipient <x> rejected: 550 ...`, `Upstream error: 421 ...`, `lr="550 ..."`,
//    `[outbound] delivered ... response="250 ..."`;
//  - qmail and its forks: multilog `Remote_host_said:_550_5.1.1_..._/`, `rblsmtpd: ip pid n: 451 ...`,
//    `qmail-smtpd: 421 ...` (`(#5.1.1)` is read with the bounce text's `#` codes in logs.ts);
//  - Courier: `courieresmtpd: error,...,to=<x>: 550 ...`, `msg="535 ..."`, `courieresmtp: id=...,addr=<x>: 550 ...`;
//  - Exchange protocol logs (`,<,250 2.1.5 Recipient OK`) and message tracking / Microsoft 365
//    message trace `{LED=550 5.1.10 ...}`;
//  - KumoMTA JSON records: the reply in `"response":{"code":550,"enhanced_code":{...},...}`;
//  - PowerMTA accounting CSV: `...,failed,5.1.1 (bad destination mailbox address),smtp;550 ...`
//    (the status field by the record's shape, `findAccountingStatus`).
// Their words are too many for logs.ts's keyword scan (each word more slows it for every line):
// logs.ts calls these finders only on a line without its own words (but `reject`), they go on only
// where one native scan (REPLY_SHAPE) finds a number shaped like a reply, and each looks for its
// own word with `indexOf`.
import { Ch, isDigit, readNumber, skipSpaces, type NumberToken } from './lexer';
import type { LineScanner } from './line';
import type { FindingContext } from './types';
import { isReplyShaped, enhancedFlaw } from './codes';

/**
 * A number shaped like a reply (`550`, not `650`) standing alone (after a word boundary or qmail's
 * `_`) and followed by what follows a reply in these formats: space, `-`, `_`, a JSON or CSV `,`,
 * `"`, `}`, or the line's end. Most log lines have none; a filter only, the finders check.
 */
const REPLY_SHAPE = /(?:\b|_)[2-5][0-5]\d(?:[ _,"}-]|$)/;

/** qmail writes `_` for a space. */
const UNDERSCORE = 95;

export function findMtaCodes(scanner: LineScanner): void {
  findAccountingStatus(scanner);
  const text = scanner.text;
  if (!REPLY_SHAPE.test(text)) return;
  // OpenSMTPD
  const failed = text.indexOf('failed-command');
  if (failed >= 0) afterField(scanner, text.indexOf(' result=', failed), ' result='.length, 'opensmtpd');
  const command = text.indexOf('Failed command');
  if (command >= 0) afterField(scanner, text.indexOf('" => ', command), '" => '.length, 'opensmtpd');
  afterWord(scanner, ': <<< ', 'opensmtpd');
  afterWord(scanner, ': >>> ', 'opensmtpd');
  // Haraka
  const server = text.indexOf('] S: ');
  if (server >= 0) scanner.slot(server + 5, 'haraka', 'any', false);
  afterWord(scanner, ' rejected: ', 'haraka');
  // A proxy's `Upstream error: 502` is no SMTP reply: only Haraka's `] Temp fail... Upstream error:`.
  const tempFail = text.indexOf('] Temp fail');
  if (tempFail >= 0) afterField(scanner, text.indexOf('Upstream error: ', tempFail), 'Upstream error: '.length, 'haraka');
  afterField(scanner, text.indexOf(' lr="'), ' lr='.length, 'haraka');
  // `response=` alone is too common a name (HTTP logs write `response="200 OK"`).
  const outbound = text.indexOf('[outbound] delivered ');
  if (outbound >= 0) afterField(scanner, text.indexOf(' response=', outbound), ' response='.length, 'haraka');
  // qmail
  const said = text.indexOf('said:_');
  if (said >= 0) qmailSaid(scanner, said + 'said:_'.length);
  afterColon(scanner, 'rblsmtpd: ', 'qmail');
  afterColon(scanner, 'qmail-smtpd', 'qmail');
  // Courier
  const courier = text.indexOf('courier');
  if (courier >= 0) {
    const address = text.indexOf('>: ', courier);
    if (address >= 0) scanner.slot(skipSpaces(text, address + 3), 'courier', 'any', false);
    afterField(scanner, text.indexOf(',msg=', courier), ',msg='.length, 'courier');
  }
  // Exchange and Microsoft 365
  afterField(scanner, text.indexOf(',<,'), 3, 'exchange-log');
  afterField(scanner, text.indexOf(',>,'), 3, 'exchange-log');
  afterWord(scanner, 'LED=', 'exchange-log');
  // KumoMTA and PowerMTA
  const response = text.indexOf('"response":');
  if (response >= 0) kumoResponse(scanner, response + '"response":'.length);
  const diag = text.indexOf('smtp;');
  if (diag >= 0) powerMtaDiag(scanner, diag);
}

/**
 * OpenSMTPD's `stat=` when it opens with a code (`stat="550 Invalid recipient"`, older
 * `stat=550 ...`); Sendmail's `stat=Deferred: 451 ...` is read in logs.ts.
 */
export function openSmtpdStat(scanner: LineScanner, value: number): void {
  scanner.slot(unquoted(scanner.text, value), 'opensmtpd', 'any', false);
}

/** The code right after `word`. */
function afterWord(scanner: LineScanner, word: string, context: FindingContext): void {
  const at = scanner.text.indexOf(word);
  if (at >= 0) scanner.slot(skipSpaces(scanner.text, at + word.length), context, 'any', false);
}

/** The code opening a field's value (maybe quoted) that starts `skip` characters after `at`. */
function afterField(scanner: LineScanner, at: number, skip: number, context: FindingContext): void {
  if (at >= 0) scanner.slot(unquoted(scanner.text, at + skip), context, 'any', false);
}

/**
 * The code after the first `: ` that follows `word` and opens with a digit:
 * `rblsmtpd: 192.0.2.5 pid 4242: 451 ...`, `qmail-smtpd: Rejected: 553 ...`.
 */
function afterColon(scanner: LineScanner, word: string, context: FindingContext): void {
  const text = scanner.text;
  const at = text.indexOf(word);
  if (at < 0) return;
  for (let colon = text.indexOf(': ', at + word.length - 1); colon >= 0; colon = text.indexOf(': ', colon + 2)) {
    const value = skipSpaces(text, colon + 2);
    if (isDigit(text.charCodeAt(value))) {
      scanner.slot(value, context, 'any', false);
      return;
    }
  }
}

/** Past an opening quote, also an escaped one (`stat=\"550 ...\"` in `journalctl -o json`). */
function unquoted(text: string, i: number): number {
  if (text.charCodeAt(i) === 92 && text.charCodeAt(i + 1) === Ch.Quote) return i + 2;
  return text.charCodeAt(i) === Ch.Quote ? i + 1 : i;
}

/**
 * qmail-send writes the remote reply with `_` for spaces and `/` for line breaks:
 * `Remote_host_said:_550-5.1.1_first_line/550-5.1.1_second/550_5.1.1_last/Giving_up_on_192.0.2.1./`.
 * Each line of the reply starts after `said:_` or a `/`.
 */
function qmailSaid(scanner: LineScanner, start: number): void {
  const text = scanner.text;
  let at = start;
  while (at >= 0 && at < text.length && isDigit(text.charCodeAt(at))) {
    const reply = readNumber(text, at);
    const sep = text.charCodeAt(reply.end);
    if (reply.parts !== 1 || reply.end - at !== 3 || !isReplyShaped(text, at) || !(sep === UNDERSCORE || sep === Ch.Dash || sep === Ch.Slash)) return;
    scanner.replyWith(reply, qmailEnhanced(text, reply.end + 1), 'qmail');
    const slash = text.indexOf('/', reply.end);
    at = slash < 0 ? -1 : slash + 1;
  }
}

/** An enhanced code at `at` ended by `_`, `/` or the line's end. */
function qmailEnhanced(text: string, at: number): NumberToken | undefined {
  if (!isDigit(text.charCodeAt(at))) return undefined;
  const token = readNumber(text, at);
  const after = text.charCodeAt(token.end);
  const ends = token.end >= text.length || after === UNDERSCORE || after === Ch.Slash;
  return token.parts === 3 && ends && enhancedFlaw(text.slice(at, token.end)) === undefined ? token : undefined;
}

/**
 * KumoMTA: `"response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":...}`.
 * Its response object lists `code` then `enhanced_code` (an object or null); an HTTP log's
 * `"response":{"code":200,...}` does not. The enhanced code, three numbers apart, is not written
 * anywhere as a code, and a finding is the text it covers: only the reply is read.
 */
function kumoResponse(scanner: LineScanner, at: number): void {
  const text = scanner.text;
  let i = skipSpaces(text, at);
  if (text.charCodeAt(i) !== Ch.LBrace) return;
  i = skipSpaces(text, i + 1);
  if (!text.startsWith('"code":', i)) return;
  i = skipSpaces(text, i + '"code":'.length);
  if (!isDigit(text.charCodeAt(i))) return;
  const code = readNumber(text, i);
  const comma = skipSpaces(text, code.end);
  const enhanced = skipSpaces(text, comma + 1);
  if (text.charCodeAt(comma) !== Ch.Comma || !text.startsWith('"enhanced_code":', enhanced)) return;
  if (code.parts === 1 && code.end - i === 3 && isReplyShaped(text, i)) scanner.replyWith(code, undefined, 'kumomta');
}

/** PowerMTA accounting: `dsnDiag` is `smtp;550 5.1.1 ...`. */
function powerMtaDiag(scanner: LineScanner, at: number): void {
  scanner.slot(skipSpaces(scanner.text, at + 'smtp;'.length), 'powermta', 'any', true);
}

/**
 * A PowerMTA accounting record starts with its type (`d,`, `b,`, `t,`, `tq,`...); its `dsnStatus`
 * field is an enhanced code and the registry's words for it: `5.1.1 (bad destination mailbox address)`.
 * Two character tests tell every other line apart.
 */
function findAccountingStatus(scanner: LineScanner): void {
  const text = scanner.text;
  const first = text.charCodeAt(0);
  if (first < 97 || first > 122) return;
  const comma = text.charCodeAt(1) === Ch.Comma ? 1 : text.charCodeAt(2) === Ch.Comma ? 2 : -1;
  if (comma < 0) return;
  for (let at = comma; at >= 0; at = text.indexOf(',', at + 1)) {
    const start = unquoted(text, at + 1);
    if (!isDigit(text.charCodeAt(start))) continue;
    const token = readNumber(text, start);
    if (token.parts === 3 && text.startsWith(' (', token.end)) scanner.slot(start, 'powermta', 'enhanced', false);
  }
}
