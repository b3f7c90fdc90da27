// What each digit position of a basic reply code means (RFC 5321 s4.2.1).

import type { DigitPosition, ReplyDigitEntry } from './types';

const S421 = 'RFC 5321 s4.2.1';

export const REPLY_DIGITS: readonly ReplyDigitEntry[] = [
  { position: 'first', value: '2', name: 'Positive Completion', meaning: 'action completed; a new request may follow', reference: S421 },
  { position: 'first', value: '3', name: 'Positive Intermediate', meaning: 'accepted, more information needed (command sequences such as DATA)', reference: S421 },
  { position: 'first', value: '4', name: 'Transient Negative Completion', meaning: 'not accepted; condition temporary, client SHOULD retry', reference: S421 },
  { position: 'first', value: '5', name: 'Permanent Negative Completion', meaning: 'not accepted; client SHOULD NOT repeat the identical request', reference: S421 },
  { position: 'second', value: '0', name: 'Syntax', meaning: 'syntax errors, unclassified or unimplemented/superfluous commands', reference: S421 },
  { position: 'second', value: '1', name: 'Information', meaning: 'replies to requests for information (status, help)', reference: S421 },
  { position: 'second', value: '2', name: 'Connections', meaning: 'replies about the transmission channel', reference: S421 },
  { position: 'second', value: '3', name: 'Unspecified', meaning: 'no category assigned', reference: S421 },
  { position: 'second', value: '4', name: 'Unspecified', meaning: 'no category assigned', reference: S421 },
  { position: 'second', value: '5', name: 'Mail system', meaning: 'status of the receiver mail system for the requested action', reference: S421 },
  { position: 'third', value: '0-9', name: 'Finer gradation', meaning: 'finer meaning within the second-digit category', reference: 'RFC 5321 s4.2.1, s4.2 ABNF' },
];

/** The meaning of one digit at one position, or undefined when RFC 5321 allows no such digit there. */
export function replyDigit(position: DigitPosition, digit: number): ReplyDigitEntry | undefined {
  return REPLY_DIGITS.find((entry) => {
    if (entry.position !== position) return false;
    const [from, to = from] = entry.value.split('-').map(Number) as [number, number?];
    return digit >= from && digit <= to;
  });
}
