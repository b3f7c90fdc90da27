// The knowledge base: lookups over the registry, basic reply codes, DSN
// actions and vendor dictionaries. Pure data, no I/O.

import { BASIC_CODES } from './basic';
import { DSN_ACTIONS } from './dsn';
import { REGISTRY } from './registry';
import { CLASSES, SUBJECTS } from './structure';
import type { BasicEntry, VendorId, VendorToken, ClassEntry, DsnActionEntry, RegistryEntry, StatusClass, SubjectEntry, VendorCode, VendorMeaning } from './types';
import { APPLE_TOKENS } from './vendors/apple';
import { CABLE_TOKENS } from './vendors/cable';
import { EAST_TOKENS } from './vendors/east';
import { EUROPE_TOKENS } from './vendors/europe';
import { FILTER_TOKENS } from './vendors/filters';
import { GOOGLE_CODES } from './vendors/google';
import { MICROSOFT_CODES } from './vendors/microsoft';
import { OUTLOOK_CODES, OUTLOOK_TOKENS } from './vendors/outlook';
import { PROVIDERS } from './vendors/providers';
import { YAHOO_CODES, YAHOO_TOKENS } from './vendors/yahoo';

export type * from './types';
export { REGISTRY_HREF, rfcHref, rfcLabel, rfcRefsIn, draftHref } from './refs';
export { REPLY_DIGITS, replyDigit } from './digits';

export const registry: readonly RegistryEntry[] = REGISTRY;
export const basicCodes: readonly BasicEntry[] = BASIC_CODES;
export const classes: readonly ClassEntry[] = CLASSES;
export const subjects: readonly SubjectEntry[] = SUBJECTS;
export const dsnActions: readonly DsnActionEntry[] = DSN_ACTIONS;

/** Every vendor's dictionary, each row labelled with its vendor and source page. */
export const vendorCodes: Readonly<Record<VendorId, readonly VendorCode[]>> = {
  microsoft: MICROSOFT_CODES,
  google: GOOGLE_CODES,
  outlook: OUTLOOK_CODES,
  yahoo: YAHOO_CODES, apple: [], proofpoint: [], mimecast: [], barracuda: [], cisco: [], gmx: [], tonline: [],
  orange: [], mailru: [], yandex: [], zoho: [], qq: [], comcast: [], cox: [],
};

/** Every vendor dictionary, in the order settings and documentation list them. */
export const VENDOR_IDS = Object.keys(vendorCodes) as VendorId[];

/** Every provider's reply-text tokens, each with its reason, meaning and source page. */
export const vendorTokens: readonly VendorToken[] = [
  ...YAHOO_TOKENS, ...OUTLOOK_TOKENS, ...APPLE_TOKENS, ...FILTER_TOKENS, ...EUROPE_TOKENS, ...EAST_TOKENS, ...CABLE_TOKENS,
];

/** The providers we recognise by host and text, each with its dictionary and help page. */
export { PROVIDERS };


const registryByKey = new Map(REGISTRY.map((entry) => [`${entry.subject}.${entry.detail}`, entry]));
const basicByCode = new Map(BASIC_CODES.map((entry) => [entry.code, entry]));

export function registryEntry(subject: number, detail: number): RegistryEntry | undefined {
  return registryByKey.get(`${subject}.${detail}`);
}

export function subjectEntry(subject: number): SubjectEntry | undefined {
  return SUBJECTS.find((entry) => entry.subject === subject);
}

export function classEntry(cls: number): ClassEntry | undefined {
  return CLASSES.find((entry) => entry.cls === cls);
}

export function basicEntry(code: number): BasicEntry | undefined {
  return basicByCode.get(code);
}

/** True for the class digits RFC 3463 s2 allows (2, 4, 5). */
export function isStatusClass(cls: number): cls is StatusClass {
  return cls === 2 || cls === 4 || cls === 5;
}

/**
 * The rows for each code, by the list of enabled vendors (the settings' own array, kept while
 * the settings are): rules ask for every code of a log, most of them the same few codes.
 */
const rowsByVendors = new WeakMap<readonly VendorId[], Map<number, VendorCode[]>>();

function vendorRowsFor(cls: StatusClass, subject: number, detail: number, vendors: readonly VendorId[]): VendorCode[] {
  let byCode = rowsByVendors.get(vendors);
  if (byCode === undefined) rowsByVendors.set(vendors, (byCode = new Map()));
  const key = (cls * 1000 + subject) * 1000 + detail;
  let rows = byCode.get(key);
  if (rows === undefined) {
    rows = vendors.flatMap((vendor) =>
      vendorCodes[vendor].filter((row) => row.cls === cls && row.subject === subject && detail >= row.detailFrom && detail <= row.detailTo));
    // A document's codes are few, but a hostile one could name many: the cache does not grow past this.
    if (byCode.size >= MAX_CACHED_CODES) byCode.clear();
    byCode.set(key, rows);
  }
  return rows;
}

const MAX_CACHED_CODES = 4096;

/** What the enabled vendors mean by this code, each labelled with vendor and source page. */
export function vendorMeanings(cls: StatusClass, subject: number, detail: number, vendors: readonly VendorId[]): VendorMeaning[] {
  return vendorRowsFor(cls, subject, detail, vendors).map(({ vendor, vendorName, written, meaning, action, source, reason }) =>
    ({ vendor, vendorName, written, meaning, source, ...(action === undefined ? {} : { action }), ...(reason === undefined ? {} : { reason }) }));
}

export function isVendorCode(cls: StatusClass, subject: number, detail: number, vendors: readonly VendorId[]): boolean {
  return vendorRowsFor(cls, subject, detail, vendors).length > 0;
}

/** Whether an enabled vendor documents this exact reply with this code (Gmail's `452 4.2.2`). */
export function isVendorPairing(reply: number, cls: StatusClass, subject: number, detail: number, vendors: readonly VendorId[]): boolean {
  return vendorRowsFor(cls, subject, detail, vendors).some((row) => row.replies.includes(reply));
}

/** A DSN Action value (case-insensitive, surrounding blanks ignored). */
export function dsnAction(action: string): DsnActionEntry | undefined {
  const wanted = action.trim().toLowerCase();
  return DSN_ACTIONS.find((entry) => entry.action === wanted);
}

/**
 * Whether the registry lists `reply` among a code's associated basic codes:
 * undefined when the registry records no pairing at all ('Not given'), which
 * RFC 5248 s2.4 says must not be read as "wrong".
 */
export function isListedPairing(entry: RegistryEntry, reply: number): boolean | undefined {
  if (entry.associatedBasic === 'any') return true;
  if (entry.associatedAnyOf !== undefined) return Math.floor(reply / 100) === entry.associatedAnyOf;
  if (entry.associatedBasic.length === 0) return undefined;
  return entry.associatedBasic.includes(reply);
}

/** Whether a basic code validly answers a command, per basic.csv; undefined when no standard text says. */
export function answersCommand(entry: BasicEntry, command: string): boolean | undefined {
  if (entry.answers.length === 0) return undefined;
  const wanted = command.toUpperCase();
  return entry.answers.some((answer) =>
    answer.command === wanted || (answer.command === 'ANY' && !(answer.except ?? []).some((c) => c === wanted)),
  );
}
