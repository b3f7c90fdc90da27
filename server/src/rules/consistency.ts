// Rules on codes that must agree with each other: a reply and its enhanced code, the lines
// of one multi-line reply, a DSN's Action, Status and Diagnostic-Code, and the command a
// transcript reply answers.
import { answersCommand, basicEntry, dsnAction, rfcHref } from '../kb';
import { enhancedFlaw, replyFlaw } from '../scan/codes';
import type { CodeRef, ConfigVerb, Finding, FindingContext } from '../scan/types';
import { CLASS_NAMES, remedy, replaceFix, replyInClass, withClass } from './fixes';
import type { Draft, Rule } from './types';

/**
 * Postfix rewrites the class of an access-map or header-check enhanced code to match the
 * reply it sends, so a mismatch there is cosmetic; other configs are still read by people.
 */
const CONFIG_DEMOTION: Partial<Record<FindingContext, number>> = {
  'config-access': 2,
  'config-reject-code': 1,
  'exim-acl': 1,
  'sendmail-access': 1,
  'sendmail-rule': 1,
};

/** Contexts where a reporting MTA writes about a delivery, rather than a live reply. */
const REPORT_CONTEXTS: ReadonlySet<FindingContext> = new Set(['dsn-diagnostic', 'ndr', 'pair', 'esp-event']);

function wellFormedPair(finding: Finding): boolean {
  return finding.kind === 'enhanced' && finding.partner !== undefined
    && enhancedFlaw(finding.text) === undefined && replyFlaw(finding.partner.text) === undefined;
}

export const classMismatch: Rule = {
  id: 'class-mismatch',
  defaultSeverity: 'error',
  kinds: ['reply', 'enhanced'],
  description: "The reply code's first digit and the enhanced code's class disagree, or a config verb sends a class its code does not say.",
  href: rfcHref({ rfc: 3463, section: '2' }),
  check(finding): Draft | undefined {
    if (finding.verb !== undefined) return verbMismatch(finding, finding.verb);
    const partner = finding.partner;
    if (finding.kind !== 'enhanced' || !wellFormedPair(finding) || partner === undefined) return undefined;
    const first = partner.text.charAt(0);
    const cls = finding.text.charAt(0);
    // 3xx replies carry no enhanced code at all (RFC 2034 s4); that is not this rule.
    if (first === cls || first === '3') return undefined;
    // A bounce reporting that a transient condition outlasted the retries often writes a 5xx
    // reply with the 4.x.x code of the condition (`550 4.4.7 QUEUE.Expired`); RFC 3464
    // s2.3.3 allows class 4 in such a failure report, so there it is only a remark.
    const gaveUp = first === '5' && cls === '4' && REPORT_CONTEXTS.has(finding.context);
    const enhancedFixed = withClass(finding.text, first);
    const replyFixed = replyInClass(partner.text, cls);
    return {
      message: `Reply ${partner.text} is a ${CLASS_NAMES[first]} but ${finding.text} says ${CLASS_NAMES[cls]}: the class must match the reply's first digit (RFC 3463 s2, RFC 2034 s4), and clients act on the reply. ${remedy(finding, `${partner.text} ${enhancedFixed} or ${replyFixed} ${finding.text}`)}`
        + (gaveUp ? ' In a bounce this usually reports a transient condition that lasted until the sender gave up (RFC 3464 s2.3.3).' : ''),
      fixes: [
        replaceFix(`Write ${enhancedFixed} (class of the reply)`, finding, enhancedFixed, true),
        replaceFix(`Write ${replyFixed} (reply of the class)`, partner, replyFixed),
      ],
      demote: gaveUp ? 2 : CONFIG_DEMOTION[finding.context] ?? 0,
    };
  },
};

/** What the server does with a code of the wrong class. */
function verbEffect(verb: ConfigVerb, finding: Finding): string {
  if (verb.server === 'postfix') return 'Postfix sends the class of the verb whatever the text says';
  return finding.kind === 'reply'
    ? 'Exim refuses a custom code whose first digit differs from the verb\'s'
    : `the reply goes out as class ${verb.cls}, so the enhanced code contradicts it`;
}

/**
 * A config line's verb decides the class (`DEFER 4.7.1` defers, `deny message = 550 ...`
 * rejects): the codes it writes should say the same, and a fix writes the verb's class, never
 * the other way round (that would turn a deferral into a rejection).
 */
function verbMismatch(finding: Finding, verb: ConfigVerb): Draft | undefined {
  const cls = String(verb.cls);
  const partner = finding.partner;
  // A pair is judged once: on its reply when the reply's digit is off, else on the enhanced code.
  if (finding.kind === 'enhanced' && partner !== undefined && partner.text.charAt(0) !== cls) return undefined;
  const flaw = finding.kind === 'reply' ? replyFlaw(finding.text) : enhancedFlaw(finding.text);
  if (flaw !== undefined || finding.text.charAt(0) === cls) return undefined;
  const refs: CodeRef[] = finding.kind === 'reply' && partner !== undefined && enhancedFlaw(partner.text) === undefined ? [finding, partner] : [finding];
  const inClass = (text: string): string => (text.includes('.') ? withClass(text, cls) : replyInClass(text, cls));
  const right = refs.map((ref) => inClass(ref.text)).join(' ');
  const edits = refs.filter((ref) => inClass(ref.text) !== ref.text)
    .map(({ line, start, end, text }) => ({ line, start, end, newText: inClass(text) }));
  return {
    message: `${verb.word} sends a ${CLASS_NAMES[cls]} (class ${cls}), but ${finding.text} says ${CLASS_NAMES[finding.text.charAt(0)]}; ${verbEffect(verb, finding)}. ${remedy(finding, right)}`,
    fixes: [{ title: `Write ${right} (the class ${verb.word} sends)`, edits, preferred: true }],
    demote: CONFIG_DEMOTION[finding.context] ?? 0,
  };
}

export const multilineMismatch: Rule = {
  id: 'multiline-mismatch',
  defaultSeverity: 'warning',
  kinds: ['reply', 'enhanced'],
  description: 'Lines of one multi-line reply carry different reply codes or enhanced codes.',
  href: rfcHref({ rfc: 5321, section: '4.2.1' }),
  check(finding): Draft | undefined {
    const group = finding.group;
    if (group === undefined) return undefined;
    const first = finding.kind === 'reply' ? group.reply : group.enhanced;
    if (first === undefined || first === finding.text) return undefined;
    const what = finding.kind === 'reply' ? 'reply code' : 'enhanced code';
    return {
      message: `This line of a multi-line reply has ${what} ${finding.text}, but the reply began with ${first} on line ${group.line + 1}: every line must repeat the same codes (RFC 5321 s4.2.1, RFC 2034 s4).`,
      fixes: [replaceFix(`Write ${first}`, finding, first, true)],
    };
  },
};

export const dsnActionMismatch: Rule = {
  id: 'dsn-action-mismatch',
  defaultSeverity: 'warning',
  kinds: ['reply', 'enhanced'],
  description: 'A DSN Action contradicts its Status class, or the Status contradicts the Diagnostic-Code reply.',
  href: rfcHref({ rfc: 3464, section: '2.3.3' }),
  check(finding): Draft | undefined {
    const block = finding.block;
    if (block === undefined) return undefined;
    // ESP event JSON carries the same facts (SES: a bounced recipient's `action` and `status`,
    // the status a code standing alone, the diagnostic's codes a pair).
    const esp = finding.context === 'esp-event';
    const status = block.status;
    if ((finding.context === 'dsn-status' || (esp && finding.partner === undefined)) && finding.kind === 'enhanced' && block.action !== undefined) {
      const entry = dsnAction(block.action.text);
      const cls = finding.enhanced?.cls;
      if (entry === undefined || entry.usually || cls === undefined || enhancedFlaw(finding.text) !== undefined) return undefined;
      if (entry.expectedClasses.some((c) => c === cls)) return undefined;
      return {
        message: `Action: ${block.action.text} goes with class ${entry.expectedClasses.join(' or ')}, but Status ${finding.text} is a ${CLASS_NAMES[String(cls)]} (RFC 3464 s2.3.3, RFC 3463 s2).`,
      };
    }
    if (!(finding.context === 'dsn-diagnostic' || esp) || finding.kind !== 'reply' || finding.group !== undefined || status === undefined) return undefined;
    if (replyFlaw(finding.text) !== undefined || enhancedFlaw(status.text) !== undefined) return undefined;
    // The diagnostic's own enhanced code, when it has one, is what Status should repeat;
    // a disagreement inside the diagnostic is class-mismatch's business.
    const own = finding.partner?.text;
    const first = (own ?? finding.text).charAt(0);
    if (first === status.text.charAt(0) || first === '3') return undefined;
    return {
      message: `Diagnostic-Code ${own === undefined ? `reply ${finding.text}` : `${finding.text} ${own}`} is a ${CLASS_NAMES[first]}, but Status ${status.text} on line ${status.line + 1} says ${CLASS_NAMES[status.text.charAt(0)]} (RFC 3464 s2.3.4, s2.3.6).`,
    };
  },
};

export const unexpectedReply: Rule = {
  id: 'unexpected-reply',
  defaultSeverity: 'warning',
  kinds: ['reply'],
  description: 'In a transcript, a reply code the preceding command cannot receive (RFC 5321 s4.3.2).',
  href: rfcHref({ rfc: 5321, section: '4.3.2' }),
  check(finding): Draft | undefined {
    const command = finding.answers;
    if (finding.kind !== 'reply' || command === undefined || finding.reply === undefined) return undefined;
    const entry = basicEntry(finding.reply);
    if (entry === undefined || answersCommand(entry, command) !== false) return undefined;
    const expected = entry.answers.map((a) => (a.command === 'ANY' ? 'any command' : a.command)).join(', ');
    return {
      message: `${finding.text} is not a reply RFC 5321 s4.3.2 lists for ${command === 'DATA-END' ? 'the end of message data' : command}; ${finding.text} answers ${expected}.`,
    };
  },
};
