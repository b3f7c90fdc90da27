// Basic three-digit SMTP reply codes (basic.csv): meaning, references and the
// commands each validly answers (RFC 5321 s4.3.2 and the extension RFCs).
// Explanations in our own words live in ./basic-advice.ts.

import { BASIC_ADVICE } from './basic-advice';
import type { BasicEntry, CommandReply, SmtpCommand } from './types';

/** Success (S), intermediate (I) and error (E) replies to a command, as RFC 5321 s4.3.2 lists them. */
const S = (command: SmtpCommand): CommandReply => ({ command, kind: 'S' });
const I = (command: SmtpCommand): CommandReply => ({ command, kind: 'I' });
const E = (command: SmtpCommand | 'ANY', except?: readonly SmtpCommand[]): CommandReply =>
  except === undefined ? { command, kind: 'E' } : { command, kind: 'E', except };

function row(
  code: number,
  meaning: string,
  references: readonly string[],
  answers: readonly CommandReply[],
  answersSource: string,
  notes: string,
): BasicEntry {
  const advice = BASIC_ADVICE[code];
  if (advice === undefined) throw new Error(`no advice written for ${code}`);
  return { code, meaning, references, answers, answersSource, notes, advice };
}

export const BASIC_CODES: readonly BasicEntry[] = [
  row(211, 'System status, or system help reply', ['RFC 5321 s4.2.2/s4.2.3'], [S('HELP')], 'RFC 5321 s4.3.2', ''),
  row(214, 'Help message', ['RFC 5321 s4.2.2/s4.2.3'], [S('HELP')], 'RFC 5321 s4.3.2', 'text useful only to a human'),
  row(220, '<domain> Service ready', ['RFC 5321 s4.2.2/s4.2.3', 'RFC 3207 s4'], [S('CONNECT'), S('STARTTLS')], 'RFC 5321 s4.3.2; RFC 3207 s4', 'text is machine-parsed (RFC 5321 s4.2); STARTTLS use: Ready to start TLS'),
  row(221, '<domain> Service closing transmission channel', ['RFC 5321 s4.2.2/s4.2.3'], [S('QUIT')], 'RFC 5321 s4.3.2', 'text is machine-parsed (RFC 5321 s4.2)'),
  row(235, 'Authentication succeeded', ['RFC 4954 s6'], [S('AUTH')], 'RFC 4954 s4, s6', 'enhanced 2.7.0 suggested'),
  row(250, 'Requested mail action okay, completed', ['RFC 5321 s4.2.2/s4.2.3'], [S('EHLO'), S('HELO'), S('MAIL'), S('RCPT'), S('DATA-END'), S('RSET'), S('VRFY'), S('EXPN'), S('NOOP')], 'RFC 5321 s4.3.2', ''),
  row(251, 'User not local; will forward', ['RFC 5321 s4.2.2/s4.2.3, s3.4'], [S('RCPT'), S('VRFY')], 'RFC 5321 s4.3.2', 'text is machine-parsed (RFC 5321 s4.2)'),
  row(252, 'Cannot VRFY user, but will accept message and attempt delivery', ['RFC 5321 s4.2.2/s4.2.3, s3.5.3'], [S('VRFY'), S('EXPN')], 'RFC 5321 s4.3.2', 'not a listed RCPT reply in RFC 5321 s4.3.2'),
  row(253, 'ETRN: OK, messages pending for node started', ['RFC 1985 (Informational)'], [S('ETRN')], 'secondary sources only', 'RFC 1985 text not read; appears in IANA X.5.0 associated codes'),
  row(334, 'AUTH server challenge (base64 text)', ['RFC 4954 s4, s8'], [I('AUTH')], 'RFC 4954 s4', 'empty challenge is "334 " with a space'),
  row(354, 'Start mail input; end with <CRLF>.<CRLF>', ['RFC 5321 s4.2.2/s4.2.3'], [I('DATA')], 'RFC 5321 s4.3.2', 'no enhanced code on 3xx (RFC 2034 s4)'),
  row(421, '<domain> Service not available, closing transmission channel', ['RFC 5321 s4.2.2/s4.2.3'], [E('ANY')], 'RFC 5321 s4.3.2 (any command)', 'text is machine-parsed (RFC 5321 s4.2)'),
  row(422, '(no standard meaning; registry alternative for X.7.12)', ['IANA ESC registry X.7.12 / RFC 5248 Table 1'], [], 'none found', 'registry-only: no defining RFC text located'),
  row(430, '(no standard meaning; registry alternative for X.5.1)', ['IANA ESC registry X.5.1 / RFC 5248 Table 1'], [], 'none found', 'registry-only: no defining RFC text located'),
  row(432, 'A password transition is needed', ['RFC 4954 s6'], [E('AUTH')], 'RFC 4954 s6', 'enhanced 4.7.12 suggested'),
  row(450, 'Requested mail action not taken: mailbox unavailable', ['RFC 5321 s4.2.2/s4.2.3'], [E('RCPT'), E('DATA-END')], 'RFC 5321 s4.3.2', 'DATA-END use is for policy rejections'),
  row(451, 'Requested action aborted: local error in processing', ['RFC 5321 s4.2.2/s4.2.3'], [E('MAIL'), E('RCPT'), E('DATA-END')], 'RFC 5321 s4.3.2', 's4.2.2 text omits "local"'),
  row(452, 'Requested action not taken: insufficient system storage', ['RFC 5321 s4.2.2/s4.2.3, s4.5.3.1.10', 'RFC 1870 s6'], [E('MAIL'), E('RCPT'), E('DATA-END')], 'RFC 5321 s4.3.2; RFC 1870 s6.1, s6.4', 'correct code for too many recipients (s4.5.3.1.10)'),
  row(453, 'ATRN: You have no mail', ['RFC 2645 (ODMR)'], [], 'secondary sources only', 'RFC 2645 text not read; appears in IANA X.3.2 associated codes'),
  row(454, 'Temporary authentication failure / TLS not available due to temporary reason', ['RFC 4954 s6', 'RFC 3207 s4'], [E('AUTH'), E('STARTTLS')], 'RFC 4954 s6; RFC 3207 s4', 'enhanced 4.7.0 suggested for AUTH'),
  row(455, 'Server unable to accommodate parameters', ['RFC 5321 s4.2.2/s4.2.3'], [E('MAIL'), E('RCPT')], 'RFC 5321 s4.3.2', ''),
  row(458, 'ETRN: Unable to queue messages for node', ['RFC 1985 (Informational)'], [E('ETRN')], 'secondary sources only', 'RFC 1985 text not read; appears in IANA X.5.0 associated codes'),
  row(459, 'ETRN: Node not allowed', ['RFC 1985 (Informational)'], [E('ETRN')], 'secondary sources only', 'RFC 1985 text not read; appears in IANA X.5.0 associated codes'),
  row(500, 'Syntax error, command unrecognized (incl. line too long)', ['RFC 5321 s4.2.2/s4.2.3, s4.2.4', 'RFC 4954 s6'], [E('ANY'), E('EXPN'), E('AUTH')], 'RFC 5321 s4.3.2 (any command); RFC 4954 s4, s6', 'AUTH: exchange line too long, enhanced 5.5.6'),
  row(501, 'Syntax error in parameters or arguments', ['RFC 5321 s4.2.2/s4.2.3', 'RFC 4954 s4', 'RFC 3207 s4'], [E('ANY'), E('AUTH'), E('STARTTLS')], 'RFC 5321 s4.3.2 (any command); RFC 4954 s4; RFC 3207 s4', 'DATA/RSET/QUIT with arguments SHOULD get 501; AUTH cancel "*" or bad base64'),
  row(502, 'Command not implemented', ['RFC 5321 s4.2.2/s4.2.3, s4.2.4'], [E('EHLO'), E('HELO'), E('VRFY'), E('EXPN'), E('HELP')], 'RFC 5321 s4.3.2', 'EHLO 502 only from old servers without EHLO; use 500 if command not recognized'),
  row(503, 'Bad sequence of commands', ['RFC 5321 s4.2.2/s4.2.3', 'RFC 4954 s4'], [E('MAIL'), E('RCPT'), E('DATA'), E('AUTH')], 'RFC 5321 s4.3.2; RFC 4954 s4', 'AUTH after successful AUTH or during a transaction'),
  row(504, 'Command parameter not implemented', ['RFC 5321 s4.2.2/s4.2.3', 'RFC 4954 s4'], [E('EHLO'), E('HELO'), E('VRFY'), E('EXPN'), E('HELP'), E('AUTH')], 'RFC 5321 s4.3.2; RFC 4954 s4', 'AUTH: unsupported mechanism, enhanced 5.5.4'),
  row(521, 'Host does not accept mail', ['RFC 7504 (updates RFC 5321; first in RFC 1846)'], [E('CONNECT')], 'RFC 7504 s1 (abstract/intro)', 'IANA pairs with X.3.2'),
  row(523, '(no standard meaning; registry association for X.7.10 Encryption Needed)', ['IANA ESC registry X.7.10 / RFC 5248'], [], 'none found', 'registry-only: RFC 5248 says it came from industry use without a published spec'),
  row(524, '(no standard meaning; registry alternative for X.7.11)', ['IANA ESC registry X.7.11 / RFC 5248 Table 1'], [], 'none found', 'registry-only'),
  row(525, '(no standard meaning; registry association for X.7.13 User Account Disabled)', ['IANA ESC registry X.7.13 / RFC 5248'], [], 'none found', 'registry-only'),
  row(530, 'Authentication required', ['RFC 4954 s6', 'RFC 3207 s4'], [E('ANY', ['AUTH', 'EHLO', 'HELO', 'NOOP', 'RSET', 'QUIT'])], 'RFC 4954 s6', 'RFC 3207 use (STARTTLS required first) not verified from RFC text; enhanced 5.7.0 suggested'),
  row(533, '(no standard meaning; registry alternative for X.7.1)', ['IANA ESC registry X.7.1 / RFC 5248 Table 1'], [], 'none found', 'registry-only'),
  row(534, 'Authentication mechanism is too weak', ['RFC 4954 s6'], [E('AUTH')], 'RFC 4954 s6', 'enhanced 5.7.9 suggested'),
  row(535, 'Authentication credentials invalid', ['RFC 4954 s4, s6'], [E('AUTH')], 'RFC 4954 s4, s6', 'enhanced 5.7.8 suggested'),
  row(538, 'Encryption required for requested authentication mechanism', ['RFC 4954 s6'], [E('AUTH')], 'RFC 4954 s6', 'historical only (RFC 4954 s1, s6); enhanced 5.7.11'),
  row(550, 'Requested action not taken: mailbox unavailable', ['RFC 5321 s4.2.2/s4.2.3'], [E('EHLO'), E('HELO'), E('MAIL'), E('RCPT'), E('DATA-END'), E('VRFY'), E('EXPN')], 'RFC 5321 s4.3.2', 'DATA-END use is for policy rejections'),
  row(551, 'User not local; please try <forward-path>', ['RFC 5321 s4.2.2/s4.2.3, s3.4'], [E('RCPT'), E('VRFY')], 'RFC 5321 s4.3.2', 'text is machine-parsed (RFC 5321 s4.2)'),
  row(552, 'Requested mail action aborted: exceeded storage allocation', ['RFC 5321 s4.2.2/s4.2.3', 'RFC 1870 s4, s6'], [E('MAIL'), E('RCPT'), E('DATA-END')], 'RFC 5321 s4.3.2; RFC 1870 s6', 'SIZE: declared size over fixed maximum; clients SHOULD treat 552 for too-many-recipients as temporary (RFC 5321 s4.5.3.1.10)'),
  row(553, 'Requested action not taken: mailbox name not allowed', ['RFC 5321 s4.2.2/s4.2.3'], [E('MAIL'), E('RCPT'), E('VRFY')], 'RFC 5321 s4.3.2', ''),
  row(554, 'Transaction failed (or No SMTP service here at connection open)', ['RFC 5321 s4.2.2/s4.2.3, s3.1, s3.3'], [E('CONNECT'), E('DATA'), E('DATA-END')], 'RFC 5321 s4.3.2', 'DATA: e.g. no valid recipients'),
  row(555, 'MAIL FROM/RCPT TO parameters not recognized or not implemented', ['RFC 5321 s4.2.2/s4.2.3'], [E('MAIL'), E('RCPT')], 'RFC 5321 s4.3.2', 'defined by RFC 5321, not RFC 1870'),
  row(556, 'Domain does not accept mail', ['RFC 7504', 'RFC 7505'], [], 'RFC 7504 s1 (intro): used by a relay reporting a null-MX destination upstream; command not confirmed', 'IANA pairs with X.1.10'),
];
