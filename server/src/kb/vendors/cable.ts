// US cable providers' block codes: Comcast (legacy Comcast servers; comcast.net mail is moving
// to Yahoo's) and Cox. Both are official postmaster tables; meanings are our own paraphrases.
import type { VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';

const comcast = tokenDictionary('comcast', 'Comcast', page('Comcast mail delivery error codes',
  'http://postmaster.comcast.net/mail-error-codes.html', 'official'));

const cox = tokenDictionary('cox', 'Cox', page('Cox postmaster: error codes',
  'http://postmaster.cox.net/confluence/display/postmaster/Error+Codes', 'official'));
const coxForum = tokenDictionary('cox', 'Cox', page('AUP#CXSNDR error trigger depends upon message content (Cox forums)',
  'https://forums.cox.com/discussions/internet/aupcxsndr----error-trigger-depends-upon-message-content/109845', 'community'));

const DELIST = 'Remove the IP from the named list (each list has its own removal page), then retry.';

export const CABLE_TOKENS: readonly VendorToken[] = [
  comcast('BL000000', 'blocked', 'The sending IP sent mail in patterns typical of spam.', 'Find the cause, then ask Comcast for removal.'),
  comcast('BL000001', 'blocked', 'The sending IP is on the Spamhaus ZEN block list.', DELIST),
  comcast('BL000010', 'blocked', 'The sending IP is on Cloudmark CSI.', DELIST),
  comcast('BL000100', 'blocked', 'The sending IP is on the SenderScore block list.', DELIST),
  comcast('ES000001', 'blocked', 'Mail came straight from Comcast\'s own dynamic or residential address space.', 'Send through Comcast\'s mail servers, not from a home connection.'),
  comcast('ES000010', 'blocked', 'Mail came from dynamic or residential address space elsewhere (often judged from the reverse DNS name).', 'Send from a static IP whose reverse DNS name looks like a mail server.'),
  cox('CXBL', 'blocked', 'Cox blocked the sending IP for spam-like behaviour; Cox alone decides on unblocking.', 'Ask for review through Cox\'s contact form.'),
  cox('CDRBL', 'blocked', 'Cox blocked the sending IP for up to 24 hours for spam-like behaviour.', 'Check the traffic for spam and retry later.'),
  cox('IPBL0001', 'blocked', 'The sending IP is on the Spamhaus ZEN block list.', DELIST),
  cox('IPBL0010', 'blocked', 'The sending IP is on the Return Path block list.', DELIST),
  cox('IPBL0100', 'blocked', 'The sending IP is on the Invaluement ivmSIP list.', DELIST),
  cox('IPBL1000', 'blocked', 'The sending IP is on Cloudmark CSI.', DELIST),
  coxForum('CXSNDR', 'rejected', 'Cox refused the sender: the sending domain failed its SPF or DKIM checks or does not resolve to an MX or A record.', 'Make the sending domain resolve and pass SPF or DKIM.'),
];
