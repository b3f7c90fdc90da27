// Builds the structured explanation of a code or reply/enhanced pair from the
// knowledge base, with notes on anything inconsistent or unusual.

import {
  REGISTRY_HREF, basicEntry, classEntry, draftHref, isListedPairing, isStatusClass, isVendorPairing, registryEntry, replyDigit,
  rfcHref, rfcRefsIn, subjectEntry, vendorMeanings,
} from '../kb';
import type { Advice, DigitPosition, Permanence, RegistryEntry, RetryAdvice, VendorMeaning } from '../kb/types';
import type { VendorId } from '../kb/types';
import { formatQuery } from './parse';
import { citeRfc } from './shared';
import { verdictOf } from './verdict';
import type { Citation, CodeQuery, DigitExplanation, EnhancedExplanation, Explanation, Note, NoteKind, ReplyExplanation } from './types';

const at = (rfc: number, section?: string): Citation => citeRfc(section === undefined ? { rfc } : { rfc, section });
const note = (kind: NoteKind, text: string, ...see: Citation[]): Note => ({ kind, text, see });

/** A reference as the registry or basic.csv writes it, linked to its first RFC or draft. */
function citeReference(text: string): Citation {
  const [first] = rfcRefsIn(text);
  const href = first !== undefined ? rfcHref(first) : draftHref(text);
  return href === undefined ? { text } : { text, href };
}

const POSITIONS: readonly DigitPosition[] = ['first', 'second', 'third'];

function explainReply(code: number): ReplyExplanation {
  const digits: DigitExplanation[] = [];
  String(code).split('').forEach((char, index) => {
    const position = POSITIONS[index];
    const entry = position === undefined ? undefined : replyDigit(position, Number(char));
    if (position !== undefined && entry !== undefined) digits.push({ position, digit: Number(char), name: entry.name, meaning: entry.meaning });
  });
  const entry = basicEntry(code);
  if (entry === undefined) return { code, known: false, references: [], answers: [], digits };
  return {
    code, known: true, meaning: entry.meaning, references: entry.references.map(citeReference), answers: entry.answers,
    ...(entry.notes === '' ? {} : { notes: entry.notes }), advice: entry.advice, digits,
  };
}

function explainEnhanced(cls: number, subject: number, detail: number): EnhancedExplanation {
  const classInfo = classEntry(cls);
  const subjectInfo = subjectEntry(subject);
  const entry = registryEntry(subject, detail);
  // RFC 3463 s2: an unknown detail falls back to the subject, an unknown subject to the class.
  const fallback: { advice: Advice; source: 'code' | 'subject' | 'class' } | undefined = entry
    ? { advice: entry.advice, source: 'code' }
    : subjectInfo ? { advice: subjectInfo.advice, source: 'subject' }
    : classInfo ? { advice: classInfo.advice, source: 'class' } : undefined;
  return {
    code: `${cls}.${subject}.${detail}`, cls, subject, detail,
    ...(classInfo ? { classTitle: classInfo.title } : {}),
    ...(subjectInfo ? { subjectTitle: subjectInfo.title } : {}),
    ...(entry ? registryFacts(entry) : {}),
    references: entry ? entry.references.map(citeReference) : [],
    ...(fallback ? { advice: fallback.advice, adviceSource: fallback.source } : {}),
  };
}

function registryFacts(entry: RegistryEntry): Partial<EnhancedExplanation> {
  return {
    registryKey: entry.key, title: entry.title,
    associatedBasic: entry.associatedBasic,
    ...(entry.associatedAnyOf === undefined ? {} : { associatedAnyOf: entry.associatedAnyOf }),
    associatedRaw: entry.associatedRaw,
    permanence: entry.permanence, permanenceSource: entry.permanenceSource,
    ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
  };
}

/** RFC 3463 s3 section of a subject: X.0.0 is s3.1, subject 1 is s3.2, and so on. */
const rfc3463Section = (subject: number): Citation => at(3463, `3.${subject + 1}`);

/** 'Google Workspace / Gmail uses' or 'A and B use': the vendors named in a note. */
function vendorsPhrase(names: readonly string[], singular: string, plural: string): string {
  return `${names.join(' and ')} ${names.length > 1 ? plural : singular}`;
}

function enhancedNotes(e: EnhancedExplanation, vendorNames: readonly string[]): Note[] {
  const notes: Note[] = [];
  if (!isStatusClass(e.cls)) {
    notes.push(note('invalid-class', `Class ${e.cls} is not defined: an enhanced status code starts with 2, 4 or 5.`, at(3463, '2')));
    return notes;
  }
  if (e.subjectTitle === undefined) {
    notes.push(note('unknown-subject', `Subject ${e.subject} is not defined (only 0 to 7 are): only the class, ${e.cls} (${e.classTitle}), is known.`, at(3463, '2')));
  } else if (e.registryKey === undefined) {
    const vendorPart = vendorNames.length ? ` ${vendorsPhrase(vendorNames, 'uses', 'use')} it, see below.` : '';
    notes.push(note('unregistered',
      `${e.code} is not registered: its meaning falls back to subject ${e.subject} (${e.subjectTitle}) and class ${e.cls} (${e.classTitle}).${vendorPart}`,
      at(3463, '2'), { text: 'IANA registry', href: REGISTRY_HREF }));
  }
  if (e.deprecated) {
    const successor = e.deprecated.successor.replace(/^X/, String(e.cls));
    notes.push(note('deprecated', `X.${e.subject}.${e.detail} is deprecated as a ${e.deprecated.reason}; use ${successor} instead.`, at(6531, '4.2')));
  }
  const permanence = permanenceNote(e);
  if (permanence) notes.push(permanence);
  return notes;
}

/** The classes RFC 3463 s3 means each permanence for, in words and digits; absent where it says nothing. */
const PERMANENCE_USE: Partial<Record<Permanence, { readonly classes: readonly number[]; readonly words: string }>> = {
  permanent: { classes: [5], words: 'permanent failures' },
  'persistent-transient': { classes: [4], words: 'persistent transient failures' },
  both: { classes: [4, 5], words: 'failures (permanent or transient)' },
  success: { classes: [2], words: 'successful delivery' },
  'success-or-permanent': { classes: [2, 5], words: 'successful delivery with a warning, or permanent failures' },
};

function permanenceNote(e: EnhancedExplanation): Note | undefined {
  if (e.registryKey === undefined || e.permanence === undefined) return undefined;
  const use = PERMANENCE_USE[e.permanence];
  if (use === undefined || use.classes.includes(e.cls)) return undefined;
  return note('permanence', `RFC 3463 describes ${e.registryKey} as meant for ${use.words}; with class ${e.cls} it is unusual.`, rfc3463Section(e.subject));
}

function pairNotes(reply: ReplyExplanation, e: EnhancedExplanation | undefined, vendors: readonly VendorId[]): Note[] {
  const notes: Note[] = [];
  if (!reply.known) {
    notes.push(note('unknown-reply', `${reply.code} is not defined by RFC 5321 or the extensions in this knowledge base; clients act on its first digit.`, at(5321, '4.2')));
  }
  if (e === undefined) return notes;
  const first = Math.floor(reply.code / 100);
  if (first === 3) {
    notes.push(note('no-enhanced-on-3xx', `${reply.code} is an intermediate reply: 3yz replies carry no enhanced status code.`, at(2034, '4')));
  } else if (first !== e.cls && isStatusClass(first) && isStatusClass(e.cls)) {
    notes.push(note('class-mismatch',
      `${reply.code} with ${e.code}: classes disagree. The enhanced code's class must equal the reply's first digit (${first}yz goes with ${first}.X.X).`,
      at(2034, '4'), at(3463, '2')));
  }
  const entry = registryEntry(e.subject, e.detail);
  // A pairing a provider documents (Gmail's `452 4.2.2`) is not unusual, whatever the registry's list says.
  const documented = isStatusClass(e.cls) && isVendorPairing(reply.code, e.cls, e.subject, e.detail, vendors);
  if (entry !== undefined && first === e.cls && !documented && isListedPairing(entry, reply.code) === false) {
    notes.push(note('unusual-pairing',
      `The registry lists ${entry.key} with ${entry.associatedRaw}, not ${reply.code}; the list is incomplete, so this pairing is unusual rather than wrong.`,
      at(5248, '2.1'), at(5248, '2.4'), { text: 'IANA registry', href: REGISTRY_HREF }));
  }
  return notes;
}

export function explain(query: CodeQuery, vendors: readonly VendorId[]): Explanation {
  const reply = query.reply === undefined ? undefined : explainReply(query.reply);
  const q = query.enhanced;
  const enhanced = q === undefined ? undefined : explainEnhanced(q.cls, q.subject, q.detail);
  const vendorList = q !== undefined && isStatusClass(q.cls) ? vendorMeanings(q.cls, q.subject, q.detail, vendors) : [];
  const vendorNames = [...new Set(vendorList.map((v) => v.vendorName))];
  const notes = [
    ...(reply ? pairNotes(reply, enhanced, vendors) : []),
    ...(enhanced ? enhancedNotes(enhanced, vendorNames) : []),
  ];
  // The client acts on the reply's first digit when there is one (RFC 5321 s4.2.1), else on the class.
  const actingClass = query.reply !== undefined ? Math.floor(query.reply / 100) : q?.cls;
  const advice = actingClass === 2 ? successAdvice(reply, enhanced) : enhanced?.advice ?? reply?.advice;
  const code = formatQuery(query);
  const title = headline(reply, enhanced, vendorList);
  const retry = advice ? retryFor(actingClass, advice.retry) : undefined;
  return {
    code,
    headline: title,
    verdict: verdictOf(code, actingClass, title, advice, retry),
    ...(advice ? { advice, retry } : {}),
    ...(reply ? { reply } : {}),
    ...(enhanced ? { enhanced } : {}),
    vendors: vendorList,
    notes,
    registryHref: REGISTRY_HREF,
  };
}

/**
 * What a class-2 reply or code reports. RFC 3463 s3 describes most codes as failures ('X.1.0
 * Other address status'), so their advice would send a reader hunting for a fault after
 * `250 2.1.0 Ok`; a success is told as what succeeded, with the subject naming what it concerns.
 */
function successAdvice(reply: ReplyExplanation | undefined, e: EnhancedExplanation | undefined): Advice | undefined {
  if (e?.advice?.retry === 'not-needed' && e.adviceSource === 'code') return e.advice; // X.1.5 Destination address valid
  const base = reply?.advice?.retry === 'not-needed' ? reply.advice : classEntry(2)?.advice;
  const subject = e === undefined ? undefined : subjectEntry(e.subject);
  if (base === undefined) return undefined;
  if (e === undefined || subject === undefined) return base;
  // X.0.0 adds nothing to the reply's own words.
  if (subject.subject === 0 && reply?.advice !== undefined) return base;
  return { ...base, meaning: `${subject.succeeded} (${e.code}). ${base.meaning}` };
}

/** The client acts on the class (RFC 5321 s4.2.1): 4yz is retried by itself, 2yz/3yz need nothing, 5yz never retries alone. */
function retryFor(cls: number | undefined, advised: RetryAdvice): RetryAdvice {
  if (cls === 2 || cls === 3) return 'not-needed';
  if (cls === 4) return 'automatic';
  if (cls === 5 && (advised === 'automatic' || advised === 'not-needed')) return 'after-change';
  return advised;
}

function headline(reply: ReplyExplanation | undefined, e: EnhancedExplanation | undefined, vendors: readonly VendorMeaning[]): string {
  if (e?.title) return e.title;
  if (e?.deprecated) return `Deprecated duplicate of ${e.deprecated.successor}`;
  const [only, ...others] = vendors;
  if (only !== undefined && others.length === 0) return `${only.vendorName}: ${only.meaning}`;
  if (e !== undefined && only !== undefined) return `${e.subjectTitle ?? e.classTitle ?? 'Unknown'} (vendor-specific code)`;
  if (e?.subjectTitle) return `${e.subjectTitle} (unregistered detail)`;
  if (e?.classTitle) return `${e.classTitle} (unknown subject)`;
  if (reply?.meaning) return reply.meaning;
  return reply ? `${reply.digits[0]?.name ?? 'Unknown'} reply` : 'Unknown code';
}
