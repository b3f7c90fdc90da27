// Yahoo / AOL (also the consumer mail of Comcast and AT&T, which moved to Yahoo's servers):
// the bracketed codes Yahoo writes into its replies. Meanings are our own paraphrases.
import type { VendorCode, VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';
import { dictionary } from './written';

const helpCenter = dictionary('yahoo', 'Yahoo / AOL', page('Error "554 5.7.9: Message not accepted for policy reasons" when sending email to Yahoo',
  'https://help.yahoo.com/kb/SLN7253.html', 'official', '2014-04-16'));

export const YAHOO_CODES: readonly VendorCode[] = [
  helpCenter('554 5.7.9', 'Yahoo could not verify that the message comes from the domain it claims: it failed DKIM, SPF or DMARC (Yahoo\'s use; the registry\'s X.7.9 is a too-weak authentication mechanism).', 'Fix DKIM, SPF and DMARC for the sending domain.', 'authfailure'),
].flat();

const ph01 = tokenDictionary('yahoo', 'Yahoo / AOL', page('Why Yahoo is rejecting your mail (scottiestech.info)',
  'https://scottiestech.info/2015/03/22/why-yahoo-is-rejecting-your-mail/', 'community', '2015-03-22'));

const community = tokenDictionary('yahoo', 'Yahoo / AOL', page('Yahoo / AOL SMTP Error Code Directory (tamingdns.com)',
  'https://tamingdns.com/bounce-decoder/yahoo', 'community'));

const rejectedHelp = tokenDictionary('yahoo', 'Yahoo / AOL', page('Email sent to Yahoo Mail addresses is rejected',
  'https://help.yahoo.com/kb/mail-for-desktop/SLN3444.html', 'official'));

export const YAHOO_TOKENS: readonly VendorToken[] = [
  rejectedHelp('delivery error: dd This user doesn\'t have a', 'userunknown', 'The recipient\'s Yahoo user ID does not exist (Yahoo answers it after the message, not at RCPT TO).', 'Remove the address; a retry never succeeds.'),
  ph01('[PH01]', 'policyviolation', 'Yahoo refused the message for a content policy, for example what looks like phishing.', 'Check the links and content of the message; if it is legitimate, ask Yahoo\'s postmaster to review it.'),
  community('[TSS02]', 'blocked', 'Mail from the sending IP is deferred: too many connections, user complaints, or an IP or domain Yahoo has not verified yet.', 'Open fewer connections, keep complaints low and authenticate the mail; the deferral lifts by itself.'),
  community('[TSS04]', 'blocked', 'Mail from the sending IP is deferred for now because of an unexpected volume or user complaints.', 'Slow down, drop unengaged recipients and let the sending server retry.'),
];
