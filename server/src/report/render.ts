// The report as plain text (cron mails, terminals), Markdown (tickets, the editor's preview, with a
// link to the lines of every entry) and JSON (scripts).
import { formatDelay } from '../trace';
import type { DeliverabilityReport, DelayStats, ReportEntry, ReportLocation } from './build';

/** How a location is written: a Markdown link target in the editor, `file:line` on the command line. */
export type LinkTarget = (location: ReportLocation) => string;

/** Links per entry in Markdown. */
const LINKS_SHOWN = 5;

/** Markdown table cells: text from the log must not break the table or render as Markdown. */
function cell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

function percent(count: number, total: number): string {
  return total === 0 ? '' : `${Math.round((count / total) * 100)} %`;
}

interface Section {
  readonly title: string;
  readonly entries: readonly ReportEntry[];
  readonly total?: number;
}

function sections(report: DeliverabilityReport): Section[] {
  const list: Section[] = [
    { title: 'Messages by outcome', entries: report.messages.byOutcome, total: report.messages.total },
    { title: 'Recipients by outcome', entries: report.recipients.byOutcome, total: report.recipients.total },
    { title: 'Delivery attempts by outcome', entries: report.attempts.byOutcome, total: report.attempts.total },
    { title: 'Failed recipients by reason', entries: report.failures.byReason, total: report.failures.total },
    { title: 'Failed recipients by provider', entries: report.failures.byProvider, total: report.failures.total },
    { title: 'Failed recipients by domain', entries: report.failures.byDomain, total: report.failures.total },
  ];
  if (report.deferrals !== undefined) list.push({ title: 'Deferral delays', entries: report.deferrals.buckets, total: report.deferrals.count });
  list.push({ title: 'Top failure and deferral replies', entries: report.replies });
  return list;
}

function delayLine(stats: DelayStats): string {
  return `${stats.count} deferred attempt(s): median ${formatDelay(stats.median)}, 90th percentile ${formatDelay(stats.p90)}, longest ${formatDelay(stats.max)}`;
}

function timeRows(report: DeliverabilityReport): { label: string; text: string }[] {
  return report.overTime.buckets.map(({ label, attempts }) => ({
    label,
    text: Object.entries(attempts).map(([outcome, count]) => `${count} ${outcome}`).join(', '),
  }));
}

export function renderReportText(report: DeliverabilityReport, target: LinkTarget): string {
  const out: string[] = [`Deliverability report: ${report.sources.join(', ')}`];
  for (const section of sections(report)) {
    out.push('', `${section.title}${section.total === undefined ? '' : ` (${section.total})`}`);
    if (section.entries.length === 0) out.push('  none');
    const width = Math.max(0, ...section.entries.map((e) => String(e.count).length));
    for (const entry of section.entries) {
      const share = section.total === undefined ? '' : ` ${percent(entry.count, section.total).padStart(5)}`;
      out.push(`  ${String(entry.count).padStart(width)}${share}  ${entry.key}  (${entry.locations.slice(0, 3).map(target).join(', ')}${entry.count > 3 ? ', ...' : ''})`);
    }
    if (section.title === 'Deferral delays' && report.deferrals !== undefined) out.push(`  ${delayLine(report.deferrals)}`);
  }
  out.push('', `Delivery attempts per ${report.overTime.unit}`);
  for (const row of timeRows(report)) out.push(`  ${row.label}  ${row.text}`);
  return `${out.join('\n')}\n`;
}

function links(entry: ReportEntry, target: LinkTarget): string {
  const shown = entry.locations.slice(0, LINKS_SHOWN).map((location) => `[${location.line + 1}](${target(location)})`);
  const more = entry.count - shown.length;
  return shown.join(' ') + (more > 0 ? ` +${more}` : '');
}

export function renderReportMarkdown(report: DeliverabilityReport, target: LinkTarget): string {
  const out: string[] = [`# Deliverability report`, '', `Source: ${report.sources.map(cell).join(', ')}. Counted per message, per recipient and per delivery attempt; the line links open each entry's lines.`];
  for (const section of sections(report)) {
    out.push('', `## ${section.title}${section.total === undefined ? '' : ` (${section.total})`}`, '');
    if (section.title === 'Deferral delays' && report.deferrals !== undefined) out.push(delayLine(report.deferrals), '');
    if (section.entries.length === 0) {
      out.push('None.');
      continue;
    }
    out.push('| | Count | Share | Lines |', '|:--|--:|--:|:--|');
    for (const entry of section.entries) {
      out.push(`| ${cell(entry.key)} | ${entry.count} | ${section.total === undefined ? '' : percent(entry.count, section.total)} | ${links(entry, target)} |`);
    }
  }
  const rows = timeRows(report);
  out.push('', `## Delivery attempts per ${report.overTime.unit}`, '');
  if (rows.length === 0) out.push('No timestamps.');
  else out.push('| Time | Attempts |', '|:--|:--|', ...rows.map((row) => `| ${row.label} | ${cell(row.text)} |`));
  return `${out.join('\n')}\n`;
}

export function renderReportJson(report: DeliverabilityReport): string {
  return JSON.stringify(report, null, 2);
}
