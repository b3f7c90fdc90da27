// SMTP sessions as client programs and libraries print them in their debug output, where a
// line's side is written in words rather than with `S:`/`C:` markers:
//   Python smtplib   `send: 'mail FROM:<a@example.org>\r\n'`, `reply: b'250 2.1.0 Ok\r\n'`,
//                    and the summaries `reply: retcode (250); Msg: b'2.1.0 Ok'`, `data: (354, b'...')`
//   PHPMailer        `CLIENT -> SERVER: MAIL FROM:<...>`, `SERVER -> CLIENT: 250 ...`,
//                    `SMTP INBOUND: "250 ok"` (level 4), `SMTP -> FROM SERVER:220 ...` (5.x)
//   Sendmail -v      `050 ` before each line of the session the MTA relays (`050 >>> RCPT To:<...>`)
//   curl -v          `* We are completely uploaded and fine` where the message content ended
//   swaks            ` -> 24 lines sent` for the content it does not show
// and the lines that open a new session: swaks `=== Connected to`, telnet `Connected to`,
// openssl `CONNECTED(00000003)`, curl `* Connected to`, Nodemailer `Connection established to`,
// JavaMail `DEBUG SMTP: trying to connect`, smtplib `connect: ('mx.example.com', 25)`, PHPMailer
// `Connection: opening to`, Sendmail `<a@example.org>... Connecting to`.
// Only transcripts are read this way, with plain string comparisons (no regex).
import { Ch, isDigit, skipSpaces, startsWithLower } from './lexer';
import type { LineScanner } from './line';

export type Side = 'server' | 'client';

export interface ClientLine {
  readonly side: Side;
  /** Where the text the side wrote starts. */
  readonly pos: number;
  /** The line repeats a reply already read (smtplib's `retcode`, PHPMailer's `SMTP INBOUND:`). */
  readonly restates?: boolean;
  /** smtplib sent the message content whole, ending in the `\r\n.\r\n` that ends it. */
  readonly endsData?: boolean;
}

/** The words client libraries write before a line, each with its side and whether it restates a reply. */
const LABELS: readonly { readonly text: string; readonly side: Side; readonly restates?: boolean }[] = [
  { text: 'reply: retcode (', side: 'server', restates: true },
  { text: 'data: (', side: 'server', restates: true },
  { text: 'reply: ', side: 'server' },
  { text: 'send: ', side: 'client' },
  { text: 'SERVER -> CLIENT:', side: 'server' },
  { text: 'CLIENT -> SERVER:', side: 'client' },
  { text: 'SMTP -> FROM SERVER:', side: 'server' },
  { text: 'SMTP INBOUND:', side: 'server', restates: true },
];

/** The side a client library's label at `at` gives the line, if it has one. */
export function clientLine(text: string, at: number): ClientLine | undefined {
  for (const label of LABELS) {
    if (!text.startsWith(label.text, at)) continue;
    const pos = afterQuote(text, skipSpaces(text, at + label.text.length));
    const endsData = label.side === 'client' && endsWithDataEnd(text);
    return { side: label.side, pos, ...(label.restates ? { restates: true } : {}), ...(endsData ? { endsData } : {}) };
  }
  return undefined;
}

/** PHPMailer's labels also follow a caller's own prefix (`SMTP (level 2): SERVER -> CLIENT: ...`). */
export function phpMailerLine(text: string, from: number): ClientLine | undefined {
  const at = text.indexOf(' -> ', from);
  if (at < 6) return undefined;
  const start = at - 6;
  return text.startsWith('SERVER', start) || text.startsWith('CLIENT', start) ? clientLine(text, start) : undefined;
}

/** Past the opening quote of a Python repr (`'`, `b'`, `u'`, `"`) or PHPMailer's `"`. */
function afterQuote(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  const prefixed = c === 98 /* b */ || c === 117 /* u */;
  const quote = text.charCodeAt(prefixed ? pos + 1 : pos);
  if (quote === Ch.Apos || quote === Ch.Quote) return prefixed ? pos + 2 : pos + 1;
  return pos;
}

/** smtplib's repr of the message content ends in the escaped `\r\n.\r\n` and the closing quote. */
function endsWithDataEnd(text: string): boolean {
  const end = text.trimEnd();
  return end.endsWith("\\r\\n.\\r\\n'") || end.endsWith('\\r\\n.\\r\\n"');
}

/**
 * Finds the codes of a line restating a reply: smtplib's `retcode (550); Msg: b'5.1.1 ...'` and
 * `data: (354, b'...')` write the reply in parentheses and its text after it; PHPMailer's
 * `SMTP INBOUND: "250 ok"` writes the reply as it came.
 */
export function readRestatement(scanner: LineScanner, pos: number): void {
  const text = scanner.text;
  if (text.charCodeAt(pos - 1) !== Ch.LParen) {
    scanner.slot(pos, 'transcript-reply', 'reply', true);
    return;
  }
  const reply = scanner.enclosed(pos, 'transcript-reply');
  if (reply === undefined) return;
  // `); Msg: b'` after a retcode, `, b'` in a data tuple.
  let msg = reply.end + 1;
  if (text.startsWith('; Msg:', reply.end + 1)) msg = reply.end + 7;
  else if (text.charCodeAt(reply.end) !== Ch.Comma) return;
  const enhanced = scanner.slot(afterQuote(text, skipSpaces(text, msg)), 'transcript-reply', 'enhanced', false);
  if (enhanced !== undefined) scanner.link(reply, enhanced);
}

/** curl's word that the message content was sent whole, as its `.` is never shown. */
export function endsUpload(text: string, at: number): boolean {
  return text.startsWith('* We are completely uploaded and fine', at);
}

/** swaks' summary of message content it did not show (`--suppress-data`): ` -> 24 lines sent`. */
export function summarisesContent(text: string, pos: number): boolean {
  let end = pos;
  while (isDigit(text.charCodeAt(end))) end++;
  return end > pos && text.startsWith(' lines sent', end) && skipSpaces(text, end + 11) >= text.length;
}

/** Sendmail's verbose prefix: the rest of the line belongs to the session it relays. */
export function isVerbosePrefix(text: string, at: number): boolean {
  return text.startsWith('050 ', at) || (text.startsWith('050', at) && at + 3 === text.length);
}

/** The informational prefixes before the words that open a session (swaks, curl, JavaMail). */
const INFO_PREFIXES = ['=== ', '* ', 'DEBUG SMTP: '];
/** What a tool writes when it opens a connection: a new session starts, with nothing pending. */
const OPENING_WORDS = ['connected to ', 'connected(', 'connection established', 'trying ', 'connect: ', 'connection: opening'];

/** Does the line say a new connection was opened (or is being tried)? */
export function opensSession(text: string, at: number): boolean {
  let pos = at;
  for (const prefix of INFO_PREFIXES) {
    if (text.startsWith(prefix, pos)) {
      pos = skipSpaces(text, pos + prefix.length);
      break;
    }
  }
  for (const word of OPENING_WORDS) if (startsWithLower(text, pos, word)) return true;
  // Sendmail: `<bob@example.com>... Connecting to mx.example.com. via esmtp...`, the address first.
  const connecting = text.indexOf('... Connecting to ', pos);
  return connecting > pos && text.lastIndexOf(' ', connecting) < pos;
}
