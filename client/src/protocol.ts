// Typed requests for the server's custom methods; the method names and shapes are the
// server's own (server/src/lsp/protocol.ts holds only plain types and constants).
import { RequestType, RequestType0 } from 'vscode-languageclient/node';
import {
  CATALOG_METHOD,
  CLASSIFY_METHOD,
  ClassifyResult,
  CatalogEntry,
  EXPLAIN_METHOD,
  ExplainParams,
  ExplainResult,
  PROBLEMS_METHOD,
  ProblemsParams,
  ProblemsResult,
  REPORT_METHOD,
  ReportParams,
  ReportResult,
  EXTRACT_METHOD,
  ExtractParams,
  ExtractResult,
  FILE_SUMMARY_METHOD,
  FileParams,
  FileSummaryResult,
  SUMMARY_METHOD,
  SummaryParams,
  SummaryResult,
  TICKET_METHOD,
  TRACE_METHOD,
  TraceParams,
  TraceResult,
  TicketParams,
  TicketResult,
} from '../../server/src/lsp/protocol';

export type { CatalogEntry, CodeKind, ExtractResult, FileSummaryResult, LineFilterSpec, ProblemsResult, SummaryCode, SummaryResult, TicketResult } from '../../server/src/lsp/protocol';
export { PARTIAL_NOTE } from '../../server/src/lsp/protocol';
export { REVEAL_COMMAND, SET_RULE_SEVERITY_COMMAND } from '../../server/src/lsp/protocol';

export const CatalogRequest = new RequestType0<readonly CatalogEntry[], void>(CATALOG_METHOD);
export const ExplainRequest = new RequestType<ExplainParams, ExplainResult, void>(EXPLAIN_METHOD);
export const SummaryRequest = new RequestType<SummaryParams, SummaryResult, void>(SUMMARY_METHOD);
export const TraceRequest = new RequestType<TraceParams, TraceResult | null, void>(TRACE_METHOD);
export const ClassifyRequest = new RequestType<SummaryParams, ClassifyResult | null, void>(CLASSIFY_METHOD);
export const ProblemsRequest = new RequestType<ProblemsParams, ProblemsResult | null, void>(PROBLEMS_METHOD);
export const ReportRequest = new RequestType<ReportParams, ReportResult | null, void>(REPORT_METHOD);
export const TicketRequest = new RequestType<TicketParams, TicketResult | null, void>(TICKET_METHOD);
export const ExtractRequest = new RequestType<ExtractParams, ExtractResult, void>(EXTRACT_METHOD);
export const FileSummaryRequest = new RequestType<FileParams, FileSummaryResult, void>(FILE_SUMMARY_METHOD);
