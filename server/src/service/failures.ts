// One record per failed or deferred delivery of a document, as the CLI, the MCP server and the
// language model tools give them: where, to whom, the codes, and the verdict in plain fields.
import { failuresIn, type FailureRecord } from '../classify';
import type { DocumentKind } from '../scan/types';
import { splitLines } from '../stream';

export interface ClassifyRecord {
  readonly file: string;
  readonly line: number;
  readonly recipient?: string;
  readonly reply?: number;
  readonly enhanced?: string;
  readonly reason: string;
  readonly bounce: 'hard' | 'soft';
  readonly provider?: string;
  readonly retry: boolean;
  readonly whoActs: string;
  /** The reply text or diagnostic the verdict was read from. */
  readonly text: string;
  readonly summary: string;
}

function toRecord(file: string, { line, recipient, facts, verdict }: FailureRecord): ClassifyRecord {
  return {
    file, line: line + 1,
    ...(recipient === undefined ? {} : { recipient }),
    ...(facts.reply === undefined ? {} : { reply: facts.reply }),
    ...(facts.enhanced === undefined ? {} : { enhanced: facts.enhanced }),
    reason: verdict.reason, bounce: verdict.bounce,
    ...(verdict.provider === undefined ? {} : { provider: verdict.provider }),
    retry: verdict.retry, whoActs: verdict.whoActs, text: facts.text, summary: verdict.summary,
  };
}

/** Every failure of a document (its text or its lines), each as a record naming `file`. */
export function classifyRecords(file: string, text: string | readonly string[], kind: DocumentKind): ClassifyRecord[] {
  return failuresIn(typeof text === 'string' ? splitLines(text) : text, kind).map((failure) => toRecord(file, failure));
}
