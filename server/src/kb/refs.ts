// Links to the documents the knowledge base cites, and a compact way to write citations.

import type { Actor, Advice, RetryAdvice, RfcRef } from './types';

/** The IANA "SMTP Enhanced Status Codes" registry page. */
export const REGISTRY_HREF = 'https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml';

/** Link to an RFC, or to one of its sections, on the RFC Editor's site. */
export function rfcHref(ref: RfcRef): string {
  const base = `https://www.rfc-editor.org/rfc/rfc${ref.rfc}`;
  return ref.section === undefined ? base : `${base}#section-${ref.section}`;
}

/** How a citation is written in text: 'RFC 3463 s3.2'. */
export function rfcLabel(ref: RfcRef): string {
  return ref.section === undefined ? `RFC ${ref.rfc}` : `RFC ${ref.rfc} s${ref.section}`;
}

/** Citations written as '3463#3.2' or '3463' (whole document). */
export function see(...refs: readonly string[]): RfcRef[] {
  return refs.map((text) => {
    const [rfc, section] = text.split('#');
    return section === undefined ? { rfc: Number(rfc) } : { rfc: Number(rfc), section };
  });
}

/** Builds an Advice; `see` is in the compact form of {@link see}. */
export function advice(
  meaning: string,
  retry: RetryAdvice,
  actors: readonly Actor[],
  action: string,
  refs: readonly string[],
): Advice {
  return { meaning, retry, actors, action, see: see(...refs) };
}

/**
 * Finds RFC citations in a reference string as the registry or basic.csv
 * writes them ('RFC 7372, Section 3.3', 'RFC 5321 s4.2.2/s4.2.3, s4.5.3.1.10'),
 * so that they can be linked. Non-RFC references (drafts) yield nothing.
 */
export function rfcRefsIn(reference: string): RfcRef[] {
  const refs: RfcRef[] = [];
  for (const match of reference.matchAll(/RFC\s?(\d{3,4})((?:(?:,?\s*|\/)(?:s|Section\s)\d+(?:\.\d+)*)*)/g)) {
    const rfc = Number(match[1]);
    const sections = [...(match[2] ?? '').matchAll(/(?:s|Section\s)(\d+(?:\.\d+)*)/g)].map((m) => m[1] as string);
    if (sections.length === 0) refs.push({ rfc });
    for (const section of sections) refs.push({ rfc, section });
  }
  return refs;
}

/** Link for a non-RFC reference such as an Internet-Draft name. */
export function draftHref(name: string): string | undefined {
  const match = /^draft-[a-z0-9-]+?(?=-\d{2}$|$)/.exec(name.trim());
  return match ? `https://datatracker.ietf.org/doc/${match[0]}/` : undefined;
}
