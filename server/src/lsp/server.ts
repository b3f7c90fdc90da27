// Wires the LSP requests to the workspace and the feature modules. Every handler validates its
// params and is guarded, so that bad input gets an empty answer or a clear error, never a crash.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { classifyRecords } from '../service';
import { catalog } from './catalog';
import { codeActionsFor } from './codeActions';
import { COMPLETION_TRIGGERS, completionsAt, resolveCompletion } from './completion';
import type { ContentChange, LineDocument, Position } from './document';
import { documentUri, guard, guardNotification, invalidParams, isPosition, isRange, isRecord } from './guard';
import { hoverAt } from './hover';
import { inlayHintsIn } from './inlayHints';
import { extractFileRequest, fileSummaryRequest } from './fileRequests';
import { problemsIn, problemsParams } from './problems';
import { CATALOG_METHOD, CLASSIFY_METHOD, EXPLAIN_METHOD, EXTRACT_METHOD, FILE_SUMMARY_METHOD, PROBLEMS_METHOD, REPORT_METHOD, SUMMARY_METHOD, TICKET_METHOD, TRACE_METHOD } from './protocol';
import { explainRequest, summarize } from './requests';
import { readServerSettings, SETTINGS_SECTION } from './settings';
import { documentSymbols, foldingRanges } from './symbols';
import { codeLenses, definitionAt, highlightsAt, messageCount, referencesAt, reportMarkdown, resolveCodeLens, ticketText, traceHoverAt, traceMessages, type LensData } from './trace';
import { Workspace } from './workspace';

interface ClientSupport {
  pullConfiguration: boolean;
  registerConfigurationChange: boolean;
  inlayHintRefresh: boolean;
  codeLensRefresh: boolean;
  /** False when the client shows diagnostics in its hovers itself (initializationOptions.problemsInHover). */
  problemsInHover: boolean;
}

/** The content changes of a didChange notification that can be applied; the rest are skipped. */
function validChanges(value: unknown): ContentChange[] {
  if (!Array.isArray(value)) return [];
  return value.filter((change): change is ContentChange => isRecord(change) && typeof change['text'] === 'string' && (change['range'] === undefined || isRange(change['range'])));
}

export function startServer(connection: Connection): void {
  const workspace = new Workspace(connection);
  const support: ClientSupport = { pullConfiguration: false, registerConfigurationChange: false, inlayHintRefresh: false, codeLensRefresh: false, problemsInHover: true };
  /** After `shutdown`, requests are refused (LSP: InvalidRequest) and no new work starts. */
  let shuttingDown = false;
  const request = <P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    guard(connection, name, fallback, (params: P, token: CancellationToken) => {
      if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down`);
      return handler(params, token);
    });

  /** The warnings about the current settings, each shown once until the settings change. */
  let warned = new Set<string>();

  const useSettings = (raw: unknown): void => {
    const { settings, warnings } = readServerSettings(raw);
    for (const warning of warnings) {
      // A notification, not showWarningMessage (a request that waits for the user to answer).
      if (!warned.has(warning)) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `smtp-status: ${warning}; using the default.` });
    }
    warned = new Set(warnings);
    const hintsChanged = settings.inlayHints !== workspace.settings.inlayHints;
    const lensesChanged = settings.codeLens !== workspace.settings.codeLens;
    workspace.applySettings(settings);
    if (hintsChanged && support.inlayHintRefresh) void connection.languages.inlayHint.refresh();
    if (lensesChanged && support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh');
  };
  const pullSettings = async (): Promise<void> => {
    let raw: unknown;
    try {
      raw = await connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
    } catch (error) {
      // Keep what we have (at first, the defaults), so that diagnostics are not held back.
      connection.console.warn(`could not read the ${SETTINGS_SECTION} settings: ${error instanceof Error ? error.message : String(error)}`);
      workspace.applySettings(workspace.settings);
      return;
    }
    useSettings(raw);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    support.pullConfiguration = capabilities.workspace?.configuration === true;
    support.registerConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    support.inlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    support.codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    const options: unknown = params.initializationOptions;
    support.problemsInHover = !(isRecord(options) && options['problemsInHover'] === false);
    workspace.progressSupported = capabilities.window?.workDoneProgress === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        inlayHintProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeLensProvider: { resolveProvider: true },
      },
      serverInfo: { name: 'smtp-status' },
    };
  });

  connection.onInitialized(
    guardNotification(connection, 'initialized', async () => {
      // Defaults before awaiting anything: a client that pushes its settings right after
      // `initialized` (Neovim does) must not see them overwritten by the defaults.
      if (!support.pullConfiguration) useSettings(undefined);
      if (support.registerConfigurationChange) await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      if (support.pullConfiguration) await pullSettings();
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', async (params: unknown) => {
      if (support.pullConfiguration) await pullSettings();
      else useSettings(isRecord(params) && isRecord(params['settings']) ? params['settings'][SETTINGS_SECTION] : undefined);
    }),
  );

  connection.onDidOpenTextDocument(
    guardNotification(connection, 'didOpen', (params: unknown) => {
      const item = isRecord(params) ? params['textDocument'] : undefined;
      if (!isRecord(item) || typeof item['uri'] !== 'string' || typeof item['text'] !== 'string') return;
      const languageId = typeof item['languageId'] === 'string' ? item['languageId'] : 'plaintext';
      const version = typeof item['version'] === 'number' ? item['version'] : 0;
      workspace.open(item['uri'], languageId, version, item['text']);
    }),
  );
  connection.onDidChangeTextDocument(
    guardNotification(connection, 'didChange', (params: unknown) => {
      const uri = documentUri(params);
      if (uri === undefined || !isRecord(params)) return;
      const version = (params['textDocument'] as Record<string, unknown>)['version'];
      workspace.change(uri, typeof version === 'number' ? version : 0, validChanges(params['contentChanges']));
    }),
  );
  connection.onDidCloseTextDocument(
    guardNotification(connection, 'didClose', (params: unknown) => {
      const uri = documentUri(params);
      if (uri !== undefined) workspace.close(uri);
    }),
  );

  // Hover and inlay hints need the lines they show scanned; they wait for the background scan.
  connection.onHover(
    request('hover', null, (params: unknown, token) => {
      const position = isRecord(params) ? params['position'] : undefined;
      if (!isPosition(position)) return null;
      return workspace.whenScannedThrough(documentUri(params) ?? '', position.line, token, null,
        (document) => traceHoverAt(document, position) ?? hoverAt(document, position, { vendors: workspace.settings.core.vendors, problems: support.problemsInHover }));
    }),
  );

  // Message ids: each answer reads the document's message index, kept per document.
  const atPosition = <R>(name: string, fallback: R, answer: (document: LineDocument, position: Position, params: Record<string, unknown>) => R) =>
    request(name, fallback, (params: unknown) => {
      const document = workspace.analysable(documentUri(params) ?? '');
      const position = isRecord(params) ? params['position'] : undefined;
      return document === undefined || !isPosition(position) || !isRecord(params) ? fallback : answer(document, position, params);
    });
  connection.onDefinition(atPosition('definition', null, (document, position) => definitionAt(document, position)));
  connection.onReferences(atPosition('references', [], (document, position, params) => {
    const context = params['context'];
    return referencesAt(document, position, !isRecord(context) || context['includeDeclaration'] !== false);
  }));
  connection.onDocumentHighlight(atPosition('documentHighlight', [], (document, position) => highlightsAt(document, position)));
  connection.onCodeLens(
    request('codeLens', [], (params: unknown) => {
      const document = workspace.analysable(documentUri(params) ?? '');
      return document === undefined || !workspace.settings.codeLens ? [] : codeLenses(document);
    }),
  );
  connection.onCodeLensResolve(
    request('codeLens/resolve', {} as CodeLens, (lens: unknown) => {
      if (!isRecord(lens) || !isRange(lens['range'])) throw invalidParams('codeLens/resolve expects a code lens');
      const data = lens['data'];
      const uri = isRecord(data) && typeof data['uri'] === 'string' ? data['uri'] : '';
      return resolveCodeLens({ range: lens['range'], data: data as LensData }, workspace.analysable(uri));
    }),
  );

  connection.onCodeAction(
    request('codeAction', [], (params: unknown) => {
      const document = workspace.analysable(documentUri(params) ?? '');
      const range = isRecord(params) ? params['range'] : undefined;
      if (document === undefined || !isRange(range)) return [];
      const context = isRecord(params) ? params['context'] : undefined;
      const only = isRecord(context) && Array.isArray(context['only']) ? context['only'].filter((kind): kind is string => typeof kind === 'string') : undefined;
      return codeActionsFor(document, range, only);
    }),
  );

  connection.onCompletion(
    request('completion', [] as CompletionItem[], (params: unknown) => {
      const document = workspace.analysable(documentUri(params) ?? '');
      const position = isRecord(params) ? params['position'] : undefined;
      if (document === undefined || !isPosition(position) || position.line >= document.lineCount) return [];
      return completionsAt(document.lineText(position.line), position, document.kind);
    }),
  );
  connection.onCompletionResolve(
    request('completionItem/resolve', {} as CompletionItem, (item: unknown) => {
      if (!isRecord(item)) throw invalidParams('completionItem/resolve expects a completion item');
      return resolveCompletion(item as unknown as CompletionItem, workspace.settings.core.vendors);
    }),
  );

  connection.languages.inlayHint.on(
    request('inlayHint', [], (params: unknown, token) => {
      const range = isRecord(params) ? params['range'] : undefined;
      if (!isRange(range) || !workspace.settings.inlayHints) return [];
      return workspace.whenScannedThrough(documentUri(params) ?? '', range.end.line, token, [],
        (document) => inlayHintsIn(document, range.start.line, range.end.line));
    }),
  );

  connection.onDocumentSymbol(
    request('documentSymbol', [], (params: unknown) => {
      const document = workspace.analysable(documentUri(params) ?? '');
      return document === undefined ? [] : documentSymbols(document);
    }),
  );
  connection.onFoldingRanges(
    request('foldingRange', [], (params: unknown) => {
      const document = workspace.analysable(documentUri(params) ?? '');
      return document === undefined ? [] : foldingRanges(document);
    }),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
    workspace.closeAll();
  });

  connection.onRequest(CATALOG_METHOD, request(CATALOG_METHOD, [], () => catalog()));
  connection.onRequest(EXPLAIN_METHOD, request(EXPLAIN_METHOD, null, (params: unknown) => explainRequest(params, workspace.settings.core.vendors)));
  const documentRequest = <R>(method: string, answer: (document: LineDocument, name: string, params: Record<string, unknown>) => R) =>
    request(method, null, async (params: unknown, token) => {
      const uri = isRecord(params) ? params['uri'] : undefined;
      if (typeof uri !== 'string' || !isRecord(params)) throw invalidParams(`${method} expects { uri: string }`);
      const document = await workspace.scanned(uri, token);
      return document === undefined ? null : answer(document, decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)), params);
    });
  connection.onRequest(REPORT_METHOD, documentRequest(REPORT_METHOD, (document, name) => ({ markdown: reportMarkdown(document, name), messages: messageCount(document) })));
  connection.onRequest(TRACE_METHOD, documentRequest(TRACE_METHOD, (document, _name, params) => {
    const id = params['id'];
    if (typeof id !== 'string' || id === '') throw invalidParams(`${TRACE_METHOD} expects { uri: string, id: string }`);
    return traceMessages(document, id);
  }));
  connection.onRequest(CLASSIFY_METHOD, documentRequest(CLASSIFY_METHOD, (document, name) => ({
    failures: classifyRecords(name, document.allLines(), document.kind),
  })));
  connection.onRequest(TICKET_METHOD, documentRequest(TICKET_METHOD, (document, name, params) => {
    const position = params['position'];
    return ticketText(document, name, isPosition(position) ? position : undefined);
  }));
  connection.onRequest(
    PROBLEMS_METHOD,
    request(PROBLEMS_METHOD, null, async (params: unknown, token) => {
      const wanted = problemsParams(params);
      const document = await workspace.scanned(wanted.uri, token);
      return document === undefined ? null : problemsIn(document, wanted);
    }),
  );
  connection.onRequest(
    SUMMARY_METHOD,
    request(SUMMARY_METHOD, null, async (params: unknown, token) => {
      const uri = isRecord(params) ? params['uri'] : undefined;
      if (typeof uri !== 'string') throw invalidParams('smtpStatus/summary expects { uri: string }');
      // Edits during a long summary start it again on the new text.
      while (!token.isCancellationRequested) {
        const document = await workspace.scanned(uri, token);
        if (document === undefined) return null;
        const summary = await summarize(document, workspace.settings.core.vendors, token);
        if (summary !== undefined) return summary;
      }
      return null;
    }),
  );
  connection.onRequest(EXTRACT_METHOD, request(EXTRACT_METHOD, null, (params: unknown, token) => extractFileRequest(params, workspace.settings.core, token)));
  connection.onRequest(FILE_SUMMARY_METHOD, request(FILE_SUMMARY_METHOD, null, (params: unknown, token) =>
    fileSummaryRequest(params, workspace.settings.core.vendors, workspace.settings.core, token)));
}
