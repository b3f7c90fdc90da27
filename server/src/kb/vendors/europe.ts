// European mailbox providers: GMX / WEB.DE (United Internet), Telekom T-Online and Orange.
// Meanings are our own paraphrases of the pages named with each row.
import type { VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';

const gmx = tokenDictionary('gmx', 'GMX / WEB.DE', page('GMX postmaster: error messages',
  'https://postmaster.gmx.com/en/error-messages', 'official'));

const tonline = tokenDictionary('tonline', 'T-Online', page('Whoops: t-online.de not accepting mail (spamresource.com)',
  'https://www.spamresource.com/2020/06/whoops-t-onlinede-not-accepting-mail.html', 'community'));
const tonlineReputation = tokenDictionary('tonline', 'T-Online', page('Leitfaden: Wenn T-Online E-Mails blockiert (timmehosting.de)',
  'https://timmehosting.de/leitfaden-wenn-t-online-e-mails-blockiert-ursachen-und-loesungen', 'community'));

const orange = tokenDictionary('orange', 'Orange', page('Orange SMTP error codes (bentonow.com)',
  'https://bentonow.com/smtp-errors/orange', 'community'));

const TONLINE_RESET = 'Make the server\'s host name lead to an imprint page, then write to the T-Online postmaster address in the reply to have the IP reset.';

export const EUROPE_TOKENS: readonly VendorToken[] = [
  gmx('IP address is block listed', 'blocked', 'GMX refuses the connection because the sending IP is on a block list; the URL at the end of the reply explains the case.', 'Open the URL in the last line of the reply; it names the list and how to ask for removal.'),
  gmx('Bad DNS PTR resource record', 'requireptr', 'GMX refuses the connection because the sending IP has no valid reverse DNS (PTR) record, or it does not match.', 'Publish a PTR record for the IP whose name resolves back to it.'),
  tonlineReputation('None/bad reputation', 'badreputation', 'T-Online accepts mail only from hosts it knows; this IP has no or a bad reputation there, often a new or long-silent server (code NOWL).', TONLINE_RESET),
  tonline('(BL)', 'blocked', 'The sending IP is on T-Online\'s block list; the block does not lift by itself.', TONLINE_RESET),
  orange('OFR004_104', 'toomanyconn', 'The sending IP opened too many connections to Orange at once.', 'Use fewer parallel connections to Orange.'),
  orange('OFR004_105', 'blocked', 'Orange refuses service for now, usually a rate limit or the IP\'s reputation.', 'Slow down and let the sending server retry; check the IP\'s reputation.'),
];
