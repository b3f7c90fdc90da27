// What each reason means for the people who read bounces: what happened, whether the
// address itself is dead (hard), who must act and when a retry can help. Data only.
import type { Actor, BounceReason } from './types';

/**
 * When sending the same message again can help: `later` (the cause passes by itself),
 * `after-fix` (only once someone changed something), `never` (the address is dead).
 */
export type RetryWhen = 'later' | 'after-fix' | 'never';

export interface ReasonInfo {
  /** What happened, as the verdict line says it after "Rejected:" or "Deferred:". */
  readonly what: string;
  /** Hard: the same message to the same address will never succeed. */
  readonly hard: boolean;
  readonly whoActs: Actor;
  readonly retry: RetryWhen;
  /** What the actor should do, one short sentence. */
  readonly next: string;
}

const info = (what: string, hard: boolean, whoActs: Actor, retry: RetryWhen, next: string): ReasonInfo =>
  ({ what, hard, whoActs, retry, next });

export const REASONS: Readonly<Record<BounceReason, ReasonInfo>> = {
  userunknown: info('the mailbox does not exist', true, 'sender', 'never', 'the sender must fix or remove the address'),
  mailboxfull: info('the recipient\'s mailbox is full', false, 'recipient', 'later', 'the recipient must free space'),
  hostunknown: info('the recipient\'s domain does not exist or has no mail server', true, 'sender', 'never', 'the sender must fix the domain part of the address'),
  blocked: info('the receiving side refused the sending server (IP, host name or network)', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must get the IP or host delisted or unblocked'),
  spamdetected: info('the message was judged to be spam', false, 'sender', 'after-fix', 'the sender must change the content or the sending practice'),
  policyviolation: info('the message broke a policy of the receiving side', false, 'sender', 'after-fix', 'the sender must follow the receiving side\'s policy'),
  expired: info('delivery has not succeeded within the sending server\'s retry period', false, 'receiving-side', 'later', 'the receiving side must make its server reachable'),
  rejected: info('the sender address was refused', false, 'sender', 'after-fix', 'the sender must use an envelope sender the receiving side accepts'),
  toomanyconn: info('the sending server opened too many connections', false, 'sending-admin', 'later', 'the sending server\'s admin must open fewer connections at once'),
  speeding: info('the sending server sent too fast and is rate limited', false, 'sending-admin', 'later', 'the sending server\'s admin must slow down'),
  securityerror: info('a security check of the receiving side failed', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must meet the receiving side\'s security requirements'),
  authfailure: info('sender authentication (SPF, DKIM or DMARC) failed', false, 'sending-admin', 'after-fix', 'the sending domain\'s admin must fix SPF, DKIM and DMARC'),
  norelaying: info('the server does not relay mail for this recipient', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must route the mail to the right server or authenticate'),
  mesgtoobig: info('the message is too big', false, 'sender', 'after-fix', 'the sender must send a smaller message'),
  systemerror: info('the receiving system had an error', false, 'receiving-side', 'later', 'the receiving side must fix its system'),
  networkerror: info('a network or DNS problem stopped delivery', false, 'receiving-side', 'later', 'check the receiving side\'s DNS and network'),
  suspend: info('the recipient\'s mailbox is disabled or suspended', false, 'recipient', 'after-fix', 'the recipient must reactivate the mailbox'),
  hasmoved: info('the recipient has moved to another address', true, 'sender', 'never', 'the sender must use the recipient\'s new address'),
  notaccept: info('the receiving domain accepts no mail', true, 'receiving-side', 'never', 'the receiving domain accepts no mail; remove the address'),
  contenterror: info('the message content or format was refused', false, 'sender', 'after-fix', 'the sender must fix the message format or content'),
  exceedlimit: info('the message exceeds a limit of the recipient', false, 'sender', 'after-fix', 'the sender must stay within the recipient\'s limits'),
  filtered: info('the recipient\'s filter or account settings refused the message', false, 'recipient', 'after-fix', 'only the recipient can allow this mail'),
  mailererror: info('the receiving side\'s mailer program failed', false, 'receiving-side', 'after-fix', 'the receiving side must fix its delivery program'),
  systemfull: info('the receiving system is out of disk space', false, 'receiving-side', 'later', 'the receiving side must free space'),
  syntaxerror: info('the sending server broke the SMTP protocol', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must fix the client\'s commands'),
  virusdetected: info('a virus was found in the message', false, 'sender', 'after-fix', 'the sender must remove the infected content'),
  badreputation: info('the sending IP or domain has a poor reputation', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must improve the reputation of the IP or domain'),
  requireptr: info('the sending IP has no valid reverse DNS (PTR) record', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must publish a PTR record that matches the host name'),
  notcompliantrfc: info('the message is not RFC 5322 compliant', false, 'sending-admin', 'after-fix', 'the sending software must write standard headers'),
  failedstarttls: info('the two servers could not set up the TLS encryption (STARTTLS) one of them requires', false, 'sending-admin', 'after-fix', 'the sending server\'s admin must agree TLS with the receiving side (a valid certificate, a common TLS version)'),
  undefined: info('the cause could not be told from the reply', false, 'receiving-side', 'after-fix', 'read the reply text; ask the receiving side if it is unclear'),
};
