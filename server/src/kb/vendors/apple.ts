// Apple iCloud Mail (icloud.com, me.com, mac.com; mail filtered with Proofpoint's help):
// the bracketed policy codes of its replies. Meanings are our own paraphrases.
import type { VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';

const community = tokenDictionary('apple', 'Apple iCloud Mail', page('iCloud SMTP codes (smtp.codes)',
  'https://smtp.codes/icloud', 'community'));

const POSTMASTER = 'Check authentication and list quality, then contact Apple\'s postmaster team with the mail logs.';

export const APPLE_TOKENS: readonly VendorToken[] = [
  community('[CS01]', 'policyviolation', 'iCloud\'s filter refused the message under a local policy (content, reputation or sending pattern).', POSTMASTER),
  community('[CS02]', 'policyviolation', 'Another of iCloud\'s local-policy refusals, like [CS01].', POSTMASTER),
];
