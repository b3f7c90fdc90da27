// Microsoft 365 / Exchange Online NDR codes, from the table on Microsoft's page
// "Email non-delivery reports and SMTP errors in Exchange Online". Meanings
// are our own short paraphrases. Several codes are Microsoft's own use of a
// registered code (e.g. 5.2.2, 5.7.13); the explainer shows both meanings.

import type { VendorCode } from '../types';
import { page } from './tokens';
import { dictionary } from './written';

const ms = dictionary('microsoft', 'Microsoft 365 / Exchange Online', page('Email non-delivery reports and SMTP errors in Exchange Online',
  'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online', 'official'));

const EXTERNAL_ONLY = 'Only the recipient organisation\'s admin (or the owner) can allow external senders; the sender can only ask them.';

export const MICROSOFT_CODES: readonly VendorCode[] = [
  ms('432 4.3.2', 'The recipient mailbox is being throttled because it receives too many messages too quickly.', 'Nothing to do; delivery is retried once the burst is over.'),
  ms('4.4.316', 'Exchange Online could not connect to the external destination server: the connection was refused.', 'The destination\'s admin must fix their server or network; the error names the refusing IP.'),
  ms('4.4.7', 'The message expired in the queue before it could be delivered; it can also mean the remote server hit a header limit or a protocol time-out.', 'Check the recipient address and the receiving server; fewer recipients per message may help.'),
  ms('4.5.3', 'The message has more than 200 envelope recipients in the same domain.', 'The sending server must split the recipients into smaller batches and resend.'),
  ms('4.7.26', 'A message sent over IPv6 passed neither SPF nor DKIM.', 'Publish SPF or sign with DKIM for the sending domain.'),
  ms('4.7.500-699', 'Sending is temporarily restricted while suspicious activity is evaluated.', 'If the traffic is legitimate, the restriction is lifted shortly; otherwise find the source of the suspicious mail.'),
  ms('4.7.850-899', 'The sending IP is temporarily restricted while suspicious activity from it is evaluated.', 'If the traffic is legitimate, the restriction is lifted shortly.'),
  ms('5.0.350', 'Catch-all rejection from the recipient\'s organisation; known texts point at an over-long x-dg-ref header (Rich Text mail) or nested attachments (AS345).', 'Read the text after the code; resend as HTML or plain text, or without nested attachments.'),
  ms('5.1.0', 'The recipient could not be resolved, typically when replying to a message saved as a file from Outlook and opened offline.', 'Check the recipient address and send a new message.'),
  ms('5.1.1', 'The recipient address does not exist there: mistyped, removed, or a stale Outlook recipient cache after a mailbox move.', 'Check the address; for internal recipients remove the cached autocomplete entry and write a new message.'),
  ms('5.1.8', 'The sending account is blocked for sending spam, usually because it was compromised.', 'The admin must secure the account (reset credentials, check for malware) and ask for it to be unblocked.'),
  ms('5.1.10', 'The recipient\'s address was not found by SMTP address lookup.', 'Check the recipient address.', 'userunknown'),
  ms('5.1.90', 'The sender reached the daily limit for message recipients.', 'Wait for the limit to reset; check whether the account is compromised.'),
  ms('5.2.2', 'Submission quota exceeded: the sender went over the recipient or message rate limit (not a full mailbox).', 'Wait and send less; check whether the account is compromised.'),
  ms('5.2.121', 'The recipient\'s hourly limit for messages from this one sender was exceeded.', 'The sending application should retry later and send fewer messages per hour to that recipient.'),
  ms('5.2.122', 'The recipient\'s hourly limit for messages from all senders was exceeded.', 'Retry later; send fewer messages per hour to that recipient.'),
  ms('5.3.190', 'Journaling on-premises mail to Microsoft 365 is refused because Journaling Archive is turned off for the organisation.', 'The admin enables Journaling Archive or points the journaling rule elsewhere.'),
  ms('5.4.1', 'Relay access denied: the server does not accept mail for the recipient\'s domain, usually an MX or accepted-domain misconfiguration.', 'The recipient domain\'s admin must fix the MX record or accept the domain.'),
  ms('5.4.1', 'Recipient address rejected: the recipient does not exist (Directory Based Edge Blocking).', 'Check the recipient address.'),
  ms('5.4.6 or 5.4.14', 'Routing loop: a configuration error made the message loop; Exchange stops after 20 rounds. 5.4.6 comes from on-premises Exchange (hybrid), 5.4.14 from Exchange Online.', 'Check forwarding rules of sender and recipient and the mail routing (connectors, MX) of both organisations.'),
  ms('5.4.300', 'The message expired: the destination never answered, or the bounce for it could not be returned to the sender.', 'Check that the destination server is reachable and accepts mail.'),
  ms('550 5.5.0', 'The recipient at hotmail.com or outlook.com was not found by SMTP address lookup.', 'Check the recipient address.'),
  ms('5.6.11', 'The sending program put invalid characters (bare line feeds) into the message.', 'Fix or update the sending program so that lines end with CRLF.'),
  ms('5.7.1', 'Delivery not authorised: the sender may not send to this recipient, e.g. a group restricted to certain senders, or a transport rule rejected it.', 'Ask the recipient\'s admin or group owner for permission.'),
  ms('5.7.1', 'Unable to relay: the receiving system is not the final destination and will not relay for this sender.', 'Send through a server that may relay for you, or fix the MX record of the recipient domain.'),
  ms('5.7.1', 'Client was not authenticated: the receiving system requires authentication before accepting mail.', 'The sending admin configures the sending system to authenticate.'),
  ms('5.7.12', 'The recipient only accepts messages from inside its own organisation.', EXTERNAL_ONLY),
  ms('5.7.23', 'Rejected for an SPF violation: the sending domain\'s SPF record does not allow this sender.', 'Fix the SPF record of the sending domain.'),
  ms('5.7.57', 'A device or application sending through smtp.office365.com did not authenticate before MAIL FROM.', 'Configure the device or application to authenticate (or use another relay method).'),
  ms('5.7.64', 'Tenant attribution failed: the inbound connector used for on-premises mail no longer matches the on-premises setup.', 'Update the inbound connector (certificate or IP) to the current on-premises configuration.'),
  ms('5.7.124', 'The sender is not on the distribution group\'s allowed-senders list.', 'The group owner adds the sender to the allowed senders.'),
  ms('5.7.133', 'The distribution group only accepts messages from inside its organisation.', EXTERNAL_ONLY),
  ms('5.7.134', 'The mailbox only accepts messages from inside its organisation.', EXTERNAL_ONLY),
  ms('5.7.13 or 135', 'The public folder only accepts messages from inside its organisation.', EXTERNAL_ONLY),
  ms('5.7.136', 'The mail user only accepts messages from inside its organisation.', EXTERNAL_ONLY),
  ms('5.7.25', 'The sending IPv6 address has no reverse DNS (PTR) record.', 'Publish a PTR record for the sending IPv6 address.'),
  ms('5.7.321', 'The destination must use TLS but does not answer STARTTLS, or the TLS handshake fails (DANE checks passed).', 'The destination\'s admin fixes STARTTLS on their server.'),
  ms('5.7.322', 'The destination server presented an expired certificate (DANE checks passed).', 'The destination\'s admin renews the certificate.'),
  ms('5.7.323', 'DANE validation failed: the certificate does not match the TLSA record, or the record is wrong.', 'The destination\'s admin fixes the TLSA record or certificate.'),
  ms('5.7.324', 'The destination domain\'s DNSSEC records could not be verified.', 'The destination\'s admin fixes DNSSEC for the domain.'),
  ms('5.7.501', 'The sending account is banned for spam.', 'Resolve the account problem, reset its credentials and contact Microsoft support to restore sending.'),
  ms('5.7.502', 'The sending account is banned for spam.', 'Resolve the account problem, reset its credentials and contact Microsoft support.'),
  ms('5.7.503', 'The sending account is banned for spam.', 'Resolve the account problem, reset its credentials and contact Microsoft support.'),
  ms('5.7.504', 'The recipient address is not valid.', 'Check the recipient address.'),
  ms('5.7.505', 'The recipient is banned.', 'Contact support if this is a mistake.'),
  ms('5.7.506', 'Bad HELO: the sending server introduced itself with the name of the server it connects to, not its own name.', 'Make the sending server announce its own fully qualified name in HELO/EHLO.'),
  ms('5.7.507', 'The recipient\'s organisation blocked the sending IP.', 'Contact the recipient to be unblocked.'),
  ms('5.7.508', 'The sender\'s IPv6 range sent too many messages in too short a time.'),
  ms('5.7.509', 'The domain in the From header does not pass DMARC.', 'Align SPF/DKIM with the From domain.', 'authfailure'),
  ms('5.7.510', 'The recipient does not accept mail over IPv6.', 'Send over IPv4.'),
  ms('5.7.511', 'The sending IP is banned.', 'Ask Microsoft to delist the IP, quoting the full NDR and the IP.', 'blocked'),
  ms('5.7.512', 'The message has no valid From address (RFC 5322 s3.6.2).', 'Send with a valid From header field.'),
  ms('5.7.513', 'The recipient domain put the sending IP on its own blocklist.', 'Ask the recipient domain to remove the IP.'),
  ms('5.7.606-649', 'The sending IP is banned.', 'Check deliverability practice and IP reputation, then ask for delisting through Microsoft\'s delist portal.', 'blocked'),
  ms('5.7.700-749', 'Most traffic from this tenant looked suspicious, so the tenant may no longer send.', 'Fix compromised accounts or open relays, then contact Microsoft support.'),
  ms('5.7.750', 'The tenant is blocked from sending from domains it has not registered and verified.', 'Add and verify every domain the tenant sends from.'),
].flat();
