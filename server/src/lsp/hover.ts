// Hover: the explanation of the code under the cursor (or of the pair it belongs to), after a
// warning line for each problem at that spot. Uses the hovered line's own scan result only.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { escapeMarkdown, explain, formatQuery, renderMarkdown, type CodeQuery } from '../explain';
import { findingAt, queryOf } from '../service';
import type { Problem, Range, VendorId } from '../service/types';
import type { LineDocument, Position } from './document';

/**
 * Rendered explanations by code and vendors. Rendering costs more than the rest of a hover,
 * a log repeats a handful of codes, and an explanation is a pure function of its key.
 */
const renderedExplanations = new Map<string, string>();
const MAX_RENDERED = 512;

function explanationMarkdown(query: CodeQuery, vendors: readonly VendorId[]): string {
  const key = `${formatQuery(query)}|${vendors.join()}`;
  let markdown = renderedExplanations.get(key);
  if (markdown === undefined) {
    if (renderedExplanations.size >= MAX_RENDERED) renderedExplanations.clear();
    markdown = renderMarkdown(explain(query, vendors));
    renderedExplanations.set(key, markdown);
  }
  return markdown;
}

function problemLine(problem: Problem): string {
  return `⚠️ **${escapeMarkdown(problem.message)}** (\`${problem.rule}\`, ${problem.severity})`;
}

function toRange(range: Range) {
  return { start: { line: range.line, character: range.start }, end: { line: range.line, character: range.end } };
}

export function hoverAt(document: LineDocument, position: Position, vendors: readonly VendorId[]): Hover | null {
  const { line, character } = position;
  if (line >= document.lineCount) return null;
  const { findings, problems: lineProblems } = document.lineAt(line);
  const finding = findingAt(findings, character);
  const problems = lineProblems.filter((problem) => problem.start <= character && character <= problem.end);
  if (finding === undefined && problems.length === 0) return null;

  const sections = problems.map(problemLine);
  if (finding !== undefined) sections.push(explanationMarkdown(queryOf(finding, findings), vendors));
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') },
    range: toRange(finding ?? problems[0]!),
  };
}
