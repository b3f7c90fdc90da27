// Completion of enhanced status codes where mail-server configs expect one: after a Postfix
// access action (REJECT, DEFER...), a reply code in an access map or an Exim `message =`, and a
// Sendmail `ERROR:`. The class comes from the context: rejections 5, deferrals 4.
import { CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { explain, parseCodeQuery, registry, renderMarkdown } from '../service';
import type { StatusClass } from '../service';
import type { DocumentKind, VendorId } from '../service/types';
import { classesFor, enhancedCode } from './catalog';
import type { Position } from './document';

export const COMPLETION_TRIGGERS = [' ', '"', ':', '.'];

/** The code typed so far at the cursor: '', '5', '5.', '5.7', '5.7.1'... */
const PARTIAL = /[245]?(?:\.\d{0,3}){0,2}$/;

interface CodeContext {
  readonly pattern: RegExp;
  /** Only in mail-server configs: elsewhere the pattern is too common. */
  readonly configOnly?: boolean;
  readonly classes: (match: RegExpExecArray) => readonly StatusClass[];
}

const fromDigit = (match: RegExpExecArray): readonly StatusClass[] => (match[1] === '4' ? [4] : [5]);

const CONTEXTS: readonly CodeContext[] = [
  { pattern: /(?:^|\s)(REJECT|DEFER|DEFER_IF_PERMIT|DEFER_IF_REJECT)\s+$/i, classes: (match) => (match[1]!.toUpperCase() === 'REJECT' ? [5] : [4]) },
  { pattern: /\bmessage\s*=\s*([45])\d\d[ -]$/i, classes: fromDigit },
  { pattern: /\bERROR:"?([45])\d\d\s+$/i, classes: fromDigit },
  { pattern: /\bERROR:"?$/i, classes: () => [5, 4] },
  { pattern: /(?:^|\s)([45])\d\d\s+$/, configOnly: true, classes: fromDigit },
];

/** What the completion item's `data` carries, for resolve. */
interface ItemData {
  readonly code: string;
}

function items(classes: readonly StatusClass[], position: Position, partialLength: number): CompletionItem[] {
  const range = { start: { line: position.line, character: position.character - partialLength }, end: position };
  return classes.flatMap((cls, rank) =>
    registry
      .filter((entry) => classesFor(entry).includes(cls))
      .map((entry): CompletionItem => {
        const code = enhancedCode(cls, entry);
        const data: ItemData = { code };
        return {
          label: code,
          kind: CompletionItemKind.EnumMember,
          detail: entry.title,
          sortText: `${rank}.${String(entry.subject).padStart(3, '0')}.${String(entry.detail).padStart(3, '0')}`,
          filterText: code,
          textEdit: { range, newText: code },
          ...(entry.deprecated === undefined ? {} : { tags: [CompletionItemTag.Deprecated] }),
          data,
        };
      }),
  );
}

export function completionsAt(lineText: string, position: Position, kind: DocumentKind): CompletionItem[] {
  const before = lineText.slice(0, position.character);
  const partial = PARTIAL.exec(before)![0];
  const head = before.slice(0, before.length - partial.length);
  for (const context of CONTEXTS) {
    if (context.configOnly === true && kind !== 'config') continue;
    const match = context.pattern.exec(head);
    if (match !== null) return items(context.classes(match), position, partial.length);
  }
  return [];
}

/** Adds the explanation to an item the client is about to show. */
export function resolveCompletion(item: CompletionItem, vendors: readonly VendorId[]): CompletionItem {
  const data = item.data as Partial<ItemData> | undefined;
  const query = typeof data?.code === 'string' ? parseCodeQuery(data.code) : undefined;
  if (query === undefined) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: renderMarkdown(explain(query, vendors)) } };
}
