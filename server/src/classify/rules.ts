// The reason rules, as data: phrases of reply text and tables of codes. Read in tiers:
//  1. STRONG phrases: wording that names its cause whatever code came with it;
//  2. CODE_REASONS: an enhanced code whose registered meaning is specific (X.1.1, X.2.2);
//  3. ADDRESS phrases: wording about the address (user or domain unknown);
//  4. the SMTP command the reply answered, where it changes the meaning (classify.ts);
//  5. WEAK phrases: wording that only says something when nothing above did;
//  6. the subject digit of the enhanced code, then STOCK phrases (a reply's stock text),
//     then REPLY_REASONS (552, 556, ...).
// Phrases are plain lower-case substrings of the lower-cased text (searched together as one
// alternation of literals, phrases.ts, which cannot backtrack); within a tier the first rule
// with a matching phrase wins.
import type { Code } from './codes';
import { PhraseSet } from './phrases';
import type { BounceReason, SmtpStage } from './types';

export interface PhraseRule {
  readonly reason: BounceReason;
  readonly phrases: readonly string[];
}

const rule = (reason: BounceReason, ...phrases: string[]): PhraseRule => ({ reason, phrases });

export const STRONG_PHRASES: readonly PhraseRule[] = [
  // The last is cPanel's Exim text for a recipient it could not route; the domain comes first among its causes.
  rule('hostunknown', 'nxdomain', 'domain is not reachable', 'dns lookup failure', 'account or domain may not exist'),
  rule('notaccept', 'null mx', 'no mx record', 'no mx found', 'find a mail exchanger', 'no mail exchanger', 'does not accept mail', "doesn't receive email", 'accepts no mail', 'not accept any mail'),
  rule('notcompliantrfc', 'rfc 5322', 'rfc5322', 'not rfc compliant', 'multiple subject', 'multiple from', 'multiple message-id', 'duplicate header', 'multiple addresses in from'),
  // Not a bare "virus": every scanned message carries `X-Virus-Scanned:` and `X-Virus-Status: Clean`.
  rule('virusdetected', 'virus detected', 'virus found', 'viruses found', 'a virus', 'virus infected', 'malware', 'infected', 'trojan'),
  rule('securityerror', 'unauthenticated senders', 'smtp authentication', 'authentication required', 'must authenticate', 'auth required'),
  rule('norelaying', 'relay access denied', 'relaying denied', 'not permitted to relay', 'relay not permitted', 'unable to relay',
    'we do not relay', 'relaying not allowed', 'relay denied', 'relaying mail to', 'not allowed to relay', 'no relaying', 'relay not allowed',
    "isn't allowed to relay", 'relaying is prohibited', 'configured to relay', 'insecure mail relay'),
  rule('hasmoved', 'no longer on server', 'has moved', 'user moved', 'address has changed', 'no longer at this address'),
  rule('requireptr', 'reverse dns', 'ptr record', 'no ptr', 'rdns', 'reverse lookup', 'reverse hostname', 'cannot find your hostname',
    'cannot find your reverse', 'client host name', 'no reverse', 'does not resolve to', 'reverse-resolve', 'unresolvable address', 'not resolve your address'),
  rule('spamdetected', 'spam classification', 'classified as spam', 'detected as spam', 'rejected as spam', 'looks like spam', 'blacklisted url', ' ube,', ' ube ', 'unsolicited bulk'),
  rule('authfailure', 'spf', 'dkim', 'dmarc', 'sender policy framework', 'unauthenticated', 'sender is not authenticated'),
  rule('mailboxfull', 'mailbox full', 'mailbox is full', 'quota exceeded', 'over quota', 'overquota', 'exceeds quota', 'exceeded quota',
    'out of storage', 'exceeded storage', 'mailbox size limit', 'disk quota', 'mailbox quota', 'inbox is full', 'mailfolder is full',
    'not enough storage', 'quota full', 'is full', 'insufficient storage', 'storage space', 'mailbox has exceeded', 'mailbox exceeded', 'quota exceed'),
  rule('systemfull', 'insufficient system storage', 'disk full', 'out of disk space', 'insufficient disk', 'file system full', 'no space left'),
  rule('exceedlimit', 'limit set by recipient', 'exceeds limit set by'),
  rule('mesgtoobig', 'message too big', 'message too large', 'message size exceeds', 'message is too large', 'message is too big',
    'exceeds size limit', 'size limit exceeded', 'exceeds the size', 'size exceeds', 'too large for'),
  rule('suspend', 'account disabled', 'account is disabled', 'mailbox disabled', 'mailbox is disabled', 'has been disabled', 'is disabled', 'account suspended', 'account has been suspended', 'mailbox suspended', 'user suspended', 'is suspended',
    'account is inactive', 'mailbox inactive', 'mailbox is inactive', 'inactive account', 'is not active', 'deactivated', 'account is locked', 'temporary locked', 'temporarily locked',
    'account has been locked', 'account is blocked', 'account expired', 'compte du destinataire est bloque', 'is frozen', 'temporarily disabled'),
  rule('rejected', 'sender address rejected', 'sender rejected', 'sender verify failed', 'sender denied', 'invalid sender', 'rejected sender',
    'domain of sender address', 'sender domain', 'sender address is', 'envelope sender', 'bad sender', 'sender is not allowed',
    'address of the sender', 'return path', 'sender unknown', 'unknown sender', 'sender blocked', 'unverified sender', 'permission to post',
    // A Google Groups refusal (no such group, or no right to post) links its help centre in any language.
    'groups.google.com/support'),
  rule('speeding', 'rate limit', 'ratelimit', 'rate-limit', 'too many messages', 'sending too fast', 'throttl', 'receiving mail at a rate', 'receiving mail too quickly',
    'exceeded the rate', 'excessive volume', 'too much mail', 'too many emails', 'unusual rate', 'too many recipients this hour'),
  rule('toomanyconn', 'too many recipients', 'frequency limited', 'too many connections', 'too many simultaneous', 'connection limit', 'too many concurrent', 'too many sessions',
    'maximum number of connections', 'too many smtp sessions', 'connections from your'),
  rule('badreputation', 'reputation'),
  rule('blocked', 'blocked using', 'listed at', 'listed on', 'blacklist', 'blocklist', 'block list', 'black list', 'spamhaus', 'spamcop',
    'sorbs', 'dnsbl', 'rbl', 'client host rejected', 'your ip', 'ip address', 'sending ip', 'your network', 'banned',
    'not allowed to connect', 'not accepting connections', 'use the smtp server of your isp', 'connection rejected', 'refused to talk', 'invalid helo', 'bad helo', 'helo command rejected', 'helo name', 'dynamic ip', 'residential', 'dial-up', 'dialup'),
  rule('spamdetected', 'spam', 'unsolicited', 'junk mail', 'bulk mail', 'content filter', 'suspicious', 'phishing'),
  // STARTTLS refused, failed or required but not offered (Sisimai's failedstarttls).
  rule('failedstarttls', 'tls required', 'starttls', 'must use tls', 'does not support tls', 'tls negotiation failed', 'tls handshake failed',
    'tls is required', 'tls not available', 'encryption required'),
  rule('securityerror', 'authentication failed',
    'invalid credentials', 'password', 'not authenticated'),
  rule('expired', 'expired', 'retry timeout', 'after a long failure period', 'too long in the queue', 'queue too long', 'delivery time',
    'could not be delivered for', 'could not deliver for', 'aborted after', 'failing for a long time', 'delivery attempts will continue', 'delayed'),
  rule('mailererror', 'x-unix;', 'mailer error', 'procmail', 'command failed', 'pipe to', 'exit code', 'command died', 'exit status'),
  rule('networkerror', 'retry time not reached', 'host not reachable', 'dns error', 'unexpected name server reply', 'did not accept our requests to connect', 'connection timed out', 'network is unreachable', 'no route to host', 'connection refused', 'lost connection',
    'mail loop', 'too many hops', 'loop detected', 'routing loop', 'unexpected name server reply', 'dns lookup', 'name resolution',
    'connection reset', 'timed out', 'timeout', 'hop count exceeded', 'loops back'),
  rule('syntaxerror', 'syntax error', 'command unrecognized', 'command not recognized', 'bad sequence of commands', 'unrecognized command'),
  rule('contenterror', 'illegal character', 'bare lf', 'bare line feed', 'mime structure', 'malformed mime', 'invalid mime', 'message content', 'invalid header',
    'header too long', 'content rejected'),
];

/**
 * Wording about the address itself: read after the code, so that `550 5.2.1 User unknown`
 * (a disabled mailbox answered with a stock text) and `550 5.7.26 Recipient address
 * rejected: authentication failed` keep their code's reason.
 */
export const ADDRESS_PHRASES: readonly PhraseRule[] = [
  rule('hostunknown', 'route by dns', 'host unknown', 'unknown host', 'domain not found', 'host not found', 'no such domain', 'domain does not exist',
    'name service error', 'host or domain name not found', 'nxdomain', 'domain name not found', 'unknown domain', 'domain is not found',
    'unrouteable mail domain', 'no mx', 'domain not exist', 'invalid domain'),
  rule('userunknown', 'recipient address rejected: access denied', 'user unknown', 'unknown user', 'no such user', 'user not found', 'no such mailbox', 'mailbox not found',
    'recipient not found', 'unknown recipient', 'invalid recipient', 'recipient unknown', 'address unknown', 'addressee unknown',
    'does not exist', "doesn't exist", 'no mailbox here', 'not a valid mailbox', 'nosuchuser', 'unknown local part', 'invalid mailbox',
    'no such recipient', 'unknown address', 'no such local user', 'user invalid', 'invalid user', 'is not a valid user',
    'bad destination mailbox', 'no such account', 'unrouteable address', 'mailbox unavailable',
    "doesn't have a", 'no such person', 'not listed in', 'unknown or illegal alias', 'no mailbox',
    'recipient rejected', 'user doesn', 'destination address rejected', 'invalid address', 'account unavailable',
    'recipient invalid', 'no valid recipients', 'mailbox does not', 'not a known user', 'unknown mailbox', 'user not exist', 'invalid final delivery userid'),
];

/** Wording that decides only when the code did not. */
export const WEAK_PHRASES: readonly PhraseRule[] = [
  rule('policyviolation', 'potential security issue', 'policy', 'violat', 'prohibited', 'not permitted', 'acceptable use'),
  rule('filtered', 'filtered', 'refused by recipient', 'rejected by recipient', 'recipient refuses', 'not accepting mail', 'preferences'),
  rule('blocked', 'blocked', 'access denied', 'denied', 'refused', 'not allowed'),
];

/**
 * The stock texts of replies (RFC 5321's "Service unavailable", "local error in processing"):
 * the weakest evidence, read after the code's subject.
 */
export const STOCK_PHRASES: readonly PhraseRule[] = [
  rule('systemerror', 'system error', 'internal error', 'server error', 'local error', 'temporary failure', 'temporarily unavailable',
    'service unavailable', 'currently unavailable', 'resources temporarily', 'try again later', 'please try later', 'processing error', 'transient'),
];

/** Enhanced codes (without the class) whose registered meaning names one reason. */
const CODE_REASONS: ReadonlyMap<string, BounceReason> = new Map<string, BounceReason>([
  ['1.0', 'userunknown'], ['1.1', 'userunknown'], ['1.2', 'hostunknown'], ['1.3', 'userunknown'], ['1.4', 'userunknown'], ['1.5', 'userunknown'],
  ['1.6', 'hasmoved'], ['1.7', 'rejected'], ['1.8', 'rejected'],
  // X.2.0 and X.2.1 (mailbox disabled, not accepting messages): the mailbox exists but refused
  // the message, whatever stock text came with it (Sisimai's documented mapping to filtered);
  // words that name a suspended account are read first and still win.
  ['2.0', 'filtered'], ['2.1', 'filtered'], ['2.2', 'mailboxfull'], ['2.3', 'exceedlimit'],
  ['3.1', 'systemfull'], ['3.2', 'notaccept'], ['3.4', 'mesgtoobig'],
  ['4.3', 'systemerror'], ['4.4', 'hostunknown'], ['4.6', 'networkerror'], ['4.7', 'expired'],
  ['5.1', 'syntaxerror'], ['5.2', 'syntaxerror'], ['5.4', 'syntaxerror'], ['5.5', 'syntaxerror'],
  ['6.0', 'contenterror'], ['6.1', 'contenterror'], ['6.2', 'contenterror'], ['6.3', 'contenterror'], ['6.4', 'contenterror'], ['6.5', 'contenterror'],
  ['6.6', 'contenterror'], ['6.7', 'contenterror'], ['6.8', 'contenterror'], ['6.9', 'contenterror'],
  ['7.8', 'securityerror'], ['7.10', 'failedstarttls'], ['7.11', 'failedstarttls'], ['7.13', 'suspend'],
  ['7.14', 'securityerror'], ['7.17', 'hasmoved'], ['7.18', 'hasmoved'], ['7.20', 'authfailure'], ['7.21', 'authfailure'],
  ['7.22', 'authfailure'], ['7.23', 'authfailure'], ['7.24', 'authfailure'], ['7.25', 'requireptr'], ['7.26', 'authfailure'],
  ['7.27', 'rejected'], ['7.28', 'spamdetected'], ['7.29', 'securityerror'], ['7.30', 'securityerror'],
]);

/**
 * Codes that mean something else in a temporary failure: 4.2.1 is a mailbox disabled for
 * now (suspend) and 4.2.0 a passing state of the mailbox that says no cause; neither is the
 * recipient refusing the message, which only a permanent X.2.0 or X.2.1 is (as in Sisimai's table).
 */
const TEMPORARY_CODE_REASONS: ReadonlyMap<string, BounceReason | undefined> = new Map<string, BounceReason | undefined>([
  ['2.0', undefined], ['2.1', 'suspend'],
]);

/** The reason an enhanced code's registered meaning names, for its class. */
export function codeReason(code: Code): BounceReason | undefined {
  const key = `${code.subject}.${code.detail}`;
  return code.cls === 4 && TEMPORARY_CODE_REASONS.has(key) ? TEMPORARY_CODE_REASONS.get(key) : CODE_REASONS.get(key);
}

/** Basic reply codes whose standard meaning names one reason (RFC 5321 s4.2.3, RFC 7504). */
export const REPLY_REASONS: ReadonlyMap<number, BounceReason> = new Map<number, BounceReason>([
  // 523 and 538, the replies the registry pairs with X.7.10 (encryption needed) and X.7.11 (encryption required for the mechanism).
  [523, 'failedstarttls'], [538, 'failedstarttls'],
  [521, 'notaccept'], [556, 'notaccept'], [552, 'mailboxfull'], [551, 'hasmoved'], [530, 'securityerror'], [535, 'securityerror'],
  [500, 'syntaxerror'], [501, 'syntaxerror'], [502, 'syntaxerror'], [503, 'syntaxerror'], [504, 'syntaxerror'],
]);

/** What the subject digit alone says, when nothing else did (a temporary mailbox status, 4.2.x, names no refusal). */
export function subjectReason(code: Code): BounceReason | undefined {
  return code.cls === 4 && code.subject === 2 ? undefined : SUBJECT_REASONS.get(code.subject);
}

const SUBJECT_REASONS: ReadonlyMap<number, BounceReason> = new Map<number, BounceReason>([
  [1, 'userunknown'], [2, 'filtered'], [3, 'systemerror'], [4, 'networkerror'], [6, 'contenterror'], [7, 'securityerror'],
]);

const compiledRules = new WeakMap<readonly PhraseRule[], PhraseSet<BounceReason>>();

/** The first rule of `rules` with a phrase in `lower` (already lower-cased). */
export function firstMatch(rules: readonly PhraseRule[], lower: string): BounceReason | undefined {
  let phrases = compiledRules.get(rules);
  if (phrases === undefined) {
    // A phrase's priority is its rule's place: entries keep rule order, then phrase order.
    phrases = new PhraseSet(rules.flatMap((r) => r.phrases.map((phrase) => [phrase, r.reason] as const)));
    compiledRules.set(rules, phrases);
  }
  return phrases.first(lower);
}

/** The SMTP command a failure answered, as bounce and log texts name it; the last one named wins. */
export const COMMAND_PHRASES: readonly (readonly [string, SmtpStage])[] = [
  ['after initial connection', 'CONNECT'], ['greeting', 'CONNECT'],
  ['after ehlo', 'EHLO'], ['after helo', 'EHLO'], ['in reply to ehlo', 'EHLO'], ['in reply to helo', 'EHLO'], ['>>> ehlo', 'EHLO'], ['>>> helo', 'EHLO'],
  ['after mail from', 'MAIL'], ['in reply to mail from', 'MAIL'], ['>>> mail from', 'MAIL'],
  ['after rcpt to', 'RCPT'], ['in reply to rcpt to', 'RCPT'], ['>>> rcpt to', 'RCPT'], ['did not like our rcpt', 'RCPT'],
  // qmail-remote's own words for a refused recipient and a refused message; a command named as a tag.
  ['does not like recipient', 'RCPT'], ['[rcpt_to]', 'RCPT'], ['smtp:rcpt', 'RCPT'],
  ['after data', 'DATA'], ['after end of data', 'DATA'], ['in reply to data', 'DATA'], ['in reply to end of data', 'DATA'], ['>>> data', 'DATA'], ['smtp command data', 'DATA'],
  ['did not like our data', 'DATA'], ['failed after i sent the message', 'DATA'],
];

const COMMANDS = new PhraseSet(COMMAND_PHRASES);

/** The command named last in `lower`, if any. */
export function commandIn(lower: string): SmtpStage | undefined {
  return COMMANDS.last(lower);
}
