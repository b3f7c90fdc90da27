// Hover: the verdict on the code under the cursor (or the pair it belongs to) first, then the
// problems found on that code, then the details. Uses the hovered line's own scan result only.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { type CodeQuery, escapeMarkdown, explain, failureHoverAt, type Finding, findingAt, queryOf, renderDetailsMarkdown, renderVerdictHeading, renderVerdictMarkdown } from '../service';
import type { Problem, Range, Severity, VendorId } from '../service/types';
import type { LineDocument, Position } from './document';

interface RenderedExplanation {
  /** `**Permanent failure: 550 5.1.1**`, which a failure's own verdict follows. */
  readonly heading: string;
  readonly verdict: string;
  readonly details: string;
}

/**
 * Rendered explanations by vendor list (the settings' own array, replaced when they change) and
 * code. Rendering costs more than the rest of a hover, a log repeats a handful of codes, and an
 * explanation is a pure function of its key.
 */
const renderedExplanations = new WeakMap<readonly VendorId[], Map<string, RenderedExplanation>>();
const MAX_RENDERED = 512;

function explanationMarkdown(query: CodeQuery, vendors: readonly VendorId[]): RenderedExplanation {
  let byCode = renderedExplanations.get(vendors);
  if (byCode === undefined || byCode.size >= MAX_RENDERED) renderedExplanations.set(vendors, byCode = new Map());
  const { reply, enhanced } = query;
  const key = enhanced === undefined ? `${reply}` : `${reply} ${enhanced.cls}.${enhanced.subject}.${enhanced.detail}`;
  let rendered = byCode.get(key);
  if (rendered === undefined) {
    const explanation = explain(query, vendors);
    // What a rule checks is said by its problem, in this context's severity or not at all.
    rendered = { heading: renderVerdictHeading(explanation), verdict: renderVerdictMarkdown(explanation), details: renderDetailsMarkdown(explanation, { checkNotes: false }) };
    byCode.set(key, rendered);
  }
  return rendered;
}

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

function problemLine(problem: Problem): string {
  return `**${SEVERITY_LABELS[problem.severity]}:** ${escapeMarkdown(problem.message)} (\`${problem.rule}\`)`;
}

function toRange(range: Range) {
  return { start: { line: range.line, character: range.start }, end: { line: range.line, character: range.end } };
}

/** Whether a problem sits on the hovered code or on the other half of its pair (both are explained). */
function concerns(problem: Problem, character: number, finding: Finding | undefined): boolean {
  if (problem.start <= character && character <= problem.end) return true;
  const partner = finding?.partner;
  return partner !== undefined && partner.line === problem.line && partner.start === problem.start;
}

export interface HoverOptions {
  readonly vendors: readonly VendorId[];
  /**
   * Whether the hover repeats the problems at the cursor. VS Code shows diagnostics in its hover
   * by itself, so its client turns this off: a problem is said once.
   */
  readonly problems: boolean;
}

export function hoverAt(document: LineDocument, position: Position, { vendors, problems: withProblems }: HoverOptions): Hover | null {
  const { line, character } = position;
  if (line >= document.lineCount) return null;
  const { findings, problems: lineProblems } = document.lineAt(line);
  const finding = findingAt(findings, character);
  const problems = withProblems ? lineProblems.filter((problem) => concerns(problem, character, finding)) : [];
  if (finding === undefined && problems.length === 0) return null;

  const query = finding === undefined ? undefined : queryOf(finding, findings);
  const explanation = query === undefined ? undefined : explanationMarkdown(query, vendors);
  // A failure the line says more about (reason, provider) gets that verdict instead of the code's own.
  const failure = query === undefined ? undefined : failureHoverAt(document.lineText(line), line, findings, query, vendors);
  const sections = [
    ...(explanation === undefined ? [] : [failure === undefined ? explanation.verdict : `${explanation.heading} ${failure.summary}`]),
    ...problems.map(problemLine),
    ...(explanation ? [explanation.details] : []),
    ...(failure?.after === undefined ? [] : [failure.after]),
  ];
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') },
    range: toRange(finding ?? problems[0]!),
  };
}
