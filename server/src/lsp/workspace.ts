// The open documents: keeps each one scanned, in chunks that yield to the event loop so that a
// big log never blocks requests, and publishes its diagnostics once it is fully scanned. Edits
// applied between chunks are simply part of what the next chunk sees, so a newer version always
// supersedes the scan of an older one.
import type { CancellationToken, Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { headProblems, LineDocument, type ContentChange } from './document';
import { documentDiagnostics, noteDiagnostic, partialDiagnostics } from './diagnostics';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './settings';

/** Lines scanned between clock checks, and the time a chunk may take before yielding. */
const CHUNK_LINES = 500;
export const CHUNK_MS = 15;
/** Scans that take longer than this show work-done progress. */
const PROGRESS_AFTER_MS = 1000;
const BYTES_PER_MB = 1024 * 1024;
/** On open, the problems of this much of a longer document's start are published before the rest is read. */
const HEAD_CHARS = 32 * 1024;

/** Lets the event loop run (requests, edits) before long work goes on. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Workspace {
  private readonly documents = new Map<string, LineDocument>();
  private readonly scans = new Map<string, Promise<void>>();
  private readonly publishQueued = new Set<string>();
  /** Big documents whose partial list is on its way; built on the next turn (see open). */
  private readonly opening = new Map<string, { version: number; changes: readonly ContentChange[] }[]>();
  private settingsValue: ServerSettings = DEFAULT_SERVER_SETTINGS;
  /** Diagnostics wait for the client's settings so that they do not flicker on startup. */
  private settingsLoaded = false;
  /** Set on initialize: whether the client can show server-initiated progress. */
  progressSupported = false;

  constructor(private readonly connection: Connection) {}

  get settings(): ServerSettings {
    return this.settingsValue;
  }

  /** A document that is open and small enough to analyse. */
  analysable(uri: string): LineDocument | undefined {
    const document = this.documents.get(uri);
    return document === undefined || this.oversized(document) ? undefined : document;
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    this.documents.delete(uri);
    if (!this.publishHead(uri, languageId, version, text)) {
      this.build(uri, languageId, version, text, []);
      return;
    }
    // The partial list is written on the next turn of the event loop: splitting a big text first
    // would hold it back. Edits that arrive meanwhile wait, and are applied after the split.
    const edits: { version: number; changes: readonly ContentChange[] }[] = [];
    this.opening.set(uri, edits);
    setImmediate(() => {
      if (this.opening.get(uri) !== edits) return;  // closed or opened again meanwhile
      this.opening.delete(uri);
      this.build(uri, languageId, version, text, edits);
    });
  }

  private build(uri: string, languageId: string, version: number, text: string, edits: readonly { version: number; changes: readonly ContentChange[] }[]): void {
    const document = new LineDocument(uri, languageId, version, text, this.settingsValue.core);
    for (const edit of edits) document.applyChanges(edit.changes, edit.version);
    this.documents.set(uri, document);
    this.refresh(document);
  }

  change(uri: string, version: number, changes: readonly ContentChange[]): void {
    const edits = this.opening.get(uri);
    if (edits !== undefined) {
      edits.push({ version, changes });
      return;
    }
    const document = this.documents.get(uri);
    if (document === undefined) return;
    document.applyChanges(changes, version);
    this.refresh(document);
  }

  /**
   * The start of a big document, checked and published before the whole text is even split into
   * lines. Unlike complete lists it does not wait for the client's settings: a document opened with
   * the editor gets its first problems at once, and the complete list replaces them either way.
   */
  private publishHead(uri: string, languageId: string, version: number, text: string): boolean {
    if (text.length > this.settingsValue.maxFileSizeMB * BYTES_PER_MB) return false;
    const { core } = this.settingsValue;
    const head = headProblems(uri, languageId, text, core, HEAD_CHARS);
    if (head === undefined) return false;
    void this.connection.sendDiagnostics({ uri, version, diagnostics: partialDiagnostics(head.problems, head.lines, core.maxProblems) });
    return true;
  }

  close(uri: string): void {
    this.opening.delete(uri);
    this.documents.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** On shutdown: forgets every document, which also ends their scans and pending requests. */
  closeAll(): void {
    this.opening.clear();
    this.documents.clear();
  }

  /** New settings apply at once: every open document is checked again. */
  applySettings(settings: ServerSettings): void {
    this.settingsValue = settings;
    this.settingsLoaded = true;
    for (const document of this.documents.values()) {
      document.recheck(settings.core);
      this.refresh(document);
    }
  }

  /**
   * `answer(document)` once the document is scanned through `line`: at once when it already is
   * (a hover on an open log costs no promise), else when the background scan gets there, which
   * leaves other requests answered meanwhile. `fallback` if it is closed, too big, or the
   * request is cancelled.
   */
  whenScannedThrough<R>(uri: string, line: number, token: CancellationToken, fallback: R, answer: (document: LineDocument) => R): R | Promise<R> {
    const document = this.analysable(uri);
    if (document === undefined && !this.opening.has(uri)) return fallback;
    if (document !== undefined && (document.scanned > line || document.complete)) return answer(document);
    return this.scannedThrough(uri, line, token).then((scanned) => (scanned === undefined ? fallback : answer(scanned)));
  }

  /** The document once scanned through `line`; undefined if it is closed, too big, or the request is cancelled. */
  private async scannedThrough(uri: string, line: number, token: CancellationToken): Promise<LineDocument | undefined> {
    for (;;) {
      if (this.opening.has(uri)) {
        await nextTurn();
        continue;
      }
      const document = this.analysable(uri);
      if (document === undefined || token.isCancellationRequested) return undefined;
      if (document.scanned > line || document.complete) return document;
      this.startScan(document);
      await nextTurn();
    }
  }

  /** The document once fully scanned; undefined if it is closed, too big, or the request is cancelled. */
  async scanned(uri: string, token?: CancellationToken): Promise<LineDocument | undefined> {
    for (;;) {
      if (this.opening.has(uri)) {
        await nextTurn();
        continue;
      }
      const document = this.analysable(uri);
      if (document === undefined || token?.isCancellationRequested) return undefined;
      if (document.complete) return document;
      this.startScan(document);
      await (this.scans.get(uri) ?? nextTurn());
    }
  }

  private oversized(document: LineDocument): boolean {
    return document.size > this.settingsValue.maxFileSizeMB * BYTES_PER_MB;
  }

  private refresh(document: LineDocument): void {
    if (document.complete || this.oversized(document)) this.queuePublish(document.uri);
    else this.startScan(document);
  }

  private startScan(document: LineDocument): void {
    if (this.scans.has(document.uri)) return;
    const scan = this.scanToEnd(document).finally(() => this.scans.delete(document.uri));
    this.scans.set(document.uri, scan);
  }

  private async scanToEnd(document: LineDocument): Promise<void> {
    const started = Date.now();
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      while (this.documents.get(document.uri) === document && !document.complete && !this.oversized(document)) {
        const chunkStarted = Date.now();
        do document.scanMore(CHUNK_LINES);
        while (!document.complete && Date.now() - chunkStarted < CHUNK_MS);
        if (document.complete) break;
        if (progress === undefined && this.progressSupported && Date.now() - started > PROGRESS_AFTER_MS) progress = await this.beginProgress();
        progress?.report(Math.floor((100 * document.scanned) / Math.max(1, document.lineCount)));
        await nextTurn();
      }
    } finally {
      progress?.done();
    }
    if (document.failures > 0) {
      this.connection.console.error(`${document.failures} lines of ${document.uri} could not be checked (a bug in smtp-status; please report it)`);
      document.failures = 0;
    }
    this.queuePublish(document.uri);
  }

  /** Work-done progress for a long scan; a client that refuses it just gets none. */
  private async beginProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    try {
      const progress = await this.connection.window.createWorkDoneProgress();
      progress.begin('smtp-status', 0, 'Checking status codes', false);
      return progress;
    } catch {
      this.progressSupported = false;
      return undefined;
    }
  }

  /** Publishes once per turn of the event loop, however many edits arrived in it. */
  private queuePublish(uri: string): void {
    if (this.publishQueued.has(uri)) return;
    this.publishQueued.add(uri);
    setImmediate(() => {
      this.publishQueued.delete(uri);
      this.publish(uri);
    });
  }

  private publish(uri: string): void {
    const document = this.documents.get(uri);
    if (document === undefined || !this.settingsLoaded) return;
    const { maxProblems } = this.settingsValue.core;
    if (this.oversized(document)) {
      const megabytes = (document.size / BYTES_PER_MB).toFixed(1);
      const note = noteDiagnostic(`Not checked: this document is ${megabytes} MB, above smtpStatus.maxFileSizeMB (${this.settingsValue.maxFileSizeMB}).`);
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [note] });
    } else if (document.complete) {
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: documentDiagnostics(document, maxProblems) });
    } else {
      this.startScan(document);
    }
  }
}
