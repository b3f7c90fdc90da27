// A small LSP client for tests and measurements: spawns `node dist/server.js --stdio`, speaks
// JSON-RPC over its pipes, answers the server's requests (configuration, registration,
// progress), and records what the server publishes.
//
// The JSON-RPC connection comes from vscode-languageserver/node, which re-exports
// vscode-jsonrpc's node transport (tsc's `moduleResolution: node` cannot see the `./node`
// export of the newer top-level vscode-jsonrpc).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { PARTIAL_NOTE } from '../../server/src/lsp/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');

export interface StartOptions {
  /** Defaults to the built dist/server.js. */
  readonly serverPath?: string;
  /** The `smtpStatus` settings section the client reports (pulled by the server or pushed). */
  readonly settings?: unknown;
  /** Whether the client lets the server pull settings via workspace/configuration (default true). */
  readonly pullConfiguration?: boolean;
  /** Extra client capabilities, merged over the defaults at the top level. */
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
}

/** A window/showMessage or window/logMessage the server sent. */
export interface ServerMessage {
  readonly method: 'window/showMessage' | 'window/logMessage';
  readonly type: number;
  readonly message: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

interface DiagnosticsWaiter {
  readonly uri: string;
  readonly accepts: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (diagnostics: Diagnostic[]) => void;
}

export class LspClient {
  /** What the server answered to `initialize`. */
  initializeResult!: InitializeResult;
  /** showMessage and logMessage notifications, in order. */
  readonly messages: ServerMessage[] = [];
  /** Every `$/progress` value the server reported. */
  readonly progress: unknown[] = [];
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly versions = new Map<string, number>();
  private waiters: DiagnosticsWaiter[] = [];
  private settings: unknown;
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
    private readonly pullConfiguration: boolean,
    settings: unknown,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.resume();
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options.pullConfiguration ?? true, options.settings);
    client.listen();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: client.pullConfiguration, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { didSave: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        inlayHint: {},
        foldingRange: {},
      },
      ...options.capabilities,
    };
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The server's process id (for reading its memory use). */
  get pid(): number {
    return this.child.pid!;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends content changes as the next version (or `version`); returns that version. */
  change(uri: string, changes: readonly TextDocumentContentChangeEvent[], version?: number): number {
    const next = version ?? (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next }, contentChanges: changes });
    return next;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The complete diagnostics published for `version` (default: the last version sent), as soon as
   * they arrive; with `partial`, the first list for it, which may be a partial one of a big document's start.
   */
  waitForDiagnostics(uri: string, version = this.versions.get(uri), timeoutMs = DEFAULT_TIMEOUT_MS, partial = false): Promise<Diagnostic[]> {
    const accepts = (params: PublishDiagnosticsParams): boolean => params.version === version && (partial || !isPartial(params.diagnostics));
    const latest = this.published.get(uri);
    if (latest !== undefined && accepts(latest)) return Promise.resolve(latest.diagnostics);
    return this.waitFor(uri, accepts, timeoutMs, `diagnostics for ${uri} version ${version}`);
  }

  /** The next complete diagnostics published for `uri` after this call (e.g. after a settings change). */
  nextDiagnostics(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Diagnostic[]> {
    return this.waitFor(uri, (params) => !isPartial(params.diagnostics), timeoutMs, `the next diagnostics for ${uri}`);
  }

  /** The document version of the last diagnostics published for `uri`, if any. */
  latestVersion(uri: string): number | undefined {
    return this.published.get(uri)?.version;
  }

  /** The last diagnostics published for `uri`, if any. */
  latestDiagnostics(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri)?.diagnostics;
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params?: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Replaces the `smtpStatus` section and tells the server, as an editor does. */
  setSettings(settings: unknown): void {
    this.settings = settings;
    this.notify('workspace/didChangeConfiguration', { settings: this.pullConfiguration ? null : { smtpStatus: settings } });
  }

  /** Shuts the server down and waits for it to exit (killing it if it does not). */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      const timer = setTimeout(() => this.child.kill(), 5000);
      try {
        // A server that was killed by the timer never answers `shutdown`: stop waiting when it exits.
        const answered = await Promise.race([this.connection.sendRequest('shutdown').then(() => true), this.exited.then(() => false)]);
        if (answered) await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
      const code = await this.exited;
      clearTimeout(timer);
      this.connection.dispose();
      return code;
    }
    this.connection.dispose();
    return this.child.exitCode;
  }

  private waitFor(uri: string, accepts: (params: PublishDiagnosticsParams) => boolean, timeoutMs: number, what: string): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const entry: DiagnosticsWaiter = {
        uri,
        accepts,
        resolve: (diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        },
      };
      this.waiters.push(entry);
    });
  }

  private listen(): void {
    const connection = this.connection;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      const ready = this.waiters.filter((waiter) => waiter.uri === params.uri && waiter.accepts(params));
      this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve(params.diagnostics);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => this.messages.push({ method: 'window/showMessage', ...params }));
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => this.messages.push({ method: 'window/logMessage', ...params }));
    connection.onNotification('$/progress', (params: { value: unknown }) => this.progress.push(params.value));
    connection.onRequest('workspace/configuration', (params: { items: readonly { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'smtpStatus' ? (this.settings ?? null) : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.listen();
  }
}

/** A list the server published before it finished checking the document. */
export function isPartial(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.message.startsWith(PARTIAL_NOTE));
}
