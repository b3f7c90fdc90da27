// Reads a code the way people type it: '550', '5.1.1', '550 5.1.1', '550-5.1.1'.
// Malformed codes are refused with the rule they break, so the CLI can say why.

import type { CodeQuery } from './types';

export type ParsedQuery = { readonly query: CodeQuery } | { readonly error: string };

/** A reply code, then blanks or the continuation hyphen, then the enhanced code. */
const PAIR = /^(\d{3})(?:[ \t]+|-)(\S+)$/;

function parseReply(text: string): number | string {
  if (!/^\d{3}$/.test(text)) return `'${text}' is not a reply code: a reply code has exactly three digits (RFC 5321 s4.2)`;
  if (!/^[2-5][0-5]\d$/.test(text)) {
    return `'${text}' is not a reply code: the first digit must be 2 to 5 and the second 0 to 5 (RFC 5321 s4.2)`;
  }
  return Number(text);
}

function parseEnhanced(text: string): CodeQuery['enhanced'] | string {
  const parts = text.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^\d+$/.test(part))) {
    return `'${text}' is not an enhanced status code: expected class.subject.detail, e.g. 5.1.1 (RFC 3463 s2)`;
  }
  const [cls, subject, detail] = parts as [string, string, string];
  if (cls !== '2' && cls !== '4' && cls !== '5') return `'${text}': the class must be 2, 4 or 5 (RFC 3463 s2)`;
  if ([subject, detail].some((part) => part.length > 3)) return `'${text}': subject and detail have 1 to 3 digits each (RFC 3463 s2)`;
  if ([subject, detail].some((part) => part.length > 1 && part.startsWith('0'))) {
    return `'${text}': sub-codes must not have leading zeros (RFC 3463 s2)`;
  }
  return { cls: Number(cls), subject: Number(subject), detail: Number(detail) };
}

/** Parses a query and explains what is wrong with a malformed one. */
export function parseCodeQueryDetailed(input: string): ParsedQuery {
  const text = input.trim();
  if (text === '') return { error: 'empty code: expected a reply code (550), an enhanced status code (5.1.1) or both (550 5.1.1)' };
  const pair = PAIR.exec(text);
  if (pair !== null) {
    const reply = parseReply(pair[1] as string);
    if (typeof reply === 'string') return { error: reply };
    const enhanced = parseEnhanced(pair[2] as string);
    if (typeof enhanced === 'string') return { error: enhanced };
    return { query: { reply, enhanced } };
  }
  if (text.includes('.')) {
    const enhanced = parseEnhanced(text);
    return typeof enhanced === 'string' ? { error: enhanced } : { query: { enhanced } };
  }
  if (/^\d+$/.test(text)) {
    const reply = parseReply(text);
    return typeof reply === 'string' ? { error: reply } : { query: { reply } };
  }
  return { error: `'${text}' is not an SMTP code: expected a reply code (550), an enhanced status code (5.1.1) or both (550 5.1.1)` };
}

export function parseCodeQuery(text: string): CodeQuery | undefined {
  const parsed = parseCodeQueryDetailed(text);
  return 'query' in parsed ? parsed.query : undefined;
}

/** The canonical text of a query: '550 5.1.1'. */
export function formatQuery(query: CodeQuery): string {
  const enhanced = query.enhanced ? `${query.enhanced.cls}.${query.enhanced.subject}.${query.enhanced.detail}` : undefined;
  return [query.reply, enhanced].filter((part) => part !== undefined).join(' ');
}
