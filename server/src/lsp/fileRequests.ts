// Requests over files of any size that are not open (VS Code does not hand files over 50 MB to
// extensions): the file is read from disk as a stream, gzip included, through the core's fold.
import type { CancellationToken } from 'vscode-languageserver/node';
import { fileSource } from '../io/input';
import { extractLines, FilterError, PROVIDERS, summarizeStream, type LineFilterSpec, type Outcome, type ProviderId } from '../service';
import type { Settings, VendorId } from '../service/types';
import { invalidParams, isRecord } from './guard';
import type { ExtractResult, FileSummaryResult } from './protocol';

/** What an extract may hold: well below the 50 MB VS Code syncs to extensions, so the part opened is checked too. */
export const EXTRACT_MAX_CHARS = 40 * 1024 * 1024;

const OUTCOMES: readonly Outcome[] = ['success', 'temporary', 'permanent'];
const TEXT_FIELDS = ['from', 'to', 'messageId', 'reason', 'recipientDomain', 'text'] as const;

function pathOf(params: unknown, method: string): string {
  const path = isRecord(params) ? params['path'] : undefined;
  if (typeof path !== 'string' || path.length === 0) throw invalidParams(`${method} expects { path: string }`);
  return path;
}

/** The filter as sent, checked field by field; empty fields are left out. */
function filterOf(value: unknown): LineFilterSpec {
  if (!isRecord(value)) throw invalidParams('smtpStatus/extractFile expects { path: string, filter: {...} }');
  const spec: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const text = value[field];
    if (text === undefined || text === '') continue;
    if (typeof text !== 'string') throw invalidParams(`filter.${field} must be a string`);
    spec[field] = text;
  }
  const { outcome, provider } = value;
  if (outcome !== undefined && !OUTCOMES.includes(outcome as Outcome)) throw invalidParams(`filter.outcome must be one of ${OUTCOMES.join(', ')}`);
  if (provider !== undefined && !PROVIDERS.some((p) => p.id === provider)) throw invalidParams(`filter.provider must be one of ${PROVIDERS.map((p) => p.id).join(', ')}`);
  return { ...spec, ...(outcome === undefined ? {} : { outcome: outcome as Outcome }), ...(provider === undefined ? {} : { provider: provider as ProviderId }) };
}

export async function extractFileRequest(params: unknown, settings: Settings, token: CancellationToken): Promise<ExtractResult> {
  const path = pathOf(params, 'smtpStatus/extractFile');
  const filter = filterOf(isRecord(params) ? params['filter'] : undefined);
  try {
    const { lines, ...rest } = await extractLines(fileSource(path), filter, settings, EXTRACT_MAX_CHARS, () => token.isCancellationRequested);
    return { ...rest, text: lines.join('\n') };
  } catch (error) {
    if (error instanceof FilterError) throw invalidParams(error.message);
    throw error;
  }
}

export async function fileSummaryRequest(params: unknown, vendors: readonly VendorId[], settings: Settings, token: CancellationToken): Promise<FileSummaryResult> {
  return summarizeStream(fileSource(pathOf(params, 'smtpStatus/summarizeFile')), vendors, settings, () => token.isCancellationRequested);
}
