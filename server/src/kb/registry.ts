// The IANA "SMTP Enhanced Status Codes" registry, last updated 2024-12-06:
// every enumerated code with the registry's title, associated basic codes and
// references, submitter and change controller, plus the permanence RFC 3463 s3
// implies (rules.md s2) and RFC 3463 Appendix A's differing titles.
// Explanations in our own words live in ./registry-advice.ts.

import { REGISTRY_ADVICE } from './registry-advice';
import type { Permanence, RegistryEntry, StatusClass } from './types';

/** Associated codes: a list, 'any' (registry says Any), or a class wildcard such as '5XX'. */
type Associated = readonly number[] | 'any' | '5XX';

function row(
  key: string,
  title: string,
  associated: Associated,
  associatedRaw: string,
  references: readonly string[],
  permanence: Permanence,
  permanenceSource: string,
  submitter: string,
  changeController: string,
  rfc3463AppendixATitle = '',
): RegistryEntry {
  const [, subject, detail] = key.split('.').map(Number) as [number, number, number];
  const advice = REGISTRY_ADVICE[key];
  if (advice === undefined) throw new Error(`no advice written for ${key}`);
  const wildcard: StatusClass | undefined = associated === '5XX' ? 5 : undefined;
  return {
    key, subject, detail, title,
    associatedBasic: associated === '5XX' ? [] : associated,
    ...(wildcard === undefined ? {} : { associatedAnyOf: wildcard }),
    associatedRaw, references, permanence, permanenceSource, submitter, changeController, rfc3463AppendixATitle, advice,
  };
}

// The submitter and change controller of most rows.
const GV = 'G. Vaudreuil';
const IESG = 'IESG';

export const REGISTRY: readonly RegistryEntry[] = [
  row('X.0.0', 'Other undefined Status', 'any', 'Any', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG, '(not listed in Appendix A)'),
  row('X.1.0', 'Other address status', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.1.1', 'Bad destination mailbox address', [451, 550], '451, 550', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.1.2', 'Bad destination system address', [], 'Not given', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.1.3', 'Bad destination mailbox address syntax', [501], '501', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.1.4', 'Destination mailbox address ambiguous', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.1.5', 'Destination address valid', [250], '250', ['RFC 3463'], 'success', 'RFC 3463 s3', GV, IESG, 'Destination mailbox address valid'),
  row('X.1.6', 'Destination mailbox has moved, No forwarding address', [], 'Not given', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG, 'Mailbox has moved'),
  row('X.1.7', "Bad sender's mailbox address syntax", [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.1.8', "Bad sender's system address", [451, 501], '451, 501', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.1.9', 'Message relayed to non-compliant mailer', [], 'Not given', ['RFC 3886'], 'n/a', 'not in RFC 3463', 'E. Allman', IESG),
  row('X.1.10', 'Recipient address has null MX', [556], '556', ['RFC 7505', 'RFC 7504'], 'n/a', 'not in RFC 3463', 'J. Levine, M. Delany, J. Klensin', IESG),
  row('X.2.0', 'Other or undefined mailbox status', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.2.1', 'Mailbox disabled, not accepting messages', [], 'Not given', ['RFC 3463'], 'both', 'RFC 3463 s3', GV, IESG),
  row('X.2.2', 'Mailbox full', [552], '552', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG),
  row('X.2.3', 'Message length exceeds administrative limit', [552], '552', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.2.4', 'Mailing list expansion problem', [450, 452], '450, 452', ['RFC 3463'], 'both', 'RFC 3463 s3', GV, IESG),
  row('X.3.0', 'Other or undefined mail system status', [221, 250, 421, 451, 550, 554], '221, 250, 421, 451, 550, 554', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.3.1', 'Mail system full', [452], '452', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG),
  row('X.3.2', 'System not accepting network messages', [453, 521], '453, 521', ['RFC 3463', 'RFC 7504'], 'both', 'RFC 3463 s3', 'G. Vaudreuil, J. Klensin', IESG),
  row('X.3.3', 'System not capable of selected features', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.3.4', 'Message too big for system', [552, 554], '552, 554', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.3.5', 'System incorrectly configured', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG, '(not listed in Appendix A)'),
  row('X.3.6', 'Requested priority was changed', [250, 251], '250 or 251', ['RFC 6710'], 'n/a', 'not in RFC 3463', 'A. Melnikov', IESG),
  row('X.4.0', 'Other or undefined network or routing status', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.4.1', 'No answer from host', [451], '451', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG),
  row('X.4.2', 'Bad connection', [421], '421', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG),
  row('X.4.3', 'Directory server failure', [451, 550], '451, 550', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG, 'Routing server failure'),
  row('X.4.4', 'Unable to route', [], 'Not given', ['RFC 3463'], 'both', 'RFC 3463 s3', GV, IESG),
  row('X.4.5', 'Mail system congestion', [451], '451', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG, 'Network congestion'),
  row('X.4.6', 'Routing loop detected', [], 'Not given', ['RFC 3463'], 'persistent-transient', 'RFC 3463 s3', GV, IESG),
  row('X.4.7', 'Delivery time expired', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.5.0', 'Other or undefined protocol status', [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554], '220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.5.1', 'Invalid command', [430, 500, 501, 503, 530, 550, 554, 555], '430, 500, 501, 503, 530, 550, 554, 555', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.5.2', 'Syntax error', [500, 501, 502, 550, 555], '500, 501, 502, 550, 555', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.5.3', 'Too many recipients', [451], '451', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.5.4', 'Invalid command arguments', [451, 501, 502, 503, 504, 550, 555], '451, 501, 502, 503, 504, 550, 555', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.5.5', 'Wrong protocol version', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.5.6', 'Authentication Exchange line is too long', [500], '500', ['RFC 4954'], 'both', 'RFC 4954 s6', 'R. Siemborski, A. Melnikov', IESG),
  row('X.6.0', 'Other or undefined media error', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.6.1', 'Media not supported', [], 'Not given', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.6.2', 'Conversion required and prohibited', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.6.3', 'Conversion required but not supported', [554], '554', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.6.4', 'Conversion with loss performed', [250], '250', ['RFC 3463'], 'success-or-permanent', 'RFC 3463 s3', GV, IESG),
  row('X.6.5', 'Conversion Failed', [], 'Not given', ['RFC 3463'], 'both', 'RFC 3463 s3', GV, IESG),
  row('X.6.6', 'Message content not available', [554], '554', ['RFC 4468'], 'n/a', 'not in RFC 3463', 'C. Newman', IESG),
  row('X.6.7', 'Non-ASCII addresses not permitted for that sender/recipient', [553, 550], '553, 550', ['RFC 6531'], 'n/a', 'not in RFC 3463', 'Jiankang YAO', 'ima@ietf.org'),
  row('X.6.8', 'UTF-8 string reply is required, but not permitted by the SMTP client', [252, 553, 550], '252, 553, 550', ['RFC 6531'], 'n/a', 'not in RFC 3463', 'Jiankang YAO', 'ima@ietf.org'),
  row('X.6.9', 'UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected', [550], '550', ['RFC 6531'], 'n/a', 'not in RFC 3463', 'Jiankang YAO', 'ima@ietf.org'),
  {
    // The registry keeps X.6.10 only to say it duplicates X.6.8 (RFC 6531 s4.2).
    ...row('X.6.10', '', [], '', ['RFC 6531'], 'n/a', 'not in RFC 3463', '', ''),
    deprecated: { successor: 'X.6.8', reason: 'duplicate of X.6.8' },
  },
  row('X.7.0', 'Other or undefined security status', [220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550], '220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.7.1', 'Delivery not authorized, message refused', [451, 454, 502, 503, 533, 550, 551], '451, 454, 502, 503, 533, 550, 551', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.7.2', 'Mailing list expansion prohibited', [550], '550', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.7.3', 'Security conversion required but not possible', [], 'Not given', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.7.4', 'Security features not supported', [504], '504', ['RFC 3463'], 'permanent', 'RFC 3463 s3', GV, IESG),
  row('X.7.5', 'Cryptographic failure', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.7.6', 'Cryptographic algorithm not supported', [], 'Not given', ['RFC 3463'], 'unspecified', 'RFC 3463 s3', GV, IESG),
  row('X.7.7', 'Message integrity failure', [], 'Not given', ['RFC 3463'], 'any', 'RFC 3463 s3', GV, IESG),
  row('X.7.8', 'Authentication credentials invalid', [535, 554], '535, 554', ['RFC 4954'], 'n/a', 'not in RFC 3463', 'R. Siemborski, A. Melnikov', IESG),
  row('X.7.9', 'Authentication mechanism is too weak', [534], '534', ['RFC 4954'], 'n/a', 'not in RFC 3463', 'R. Siemborski, A. Melnikov', IESG),
  row('X.7.10', 'Encryption Needed', [523], '523', ['RFC 5248'], 'n/a', 'not in RFC 3463', 'T. Hansen, J. Klensin', IESG),
  row('X.7.11', 'Encryption required for requested authentication mechanism', [524, 538], '524, 538', ['RFC 4954'], 'n/a', 'not in RFC 3463', 'R. Siemborski, A. Melnikov', IESG),
  row('X.7.12', 'A password transition is needed', [422, 432], '422, 432', ['RFC 4954'], 'n/a', 'not in RFC 3463', 'R. Siemborski, A. Melnikov', IESG),
  row('X.7.13', 'User Account Disabled', [525], '525', ['RFC 5248'], 'n/a', 'not in RFC 3463', 'T. Hansen, J. Klensin', IESG),
  row('X.7.14', 'Trust relationship required', [535, 554], '535, 554', ['RFC 5248'], 'n/a', 'not in RFC 3463', 'T. Hansen, J. Klensin', IESG),
  row('X.7.15', 'Priority Level is too low', [450, 550], '450, 550 (other 4XX or 5XX codes are allowed)', ['RFC 6710'], 'n/a', 'not in RFC 3463', 'A. Melnikov', IESG),
  row('X.7.16', 'Message is too big for the specified priority', [552], '552 (other 4XX or 5XX codes are allowed)', ['RFC 6710'], 'n/a', 'not in RFC 3463', 'A. Melnikov', IESG),
  row('X.7.17', 'Mailbox owner has changed', '5XX', '5XX', ['RFC 7293'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.18', 'Domain owner has changed', '5XX', '5XX', ['RFC 7293'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.19', 'RRVS test cannot be completed', '5XX', '5XX', ['RFC 7293'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.20', 'No passing DKIM signature found', [550], '550', ['RFC 7372', 'RFC 6376'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.21', 'No acceptable DKIM signature found', [550], '550', ['RFC 7372', 'RFC 6376'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.22', 'No valid author-matched DKIM signature found', [550], '550', ['RFC 7372', 'RFC 6376'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.23', 'SPF validation failed', [550], '550', ['RFC 7372', 'RFC 7208'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.24', 'SPF validation error', [451, 550], '451/550', ['RFC 7372', 'RFC 7208'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.25', 'Reverse DNS validation failed', [550], '550', ['RFC 7372, Section 3.3'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.26', 'Multiple authentication checks failed', [550], '550', ['RFC 7372'], 'n/a', 'not in RFC 3463', 'M. Kucherawy', IESG),
  row('X.7.27', 'Sender address has null MX', [550], '550', ['RFC 7505'], 'n/a', 'not in RFC 3463', 'J. Levine, M. Delany', IESG),
  row('X.7.28', 'Mail flood detected', [], '.', ['draft-levine-mailbomb-header-00'], 'n/a', 'not in RFC 3463', 'J. Levine', 'standards@taugh.com'),
  row('X.7.29', 'ARC validation failure', [550], '550', ['RFC 8617'], 'n/a', 'not in RFC 3463', 'K. Andersen', IESG),
  row('X.7.30', 'REQUIRETLS support required', [550], '550', ['RFC 8689'], 'n/a', 'not in RFC 3463', 'J. Fenton', IESG),
];
