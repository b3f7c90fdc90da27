// Message ids as each MTA writes them, recognised by their exact shape, and the hop phrases
// that name the next id ("queued as", "id=", "forwarded as").
import type { Mention, MentionRole } from './types';

const isAlnum = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** End of the run of letters and digits from `at`. */
export function alnumEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && isAlnum(text.charCodeAt(end))) end++;
  return end;
}

/**
 * A Postfix queue id: the short form (5-12 upper-case hex digits) or the long form (`4Fq2Lk1Zx9z9sWq`:
 * 10 or more characters of time, a `z`, the inode; no vowels).
 */
export function isPostfixId(id: string): boolean {
  if (id.length < 5 || id.length > 20) return false;
  if (/^[0-9A-F]{5,12}$/.test(id)) return true;
  const z = id.indexOf('z', 10);
  return z > 0 && z < id.length - 1 && !/[AEIOUaeiou]/.test(id);
}

/** The end of Exim's 16-character (`1tGk3L-0004Xy-2F`) or, since 4.97, 23-character (`1tGk3L-00000004Xy0-2F3a`) id at `at`; -1 when none starts there. */
export function eximIdEnd(text: string, at: number): number {
  if (alnumEnd(text, at) !== at + 6 || text[at + 6] !== '-') return -1;
  const middle = alnumEnd(text, at + 7);
  const width = middle - (at + 7);
  if ((width !== 6 && width !== 11) || text[middle] !== '-') return -1;
  const end = alnumEnd(text, middle + 1);
  return end - (middle + 1) === (width === 6 ? 2 : 4) ? end : -1;
}

/** A Sendmail queue id (`093DecpD009468`: 8 letters/digits and a 6-digit sequence, older ones shorter). */
export function isSendmailId(id: string): boolean {
  return id.length >= 10 && id.length <= 16 && /^[0-9A-Za-z]+$/.test(id) && /\d{4}$/.test(id);
}

/** The key of a Message-ID value: Message-IDs and queue ids never share keys. */
export const messageIdKey = (value: string): string => `mid:${value}`;

export function mention(role: MentionRole, key: string, text: string, start: number): Mention {
  return { role, key, text, start, end: start + text.length };
}

/** A Message-ID value (`<...>` stripped by the caller) at `start`. */
export function messageIdMention(value: string, start: number): Mention | undefined {
  return value.length === 0 || value.length > 250 ? undefined : mention('message-id', messageIdKey(value), value, start);
}

/**
 * The id the next MTA gave the message, from the reply it accepted it with, `offset` being where
 * `reply` starts on the line: Postfix `queued as 4Fq2...`, Exim `OK id=1tGk3L-0004Xy-2F`, Sendmail
 * `(093DeiOR009471 Message accepted for delivery)`, or a local `forwarded as ...`.
 */
export function nextHopIn(reply: string, offset: number): Mention | undefined {
  for (const [phrase, role] of [['queued as ', 'queued-as'], ['forwarded as ', 'forwarded-as']] as const) {
    const at = reply.lastIndexOf(phrase);
    if (at < 0) continue;
    const start = at + phrase.length;
    const id = reply.slice(start, alnumEnd(reply, start));
    if (id.length >= 5) return mention(role, id, id, offset + start);
  }
  const exim = reply.lastIndexOf(' id=');
  if (exim >= 0 && eximIdEnd(reply, exim + 4) > 0) {
    const id = reply.slice(exim + 4, eximIdEnd(reply, exim + 4));
    return mention('queued-as', id, id, offset + exim + 4);
  }
  const accepted = / Message accepted for delivery/.exec(reply);
  if (accepted !== null) {
    const start = Math.max(reply.lastIndexOf(' ', accepted.index - 1), reply.lastIndexOf('(', accepted.index - 1)) + 1;
    const id = reply.slice(start, accepted.index);
    if (isSendmailId(id)) return mention('queued-as', id, id, offset + start);
  }
  return undefined;
}
