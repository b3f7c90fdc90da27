// Which kind of document a file is: its language id or name first, then its content.
import { looksLikeMail, sniffKind } from './sniff';
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

export function detectKind(fileName: string, text: string, languageId?: string): DocumentKind {
  const byLanguage = languageId === undefined ? undefined : LANGUAGE_KINDS.get(languageId);
  if (byLanguage !== undefined) return byLanguage;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  for (const [pattern, kind] of NAME_KINDS) if (pattern.test(base)) return kind;
  return sniffKind(text) ?? (looksLikeMail(text) ? 'dsn' : 'log');
}
