// Classification of failed and deferred deliveries: a Sisimai-named reason, hard or soft,
// who acts, whether a retry helps and which provider answered. Pure functions over text.
export { classifyFailure } from './classify';
export { detectProvider, providerOfHost } from './provider';
export { REASONS } from './reasons';
export type * from './types';
export { failuresIn } from './failures';
export { lineVerdict, type LineVerdict } from './line';
export { lineProvider } from './logs';
export type { FailureRecord } from './records';
