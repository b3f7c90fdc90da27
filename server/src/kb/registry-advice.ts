// Our own explanation of every registered enhanced status code, keyed by the
// registry's 'X.s.d'. Written for postmasters: what happened, whether a retry
// helps, who must act, where to read more. (The class digit adds "for now" or
// "for good"; that part is explained by the class.)

import { advice as a } from './refs';
import type { Advice } from './types';

export const REGISTRY_ADVICE: Readonly<Record<string, Advice>> = {
  // X.0: other or undefined (RFC 3463 s3.1)
  'X.0.0': a(
    'The server reports a status without saying anything more specific; only the class (success, temporary, permanent) carries meaning.',
    'after-change', ['sending-admin', 'recipient-admin'],
    'Read the human-readable text after the code and the logs of the server that produced it; the code itself gives no cause.',
    ['3463#3.1', '3463#2'],
  ),

  // X.1: addressing (RFC 3463 s3.2)
  'X.1.0': a(
    'Something about one of the addresses (sender or recipient) is wrong, but the server does not say what.',
    'after-change', ['sender', 'sending-admin'],
    'Check both the envelope sender and the recipient address for typos and for domains that no longer exist.',
    ['3463#3.2'],
  ),
  'X.1.1': a(
    'The mailbox part of the recipient address (left of the @) does not exist at the destination.',
    'no', ['sender'],
    'Check the address for typos or ask the recipient for their current address; resending to the same address will fail again.',
    ['3463#3.2', '5321#4.2.2'],
  ),
  'X.1.2': a(
    'The domain part of the recipient address (right of the @) does not exist or cannot receive mail.',
    'no', ['sender', 'recipient-admin'],
    'Check the domain for typos; if it is right, its owner must publish working DNS (MX or address records).',
    ['3463#3.2', '5321#5.1'],
  ),
  'X.1.3': a(
    'The recipient address is not syntactically valid, so it could not even be looked up.',
    'no', ['sender', 'sending-admin'],
    'Correct the address syntax (stray spaces, missing @, bad characters); if the client wrote it badly, fix the client.',
    ['3463#3.2', '5321#4.1.2'],
  ),
  'X.1.4': a(
    'The recipient address matches more than one mailbox at the destination, so the server cannot tell which one is meant.',
    'after-change', ['sender', 'recipient-admin'],
    'Use a more precise address; the destination\'s admin may need to remove the ambiguity.',
    ['3463#3.2'],
  ),
  'X.1.5': a(
    'The recipient address is valid; this reports success, e.g. in a positive DSN or a RCPT reply.',
    'not-needed', ['nobody'],
    'Nothing to do.',
    ['3463#3.2'],
  ),
  'X.1.6': a(
    'The mailbox used to exist but has moved, and the destination gives no forwarding address.',
    'no', ['sender'],
    'Find the recipient\'s new address by another channel and update your records; the old address will keep failing.',
    ['3463#3.2'],
  ),
  'X.1.7': a(
    'The sender\'s address (envelope MAIL FROM) is syntactically invalid.',
    'after-change', ['sending-admin', 'sender'],
    'Fix the sender address the client or application puts in MAIL FROM.',
    ['3463#3.2', '5321#4.1.2'],
  ),
  'X.1.8': a(
    'The domain of the sender\'s address does not exist or cannot receive replies, so the server refuses mail from it.',
    'after-change', ['sending-admin'],
    'Use a sender domain that exists in DNS and can receive mail (bounces must be deliverable); check for typos in the configured sender.',
    ['3463#3.2'],
  ),
  'X.1.9': a(
    'The message was handed to a mail system that does not support delivery status notifications, so no further reports can be expected; this is informational, not a failure.',
    'not-needed', ['nobody'],
    'Nothing to do; do not wait for a later success or failure report for this recipient.',
    ['3886'],
  ),
  'X.1.10': a(
    'The recipient\'s domain publishes a "null MX" record: it declares that it accepts no mail at all.',
    'no', ['sender'],
    'Do not send to this domain; check the address, as the domain may be a typo or used only for web or other services.',
    ['7505', '7504'],
  ),

  // X.2: mailbox (RFC 3463 s3.3)
  'X.2.0': a(
    'The mailbox exists, but something about it stopped the delivery; the server gives no detail.',
    'after-change', ['recipient', 'recipient-admin'],
    'Read the text after the code; the recipient or their admin usually has to look at the mailbox.',
    ['3463#3.3'],
  ),
  'X.2.1': a(
    'The mailbox exists but is disabled and does not accept messages at the moment.',
    'after-change', ['recipient-admin', 'recipient'],
    'Contact the recipient by another channel; their admin must re-enable the mailbox. With a 4 class a later retry may succeed.',
    ['3463#3.3'],
  ),
  'X.2.2': a(
    'The recipient\'s mailbox is full (over its quota).',
    'automatic', ['recipient'],
    'The sending server keeps retrying while the code is temporary; the recipient must delete mail or get more space. Tell them by another channel if it persists.',
    ['3463#3.3'],
  ),
  'X.2.3': a(
    'The message is larger than the recipient\'s mailbox accepts per message (an administrative limit, not a full mailbox).',
    'after-change', ['sender'],
    'Send a smaller message (compress, split, or share large files by link).',
    ['3463#3.3', '1870#6'],
  ),
  'X.2.4': a(
    'The recipient is a mailing list and expanding it into its members failed.',
    'after-change', ['recipient-admin'],
    'The list\'s administrator must fix the list (members, configuration); the sender can only report it.',
    ['3463#3.3'],
  ),

  // X.3: mail system (RFC 3463 s3.4)
  'X.3.0': a(
    'The destination mail system reports a problem of its own without saying which.',
    'after-change', ['recipient-admin'],
    'Read the text after the code; the receiving system\'s admin has to find the cause in their logs.',
    ['3463#3.4'],
  ),
  'X.3.1': a(
    'The receiving mail system has run out of storage (disk or queue space) for new messages.',
    'automatic', ['recipient-admin'],
    'Wait: the sending server retries. The receiving system\'s admin must free space.',
    ['3463#3.4', '5321#4.5.3.1.10'],
  ),
  'X.3.2': a(
    'The receiving system is not accepting network mail at all, for example during maintenance or because it never receives mail.',
    'automatic', ['recipient-admin'],
    'With a 4 class wait for the retries; with a 5 class (e.g. 521) the host does not take mail, so the domain\'s MX records should point elsewhere.',
    ['3463#3.4', '7504'],
  ),
  'X.3.3': a(
    'The receiving system cannot provide a feature the message asked for (for example a service extension the sender requires).',
    'after-change', ['sending-admin', 'recipient-admin'],
    'Send without requiring that feature, or through a path that supports it.',
    ['3463#3.4'],
  ),
  'X.3.4': a(
    'The message is larger than the receiving system accepts for any message.',
    'after-change', ['sender'],
    'Send a smaller message; the SIZE the server advertises in its EHLO reply shows the limit.',
    ['3463#3.4', '1870#6'],
  ),
  'X.3.5': a(
    'The receiving system is misconfigured and cannot handle the message.',
    'after-change', ['recipient-admin'],
    'Only the receiving system\'s admin can fix it; report the full error text to them.',
    ['3463#3.4'],
  ),
  'X.3.6': a(
    'The message was accepted, but the priority the sender asked for (MT-PRIORITY) was changed.',
    'not-needed', ['nobody'],
    'Nothing to do unless the priority matters; the server applied its own policy.',
    ['6710'],
  ),

  // X.4: network and routing (RFC 3463 s3.5)
  'X.4.0': a(
    'Something went wrong with the network or with routing the message, without further detail.',
    'automatic', ['sending-admin'],
    'Let the retries run; if they keep failing, check DNS and connectivity towards the destination.',
    ['3463#3.5'],
  ),
  'X.4.1': a(
    'The next host did not answer: the connection could not be opened or timed out.',
    'automatic', ['recipient-admin', 'sending-admin'],
    'The sending server retries. If it persists, check that the destination\'s MX hosts are up and reachable on port 25 and that no firewall blocks the path.',
    ['3463#3.5', '5321#4.5.4.1'],
  ),
  'X.4.2': a(
    'A connection was made but broke off or misbehaved during the transaction.',
    'automatic', ['sending-admin', 'recipient-admin'],
    'The sending server retries. If it persists, look for network equipment (firewalls, proxies) or TLS problems interrupting the session.',
    ['3463#3.5', '5321#4.5.4.1'],
  ),
  'X.4.3': a(
    'A directory or routing service (often DNS) failed while the destination was looked up.',
    'automatic', ['sending-admin', 'recipient-admin'],
    'Retries usually succeed; if not, check the resolver of the sending server and the recipient domain\'s DNS servers.',
    ['3463#3.5', '5321#5.1'],
  ),
  'X.4.4': a(
    'No route to the destination could be found, typically because the domain has no usable MX or address records.',
    'after-change', ['recipient-admin', 'sending-admin'],
    'Check the recipient domain\'s MX and address records; a temporary form may clear up when DNS is fixed.',
    ['3463#3.5', '5321#5.1'],
  ),
  'X.4.5': a(
    'The mail system (not the network) is congested and cannot take more messages now.',
    'automatic', ['recipient-admin'],
    'Wait: the sending server retries later. Persistent congestion is for the receiving admin.',
    ['3463#3.5'],
  ),
  'X.4.6': a(
    'The message is going round in a loop between servers (too many Received headers or a forwarding loop).',
    'after-change', ['sending-admin', 'recipient-admin'],
    'Look for forwarding rules, aliases or MX/relay settings that send the message back where it came from.',
    ['3463#3.5', '5321#6.3'],
  ),
  'X.4.7': a(
    'The message stayed in the queue longer than allowed and the server gave up (or, in a delay report, warns that it soon will).',
    'after-change', ['sending-admin', 'recipient-admin'],
    'Find out why earlier attempts failed (the queue log shows the real error); once the destination is reachable, send again.',
    ['3463#3.5', '5321#4.5.4.1'],
  ),

  // X.5: mail delivery protocol (RFC 3463 s3.6)
  'X.5.0': a(
    'A problem in the SMTP conversation without further detail; also used as the plain status of many ordinary replies.',
    'after-change', ['sending-admin'],
    'Read the reply text and the transcript to see which command failed.',
    ['3463#3.6', '5321#4.2.2'],
  ),
  'X.5.1': a(
    'The server did not accept a command: unknown, not allowed at this point, or not supported.',
    'after-change', ['sending-admin'],
    'Check the SMTP transcript for the rejected command; fix or update the client, or the proxy between the servers.',
    ['3463#3.6', '5321#4.2.4'],
  ),
  'X.5.2': a(
    'A command could not be parsed: a syntax error in the SMTP conversation.',
    'after-change', ['sending-admin'],
    'Fix the client that sends malformed commands (line endings, spaces, bad characters).',
    ['3463#3.6', '5321#4.1.1'],
  ),
  'X.5.3': a(
    'The message has more recipients than the server accepts in one transaction.',
    'automatic', ['sending-admin'],
    'Send the remaining recipients in another transaction; a correct client does this by itself after a 452.',
    ['3463#3.6', '5321#4.5.3.1.10'],
  ),
  'X.5.4': a(
    'A command was understood, but one of its arguments or parameters is invalid or not supported.',
    'after-change', ['sending-admin'],
    'Look at the parameters of the rejected command (e.g. MAIL FROM extensions) and fix the client\'s configuration.',
    ['3463#3.6', '5321#4.2.4'],
  ),
  'X.5.5': a(
    'The two sides could not agree on a protocol version.',
    'after-change', ['sending-admin', 'recipient-admin'],
    'Update the older of the two mail systems.',
    ['3463#3.6'],
  ),
  'X.5.6': a(
    'A line of the SMTP AUTH exchange was longer than the server accepts.',
    'after-change', ['sending-admin'],
    'Use another SASL mechanism or a client that keeps AUTH lines within the limit.',
    ['4954#6'],
  ),

  // X.6: message content or media (RFC 3463 s3.7)
  'X.6.0': a(
    'The content of the message caused a problem, without further detail.',
    'after-change', ['sender', 'sending-admin'],
    'Read the reply text; try sending the content in a simpler form.',
    ['3463#3.7'],
  ),
  'X.6.1': a(
    'The message uses a media type (MIME type) that the destination does not accept.',
    'after-change', ['sender'],
    'Send the content in another format.',
    ['3463#3.7'],
  ),
  'X.6.2': a(
    'The message would have to be converted to be delivered, but the sender prohibited conversion.',
    'after-change', ['sender'],
    'Allow conversion or send the content in a form the destination accepts unchanged.',
    ['3463#3.7'],
  ),
  'X.6.3': a(
    'The message would have to be converted to be delivered, but the server cannot do that conversion (for example 8-bit content to a 7-bit-only server).',
    'after-change', ['sender', 'sending-admin'],
    'Encode the content so that no conversion is needed (e.g. quoted-printable or base64).',
    ['3463#3.7'],
  ),
  'X.6.4': a(
    'The message was delivered, but converting it lost some information (a warning), or the loss was not acceptable (a failure).',
    'after-change', ['sender'],
    'Check whether the delivered copy is usable; send in a format that needs no lossy conversion.',
    ['3463#3.7'],
  ),
  'X.6.5': a(
    'A conversion of the content was attempted and failed.',
    'after-change', ['sender', 'sending-admin'],
    'Send the content in a simpler encoding or format.',
    ['3463#3.7'],
  ),
  'X.6.6': a(
    'The server could not fetch the message content it was pointed to (BURL submission referenced content that is not available).',
    'after-change', ['sending-admin'],
    'Check the IMAP URL and access the client gave with BURL.',
    ['4468'],
  ),
  'X.6.7': a(
    'An address contains non-ASCII characters, but the sender or recipient may only use ASCII addresses.',
    'after-change', ['sender', 'sending-admin'],
    'Use an ASCII address, or send through servers that all support SMTPUTF8.',
    ['6531#4.2'],
  ),
  'X.6.8': a(
    'The reply would need UTF-8 text, but the client did not say it supports SMTPUTF8.',
    'after-change', ['sending-admin'],
    'Use a client that supports SMTPUTF8, or ASCII addresses.',
    ['6531#4.2'],
  ),
  'X.6.9': a(
    'The message has UTF-8 headers, but at least one recipient\'s path cannot carry them, so it is rejected.',
    'after-change', ['sender', 'recipient-admin'],
    'Send with ASCII-only headers to that recipient, or ask them for an address whose server supports SMTPUTF8.',
    ['6531#4.2'],
  ),
  'X.6.10': a(
    'A deprecated duplicate of X.6.8: UTF-8 text was needed but the client did not support SMTPUTF8.',
    'after-change', ['sending-admin'],
    'Treat it as X.6.8; servers should send X.6.8 instead.',
    ['6531#4.2'],
  ),

  // X.7: security or policy (RFC 3463 s3.8)
  'X.7.0': a(
    'A security or policy rule stopped the message, without saying which one.',
    'after-change', ['sending-admin', 'recipient-admin'],
    'Read the reply text; common causes are missing authentication, a blocklist, or a local policy. Ask the receiving admin if it is unclear.',
    ['3463#3.8'],
  ),
  'X.7.1': a(
    'The sender is not allowed to send this message to this recipient: relaying refused, a sender or IP blocked, or a local policy (e.g. a restricted group) applies.',
    'after-change', ['sending-admin', 'sender', 'recipient-admin'],
    'Read the reply text to see which policy applies; authenticate if relaying, get the IP delisted, or ask the recipient\'s admin to allow you.',
    ['3463#3.8'],
  ),
  'X.7.2': a(
    'The sender may not send to this mailing list (list expansion is restricted).',
    'no', ['sender', 'recipient-admin'],
    'Ask the list owner for permission to post.',
    ['3463#3.8'],
  ),
  'X.7.3': a(
    'The message would need a security conversion (e.g. re-encryption) that cannot be done.',
    'after-change', ['sender'],
    'Send in a form that needs no security conversion.',
    ['3463#3.8'],
  ),
  'X.7.4': a(
    'The message needs security features (signing or encryption services) the server does not support.',
    'after-change', ['sender', 'sending-admin'],
    'Send without requiring those features, or by a path that supports them.',
    ['3463#3.8'],
  ),
  'X.7.5': a(
    'A cryptographic operation on the message failed, for example a signature or decryption could not be processed.',
    'after-change', ['sending-admin'],
    'Check the keys, certificates and signing setup involved.',
    ['3463#3.8'],
  ),
  'X.7.6': a(
    'The message uses a cryptographic algorithm the server does not support.',
    'after-change', ['sending-admin'],
    'Use a more widely supported algorithm.',
    ['3463#3.8'],
  ),
  'X.7.7': a(
    'The integrity check of the message failed: it seems to have been changed in transit.',
    'after-change', ['sending-admin'],
    'Find the system that modifies messages on the way (footers, re-encoding) or fix the integrity mechanism.',
    ['3463#3.8'],
  ),
  'X.7.8': a(
    'SMTP authentication failed: the username or password (credentials) were not accepted.',
    'after-change', ['sender', 'sending-admin'],
    'Fix the credentials in the mail client or application; repeated failures may get the account or IP locked.',
    ['4954#6'],
  ),
  'X.7.9': a(
    'The authentication mechanism the client chose is too weak for this server\'s policy.',
    'after-change', ['sending-admin'],
    'Configure the client to use a stronger SASL mechanism, usually over TLS.',
    ['4954#6'],
  ),
  'X.7.10': a(
    'The server requires an encrypted connection (TLS) for this, and the session is not encrypted.',
    'after-change', ['sending-admin'],
    'Enable STARTTLS (or implicit TLS) on the sending side.',
    ['5248', '3207#4'],
  ),
  'X.7.11': a(
    'The authentication mechanism the client chose may only be used over an encrypted connection.',
    'after-change', ['sending-admin'],
    'Start TLS before authenticating, or use another mechanism.',
    ['4954#6'],
  ),
  'X.7.12': a(
    'The user has to change their password (a password transition) before authentication with this mechanism can succeed.',
    'after-change', ['sender'],
    'Sign in another way (e.g. webmail) to complete the password change, then retry.',
    ['4954#6'],
  ),
  'X.7.13': a(
    'The account (of the sender or the recipient) is disabled.',
    'no', ['sender', 'recipient-admin'],
    'The account\'s administrator must re-enable it; until then mail to or from it fails.',
    ['5248'],
  ),
  'X.7.14': a(
    'The server only accepts this from peers it has a trust relationship with, and there is none with the sender.',
    'after-change', ['sending-admin', 'recipient-admin'],
    'The two admins must set up the required trust (for example certificates or an agreement), or send by another route.',
    ['5248'],
  ),
  'X.7.15': a(
    'The message\'s priority (MT-PRIORITY) is too low for the server to accept it now.',
    'after-change', ['sender'],
    'Send later or with a higher priority if allowed.',
    ['6710'],
  ),
  'X.7.16': a(
    'The message is too big for the priority it was given (MT-PRIORITY).',
    'after-change', ['sender'],
    'Send it with a lower priority or make it smaller.',
    ['6710'],
  ),
  'X.7.17': a(
    'The sender asked for the mailbox to belong to the same owner as before (RRVS), and it has changed owner since.',
    'no', ['sender'],
    'Do not send: the address now belongs to someone else. Update your records.',
    ['7293'],
  ),
  'X.7.18': a(
    'The sender asked for the domain to belong to the same owner as before (RRVS), and it has changed owner since.',
    'no', ['sender'],
    'Do not send: the domain now belongs to someone else. Update your records.',
    ['7293'],
  ),
  'X.7.19': a(
    'The server could not check whether the mailbox changed owner (RRVS) and the sender required that check.',
    'after-change', ['sender'],
    'Send without the RRVS requirement if acceptable, or try another route.',
    ['7293'],
  ),
  'X.7.20': a(
    'The message was refused because it carries no valid DKIM signature.',
    'after-change', ['sending-admin'],
    'Sign outgoing mail with DKIM and make sure the public key is published and nothing breaks the signature in transit.',
    ['7372#3.1', '6376'],
  ),
  'X.7.21': a(
    'The message has DKIM signatures, but none that the receiver finds acceptable (for example the wrong signing domain or algorithm).',
    'after-change', ['sending-admin'],
    'Sign with a domain and algorithm the receiver accepts, usually the domain in the From header.',
    ['7372#3.1', '6376'],
  ),
  'X.7.22': a(
    'No valid DKIM signature was made by the domain of the message\'s author (From header).',
    'after-change', ['sending-admin'],
    'Sign with the From domain (or a domain aligned with it).',
    ['7372#3.1', '6376'],
  ),
  'X.7.23': a(
    'The SPF check failed: the sending IP is not authorised by the SPF record of the sender\'s domain.',
    'after-change', ['sending-admin'],
    'Add the sending server to the domain\'s SPF record, or send through a server it lists. Forwarded mail often fails SPF.',
    ['7372#3.2', '7208'],
  ),
  'X.7.24': a(
    'The SPF check could not be completed: a DNS error or a broken SPF record.',
    'automatic', ['sending-admin'],
    'Check the SPF record for syntax errors and too many DNS lookups; temporary DNS errors clear up by themselves.',
    ['7372#3.2', '7208'],
  ),
  'X.7.25': a(
    'The sending IP address has no valid reverse DNS (PTR) name, or the name does not resolve back to the IP.',
    'after-change', ['sending-admin'],
    'Ask whoever controls the IP (often the hosting provider) for a PTR record whose name resolves back to the same IP.',
    ['7372#3.3'],
  ),
  'X.7.26': a(
    'Several authentication checks (e.g. SPF, DKIM, DMARC) failed together.',
    'after-change', ['sending-admin'],
    'Set up SPF, DKIM and DMARC for the sending domain so that at least one aligned check passes.',
    ['7372#3.4'],
  ),
  'X.7.27': a(
    'The sender\'s domain publishes a null MX, so it cannot receive replies or bounces; mail from it is refused.',
    'after-change', ['sending-admin'],
    'Send from a domain that can receive mail, or remove the null MX record.',
    ['7505'],
  ),
  'X.7.28': a(
    'The receiver detected a flood of mail (a mail bomb) aimed at the recipient and refused this message.',
    'automatic', ['sending-admin'],
    'Slow down sending to this recipient and check whether the mail is wanted (e.g. forged subscriptions).',
    ['3463#3.8'],
  ),
  'X.7.29': a(
    'ARC validation of the message failed: the chain of forwarding intermediaries\' seals could not be verified.',
    'after-change', ['sending-admin'],
    'If you forward mail, check your ARC signing; otherwise report it to the intermediary that forwarded the message.',
    ['8617'],
  ),
  'X.7.30': a(
    'The message requires TLS all the way (REQUIRETLS), but the next server does not support that.',
    'after-change', ['sender', 'recipient-admin'],
    'Send without REQUIRETLS if that is acceptable, or the destination must support REQUIRETLS.',
    ['8689'],
  ),
};
