// The public face of the core: what the LSP adapter and the CLI call. Each type lives with
// the lowest module that uses it; this file gathers them for the adapters.
// Positions are 0-based; columns count UTF-16 code units, as in LSP.
export type { VendorId } from '../kb/types';
export type { DocumentKind } from '../scan/types';
export type { Fix, Problem, Range, RuleId, Settings, Severity, SeveritySetting, TextEdit } from '../rules/types';
