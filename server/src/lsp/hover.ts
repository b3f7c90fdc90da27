// Hover: the explanation of the code under the cursor (or of the pair it belongs to), after a
// warning line for each problem at that spot. Uses the hovered line's own scan result only.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { escapeMarkdown, explain, renderMarkdown, type CodeQuery } from '../explain';
import { failureHoverAt, findingAt, queryOf } from '../service';
import type { Problem, Range, Severity, VendorId } from '../service/types';
import type { LineDocument, Position } from './document';

/**
 * Rendered explanations by vendor list (the settings' own array, replaced when they change) and
 * code. Rendering costs more than the rest of a hover, a log repeats a handful of codes, and an
 * explanation is a pure function of its key.
 */
const renderedExplanations = new WeakMap<readonly VendorId[], Map<string, string>>();
const MAX_RENDERED = 512;

function explanationMarkdown(query: CodeQuery, vendors: readonly VendorId[]): string {
  let byCode = renderedExplanations.get(vendors);
  if (byCode === undefined || byCode.size >= MAX_RENDERED) renderedExplanations.set(vendors, byCode = new Map());
  const { reply, enhanced } = query;
  const key = enhanced === undefined ? `${reply}` : `${reply} ${enhanced.cls}.${enhanced.subject}.${enhanced.detail}`;
  let markdown = byCode.get(key);
  if (markdown === undefined) {
    markdown = renderMarkdown(explain(query, vendors));
    byCode.set(key, markdown);
  }
  return markdown;
}

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

function problemLine(problem: Problem): string {
  return `**${SEVERITY_LABELS[problem.severity]}:** ${escapeMarkdown(problem.message)} (\`${problem.rule}\`)`;
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
  if (finding !== undefined) {
    const query = queryOf(finding, findings);
    const failure = failureHoverAt(document.lineText(line), line, findings, query, vendors);
    sections.push(...(failure === undefined ? [] : [failure.before]), explanationMarkdown(query, vendors), ...(failure?.after === undefined ? [] : [failure.after]));
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') },
    range: toRange(finding ?? problems[0]!),
  };
}
