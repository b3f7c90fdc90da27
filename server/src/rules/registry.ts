// Rules that look codes up in the IANA registry (RFC 5248) and in RFC 3463 s3.
import { isListedPairing, isStatusClass, isVendorCode, isVendorPairing, REGISTRY_HREF, registryEntry, rfcHref, subjectEntry } from '../kb';
import type { RegistryEntry } from '../kb';
import { enhancedFlaw, replyFlaw } from '../scan/codes';
import type { EnhancedParts, Finding, FindingContext } from '../scan/types';
import { remedy, replaceFix, withClass } from './fixes';
import type { Draft, Rule } from './types';

/** Registry entries by `subject * 1000 + detail` (null: not registered); at most 8 * 1000 of them. */
const ENTRIES = new Map<number, RegistryEntry | null>();

/** The registry entry of a well-formed code's subject (0-7) and detail (up to three digits). */
function entryFor(subject: number, detail: number): RegistryEntry | undefined {
  const key = subject * 1000 + detail;
  let entry = ENTRIES.get(key);
  if (entry === undefined) ENTRIES.set(key, entry = registryEntry(subject, detail) ?? null);
  return entry ?? undefined;
}

/** The parts of a well-formed enhanced code with a defined subject, else undefined. */
function validEnhanced(finding: Finding): EnhancedParts | undefined {
  const e = finding.enhanced;
  if (finding.kind !== 'enhanced' || e === undefined || enhancedFlaw(finding.text) !== undefined || e.subject > 7) return undefined;
  return e;
}

function entryOf(finding: Finding): { e: EnhancedParts; entry: RegistryEntry } | undefined {
  const e = validEnhanced(finding);
  const entry = e === undefined ? undefined : entryFor(e.subject, e.detail);
  return e === undefined || entry === undefined ? undefined : { e, entry };
}

/**
 * Where someone reading the file chooses the codes: configs, and the replies of a server under
 * test in a transcript. RFC 3463's advice on permanence and the registry's pairings help there;
 * in logs and bounces the code was chosen by some remote server, and common practice
 * (`450 4.7.1` for greylisting, `554 5.7.1`) would drown real problems, so the advice rules
 * stay silent there unless the user gives them a severity.
 */
const AUTHORED_CONTEXTS: ReadonlySet<FindingContext> = new Set<FindingContext>([
  'transcript-reply', 'config-access', 'config-reject-code', 'exim-acl', 'sendmail-access', 'sendmail-rule',
]);

const adviceDemotion = (finding: Finding): Pick<Draft, 'demote'> => (AUTHORED_CONTEXTS.has(finding.context) ? {} : { demote: 'off' });

export const unregisteredCode: Rule = {
  id: 'unregistered-code',
  defaultSeverity: 'information',
  kinds: ['enhanced'],
  description: 'Enhanced code that is neither in the IANA registry nor in an enabled vendor dictionary.',
  href: REGISTRY_HREF,
  check(finding, settings): Draft | undefined {
    const e = validEnhanced(finding);
    if (e === undefined || entryFor(e.subject, e.detail) !== undefined) return undefined;
    if (isStatusClass(e.cls) && isVendorCode(e.cls, e.subject, e.detail, settings.vendors)) return undefined;
    const subject = subjectEntry(e.subject);
    return {
      message: `${finding.text} is not in the IANA registry${settings.vendors.length > 0 ? ' nor in the enabled vendor dictionaries' : ''}. `
        + `Readers fall back to X.${e.subject}.0${subject === undefined ? '' : ` (${subject.title})`} (RFC 3463 s2).`,
    };
  },
};

export const permanence: Rule = {
  id: 'permanence',
  defaultSeverity: 'information',
  kinds: ['enhanced'],
  description: 'Class 4 with a code RFC 3463 describes as permanent only, or class 5 with one it describes as transient only.',
  href: rfcHref({ rfc: 3463, section: '3' }),
  check(finding): Draft | undefined {
    const found = entryOf(finding);
    if (found === undefined) return undefined;
    const { e, entry } = found;
    // A class a verb or the reply contradicts is class-mismatch's to report.
    const stated = finding.verb?.cls ?? (finding.partner === undefined ? undefined : Number(finding.partner.text.charAt(0)));
    if (stated !== undefined && stated !== e.cls) return undefined;
    // A deferral the reply or verb states is deliberate: `DEFER 4.7.1` and `451 4.7.1` greylist,
    // and `450 4.1.1` asks to retry an address not verified yet. Advising class 5 would turn a
    // deferral into a rejection; mail that should retry loses nothing by retrying.
    const deliberate = stated === 4;
    const wanted = entry.permanence === 'permanent' && e.cls === 4 && !deliberate ? '5'
      : entry.permanence === 'persistent-transient' && e.cls === 5 ? '4' : undefined;
    if (wanted === undefined) return undefined;
    const fixed = withClass(finding.text, wanted);
    const described = wanted === '5' ? 'a permanent failure' : 'a persistent transient failure';
    return {
      message: `RFC 3463 s3 describes ${entry.key} (${entry.title}) as ${described}, but ${finding.text} has class ${e.cls}. ${remedy(finding, `${fixed}${finding.partner === undefined ? '' : ' with a matching reply code'}`)}`,
      // Changing only the class would break a pair; offer the fix for a lone code.
      ...(finding.partner === undefined ? { fixes: [replaceFix(`Write ${fixed}`, finding, fixed)] } : {}),
      ...adviceDemotion(finding),
    };
  },
};

export const unusualPairing: Rule = {
  id: 'unusual-pairing',
  defaultSeverity: 'hint',
  kinds: ['enhanced'],
  description: 'Reply code not among the basic codes the registry associates with the enhanced code (the list is incomplete).',
  href: rfcHref({ rfc: 5248, section: '2.4' }),
  check(finding, settings): Draft | undefined {
    const found = entryOf(finding);
    const partner = finding.partner;
    if (found === undefined || partner === undefined || replyFlaw(partner.text) !== undefined) return undefined;
    if (partner.text.charAt(0) !== finding.text.charAt(0)) return undefined;
    const { e, entry } = found;
    if (isListedPairing(entry, Number(partner.text)) !== false) return undefined;
    // A pair a provider documents (Gmail's `452 4.2.2`) is common practice, whatever the list says.
    if (isStatusClass(e.cls) && isVendorPairing(Number(partner.text), e.cls, e.subject, e.detail, settings.vendors)) return undefined;
    return {
      message: `The registry lists ${entry.associatedRaw} for ${entry.key}, not ${partner.text}. The list is incomplete, so this may be fine (RFC 5248 s2.4).`,
      ...adviceDemotion(finding),
    };
  },
};

export const deprecatedCode: Rule = {
  id: 'deprecated-code',
  defaultSeverity: 'warning',
  kinds: ['enhanced'],
  description: 'Deprecated registry code (X.6.10 duplicates X.6.8).',
  href: REGISTRY_HREF,
  check(finding): Draft | undefined {
    const found = entryOf(finding);
    const deprecated = found?.entry.deprecated;
    if (found === undefined || deprecated === undefined) return undefined;
    const fixed = `${found.e.cls}${deprecated.successor.slice(1)}`;
    return {
      message: `${finding.text} is deprecated in the registry (${deprecated.reason}). ${remedy(finding, fixed)}`,
      fixes: [replaceFix(`Write ${fixed}`, finding, fixed, true)],
    };
  },
};
