// Renders a document's code counts as Markdown a person can read at a glance: one unicode
// bar per class and per code, and links that open each occurrence (`#L<line>,<col>`).
import type { SummaryCode, SummaryResult } from './protocol';

const BAR_WIDTH = 24;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** Occurrence links listed per code before "and N more". */
const MAX_LINKS = 8;

/** A bar `BAR_WIDTH` cells long for `max`, in eighths of a cell; never empty for a non-zero count. */
export function bar(count: number, max: number): string {
  if (count <= 0 || max <= 0) return '';
  const eighths = Math.max(1, Math.round((count / max) * BAR_WIDTH * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

function percent(count: number, total: number): string {
  return total === 0 ? '0 %' : `${Math.round((count / total) * 100)} %`;
}

/** Table cells must not break the table or render document text as Markdown. */
function cell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function occurrenceLinks(code: SummaryCode, documentUri: string): string {
  const links = code.locations.slice(0, MAX_LINKS).map((r) => `[${r.line + 1}:${r.start + 1}](${documentUri}#L${r.line + 1},${r.start + 1})`);
  const more = code.count - Math.min(MAX_LINKS, code.locations.length);
  return links.join(' ') + (more > 0 ? ` and ${more} more` : '');
}

/** Class titles as RFC 3463 §2 names them; reply digits other than 2, 4, 5 are shown as they are. */
const CLASS_TITLES: Readonly<Record<string, string>> = {
  '2': 'Success',
  '3': 'Intermediate (more input expected)',
  '4': 'Persistent transient failure',
  '5': 'Permanent failure',
};

export function renderSummaryMarkdown(summary: SummaryResult, fileName: string, documentUri: string): string {
  const classes = Object.entries(summary.byClass).filter(([, count]) => count > 0).sort(([a], [b]) => a.localeCompare(b));
  const total = classes.reduce((sum, [, count]) => sum + count, 0);
  const out: string[] = [`# SMTP codes in ${cell(fileName)}`, ''];
  if (total === 0) {
    out.push('No SMTP reply codes or enhanced status codes were found in this file.');
    return out.join('\n') + '\n';
  }
  const codes = [...summary.byCode].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  out.push(`${total} code${total === 1 ? '' : 's'} found, ${codes.length} distinct. Bars are scaled to the largest count in each table; the line:column links open each occurrence.`, '');

  out.push('## By class', '', '| Class | Count | Share | |', '|:--|--:|--:|:--|');
  const maxClass = Math.max(...classes.map(([, count]) => count));
  for (const [cls, count] of classes) {
    out.push(`| **${cls}xx / ${cls}.x.x** ${CLASS_TITLES[cls] ?? 'Not a valid class'} | ${count} | ${percent(count, total)} | \`${bar(count, maxClass)}\` |`);
  }

  out.push('', '## By code', '', '| Code | Meaning | Count | | Where |', '|:--|:--|--:|:--|:--|');
  const maxCode = Math.max(...codes.map((c) => c.count));
  for (const code of codes) {
    out.push(`| \`${code.code.replace(/`/g, '')}\` | ${cell(code.title)} | ${code.count} | \`${bar(code.count, maxCode)}\` | ${occurrenceLinks(code, documentUri)} |`);
  }
  return out.join('\n') + '\n';
}
