// Renders a document's status events as a page for the summary webview: one bar per class and
// per code, coloured by class, and line:column links that run `smtpStatus.revealOccurrence`
// (command links, so the page needs no script of its own).
import { REVEAL_COMMAND, type SummaryCode, type SummaryResult } from './protocol';

export { REVEAL_COMMAND };

const BAR_WIDTH = 16;
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

/** Document and knowledge-base text as HTML text: nothing in it can form markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Class titles as RFC 3463 s2 names them; reply digits other than 2, 3, 4, 5 are shown as they are. */
const CLASS_TITLES: Readonly<Record<string, string>> = {
  '2': 'Success',
  '3': 'Intermediate (more input expected)',
  '4': 'Persistent transient failure',
  '5': 'Permanent failure',
};

/** The CSS class that colours a row by its class digit (theme chart colours, see STYLE). */
const tone = (cls: string | number): string => (String(cls) in CLASS_TITLES ? `c${cls}` : 'cx');

export function revealHref(documentUri: string, line: number, start: number, end: number): string {
  return `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([documentUri, line, start, end]))}`;
}

function occurrenceLinks(code: SummaryCode, documentUri: string): string {
  const links = code.locations.slice(0, MAX_LINKS).map((r) =>
    `<a class="at" href="${escapeHtml(revealHref(documentUri, r.line, r.start, r.end))}" title="Go to line ${r.line + 1}, column ${r.start + 1}">${r.line + 1}:${r.start + 1}</a>`);
  const more = code.count - Math.min(MAX_LINKS, code.locations.length);
  return links.join(' ') + (more > 0 ? ` and ${more} more` : '');
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; }
td:first-child { white-space: nowrap; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { text-align: left; padding: 0.25em 0.8em; border-bottom: 1px solid var(--vscode-panel-border, #8884); vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { font-family: var(--vscode-editor-font-family); white-space: pre; }
code { font-family: var(--vscode-editor-font-family); font-weight: bold; }
.c2 .bar, .c2 code { color: var(--vscode-charts-green); }
.c3 .bar, .c3 code { color: var(--vscode-charts-blue); }
.c4 .bar, .c4 code { color: var(--vscode-charts-yellow); }
.c5 .bar, .c5 code { color: var(--vscode-charts-red); }
a.at { color: var(--vscode-textLink-foreground); text-decoration: none; font-family: var(--vscode-editor-font-family); }
a.at:hover { text-decoration: underline; }
`;

/**
 * The whole page. `nonce` admits our one style block under the Content Security Policy, which
 * allows nothing else: no script, no image, no frame.
 */
/** `report`: the deliverability report's HTML, shown first when the document names messages. */
export function renderSummaryHtml(summary: SummaryResult, fileName: string, documentUri: string, nonce: string, report = ''): string {
  const classes = Object.entries(summary.byClass).filter(([, count]) => count > 0).sort(([a], [b]) => a.localeCompare(b));
  const total = classes.reduce((sum, [, count]) => sum + count, 0);
  const body: string[] = [`<h1>SMTP status events in ${escapeHtml(fileName)}</h1>`];
  if (total === 0) {
    body.push('<p>No SMTP reply codes or enhanced status codes were found in this file.</p>');
  } else {
    const codes = [...summary.byCode].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    body.push(`<p>${total} event${total === 1 ? '' : 's'} (a delivery attempt, a reply or a bounced recipient, counted once however many codes it writes), ${codes.length} distinct code${codes.length === 1 ? '' : 's'}. Bars are scaled to the largest count in each table; the line:column links go to each occurrence.</p>`);
    body.push('<h2>By class</h2>', '<table><tr><th>Class</th><th>Events</th><th>Share</th><th></th></tr>');
    const maxClass = Math.max(...classes.map(([, count]) => count));
    for (const [cls, count] of classes) {
      body.push(`<tr class="${tone(cls)}"><td><code>${escapeHtml(cls)}xx / ${escapeHtml(cls)}.x.x</code> ${escapeHtml(CLASS_TITLES[cls] ?? 'Not a valid class')}</td><td class="n">${count}</td><td class="n">${percent(count, total)}</td><td class="bar">${bar(count, maxClass)}</td></tr>`);
    }
    body.push('</table>', '<h2>By code</h2>', '<table><tr><th>Code</th><th>Meaning</th><th>Events</th><th></th><th>Where</th></tr>');
    const maxCode = Math.max(...codes.map((c) => c.count));
    for (const code of codes) {
      body.push(`<tr class="${tone(code.cls)}"><td><code>${escapeHtml(code.code)}</code></td><td>${escapeHtml(code.title)}</td><td class="n">${code.count}</td><td class="bar">${bar(code.count, maxCode)}</td><td>${occurrenceLinks(code, documentUri)}</td></tr>`);
    }
    body.push('</table>');
  }
  return pageHtml(`SMTP status events in ${fileName}`, report + body.join('\n'), nonce);
}

/** A page of the results view around `bodyHtml`: our style only, no script, nothing loaded. */
export function pageHtml(title: string, bodyHtml: string, nonce: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    `<title>${escapeHtml(title)}</title></head>`,
    `<body>${bodyHtml}</body></html>`,
  ].join('\n');
}
