// The tools the MCP server offers: each validates its arguments (zod schemas, which the SDK
// also publishes as JSON Schema), calls the service facade and returns the result twice: as
// structured content for programs and as text for the model.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  classifyRecords, explain, foldLines, isStatusClass, type LineFold, messageLines, parseCodeQueryDetailed, redactorFor, renderReport,
  renderText, type StreamBatch, timelineSummary, vendorCodes, vendorMeanings, vendorTokens,
} from '../service';
import type { DocumentKind, VendorId } from '../service/types';
import { batchesOf, openInput, type InputArgs } from './input';
import type { Roots } from './roots';

/** How many findings or problems a result lists at most unless the caller asks for more. */
const DEFAULT_MAX_RESULTS = 200;
const KINDS = ['log', 'transcript', 'dsn', 'config'] as const;
const VENDORS = Object.keys(vendorCodes) as VendorId[];

export const inputShape = {
  path: z.string().min(1).optional().describe('A file to read (absolute, or relative to the first root). Logs of any size are read as a stream.'),
  text: z.string().optional().describe('Inline text instead of a file, e.g. a pasted SMTP session or bounce.'),
  kind: z.enum(KINDS).optional().describe('How to read it; detected from the name and content when left out.'),
  maxResults: z.number().int().min(1).max(5000).optional().describe(`List at most this many items (default ${DEFAULT_MAX_RESULTS}); totals are always complete.`),
};

const locatedShape = { line: z.number(), column: z.number(), endColumn: z.number() };

export const scanOutput = {
  source: z.string(), kind: z.enum(KINDS), lines: z.number(), total: z.number(), truncated: z.boolean(),
  findings: z.array(z.object({ ...locatedShape, kind: z.enum(['reply', 'enhanced']), code: z.string(), context: z.string() })),
};

export const checkOutput = {
  source: z.string(), kind: z.enum(KINDS), lines: z.number(), total: z.number(), truncated: z.boolean(),
  counts: z.object({ error: z.number(), warning: z.number(), information: z.number(), hint: z.number() }),
  problems: z.array(z.object({ ...locatedShape, severity: z.string(), rule: z.string(), message: z.string(), href: z.string() })),
};

export const explainShape = {
  codes: z.array(z.string().min(1)).min(1).max(50)
    .describe('Codes to explain: a reply code ("550"), an enhanced status code ("5.1.1") or a pair ("550 5.1.1").'),
  vendors: z.array(z.enum(VENDORS as [VendorId, ...VendorId[]])).optional()
    .describe('Provider dictionaries to consult (default: all).'),
};

export const explainOutput = {
  explanations: z.array(z.record(z.string(), z.unknown())),
  errors: z.array(z.object({ code: z.string(), error: z.string() })),
};

const ENHANCED = /^\d\.\d{1,3}\.\d{1,3}$/;

export const providerShape = {
  code: z.string().min(2).max(64)
    .describe('The enhanced status code the provider used (5.7.606), or a token from its reply text ([TSS04], S3150, AUP#CXBL).'),
  provider: z.enum(VENDORS as [VendorId, ...VendorId[]]).optional().describe('Only this provider (default: every provider that uses the code).'),
};

const sourceOutput = z.object({ title: z.string(), url: z.string(), read: z.string(), official: z.boolean() });

export const providerOutput = {
  code: z.string(),
  meanings: z.array(z.object({
    provider: z.string(), name: z.string(), written: z.string(), meaning: z.string(), action: z.string().optional(), reason: z.string().optional(),
    source: sourceOutput,
  })),
};

const sourceShape = {
  path: inputShape.path,
  text: inputShape.text,
  redact: z.boolean().optional().describe('Replace address local parts, login names and client IPs by stable placeholders (for a ticket).'),
};

export const traceShape = {
  id: z.string().min(4).max(1000).describe('A Postfix queue id, an Exim message id, a Sendmail or OpenSMTPD id, or a Message-ID value.'),
  ...sourceShape,
};

export const traceOutput = {
  id: z.string(),
  messages: z.array(z.object({ summary: z.string(), lines: z.array(z.object({ line: z.number(), text: z.string() })) })),
};

export const reportShape = {
  ...sourceShape,
  format: z.enum(['text', 'markdown', 'json']).optional().describe('text (default), markdown, or json for the full structure.'),
};

export const reportOutput = { source: z.string(), format: z.string(), report: z.string() };

export const classifyShape = {
  path: inputShape.path,
  text: inputShape.text,
  kind: inputShape.kind,
  maxResults: inputShape.maxResults,
};

export const classifyOutput = {
  source: z.string(), total: z.number(), truncated: z.boolean(),
  failures: z.array(z.object({
    line: z.number(), recipient: z.string().optional(), reply: z.number().optional(), enhanced: z.string().optional(),
    reason: z.string(), bounce: z.enum(['hard', 'soft']), provider: z.string().optional(), retry: z.boolean(), whoActs: z.string(),
    text: z.string(), summary: z.string(),
  })),
};

type Shape<T extends Record<string, z.ZodType>> = z.infer<z.ZodObject<T>>;

function result(structured: Record<string, unknown>, text: string): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** Streams the input through the core's fold, handing each batch of lines to `visit`. */
async function foldInput(args: InputArgs, roots: Roots, visit: (batch: StreamBatch) => void) {
  const input = await openInput(args, roots);
  if ('error' in input) return input;
  let kind: DocumentKind = args.kind ?? 'log';
  let lines = 0;
  for await (const batch of batchesOf(input)) {
    kind = batch.kind;
    lines = batch.first + batch.lines.length;
    visit(batch);
  }
  return { source: input.name, kind, lines };
}

/** Every line of the input, and its kind, for the tools that need the whole document. */
async function readLines(args: InputArgs, roots: Roots): Promise<{ source: string; kind: DocumentKind; lines: string[] } | { error: string }> {
  const lines: string[] = [];
  const read = await foldInput(args, roots, (batch) => { for (const line of batch.lines) lines.push(line); });
  if ('error' in read) return read;
  return { source: read.source, kind: read.kind, lines };
}

export async function scanTool(args: Shape<typeof inputShape>, roots: Roots): Promise<CallToolResult> {
  const max = args.maxResults ?? DEFAULT_MAX_RESULTS;
  const findings: z.infer<typeof scanOutput.findings> = [];
  let total = 0;
  const read = await foldInput(args, roots, (batch) => {
    for (const f of batch.reports.flatMap((report) => report.findings)) {
      total++;
      if (findings.length < max) findings.push({ line: f.line + 1, column: f.start + 1, endColumn: f.end + 1, kind: f.kind, code: f.text, context: f.context });
    }
  });
  if ('error' in read) return toolError(read.error);
  const text = [`${total} code(s) in ${read.source} (${read.kind}, ${read.lines} lines)${total > max ? `; the first ${max} listed` : ''}`,
    ...findings.map((f) => `${f.line}:${f.column} ${f.kind} ${f.code} [${f.context}]`)].join('\n');
  return result({ ...read, total, truncated: total > max, findings }, text);
}

export async function checkTool(args: Shape<typeof inputShape>, roots: Roots): Promise<CallToolResult> {
  const max = args.maxResults ?? DEFAULT_MAX_RESULTS;
  const problems: z.infer<typeof checkOutput.problems> = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  const read = await foldInput(args, roots, (batch) => {
    for (const p of batch.reports.flatMap((report) => report.problems)) {
      counts[p.severity]++;
      if (problems.length < max) {
        problems.push({ line: p.line + 1, column: p.start + 1, endColumn: p.end + 1, severity: p.severity, rule: p.rule, message: p.message, href: p.href });
      }
    }
  });
  if ('error' in read) return toolError(read.error);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const text = [`${total} problem(s) in ${read.source} (${read.kind}, ${read.lines} lines): ${counts.error} error(s), ${counts.warning} warning(s), `
    + `${counts.information} information, ${counts.hint} hint(s)${total > max ? `; the first ${max} listed` : ''}`,
  ...problems.map((p) => `${p.line}:${p.column} ${p.severity}: ${p.message} [${p.rule}]`)].join('\n');
  return result({ ...read, total, truncated: total > max, counts, problems }, text);
}

export function explainTool(args: Shape<typeof explainShape>): CallToolResult {
  const vendors = args.vendors ?? VENDORS;
  const explanations: Record<string, unknown>[] = [];
  const errors: { code: string; error: string }[] = [];
  const texts: string[] = [];
  for (const code of args.codes) {
    const parsed = parseCodeQueryDetailed(code);
    if ('error' in parsed) {
      errors.push({ code, error: parsed.error });
      texts.push(`${code}: ${parsed.error}`);
      continue;
    }
    const explanation = explain(parsed.query, vendors);
    explanations.push({ ...explanation });
    texts.push(renderText(explanation));
  }
  const structured = { explanations, errors };
  return explanations.length === 0 ? { ...toolError(texts.join('\n')), structuredContent: structured } : result(structured, texts.join('\n\n'));
}

/** One provider meaning as the tool gives it: who, as written, what it means, and from which page, read when. */
type ProviderMeaning = z.infer<typeof providerOutput.meanings>[number];

/** What the providers mean by an enhanced code, from their code dictionaries. */
function codeMeanings(code: string, vendors: readonly VendorId[]): ProviderMeaning[] {
  const [cls, subject, detail] = code.split('.').map(Number) as [number, number, number];
  if (!isStatusClass(cls)) return [];
  return vendorMeanings(cls, subject, detail, vendors).map((m) => ({
    provider: m.vendor, name: m.vendorName, written: m.written, meaning: m.meaning, source: m.source,
    ...(m.action === undefined ? {} : { action: m.action }), ...(m.reason === undefined ? {} : { reason: m.reason }),
  }));
}

/** What a provider means by a token of its reply text (`[TSS04]`), brackets and case aside. */
function tokenMeanings(token: string, vendors: readonly VendorId[]): ProviderMeaning[] {
  const bare = (text: string): string => text.replace(/^\[|\]$/g, '').toLowerCase();
  const wanted = bare(token);
  return vendorTokens.filter((t) => bare(t.token) === wanted && vendors.includes(t.vendor)).map((t) => ({
    provider: t.provider, name: t.vendorName, written: t.token, meaning: t.meaning, reason: t.reason, source: t.source,
    ...(t.action === undefined ? {} : { action: t.action }),
  }));
}

export function providerTool(args: Shape<typeof providerShape>): CallToolResult {
  const vendors = args.provider === undefined ? VENDORS : [args.provider];
  const code = args.code.trim();
  const meanings = ENHANCED.test(code) ? codeMeanings(code, vendors) : tokenMeanings(code, vendors);
  const text = meanings.length === 0
    ? `No provider dictionary here gives ${code} a meaning of its own; for a status code, the explain tool gives the standard meaning.`
    : meanings.map((m) => `${m.name} (${m.written}): ${m.meaning}${m.action ? ` What to do: ${m.action}` : ''}`
      + ` Source: ${m.source.title}, ${m.source.url} (${m.source.official ? 'official' : 'community knowledge'}, read ${m.source.read}).`).join('\n');
  return result({ code, meanings }, text);
}

/** The input's lines folded into a message index (the lines are kept for `trace`). */
async function foldMessages(args: InputArgs, roots: Roots): Promise<{ source: string; fold: LineFold } | { error: string }> {
  const read = await readLines({ ...args, kind: 'log' }, roots);
  return 'error' in read ? read : { source: read.source, fold: foldLines(read.lines) };
}

export async function traceTool(args: Shape<typeof traceShape>, roots: Roots): Promise<CallToolResult> {
  const read = await foldMessages(args, roots);
  if ('error' in read) return toolError(read.error);
  const { fold } = read;
  const hide = args.redact === true ? redactorFor([fold.index]) : undefined;
  const clean = (text: string): string => hide?.text(text) ?? text;
  const messages = fold.index.messagesNamed(args.id).map((message) => ({
    summary: clean(timelineSummary(fold.index.timeline(message)!)),
    lines: messageLines(fold.index, message, (line) => fold.text(line)).map(({ line, text }) => ({ line: line + 1, text: clean(text) })),
  }));
  if (messages.length === 0) return toolError(`No message named ${args.id} in ${read.source}.`);
  const text = messages.map((m) => [m.summary, ...m.lines.map((l) => `${l.line}: ${l.text}`)].join('\n')).join('\n\n');
  return result({ id: args.id, messages }, text);
}

export async function reportTool(args: Shape<typeof reportShape>, roots: Roots): Promise<CallToolResult> {
  const read = await foldMessages(args, roots);
  if ('error' in read) return toolError(read.error);
  const format = args.format ?? 'text';
  const report = renderReport([{ name: read.source, index: read.fold.index }], format, ({ line }) => `line ${line + 1}`, args.redact === true);
  return result({ source: read.source, format, report }, report);
}

export async function classifyTool(args: Shape<typeof classifyShape>, roots: Roots): Promise<CallToolResult> {
  const read = await readLines(args, roots);
  if ('error' in read) return toolError(read.error);
  const all = classifyRecords(read.source, read.lines, read.kind);
  const max = args.maxResults ?? DEFAULT_MAX_RESULTS;
  const failures = all.slice(0, max).map(({ file: _file, ...record }) => record);
  const text = [`${all.length} failed or deferred deliveries in ${read.source}${all.length > max ? `; the first ${max} listed` : ''}`,
    ...failures.map((f) => `line ${f.line}${f.recipient ? ` ${f.recipient}` : ''}: ${f.reason} (${f.bounce})${f.provider ? `, answered by ${f.provider}` : ''}: ${f.summary}`)].join('\n');
  return result({ source: read.source, total: all.length, truncated: all.length > max, failures }, text);
}
