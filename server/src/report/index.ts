// The deliverability report over one or more sources, its renderings, and redaction for tickets.
import type { LineFacts, TraceIndex } from '../trace';
import { ReportBuilder, type DeliverabilityReport } from './build';
import { clientAddressesOf, Redactor } from './redact';

export type { DeliverabilityReport, DelayStats, ReportEntry, ReportLocation, TimeBucket } from './build';
export { LOCATIONS_PER_ENTRY, replyShape } from './build';
export { Redactor } from './redact';
export { renderReportJson, renderReportMarkdown, renderReportText, type LinkTarget } from './render';

export interface ReportSource {
  readonly name: string;
  readonly index: TraceIndex;
}

/** The report over every message of every source. */
export function reportOf(sources: readonly ReportSource[]): DeliverabilityReport {
  const builder = new ReportBuilder(sources.map((source) => source.name));
  sources.forEach(({ index }, source) => {
    for (const group of index.messages()) {
      const timeline = index.timeline(group.index);
      if (timeline !== undefined) builder.addMessage(source, timeline);
    }
  });
  return builder.build();
}

function* messageFacts(index: TraceIndex): Generator<LineFacts> {
  for (const group of index.messages()) {
    for (const line of group.lines) {
      const facts = index.factsAt(line);
      if (facts !== undefined) yield facts;
    }
  }
}

/** A redactor that knows every client address of the sources (so each reads the same everywhere). */
export function redactorFor(indexes: readonly TraceIndex[]): Redactor {
  const clients = new Set<string>();
  for (const index of indexes) for (const address of clientAddressesOf(messageFacts(index))) clients.add(address);
  return new Redactor(clients);
}
