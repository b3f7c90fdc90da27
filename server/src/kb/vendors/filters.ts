// Mail filters that sit in front of many business domains: Proofpoint, Mimecast, Barracuda and
// Cisco Secure Email (IronPort). Their replies say who refused, whatever the recipient's domain.
import type { VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';

const proofpoint = tokenDictionary('proofpoint', 'Proofpoint', page('How to get Proofpoint to unblock my IP address (suped.com)',
  'https://www.suped.com/email-deliverability/answers/how-to-get-proofpoint-to-unblock-my-ip-address', 'community'));

const mimecastCodes = tokenDictionary('mimecast', 'Mimecast', page('Mimecast SMTP Error Codes',
  'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691-Policies-Mimecast-SMTP-Error-Codes', 'official'));
const mimecastPolicies = tokenDictionary('mimecast', 'Mimecast', page('Policies - Managing Blocked Senders and Email Rejections',
  'https://mimecastsupport.zendesk.com/hc/en-us/articles/42979092709907-Policies-Managing-Blocked-Senders-and-Email-Rejections', 'official'));

const mimecastSeen = tokenDictionary('mimecast', 'Mimecast', page('Who are Mimecast? (Word to the Wise)',
  'https://wordtothewise.com/2018/07/who-are-mimecast', 'community'));

const barracuda = tokenDictionary('barracuda', 'Barracuda', page('How to deal with "host blocked using Barracuda reputation" (MIT CSAIL TIG)',
  'http://tig.csail.mit.edu/wiki/TIG/EmailBlockedByBarracuda', 'community'));

const cisco = tokenDictionary('cisco', 'Cisco Secure Email', page('Identify and allow poor SenderBase Reputation Score senders through the ESA',
  'https://cisco.com/c/en/us/support/docs/security/email-security-appliance/200436-Identify-and-allow-poor-SenderBase-Reput.html', 'official'));

const RECIPIENT_ADMIN = 'Only the recipient organisation\'s Mimecast administrator can change the policy; ask the recipient.';

export const FILTER_TOKENS: readonly VendorToken[] = [
  proofpoint('ipcheck.proofpoint.com', 'blocked', 'Proofpoint\'s dynamic reputation (PDR) blocks the sending IP; the state can change within hours.', 'Look the IP up on Proofpoint\'s IP check page and ask for review with the full rejection.'),
  mimecastCodes('Sender address blocked', 'blocked', 'A Blocked Senders policy of the recipient organisation blocks the sending IP.', RECIPIENT_ADMIN),
  mimecastCodes('Unable to process connection at this time', 'systemerror', 'The Mimecast server is at its maximum load.', 'Nothing to change; the sending server retries.'),
  mimecastCodes('Internal resource temporarily unavailable', 'blocked', 'Greylisting of a new sender, or a poor reputation of the sending IP, defers the message.', 'Let the sending server retry; if it persists, check the IP\'s reputation.'),
  mimecastPolicies('Policy level block list in force', 'policyviolation', 'A Mimecast policy of the recipient organisation (sender, domain or group rules) blocked the message.', RECIPIENT_ADMIN),
  mimecastSeen('Administrative prohibition', 'policyviolation', 'A block rule of the recipient organisation or of Mimecast matched the envelope (sender or recipient).', RECIPIENT_ADMIN),
  mimecastSeen('rejected due to security policies', 'policyviolation', 'The message failed one of the security checks the recipient organisation set in Mimecast.', RECIPIENT_ADMIN),
  barracuda('Barracuda Reputation', 'blocked', 'The Barracuda appliance refused the sending IP for its Barracuda reputation; the IP it names may come from a Received header, not the connecting server.', 'Check the IP on Barracuda Central and ask the recipient\'s admin to allow the sender.'),
  cisco('sending MTA\'s poor reputation', 'badreputation', 'The Cisco appliance refused the connection because the sending server\'s SenderBase reputation score is poor.', 'Improve and check the IP\'s reputation (Talos); ask the recipient to allow it meanwhile.'),
];
