// Rules on how a code is written: the grammars of RFC 3463 s2 and RFC 5321 s4.2.
import { rfcHref } from '../kb';
import { enhancedFlaw, normalizeEnhanced, replyFlaw } from '../scan/codes';
import type { Finding } from '../scan/types';
import type { Fix } from './types';
import { remedy, replaceFix, withClass } from './fixes';
import type { Draft, Rule } from './types';

const RFC3463_S2 = rfcHref({ rfc: 3463, section: '2' });
const RFC5321_S4_2 = rfcHref({ rfc: 5321, section: '4.2' });

export const enhancedSyntax: Rule = {
  id: 'enhanced-syntax',
  defaultSeverity: 'error',
  kinds: ['enhanced'],
  description: 'Malformed enhanced status code: leading zeros, too many digits, or a class other than 2, 4 or 5.',
  href: RFC3463_S2,
  check(finding): Draft | undefined {
    if (finding.kind !== 'enhanced') return undefined;
    const text = finding.text;
    switch (enhancedFlaw(text)) {
      case undefined:
        return undefined;
      case 'not-three-parts':
        return { message: `'${text}' is not an enhanced status code: it must be three numbers, class.subject.detail, like 5.1.1 (RFC 3463 s2).` };
      case 'leading-zero': {
        const fixed = normalizeEnhanced(text);
        const fixes: Fix[] = enhancedFlaw(fixed) === undefined ? [replaceFix(`Write ${fixed}`, finding, fixed, true)] : [];
        return { message: `'${text}' has a leading zero; numbers in an enhanced status code must not (RFC 3463 s2). ${remedy(finding, fixed)}`, fixes };
      }
      case 'too-long':
        return { message: `'${text}' is too long: the class is one digit, subject and detail at most three digits each (RFC 3463 s2).` };
      case 'class':
        return classDraft(finding);
    }
  },
};

/** A class other than 2, 4, 5: the partner reply (if any) says which one was meant. */
function classDraft(finding: Finding): Draft {
  const text = finding.text;
  const first = finding.partner?.text.charAt(0);
  const base = `'${text}' has class ${text.charAt(0)}; the class must be 2 (success), 4 (transient failure) or 5 (permanent failure) (RFC 3463 s2).`;
  if (first === '2' || first === '4' || first === '5') {
    const fixed = withClass(text, first);
    return { message: `${base} Reply ${finding.partner?.text} calls for ${fixed}.`, fixes: [replaceFix(`Write ${fixed}`, finding, fixed, true)] };
  }
  return { message: base };
}

export const replySyntax: Rule = {
  id: 'reply-syntax',
  defaultSeverity: 'error',
  kinds: ['reply'],
  description: 'Malformed reply code: not three digits, first digit not 2-5, or second digit above 5.',
  href: RFC5321_S4_2,
  check(finding): Draft | undefined {
    if (finding.kind !== 'reply') return undefined;
    const text = finding.text;
    switch (replyFlaw(text)) {
      case undefined:
        return undefined;
      case 'not-three-digits':
        return { message: `'${text}' is not a reply code: reply codes have exactly three digits (RFC 5321 s4.2).` };
      case 'first-digit': {
        const cls = finding.partner?.text.charAt(0);
        const base = `Reply code ${text} starts with ${text.charAt(0)}; the first digit must be 2, 3, 4 or 5 (RFC 5321 s4.2).`;
        if (cls !== '2' && cls !== '4' && cls !== '5') return { message: base };
        const fixed = cls + text.slice(1);
        return { message: `${base} Enhanced code ${finding.partner?.text} calls for ${fixed}.`, fixes: [replaceFix(`Write ${fixed}`, finding, fixed, true)] };
      }
      case 'second-digit':
        return { message: `Reply code ${text} has second digit ${text.charAt(1)}; it must be 0 to 5 (RFC 5321 s4.2).` };
    }
  },
};

export const unknownSubject: Rule = {
  id: 'unknown-subject',
  defaultSeverity: 'warning',
  kinds: ['enhanced'],
  description: 'Enhanced code whose subject is not one of the defined subjects 0 to 7.',
  href: rfcHref({ rfc: 3463, section: '3' }),
  check(finding): Draft | undefined {
    const e = finding.enhanced;
    if (finding.kind !== 'enhanced' || e === undefined || enhancedFlaw(finding.text) !== undefined || e.subject <= 7) return undefined;
    return {
      message: `Subject ${e.subject} in ${finding.text} is not defined: subjects run from 0 to 7 (RFC 3463 s3). A reader can only rely on the class ${e.cls}.`,
    };
  },
};
