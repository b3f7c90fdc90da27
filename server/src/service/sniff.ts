// Is a document about SMTP, judging by its start only? The one content sniffer behind
// `detectKind` (server, CLI) and the VS Code client's gate for plain text, JSON and CSV
// documents: those reach the language server only when this says yes, so any other such
// file costs one bounded look and starts nothing.
// Pure and dependency-free (the client bundles it): no imports but types.
import type { DocumentKind } from './types';

/** The sniffer reads at most this many characters... */
export const SNIFF_CHARS = 16 * 1024;
/** ...and at most this many lines from the start of a document. */
export const SNIFF_LINES = 200;

/**
 * ESP event and notification JSON: Amazon SES (`bouncedRecipients`, `diagnosticCode`,
 * `smtpResponse`), SendGrid (`sg_event_id`, `smtp-id`), Mailgun (`delivery-status`),
 * SparkPost (`raw_reason`, `bounce_class`), Postmark (`"RecordType": "Bounce"`, `BouncedAt`);
 * also inside an Amazon SNS envelope, whose `Message` string quotes them as `\"bouncedRecipients\"`.
 */
const ESP_KEY = /"(?:bouncedRecipients|delayedRecipients|diagnosticCode|smtpResponse|sg_event_id|smtp-id|delivery-status|raw_reason|bounce_class|BouncedAt|RecordType"[ \t]*:[ \t]*"(?:Bounce|Delivery))\\?"/;

/** DSN fields (RFC 3464) or the MIME type of a delivery report. */
const DSN_FIELD = /^(?:Final-Recipient|Diagnostic-Code|Reporting-MTA)[ \t]*:|^Content-Type:[ \t]*message\/delivery-status/im;

/** A transcript with side markers: `S: 250 ...`, `C: EHLO ...`, `<<< 220 ...`, `-> MAIL FROM:...`. */
const MARKED_TRANSCRIPT = /^[ \t]*(?:S:|C:|<<<|>>>|<-|->)[ \t]*(?:\d{3}[ -]|(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|QUIT)\b)/m;
/** A bare session, as `telnet mx 25` or `openssl s_client` shows it: a greeting... */
const GREETING = /^220[ -]/m;
/** ...and a client's hello. */
const HELLO = /^(?:EHLO|HELO|LHLO)[ \t]+[^ \t\r\n]/im;
/** `exim -bh`/`-bs` output: its banner starts a session whose replies have no markers. */
const TESTING_SESSION = /^\*\*\*\* SMTP testing session/m;

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

/**
 * Mail-server configuration: Postfix `*_reject_code =`, `smtpd_*`/`postscreen_*` settings,
 * access, check and DSN-filter actions (`/regexp/ 5.7.1 text`), Exim ACL `message =`, Sendmail `ERROR:` and `$#error` rules.
 */
const CONFIG = /^[ \t]*(?:[a-z][a-z0-9_]{0,60}_(?:reject|defer|reply)_code|(?:smtpd|postscreen|lmtp)_[a-z0-9_]{1,60})[ \t]*=|^[^#\s][^\s]{0,255}[ \t]+(?:REJECT|DEFER|DEFER_IF_PERMIT)\b|^\/(?:[^\/\\\r\n]|\\.){1,500}\/[a-z]{0,5}[ \t]+(?:REJECT|DEFER|[245]\.\d{1,3}\.\d{1,3}[ \t]|[45]\d\d[ \t])|^[ \t]*(?:deny|drop|warn)\b.{0,200}\bmessage[ \t]*=|ERROR:"?\d|\$#error\b/m;

/** Mail-server log lines: an MTA's syslog tag, or the words of its delivery records. */
const MAIL_LOG = /\b(?:postfix\/(?:[a-z0-9-]{1,30}\/)?[a-z0-9-]{1,30}|sendmail|exim)\[\d{1,10}\]:|\b(?:dsn=[245]\.\d|status=(?:sent|bounced|deferred|expired)\b|stat=(?:Sent|Deferred)\b)|SMTP error from remote mail server/;

/** The header line of a CSV or TSV export naming a delivery-status column. */
const TRACKING_HEADER = /(?:^|[,;\t]) *"?(?:smtp[ _-]?(?:response|code|status|reply)|diagnostic[ _-]?code|bounce[ _-]?(?:reason|code)|recipient[ _-]?status|enhanced[ _-]?(?:status|code))"? *(?:[,;\t]|$)/i;

/** A reply code with its enhanced code, `550 5.1.1` or `421-4.7.0`, standing alone. */
const CODE_PAIR = /(?:^|[\s"'(=:;,[<])[2-5][0-5]\d[ -][245]\.\d{1,3}\.\d{1,3}(?:$|[\s"'),;:\]>.])/m;

/** Mail headers: a message or a bounce, even without DSN fields. */
const MAIL_HEADERS = /^(?:From |Return-Path:|Received:|Subject:|X-[A-Za-z-]{1,60}:)/m;
/** A bounce's subject or sender, for bounces that quote no code (`Subject: failure notice`). */
const BOUNCE_SUBJECT = /^Subject:[ \t]*(?:Undeliver|Delivery Status Notification|Mail delivery failed|failure notice|Returned mail|Delivery Failure|Non-?delivery|Mail System Error|Delivery has failed)/im;
const BOUNCE_SENDER = /^From:[ \t]*(?:"?Mail Delivery (?:System|Subsystem)"?[ \t]*)?<?(?:MAILER-DAEMON|postmaster)@/im;

/** The start of `text` the sniffer reads: whole lines within SNIFF_CHARS and SNIFF_LINES. */
export function sniffWindow(text: string): string {
  const window = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  let lines = 0;
  for (let i = window.indexOf('\n'); i >= 0; i = window.indexOf('\n', i + 1)) {
    if (++lines === SNIFF_LINES) return window.slice(0, i);
  }
  return window;
}

/**
 * The kind of SMTP text the start of a document holds, or undefined when it does not look
 * like SMTP at all (then an editor should not spend a language server on it).
 */
export function sniffKind(text: string): DocumentKind | undefined {
  const head = sniffWindow(text);
  const first = head.trimStart().charAt(0);
  if ((first === '{' || first === '[') && ESP_KEY.test(head)) return 'json';
  // A session can print a bounce it sends: its own clues come before the DSN fields.
  if (TESTING_SESSION.test(head) || (GREETING.test(head) && HELLO.test(head))) return 'transcript';
  if (DSN_FIELD.test(head)) return 'dsn';
  if (MARKED_TRANSCRIPT.test(head) || CLIENT_SESSIONS.some((pattern) => pattern.test(head))) return 'transcript';
  if (CONFIG.test(head)) return 'config';
  const mail = MAIL_HEADERS.test(head);
  if (MAIL_LOG.test(head) || TRACKING_HEADER.test(firstLine(head)) || CODE_PAIR.test(head)) return mail ? 'dsn' : 'log';
  if (mail && (BOUNCE_SUBJECT.test(head) || BOUNCE_SENDER.test(head))) return 'dsn';
  return undefined;
}

/** Does the start of `text` hold mail headers? Read as bounce text when nothing says more. */
export function looksLikeMail(text: string): boolean {
  return MAIL_HEADERS.test(sniffWindow(text));
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
