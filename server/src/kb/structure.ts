// The registry's first two sub-registries: the three classes and eight
// subjects (RFC 3463 s2), with what each means for the people who read logs.

import { advice } from './refs';
import type { ClassEntry, SubCodeProvenance, SubjectEntry } from './types';

/** All classes and subjects were registered from RFC 3463. */
const RFC3463: SubCodeProvenance = { references: ['RFC 3463'], submitter: 'G. Vaudreuil', changeController: 'IESG' };

export const CLASSES: readonly ClassEntry[] = [
  {
    ...RFC3463, cls: 2, title: 'Success', replyFirstDigit: '2yz',
    advice: advice(
      'The action was carried out: the message was accepted, delivered or relayed as reported.',
      'not-needed', ['nobody'],
      'Nothing to do; read the subject and detail if you want to know what exactly succeeded.',
      ['3463#2', '3463#3'],
    ),
  },
  {
    ...RFC3463, cls: 4, title: 'Persistent Transient Failure', replyFirstDigit: '4yz',
    advice: advice(
      'The message itself is fine, but a temporary condition on the way stopped it for now. If the condition lasts, the sending server will give up after its retry period and bounce the message with the same code.',
      'automatic', ['sending-admin', 'recipient-admin'],
      'Usually wait: the sending server retries by itself. If the same temporary failure repeats for hours, the administrator on the side named by the subject should look at the cause.',
      ['3463#2', '5321#4.2.1'],
    ),
  },
  {
    ...RFC3463, cls: 5, title: 'Permanent Failure', replyFirstDigit: '5yz',
    advice: advice(
      'The message was refused for good: sending it again unchanged will fail the same way.',
      'after-change', ['sender', 'sending-admin', 'recipient-admin'],
      'Fix the cause named by the subject and detail (address, content, policy or configuration) before sending again; retrying as is only repeats the failure.',
      ['3463#2', '5321#4.2.1'],
    ),
  },
];

export const SUBJECTS: readonly SubjectEntry[] = [
  {
    ...RFC3463, subject: 0, title: 'Other or Undefined Status',
    succeeded: 'The request succeeded; the code gives no detail beyond that',
    advice: advice(
      'The reporting server gives no category for the problem; only the class (success, temporary or permanent) is known.',
      'after-change', ['sending-admin'],
      'Read the text that follows the code and the server\'s logs: the code itself says nothing more than its class.',
      ['3463#2', '3463#3.1'],
    ),
  },
  {
    ...RFC3463, subject: 1, title: 'Addressing Status',
    succeeded: 'An address was accepted: the sender after MAIL FROM, a recipient after RCPT TO',
    advice: advice(
      'Something is wrong with an address of the message: the recipient\'s (mailbox or domain) or, for some details, the sender\'s.',
      'after-change', ['sender', 'sending-admin'],
      'Check the spelling of the address, and whether the mailbox or domain still exists; ask the recipient for a current address if needed.',
      ['3463#2', '3463#3.2'],
    ),
  },
  {
    ...RFC3463, subject: 2, title: 'Mailbox Status',
    succeeded: 'The recipient\'s mailbox took the message',
    advice: advice(
      'The address is right and the destination system knows the mailbox, but the mailbox itself could not take the message (full, disabled, or a limit of the mailbox).',
      'after-change', ['recipient', 'recipient-admin'],
      'The recipient or their administrator has to act (free space, re-enable the mailbox); the sender can only tell them by another channel or try later.',
      ['3463#2', '3463#3.3'],
    ),
  },
  {
    ...RFC3463, subject: 3, title: 'Mail System Status',
    succeeded: 'The receiving mail system carried out the request',
    advice: advice(
      'The destination mail system, not the mailbox, has a problem: it is full, misconfigured, not accepting mail, or cannot handle a feature the message needs.',
      'automatic', ['recipient-admin'],
      'The administrator of the rejecting system has to act; temporary forms clear up by themselves once the system recovers.',
      ['3463#2', '3463#3.4'],
    ),
  },
  {
    ...RFC3463, subject: 4, title: 'Network and Routing Status',
    succeeded: 'The message was relayed or routed on',
    advice: advice(
      'The message could not be moved along the network: no answer from the next host, a broken connection, a routing or DNS problem, a loop, or it waited too long in the queue.',
      'automatic', ['sending-admin', 'recipient-admin'],
      'Check DNS (MX records), connectivity and routing between the sending server and the destination; which side must act depends on where the path breaks.',
      ['3463#2', '3463#3.5'],
    ),
  },
  {
    ...RFC3463, subject: 5, title: 'Mail Delivery Protocol Status',
    succeeded: 'The SMTP command was accepted',
    advice: advice(
      'The SMTP conversation itself went wrong: an unknown or misplaced command, a syntax error, bad arguments or too many recipients.',
      'after-change', ['sending-admin'],
      'Look at the SMTP transcript: the client software (or a proxy between the servers) sent something the server did not accept. Fix or update the sending software or its settings.',
      ['3463#2', '3463#3.6', '5321#4.3.2'],
    ),
  },
  {
    ...RFC3463, subject: 6, title: 'Message Content or Media Status',
    succeeded: 'The message content was accepted, often with "queued for delivery" in the text',
    advice: advice(
      'The content of the message could not be handled: a media type, encoding or character set the path does not support, or a conversion that failed or was not allowed.',
      'after-change', ['sender', 'sending-admin'],
      'Change how the message is encoded (for example 7-bit MIME, no non-ASCII addresses) or send it by a path that supports what it needs.',
      ['3463#2', '3463#3.7'],
    ),
  },
  {
    ...RFC3463, subject: 7, title: 'Security or Policy Status',
    succeeded: 'A security or policy check passed, such as authentication',
    advice: advice(
      'A security or policy decision stopped the message: the sender is not allowed, authentication or encryption failed or is required, or a filter (spam, SPF, DKIM, DMARC, blocklist) refused it.',
      'after-change', ['sending-admin', 'sender', 'recipient-admin'],
      'Find out which check refused the message (the text after the code usually says) and fix it on the sending side (authentication, DNS records, reputation); if the policy is wrong, only the recipient\'s administrator can change it.',
      ['3463#2', '3463#3.8'],
    ),
  },
];
