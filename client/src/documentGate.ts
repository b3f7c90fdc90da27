// Which documents the language server sees. The extension's own languages, VS Code's `log`
// and the user's extra languages always; plain text, JSON, JSON Lines and CSV documents (files
// and untitled editors alike) only once the core's bounded sniffer finds SMTP in their first
// lines. Every other document of those languages never reaches the server and never starts
// it: it costs one look at its start when opened, and again on edits there until it qualifies.
import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification, type DocumentSelector, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { SNIFF_CHARS, SNIFF_LINES, sniffKind } from '../../server/src/service/sniff';

/** Languages whose documents are read only when their content is about SMTP. */
export const SNIFFED_LANGUAGES: readonly string[] = ['plaintext', 'json', 'jsonc', 'jsonl', 'csv'];
/**
 * Untitled editors of any language are sniffed too: VS Code may guess a language for pasted
 * text (`workbench.editor.languageDetection`), and a pasted session should work whatever it guessed.
 */
const UNTITLED = 'untitled';

/** The start of a document the sniffer reads, without copying more of it than that. */
function head(document: vscode.TextDocument): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; i < Math.min(document.lineCount, SNIFF_LINES) && size < SNIFF_CHARS; i++) {
    const text = document.lineAt(i).text;
    const part = text.length > SNIFF_CHARS - size ? text.slice(0, SNIFF_CHARS - size) : text;
    lines.push(part);
    size += part.length + 1;
  }
  return lines.join('\n');
}

export class DocumentGate {
  /** Documents of a sniffed language found to be about SMTP; they stay in until closed. */
  private readonly admitted = new Set<string>();
  /** Documents the server was told about (didOpen sent, no didClose yet). */
  private readonly open = new Set<string>();

  constructor(private readonly languages: () => readonly string[]) {}

  /**
   * What a language client must select: always read and sniffed languages, and untitled editors.
   * No scheme restriction on languages: the server reads only what the client sends, so virtual
   * file systems work as well as files on disk.
   */
  selector(): DocumentSelector {
    const languages = [...new Set([...this.languages(), ...SNIFFED_LANGUAGES])];
    return [...languages.map((language) => ({ language })), { scheme: UNTITLED }];
  }

  /** Does the server read this document? Sniffs a document of a sniffed language not admitted yet. */
  admits(document: vscode.TextDocument): boolean {
    if (this.languages().includes(document.languageId)) return true;
    if (!SNIFFED_LANGUAGES.includes(document.languageId) && document.uri.scheme !== UNTITLED) return false;
    const key = document.uri.toString();
    if (this.admitted.has(key)) return true;
    if (sniffKind(head(document)) === undefined) return false;
    this.admitted.add(key);
    return true;
  }

  /** Is the server reading this document now? */
  isOpen(uri: vscode.Uri): boolean {
    return this.open.has(uri.toString());
  }

  /** A new server knows no document: the next one is told about each again. */
  serverStopped(): void {
    this.open.clear();
  }

  /** Could this edit make a document not admitted yet qualify? Only an edit in the sniffed window can. */
  mayAdmit(event: vscode.TextDocumentChangeEvent): boolean {
    return !this.isOpen(event.document.uri) && event.contentChanges.some((change) => change.range.start.line < SNIFF_LINES)
      && this.admits(event.document);
  }

  /**
   * Keeps documents the server does not read away from it: no didOpen, didChange or didClose,
   * and no request about them. A document that qualifies by an edit (a transcript pasted
   * into an untitled editor) is opened on the server with its whole text at that edit.
   */
  middleware(client: () => LanguageClient | undefined): Middleware {
    const open = this.open;
    const skip = <T>(uri: vscode.Uri, empty: T, ask: () => T): T => (open.has(uri.toString()) ? ask() : empty);
    return {
      didOpen: async (document, next) => {
        if (!this.admits(document)) return;
        open.add(document.uri.toString());
        await next(document);
      },
      didChange: async (event, next) => {
        const key = event.document.uri.toString();
        if (open.has(key)) return next(event);
        const running = client();
        if (running === undefined || !this.mayAdmit(event)) return;
        open.add(key);
        await running.sendNotification(DidOpenTextDocumentNotification.type, running.code2ProtocolConverter.asOpenTextDocumentParams(event.document));
      },
      didClose: async (document, next) => {
        const key = document.uri.toString();
        this.admitted.delete(key);
        if (open.delete(key)) await next(document);
      },
      provideHover: (document, position, token, next) => skip(document.uri, undefined, () => next(document, position, token)),
      provideCompletionItem: (document, position, context, token, next) => skip(document.uri, undefined, () => next(document, position, context, token)),
      provideCodeActions: (document, range, context, token, next) => skip(document.uri, undefined, () => next(document, range, context, token)),
      provideInlayHints: (document, range, token, next) => skip(document.uri, undefined, () => next(document, range, token)),
      provideDocumentSymbols: (document, token, next) => skip(document.uri, undefined, () => next(document, token)),
      provideFoldingRanges: (document, context, token, next) => skip(document.uri, undefined, () => next(document, context, token)),
    };
  }
}
