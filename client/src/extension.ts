// The VS Code side of smtp-status: starts the language server (dist/server.js over Node IPC)
// when a document it reads is open (documentGate.ts says which), and adds its commands.
// Everything else - hovers, diagnostics, quick fixes, completion, inlay hints - comes from the server.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, State } from 'vscode-languageclient/node';
import { copyForTicket } from './commands/copyForTicket';
import { explainCode } from './commands/explainCode';
import { showReport } from './commands/report';
import { setRuleSeverity } from './commands/setRuleSeverity';
import { openLargePart, openOriginalLine } from './commands/openLargePart';
import { revealOccurrence, summarize } from './commands/summarize';
import { summarizeFile } from './commands/summarizeFile';
import { openDemoLog, openGuide } from './commands/walkthrough';
import { DocumentGate } from './documentGate';
import { LargeFileNotice } from './largeFileNotice';
import { LargeParts, PART_SCHEME } from './largeParts';
import { configuredLanguages } from './languages';
import { registerLanguageModelTools } from './lmTools';
import { SET_RULE_SEVERITY_COMMAND, type LineFilterSpec } from './protocol';
import { REVEAL_COMMAND } from './summaryHtml';
import { RestartPolicy } from './restartPolicy';
import { ServerProcess } from './serverProcess';
import { configurationMiddleware } from './settingsMiddleware';
import { SCHEME, VirtualDocuments } from './virtualDocuments';

/** What the extension exports to other extensions (and to its end-to-end tests). */
export interface SmtpStatusApi {
  /** Starts the language server if needed; resolves once it has answered `initialize`. */
  ready(): Promise<void>;
  /** The running server's process id. */
  serverPid(): number | undefined;
  /** Milliseconds from activation until the first server answered `initialize`. */
  startupMs(): number | undefined;
  /** Messages shown to the user about server crashes, oldest first. */
  crashMessages(): readonly string[];
  /** Has the running server been given this document (is it reading it)? */
  serverReads(uri: vscode.Uri): boolean;
}

class SmtpStatusClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private languages = configuredLanguages();
  private readonly gate = new DocumentGate(() => this.languages);
  private readonly process: ServerProcess;
  readonly crashMessages: string[] = [];
  startupMs: number | undefined;

  constructor(
    context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly activatedAt: number,
  ) {
    this.process = new ServerProcess(context.asAbsolutePath('dist/server.js'), (line) => output.info(line));
  }

  get pid(): number | undefined {
    return this.client?.state === State.Running ? this.process.pid : undefined;
  }

  /** Does the server read this document (sniffing a plain text, JSON or CSV one)? */
  wants(document: vscode.TextDocument): boolean {
    return this.gate.admits(document);
  }

  reads(uri: vscode.Uri): boolean {
    return this.client !== undefined && this.gate.isOpen(uri);
  }

  /** An edit to a document the server does not read yet made it about SMTP (a pasted transcript). */
  qualifiesBy(event: vscode.TextDocumentChangeEvent): boolean {
    return this.client === undefined && this.gate.mayAdmit(event);
  }

  /** Starts the server once; later calls share the same start. */
  ensureStarted(): Promise<LanguageClient> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<LanguageClient> {
    const policy = new RestartPolicy(
      () => this.process.endReason(),
      (message, final) => {
        this.crashMessages.push(message);
        this.output.error(message);
        void (final ? vscode.window.showErrorMessage(message) : vscode.window.showWarningMessage(message));
      },
    );
    const options: LanguageClientOptions = {
      documentSelector: this.gate.selector(),
      outputChannel: this.output,
      errorHandler: policy,
      middleware: { workspace: configurationMiddleware, ...this.gate.middleware(() => this.client) },
      // VS Code shows the diagnostics under the mouse in the hover itself: the server need not repeat them.
      initializationOptions: { problemsInHover: false },
    };
    const client = new LanguageClient('smtpStatus', 'SMTP Status', () => this.process.start(), options);
    this.client = client;
    await client.start();
    this.startupMs ??= Date.now() - this.activatedAt;
    this.output.info(`language server ready ${Date.now() - this.activatedAt} ms after activation (languages: ${this.languages.join(', ')})`);
    return client;
  }

  /** New language list: a new client, since a running client's selector cannot change. */
  async restartForLanguages(): Promise<void> {
    const next = configuredLanguages();
    if (next.join() === this.languages.join()) return;
    this.languages = next;
    await this.stop();
    if (vscode.workspace.textDocuments.some((d) => this.wants(d))) await this.ensureStarted();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    this.gate.serverStopped();
    try {
      await client?.stop(2000);
    } catch (error) {
      this.output.warn(`stopping the language server: ${String(error)}`);
    }
    this.process.kill();
  }

  dispose(): void {
    void this.stop();
  }
}

let running: SmtpStatusClient | undefined;

export function activate(context: vscode.ExtensionContext): SmtpStatusApi {
  const activatedAt = Date.now();
  const output = vscode.window.createOutputChannel('SMTP Status', { log: true });
  const smtp = new SmtpStatusClient(context, output, activatedAt);
  running = smtp;
  const docs = new VirtualDocuments();
  const parts = new LargeParts();
  const openPart = async (file?: vscode.Uri, filter?: LineFilterSpec) => openLargePart(await smtp.ensureStarted(), parts, file, filter);
  const summarizeWholeFile = async (file?: vscode.Uri) => summarizeFile(await smtp.ensureStarted(), file);
  const startIfWanted = (document: vscode.TextDocument): void => {
    if (smtp.wants(document)) smtp.ensureStarted().catch((error: unknown) => output.error(`starting the language server: ${String(error)}`));
  };

  context.subscriptions.push(
    output,
    smtp,
    docs,
    parts,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs),
    vscode.workspace.registerTextDocumentContentProvider(PART_SCHEME, parts),
    new LargeFileNotice({ openPart, summarize: summarizeWholeFile }, (document) => smtp.wants(document)),
    vscode.workspace.onDidOpenTextDocument(startIfWanted),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (smtp.qualifiesBy(event)) startIfWanted(event.document);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('smtpStatus.extraLanguages')) {
        smtp.restartForLanguages().catch((error: unknown) => output.error(`restarting for new languages: ${String(error)}`));
      }
    }),
    vscode.commands.registerCommand('smtpStatus.explainCode', async (code?: string) => explainCode(await smtp.ensureStarted(), docs, code)),
    vscode.commands.registerCommand(SET_RULE_SEVERITY_COMMAND, setRuleSeverity),
    vscode.commands.registerCommand('smtpStatus.walkthrough.openDemo', () => openDemoLog(context.extensionUri)),
    vscode.commands.registerCommand('smtpStatus.walkthrough.openReadme', () => openGuide(context.extensionUri)),
    vscode.commands.registerCommand('smtpStatus.summarize', async (target?: vscode.Uri) =>
      summarize(await smtp.ensureStarted(), (document) => smtp.wants(document), target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealOccurrence),
    vscode.commands.registerCommand('smtpStatus.report', async () => showReport(await smtp.ensureStarted(), (document) => smtp.wants(document))),
    vscode.commands.registerCommand('smtpStatus.copyForTicket', async () => copyForTicket(await smtp.ensureStarted(), (document) => smtp.wants(document))),
    vscode.commands.registerCommand('smtpStatus.openLargePart', (file?: unknown, filter?: LineFilterSpec) => openPart(file instanceof vscode.Uri ? file : undefined, filter)),
    vscode.commands.registerCommand('smtpStatus.openOriginalLine', () => openOriginalLine(parts)),
    vscode.commands.registerCommand('smtpStatus.summarizeFile', (file?: unknown) => summarizeWholeFile(file instanceof vscode.Uri ? file : undefined)),
  );
  context.subscriptions.push(...registerLanguageModelTools(smtp));
  vscode.workspace.textDocuments.forEach(startIfWanted);
  output.info(`activated in ${Date.now() - activatedAt} ms`);

  return {
    ready: async () => {
      await smtp.ensureStarted();
    },
    serverPid: () => smtp.pid,
    startupMs: () => smtp.startupMs,
    crashMessages: () => smtp.crashMessages,
    serverReads: (uri) => smtp.reads(uri),
  };
}

/** VS Code waits for this, so the server gets its shutdown request before the host exits. */
export function deactivate(): Promise<void> | undefined {
  return running?.stop();
}
