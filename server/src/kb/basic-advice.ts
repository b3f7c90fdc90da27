// Our own explanation of every basic reply code in basic.csv: what the reply
// means in a transcript or log, and what to do about it.

import { advice as a } from './refs';
import type { Advice } from './types';

const REGISTRY_ONLY = 'No RFC defines this reply; the registry lists it only as a code some servers pair with an enhanced code. Clients read it by its first digit.';

export const BASIC_ADVICE: Readonly<Record<number, Advice>> = {
  211: a('A system status or help reply, answering a request for information.', 'not-needed', ['nobody'], 'Nothing to do.', ['5321#4.2.2']),
  214: a('Help text for a human reader, answering HELP.', 'not-needed', ['nobody'], 'Nothing to do.', ['5321#4.2.2']),
  220: a('The server is ready: the greeting when a connection opens, or the go-ahead for the TLS handshake after STARTTLS.', 'not-needed', ['nobody'], 'Nothing to do; the client continues with EHLO (or the TLS handshake).', ['5321#4.2.2', '3207#4']),
  221: a('The server is closing the connection, normally after QUIT.', 'not-needed', ['nobody'], 'Nothing to do.', ['5321#4.2.2']),
  235: a('SMTP authentication succeeded.', 'not-needed', ['nobody'], 'Nothing to do.', ['4954#6']),
  250: a('The command completed successfully. After the final dot of DATA it means the server has taken responsibility for the message.', 'not-needed', ['nobody'], 'Nothing to do; if mail still went missing, follow it on the receiving server.', ['5321#4.2.2', '5321#4.2.5']),
  251: a('The recipient is not local, but the server will forward the message to the address it names.', 'not-needed', ['sender'], 'Nothing needs doing; update the address to the one given if you write again.', ['5321#4.2.2', '5321#3.4']),
  252: a('The server will not confirm whether the user exists (VRFY/EXPN), but would accept mail for it.', 'not-needed', ['nobody'], 'Nothing to do; do not take it as proof that the address exists.', ['5321#3.5.3']),
  253: a('ETRN accepted: delivery of the mail queued for the node has been started.', 'not-needed', ['nobody'], 'Nothing to do.', ['1985']),
  334: a('The server continues the AUTH exchange with a (base64) challenge and waits for the client\'s answer.', 'not-needed', ['nobody'], 'Nothing to do; the client answers the challenge.', ['4954#4']),
  354: a('The server is ready for the message content; the client sends it and ends with a line holding only a dot.', 'not-needed', ['nobody'], 'Nothing to do.', ['5321#4.2.2', '5321#4.1.1.4']),
  421: a('The service is not available and the server is closing the connection, often because it is shutting down or overloaded. It can answer any command.', 'automatic', ['recipient-admin'], 'The sending server retries later; if it persists, the receiving admin should check load or connection limits.', ['5321#4.2.2', '5321#3.8']),
  422: a(REGISTRY_ONLY, 'automatic', ['sending-admin'], 'Treat it as a temporary failure and read the text that follows.', ['5248#2.4']),
  430: a(REGISTRY_ONLY, 'automatic', ['sending-admin'], 'Treat it as a temporary failure and read the text that follows.', ['5248#2.4']),
  432: a('The user must change their password before this authentication mechanism can be used.', 'after-change', ['sender'], 'Complete the password change (e.g. by signing in to webmail), then authenticate again.', ['4954#6']),
  450: a('The mailbox is unavailable for now (busy, locked, or a temporary policy such as greylisting).', 'automatic', ['nobody'], 'The sending server retries by itself; greylisting usually clears within minutes.', ['5321#4.2.2']),
  451: a('The server aborted the action because of a local error while processing it.', 'automatic', ['recipient-admin'], 'The sending server retries; if it persists, the receiving admin must check their logs.', ['5321#4.2.2']),
  452: a('The server lacks storage for the request now, or the transaction has more recipients than it accepts.', 'automatic', ['recipient-admin'], 'The sending server retries; for too many recipients it sends the rest in a new transaction.', ['5321#4.2.2', '5321#4.5.3.1.10', '1870#6']),
  453: a('ATRN: there is no mail waiting for the client.', 'not-needed', ['nobody'], 'Nothing to do.', ['2645']),
  454: a('Authentication failed for a temporary reason, or TLS is temporarily unavailable.', 'automatic', ['recipient-admin'], 'Retry later; if it persists, the server\'s admin must check its authentication backend or TLS setup.', ['4954#6', '3207#4']),
  455: a('The server cannot handle the parameters of MAIL or RCPT right now.', 'automatic', ['sending-admin'], 'Retry later or without the optional parameters.', ['5321#4.2.2']),
  458: a('ETRN: the server cannot start the queue for that node now.', 'automatic', ['recipient-admin'], 'Retry later.', ['1985']),
  459: a('ETRN: the node is not allowed to request its queue.', 'after-change', ['recipient-admin'], 'The server\'s admin must allow the node.', ['1985']),
  500: a('The server did not recognise the command, or the line was too long.', 'after-change', ['sending-admin'], 'Check the transcript: the client sent a command the server does not know (or a proxy mangled it). Fix or update the client.', ['5321#4.2.2', '5321#4.2.4']),
  501: a('A command\'s parameters or arguments have a syntax error.', 'after-change', ['sending-admin'], 'Fix the client\'s command syntax (addresses in angle brackets, no stray spaces).', ['5321#4.2.2', '5321#4.3.2']),
  502: a('The server recognises the command but does not implement it.', 'after-change', ['sending-admin'], 'Use a different command or feature; the server must not have advertised it.', ['5321#4.2.2', '5321#4.2.4']),
  503: a('The command came in the wrong order (e.g. RCPT before MAIL, DATA without recipients, AUTH twice).', 'after-change', ['sending-admin'], 'Fix the client\'s command sequence; look at the replies to the earlier commands.', ['5321#4.2.2', '5321#4.1.4']),
  504: a('A parameter of the command (e.g. an AUTH mechanism) is not implemented.', 'after-change', ['sending-admin'], 'Use a parameter or mechanism the server advertises in its EHLO reply.', ['5321#4.2.2', '4954#4']),
  521: a('This host does not accept mail at all.', 'no', ['recipient-admin', 'sender'], 'Do not retry to this host; the domain\'s MX records should point to a host that takes mail.', ['7504']),
  523: a(REGISTRY_ONLY, 'after-change', ['sending-admin'], 'Treat it as a permanent failure; the registry pairs it with X.7.10 (encryption needed).', ['5248#2.4']),
  524: a(REGISTRY_ONLY, 'after-change', ['sending-admin'], 'Treat it as a permanent failure; the registry pairs it with X.7.11 (encryption needed for the AUTH mechanism).', ['5248#2.4']),
  525: a(REGISTRY_ONLY, 'after-change', ['recipient-admin'], 'Treat it as a permanent failure; the registry pairs it with X.7.13 (account disabled).', ['5248#2.4']),
  530: a('The server requires authentication (or, in practice, STARTTLS first) before this command.', 'after-change', ['sending-admin', 'sender'], 'Configure the client to use STARTTLS and authenticate.', ['4954#6', '3207#4']),
  533: a(REGISTRY_ONLY, 'after-change', ['sending-admin'], 'Treat it as a permanent failure; the registry pairs it with X.7.1 (delivery not authorised).', ['5248#2.4']),
  534: a('The chosen authentication mechanism is too weak for this server.', 'after-change', ['sending-admin'], 'Use a stronger mechanism, usually over TLS.', ['4954#6']),
  535: a('Authentication failed: the credentials were rejected.', 'after-change', ['sender', 'sending-admin'], 'Fix the username or password configured in the client.', ['4954#6']),
  538: a('The authentication mechanism needs an encrypted connection (a historical code).', 'after-change', ['sending-admin'], 'Start TLS before authenticating.', ['4954#6']),
  550: a('The action was not taken: the mailbox is unavailable (e.g. does not exist) or a policy refused the command or message.', 'after-change', ['sender', 'sending-admin'], 'Read the enhanced code and text after 550: they say whether the address, a policy or the content is the problem.', ['5321#4.2.2']),
  551: a('The user is not local; the server names another address to try and will not forward itself.', 'after-change', ['sender'], 'Resend to the address given in the reply text.', ['5321#4.2.2', '5321#3.4']),
  552: a('The message exceeds a storage limit (message size, or the mailbox\'s allocation).', 'after-change', ['sender'], 'Send a smaller message. A 552 for too many recipients should be treated as temporary.', ['5321#4.2.2', '1870#6', '5321#4.5.3.1.10']),
  553: a('The mailbox name is not allowed, e.g. syntactically invalid.', 'after-change', ['sender'], 'Correct the address.', ['5321#4.2.2']),
  554: a('The transaction failed; at connection open it means the server offers no SMTP service to this client.', 'after-change', ['sending-admin', 'recipient-admin'], 'Read the text: often a block of the sending IP or a content rejection. Fix the cause before sending again.', ['5321#4.2.2', '5321#3.1']),
  555: a('The server does not recognise or implement a parameter of MAIL FROM or RCPT TO.', 'after-change', ['sending-admin'], 'Send without that parameter, or only use extensions the server advertises.', ['5321#4.2.2']),
  556: a('The destination domain does not accept mail (it publishes a null MX); a relay reports this back.', 'no', ['sender'], 'Do not send to this domain; check the address.', ['7504', '7505']),
};
