// Outlook.com consumer mail (Hotmail, Live, MSN), distinct from Microsoft 365: its own
// authentication rule for large senders and the block-list tokens of its protocol filter.
import type { VendorCode, VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';
import { dictionary } from './written';

const NAME = 'Outlook.com (consumer)';

const official = dictionary('outlook', NAME, page('Fix NDR error 550 5.7.515 in Outlook.com',
  'https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef', 'official'));

const spamResource = dictionary('outlook', NAME, page('Microsoft: Multiple types of invalid user bounces (Spam Resource)',
  'https://www.spamresource.com/2023/09/microsoft-multiple-types-of-invalid.html', 'community'));

export const OUTLOOK_CODES: readonly VendorCode[] = [
  spamResource('550 5.5.0', 'Outlook.com\'s usual answer to an invalid or closed address, in the stock words of RFC 5321 ("Requested action not taken: mailbox unavailable").', 'Check the address; remove it if it keeps failing.', 'userunknown'),
  official('550 5.7.515', 'The domain in the From header does not pass the authentication Outlook.com requires of large senders (SPF and DKIM passing, a DMARC record, alignment with the From domain).', 'Publish SPF, DKIM and a DMARC record for the From domain and make at least one of them align with it.', 'authfailure'),
].flat();

const s3150 = tokenDictionary('outlook', NAME, page('Why Live/Outlook/Hotmail rejects emails with 550 5.7.1 S3150 (dijitul.uk)',
  'https://dijitul.uk/live-outlook-hotmail-rejects-emails-550-5-7-1-s3150', 'community'));
const s3140 = tokenDictionary('outlook', NAME, page('Outlook, Hotmail or Microsoft has blocked my email (virtbiz.com)',
  'https://virtbiz.com/client/index.php?rp=%2Fknowledgebase%2F71%2FOutlook-or-Hotmail-or-Microsoft-has-blocked-my-email.html', 'community'));
const sc001 = tokenDictionary('outlook', NAME, page('Emails to Hotmail and Outlook are blocked (BinaryLane support)',
  'https://support.binarylane.com.au/support/solutions/articles/11000047583-emails-to-hotmail-and-outlook-are-blocked', 'community'));

const DELIST = 'Ask for delisting through the Outlook.com sender support form, quoting the IP and the full reply.';

export const OUTLOOK_TOKENS: readonly VendorToken[] = [
  s3150('S3150', 'blocked', 'The sending IP, or a network range around it, is on Outlook.com\'s own block list (its protocol filter); public block lists may show nothing.', DELIST),
  s3140('S3140', 'blocked', 'The sending IP is on Outlook.com\'s block list, like S3150.', DELIST),
  sc001('SC-001', 'blocked', 'Older form of the same block: part of the sending network is on Outlook.com\'s block list, often for a low or unknown reputation.', DELIST),
];
