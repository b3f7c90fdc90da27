// Yahoo / AOL (also the consumer mail of Comcast and AT&T, which moved to Yahoo's servers):
// the bracketed codes Yahoo writes into its replies. Meanings are our own paraphrases.
import type { VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';

const community = tokenDictionary('yahoo', 'Yahoo / AOL', page('Yahoo / AOL SMTP Error Code Directory (tamingdns.com)',
  'https://tamingdns.com/bounce-decoder/yahoo', 'community'));

export const YAHOO_TOKENS: readonly VendorToken[] = [
  community('[TSS02]', 'blocked', 'Mail from the sending IP is deferred: too many connections, user complaints, or an IP or domain Yahoo has not verified yet.', 'Open fewer connections, keep complaints low and authenticate the mail; the deferral lifts by itself.'),
  community('[TSS04]', 'blocked', 'Mail from the sending IP is deferred for now because of an unexpected volume or user complaints.', 'Slow down, drop unengaged recipients and let the sending server retry.'),
];
