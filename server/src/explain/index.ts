// Explains SMTP reply codes and enhanced status codes: structured data, then
// Markdown (hover) or plain text (CLI).

export { explain } from './explain';
export { escapeMarkdown, renderDetailsMarkdown, renderMarkdown, renderVerdictHeading, renderVerdictMarkdown } from './markdown';
export type { MarkdownOptions } from './markdown';
export { verdictOf, verdictParts } from './verdict';
export type { Outcome, Verdict } from './verdict';
export { formatQuery, parseCodeQuery, parseCodeQueryDetailed } from './parse';
export type { ParsedQuery } from './parse';
export { renderText } from './text';
export type * from './types';
export { failureSummaryMarkdown, providerMarkdown } from './failure';
