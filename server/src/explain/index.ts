// Explains SMTP reply codes and enhanced status codes: structured data, then
// Markdown (hover) or plain text (CLI).

export { explain } from './explain';
export { escapeMarkdown, renderMarkdown } from './markdown';
export { formatQuery, parseCodeQuery, parseCodeQueryDetailed } from './parse';
export type { ParsedQuery } from './parse';
export { renderText } from './text';
export type * from './types';
export { providerMarkdown, verdictMarkdown } from './verdict';
