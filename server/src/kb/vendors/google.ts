// Google Workspace / Gmail codes, from Google's page "Gmail SMTP errors and
// codes". Meanings are our own short paraphrases; where Google sends the same
// code for several situations they are summarised in one row. Google gives
// several registered codes its own meaning (e.g. 4.7.27-4.7.30, 5.7.10).

import type { VendorCode } from '../types';
import { page } from './tokens';
import { dictionary } from './written';

// Read on the snapshot's "Last updated" date.
const g = dictionary('google', 'Google Workspace / Gmail', page('Gmail SMTP errors and codes',
  'https://support.google.com/a/answer/3726730', 'official', '2026-06-18'));

const BULK = 'Follow Google\'s sender guidelines for bulk senders.';

export const GOOGLE_CODES: readonly VendorCode[] = [
  g('450 4.2.1', 'The recipient is receiving mail faster than Gmail accepts it.', 'Resend later; the sending server retries by itself.'),
  g('450 4.2.1', 'The customer\'s peak rate for the Workspace SMTP relay service was exceeded.', 'Retry later or reduce the relay rate.'),
  g('452 4.2.2', 'The recipient\'s mailbox is out of storage space.', 'The recipient must free storage.'),
  g('451 4.3.0', 'Gmail temporarily rejected the message, e.g. because one transaction named several destination domains.', 'Retry; use one transaction per destination domain.'),
  g('421 4.3.0', 'Temporary system problem at Gmail.', 'Retry later.'),
  g('451 4.4.2', 'The connection timed out and was closed.', 'Retry.'),
  g('421 4.4.5', 'The server is busy.', 'Retry later.'),
  g('451 4.5.0', 'The client broke the SMTP protocol.', 'Check the sending software against RFC 5321.'),
  g('452 4.5.3', 'Too many recipients in one transaction (domain policy or Google\'s limit).', 'Send the remaining recipients in another transaction.'),
  g('421 4.7.0', 'Temporary refusal that closes the connection: connection expired, IP not on the recipient domain\'s allowlist, TLS required by the recipient domain, missing or mismatched PTR record, or low reputation of the sending IP, domain or content.', 'Retry later; if it persists fix what the text names (PTR record, TLS, reputation).'),
  g('454 4.7.0', 'Temporary authentication problem: too many login attempts, or a temporary system problem.', 'Wait and try to authenticate again later.'),
  g('451 4.7.23', 'The sending IP has no PTR record, or the PTR name does not resolve back to the IP; mail is rate limited (Google\'s use, not the registry\'s SPF meaning).', 'Publish matching reverse and forward DNS for the sending IP.'),
  g('451 4.7.24', 'The sending domain\'s SPF record has suspicious entries; mail is rate limited.', 'Clean up the SPF record.'),
  g('451 4.7.26', 'The From domain\'s DMARC policy rejects unauthenticated mail, but a temporary DNS failure prevented the check.', 'Retry; the domain\'s admin checks their DNS.'),
  g('421 4.7.26', 'The message passed neither SPF nor DKIM, so it is rate limited.', 'Authenticate the mail with SPF or DKIM.'),
  g('421 4.7.27', 'SPF did not pass for this message, so it is rate limited (Google\'s use; the registry\'s X.7.27 is about a null MX).', 'Set up SPF for the sending domain. ' + BULK, 'authfailure'),
  g('421 4.7.28', 'Gmail saw an unusual rate of (unsolicited) mail from this IP, netblock, DKIM or SPF domain or URL domain, or too many messages with the same Message-ID, and rate limits it.', 'Slow down and review list hygiene. ' + BULK, 'speeding'),
  g('421 4.7.29', 'The message did not come over TLS, so it is rate limited (Google\'s use; the registry\'s X.7.29 is ARC validation failure).', 'Use TLS for SMTP. ' + BULK),
  g('421 4.7.30', 'DKIM did not pass for this message, so it is rate limited (Google\'s use; the registry\'s X.7.30 is REQUIRETLS support required).', 'Sign mail with DKIM. ' + BULK, 'authfailure'),
  g('421 4.7.32', 'The From domain is not aligned with the SPF- or DKIM-authenticated domain, so the message is rate limited.', 'Align the From domain with SPF or DKIM (DMARC alignment).'),
  g('421 4.7.40', 'The sending domain has no DMARC record, or the record sets no policy; mail is rate limited.', 'Publish a DMARC record with a policy. ' + BULK),
  // Google's page pairs 5.7.32 with reply 421; RFC 2034 s4 would want 5yz.
  g('421 5.7.32', 'The From domain is not aligned with the SPF- or DKIM-authenticated domain, so the message is blocked.', 'Align the From domain with SPF or DKIM (DMARC alignment).'),
  g('550 5.1.1', 'The recipient\'s account does not exist.', 'Check the address for typos or stray spaces.'),
  g('553 5.1.2', 'The recipient\'s domain could not be found.', 'Check the domain part of the address for typos or trailing punctuation.'),
  g('553 5.1.3', 'The recipient address is not a valid RFC 5321 address.', 'Fix the address syntax.'),
  g('553 5.1.7', 'The sender address is not a valid RFC 5321 address.', 'Fix the sender address syntax.'),
  g('550 5.2.1', 'The recipient\'s account is inactive, or it receives mail at a rate that blocks further messages.', undefined, 'suspend'),
  g('552 5.2.2', 'The recipient\'s mailbox is out of storage space and the account is inactive.', 'The recipient must free storage.'),
  g('552 5.3.4', 'The message exceeds a Gmail size limit: total size, number of attachments, header size, a single header, or the Subject.', 'Send a smaller message (share large files by link).'),
  g('550 5.4.5', 'The daily sending limit of the user, or their daily SMTP relay limit, was exceeded.', 'Wait until the daily limit resets.'),
  g('554 5.4.6', 'The message passed more than 50 hops, which suggests a mail loop.', 'Check forwarding and routing for a loop.'),
  g('503 5.5.1', 'A command came out of sequence (e.g. no EHLO/HELO first, RCPT before MAIL, no DATA after BDAT).', 'Fix the sending software\'s command order.'),
  g('502 5.5.1', 'An unimplemented or unrecognised command, or too many of them.', 'Fix the sending software.'),
  g('501 5.5.2', 'Syntax error: the server could not decode the client\'s response.', 'Check the encoding of the client\'s response (e.g. AUTH base64).'),
  g('555 5.5.2', 'Syntax error in a command.', 'Fix the sending software.'),
  g('550 5.5.3', 'Too many recipients for this sender.', 'Send to fewer recipients.'),
  g('501 5.5.4', 'The HELO/EHLO argument is invalid or empty; the connection is closed.', 'Make the client send its fully qualified host name in HELO/EHLO.'),
  g('554 5.6.0', 'The message is malformed.', 'Fix the message format (RFC 5322).'),
  g('552 5.7.0', 'The content (e.g. an attachment type) is a potential security risk and was blocked.', 'Remove or replace the blocked attachment.', 'policyviolation'),
  g('503 5.7.0', 'No identity changes are permitted in this session.'),
  g('550 5.7.0', 'SMTP relay denied: the sending IP or domain is not registered in the Workspace relay settings, the account is suspended for abuse, or sending is denied.', 'Register the device IP or domain in the Workspace SMTP relay settings.'),
  g('554 5.7.0', 'Too many unauthenticated commands.', 'Authenticate before sending commands.'),
  g('530 5.7.0', 'Authentication is required, or STARTTLS must be issued first.', 'Use STARTTLS and authenticate.'),
  g('550 5.7.1', 'A policy refused the message: a recipient or domain policy, relay credentials not matching the domain, likely spam, low IP or domain reputation, IPv6 PTR/authentication rules, malformed or duplicate headers (From, Message-ID, encoded words, Unicode), an unauthorised direct-to-MX IP, or a relay sending limit.', 'Read the text after the code; it names the specific check.'),
  g('523 5.7.10', 'Commands were pipelined after STARTTLS (Google\'s use; the registry\'s X.7.10 is Encryption Needed).', 'Wait for the TLS handshake before sending further commands (RFC 3207).'),
  g('501 5.7.11', 'Syntax error: STARTTLS takes no parameters (Google\'s use; the registry\'s X.7.11 is about encryption for an AUTH mechanism).', 'Send STARTTLS without parameters.'),
  g('534 5.7.14', 'The user must sign in through a web browser first (Google\'s use; the registry\'s X.7.14 is Trust relationship required).', 'Sign in to the Google account in a browser, then retry.'),
  g('550 5.7.24', 'The sending domain\'s SPF record has suspicious entries.', 'Clean up the SPF record.'),
  g('550 5.7.25', 'The sending IP has no PTR record, or it does not resolve back to the IP.', 'Publish matching reverse and forward DNS for the sending IP.'),
  g('550 5.7.26', 'The message failed authentication: neither SPF nor DKIM passed, SPF hard-failed, or the From domain\'s DMARC policy rejects it.', 'Fix SPF, DKIM and DMARC for the sending domain.'),
  g('550 5.7.27', 'SPF did not pass for this message (Google\'s use; the registry\'s X.7.27 is about a sender with a null MX).', 'Set up SPF for the sending domain. ' + BULK, 'authfailure'),
  g('550 5.7.28', 'An unusual rate of unsolicited mail came from this IP, so mail from it is blocked.', 'Reduce volume, fix list hygiene and reputation. ' + BULK, 'blocked'),
  g('550 5.7.29', 'The message did not come over TLS, so it is blocked (the registry\'s X.7.29 is ARC validation failure).', 'Use TLS for SMTP. ' + BULK),
  g('550 5.7.30', 'DKIM did not pass for this message, so it is blocked (the registry\'s X.7.30 is REQUIRETLS support required).', 'Sign mail with DKIM. ' + BULK, 'authfailure'),
  g('550 5.7.40', 'The sending domain has no DMARC record, or the record sets no policy; the message is blocked.', 'Publish a DMARC record with a policy. ' + BULK),
  g('504 5.7.40', 'Unrecognised authentication type (e.g. XOAUTH, no longer supported).', 'Use a supported AUTH mechanism such as XOAUTH2 or PLAIN over TLS.'),
  // As the snapshot of Google's page writes them; the registry's X.7.8/X.7.9 are the standard codes.
  g('535 5.7.80', 'Username and password were not accepted.', 'Check the credentials.'),
  g('534 5.7.90', 'An application-specific password is required, or the user must sign in through a browser first.', 'Use an app password or sign in through a browser.'),
].flat();
