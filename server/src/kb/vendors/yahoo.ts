// Yahoo / AOL (also the consumer mail of Comcast and AT&T, which moved to Yahoo's servers):
// the bracketed codes Yahoo writes into its replies. Meanings are our own paraphrases.
import type { VendorToken } from '../types';
import { tokenDictionary } from './tokens';

const community = tokenDictionary('yahoo', {
  title: 'Yahoo / AOL SMTP Error Code Directory (tamingdns.com)',
  url: 'https://tamingdns.com/bounce-decoder/yahoo',
  read: '2026-12-03',
  official: false,
});

export const YAHOO_TOKENS: readonly VendorToken[] = [
  community('[TSS02]', 'blocked', 'Mail from the sending IP is deferred: too many connections, user complaints, or an IP or domain Yahoo has not yet verified.', 'Open fewer connections, keep complaint rates low and authenticate the mail; Yahoo lifts the deferral by itself.'),
  community('[TSS04]', 'blocked', 'Mail from the sending IP is temporarily deferred because of an unexpected volume or user complaints.', 'Slow down, remove unengaged recipients and let the sending server retry.'),
];
