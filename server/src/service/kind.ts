// Which kind of document a file is: its language id or name first, then its content.
import { looksLikeMail, sniffKind, sniffWindow } from './sniff';
import type { DocumentKind } from './types';

const LANGUAGE_KINDS: ReadonlyMap<string, DocumentKind> = new Map([
  ['smtp-transcript', 'transcript'],
  ['mail-log', 'log'],
  ['mail-dsn', 'dsn'],
  ['mail-config', 'config'],
  ['json', 'json'],
  ['jsonc', 'json'],
  ['jsonl', 'json'],
]);

const NAME_KINDS: readonly (readonly [RegExp, DocumentKind])[] = [
  [/\.(?:smtp|smtp-transcript|smtplog)$/i, 'transcript'],
  [/^(?:mail\.(?:log|err|warn|info)|maillog|mainlog|rejectlog|paniclog)(?:[.-]\d{1,8})?(?:\.gz)?$|\.maillog$/i, 'log'],
  [/\.(?:eml|dsn)$/i, 'dsn'],
  [/^(?:main\.cf|master\.cf|access|header_checks|body_checks|exim4?\.conf|(?:sendmail|submit)\.mc)$|_(?:access|checks)$|\.(?:pcre|regexp|acl|cf)$/i, 'config'],
  [/\.(?:json|jsonl|ndjson)$/i, 'json'],
];

/**
 * Weaker clues than the sniffer's, for a document that is ours already (by language, name or
 * the user's choice of tool): replies at line start without markers, as `exim -bh` and `nc`
 * print them, from a greeting anywhere or a reply on the first line.
 */
const FIRST_LINE_REPLY = /^[2-5][0-5]\d[ -]/;
const GREETING_LINE = /^220[ -]/m;

function bareReplies(text: string): boolean {
  const head = sniffWindow(text);
  return FIRST_LINE_REPLY.test(head) || GREETING_LINE.test(head);
}

export function detectKind(fileName: string, text: string, languageId?: string): DocumentKind {
  const byLanguage = languageId === undefined ? undefined : LANGUAGE_KINDS.get(languageId);
  if (byLanguage !== undefined) return byLanguage;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  for (const [pattern, kind] of NAME_KINDS) if (pattern.test(base)) return kind;
  return sniffKind(text) ?? (bareReplies(text) ? 'transcript' : looksLikeMail(text) ? 'dsn' : 'log');
}
