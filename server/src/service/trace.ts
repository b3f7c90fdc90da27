// The facade over message tracing and the deliverability report: what the LSP adapter and the
// CLI call to follow a message, summarise a log and copy either for a ticket.
import { redactorFor, renderReportJson, renderReportMarkdown, renderReportText, reportOf, type LinkTarget, type ReportSource } from '../report';
import type { TraceIndex } from '../trace';

export { foldLines, hasIdAt, LineFold, TraceIndex, timelineMarkdown, timelineSummary } from '../trace';
export type { IdAt, IdLocation, MessageGroup, MessageTimeline, RecipientTimeline } from '../trace';
export { redactorFor, reportOf, Redactor } from '../report';
export type { DeliverabilityReport, ReportEntry, ReportLocation, ReportSource, LinkTarget } from '../report';

export type ReportFormat = 'text' | 'json' | 'markdown';

/** The report over the sources, rendered; `redact` hides local parts and client addresses. */
export function renderReport(sources: readonly ReportSource[], format: ReportFormat, target: LinkTarget, redact = false): string {
  const report = reportOf(sources);
  const text = format === 'json' ? renderReportJson(report) : format === 'markdown' ? renderReportMarkdown(report, target) : renderReportText(report, target);
  return redact ? redactorFor(sources.map((source) => source.index)).text(text) : text;
}

/** The message's lines (hops included), for a ticket or `trace`: each line's number and text. */
export function messageLines(index: TraceIndex, message: number, textAt: (line: number) => string): { line: number; text: string }[] {
  return (index.messages()[message]?.lines ?? []).map((line) => ({ line, text: textAt(line) }));
}

