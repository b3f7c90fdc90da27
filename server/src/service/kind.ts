// Which kind of document a file is: its language id or name first, then its content.
import type { DocumentKind } from './types';

const LANGUAGE_KINDS: ReadonlyMap<string, DocumentKind> = new Map([
  ['smtp-transcript', 'transcript'],
  ['mail-log', 'log'],
  ['mail-dsn', 'dsn'],
  ['mail-config', 'config'],
]);

const NAME_KINDS: readonly (readonly [RegExp, DocumentKind])[] = [
  [/\.(?:smtp|smtp-transcript|smtplog)$/i, 'transcript'],
  [/^(?:mail\.(?:log|err|warn|info)|maillog|mainlog|rejectlog|paniclog)(?:[.-]\d{1,8})?(?:\.gz)?$|\.maillog$/i, 'log'],
  [/\.(?:eml|dsn)$/i, 'dsn'],
  [/^(?:main\.cf|master\.cf|access|header_checks|body_checks|exim4?\.conf)$|_(?:access|checks)$|\.(?:pcre|regexp|acl|cf)$/i, 'config'],
];

/**
 * SMTP sessions as client tools print them: swaks (`=== Connected to`, `<~*`), msmtp (`<-- 250`), smtplib (`reply: b'250`),
 * PHPMailer (`SERVER -> CLIENT:`), Nodemailer (`[id] S: 250`), JavaMail (`DEBUG SMTP:`), Sendmail -v
 * (`050 >>>`), openssl (`CONNECTED(00000003)`), curl (`< 250`), telnet and nc (a bare banner or `EHLO`).
 */
const CLIENT_SESSIONS: readonly RegExp[] = [
  /^=== Connected to |^[ \t]*(?:<~\*?|<\*\*|<--)[ \t]+[2-5]\d\d[ -]/m,
  /^[ \t]*(?:reply: (?:b?'|retcode \()[2-5]\d\d|send: [bu]?'(?:ehlo|helo|mail FROM|vrfy))/m,
  /(?:SERVER -> CLIENT|CLIENT -> SERVER): |\] [SC]: (?:[2-5]\d\d[ -]|EHLO |HELO |MAIL FROM|RCPT TO)/,
  /^[ \t]*DEBUG SMTP: |^050 (?:>>> |<<< |[2-5]\d\d[ -])|^CONNECTED\(\d{1,16}\)|^< [2-5]\d\d[ -]/m,
  /^Escape character is '\^\]'|^220[ -][!-~]{1,255} (?:Microsoft )?E?SMTP\b|^(?:EHLO|HELO|ehlo|helo) [^\s]{1,255}[ \t]*$/m,
];

/** Content clues, strongest first; each is tested on the start of the document only. */
const CONTENT_KINDS: readonly (readonly [RegExp, DocumentKind])[] = [
  // Replies without markers, as `exim -bh`/`-bs` print them: a server greeting at line start
  // (a session, even where it prints a bounce), the `**** SMTP testing session` banner, or a
  // reply as the document's first line.
  [/^(?:220[ -]|\*\*\*\* SMTP testing session)/m, 'transcript'],
  [/^[2-5][0-5]\d[ -]/, 'transcript'],
  [/^(?:Final-Recipient|Diagnostic-Code|Reporting-MTA)[ \t]*:|^Content-Type:[ \t]*message\/delivery-status/im, 'dsn'],
  [/^[ \t]*(?:S:|C:|<<<|>>>|<-|->)[ \t]*(?:\d{3}[ -]|(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|QUIT)\b)/m, 'transcript'],
  ...CLIENT_SESSIONS.map((pattern) => [pattern, 'transcript'] as const),
  [/^[a-z][a-z0-9_]{0,60}_(?:reject|defer)_code[ \t]*=|^[^#\s][^\s]{0,255}[ \t]+(?:REJECT|DEFER|DEFER_IF_PERMIT)\b|^[ \t]*(?:deny|drop|warn)\b.{0,200}\bmessage[ \t]*=|ERROR:"?\d/m, 'config'],
  [/^(?:From |Return-Path:|Received:|Subject:|X-[A-Za-z-]{1,60}:)/m, 'dsn'],
];

/** How much of a document the content clues look at. */
const SNIFF_LENGTH = 64 * 1024;

export function detectKind(fileName: string, text: string, languageId?: string): DocumentKind {
  const byLanguage = languageId === undefined ? undefined : LANGUAGE_KINDS.get(languageId);
  if (byLanguage !== undefined) return byLanguage;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  for (const [pattern, kind] of NAME_KINDS) if (pattern.test(base)) return kind;
  const head = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  for (const [pattern, kind] of CONTENT_KINDS) if (pattern.test(head)) return kind;
  return 'log';
}
