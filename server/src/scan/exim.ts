// Codes in Exim's main and reject logs, found after the words Exim writes before them:
//   `=> bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25] C="250 2.0.0 OK id=..."`
//   `** bob@example.com ...: SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 ...`
//   (older Exim: `... after RCPT TO:<bob@example.com>: host mx.example.com [192.0.2.25]: 550 ...`)
//   `== bob@example.com ... defer (0) ...: LMTP error after DATA: 451 ...`
//   `... Malformed SMTP reply in response to RCPT TO:<bob@example.com>: 550 ...`
//   `... response to "RCPT TO:<bob@example.com>" [from h [ip]] was: 550 ...` (callout verification)
//   `H=(x) [192.0.2.7] F=<a@example.org> rejected RCPT <bob@example.com>: 550 ...`
// Everything else on such lines is not a code: message ids (`1rAbCd-0001Xy-AB`), sizes
// (`S=1234`), negative errnos (`defer (-44)`), retry data. The keywords are found by the log
// scanner's one keyword search (logs.ts); these finders run only on lines that hold them.
import { Ch, isDigit, skipSpaces } from './lexer';
import type { LineScanner } from './line';
import type { FindingContext } from './types';

/** `host mx.example.com [192.0.2.1]: ` or `host mx.example.com [192.0.2.1]:25: ` before the reply. */
const EXIM_HOST = /host [^ \t]{1,255} \[[^\]]{1,64}\](?::\d{1,5})?:[ \t]*/y;

/**
 * The code after `keyword`, past the first `: ` that follows it (`after RCPT TO:<a@b.example>: 550`)
 * and, in older Exim, past `host x [ip]: `. The first `: ` only: later ones belong to free text
 * (`Subject: 250 ways`). A line ending in `:` leaves the code to the next, folded line (bounces).
 */
export function eximAfterColon(scanner: LineScanner, keyword: string, context: FindingContext = 'exim-error'): void {
  const text = scanner.text;
  const at = text.indexOf(keyword);
  if (at < 0) return;
  const colon = text.indexOf(': ', at + keyword.length);
  if (colon >= 0) {
    const pos = skipSpaces(text, colon + 2);
    scanner.slot(text.startsWith('host ', pos) ? hostEnd(text, pos) : pos, context, 'any', true);
  } else if (text.charCodeAt(text.length - 1) === Ch.Colon) {
    scanner.carry = { context };
  }
}

/** Where the reply after `host x [ip]: ` starts (`pos` when the host part is malformed). */
function hostEnd(text: string, pos: number): number {
  EXIM_HOST.lastIndex = pos;
  return EXIM_HOST.test(text) ? EXIM_HOST.lastIndex : pos;
}

/** Exim's bounce text: `host mx.example.com [192.0.2.1]: 550 ...` on a line of its own. */
export function eximHostLine(scanner: LineScanner): void {
  const text = scanner.text;
  const pos = skipSpaces(text, 0);
  if (!text.startsWith('host ', pos)) return;
  const end = hostEnd(text, pos);
  if (end > pos) scanner.slot(end, 'exim-error', 'any', true);
}

/** The confirmation of a delivery: ` C="250 2.0.0 OK id=1rAbCd-0001Xy-AB"` (log_selector `smtp_confirmation`, on by default). */
export function eximConfirmation(scanner: LineScanner): void {
  const at = scanner.text.indexOf(' C="');
  if (at >= 0) scanner.slot(at + 4, 'exim-confirmation', 'any', true);
}

/**
 * Callout verification: `response to "MAIL FROM:<>" was: 550 ...`, and since Exim 4.9x
 * `response to "RCPT TO:<a@b.example>" from mx.b.example [192.0.2.1] was: 550 ...`.
 */
export function eximResponseWas(scanner: LineScanner): void {
  const text = scanner.text;
  const at = text.indexOf('response to "');
  const was = at < 0 ? -1 : text.indexOf(' was: ', at + 13);
  if (was >= 0) scanner.slot(skipSpaces(text, was + 6), 'exim-error', 'any', true);
}

/** What Exim rejects in its log: `F=<a@b.example> rejected RCPT <c@d.example>: 550 ...`. */
const REJECTED = ['RCPT', 'MAIL', 'after DATA', 'DATA', 'EHLO', 'HELO', 'VRFY', 'EXPN', 'AUTH', 'connection'];

export function eximRejected(scanner: LineScanner): void {
  const at = scanner.text.indexOf(' rejected ');
  if (at >= 0 && REJECTED.some((what) => scanner.text.startsWith(what, at + 10))) eximAfterColon(scanner, ' rejected ', 'exim-reject');
}

/**
 * Exim's debug output marks what it received `SMTP<<` and what it sent `SMTP>>`, so the
 * direction flips with its role: delivering, `SMTP<< 250 OK` is the server's reply; receiving
 * (`exim -d -bh`), `SMTP>> 550 relay not permitted` is. A reply starts with digits, a command
 * never does.
 */
export function eximDebugSide(text: string, pos: number): 'server' | 'client' {
  return isDigit(text.charCodeAt(pos)) ? 'server' : 'client';
}
