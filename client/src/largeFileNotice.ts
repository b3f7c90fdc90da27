// Says so when a log is too big to be checked in the editor, instead of staying silent: VS Code
// hands extensions no file over 50 MB (its tab opens, but no document reaches us), and documents
// over smtpStatus.maxFileSizeMB are not checked. Each file is named once per session, with the
// actions that still work on it.
import * as vscode from 'vscode';

/** VS Code does not synchronise files above this size with extensions. */
const SYNC_LIMIT_MB = 50;
const MB = 1024 * 1024;
/** Files worth a notice when VS Code keeps them from us: the extension's log names, and `.log`, maybe rotated or compressed. */
const LOG_NAME = /(?:^|[/\\])(?:mail\.(?:log|err|warn|info)|maillog|mainlog|rejectlog|paniclog)(?:[.-]\d{1,8})?(?:\.gz)?$|\.(?:log|maillog)(?:\.\d{1,8})?(?:\.gz)?$/i;

export interface LargeFileActions {
  openPart(file: vscode.Uri): unknown;
  summarize(file: vscode.Uri): unknown;
}

export class LargeFileNotice implements vscode.Disposable {
  private readonly told = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly actions: LargeFileActions, private readonly wants: (document: vscode.TextDocument) => boolean) {
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(({ opened, changed }) => [...opened, ...changed].forEach((tab) => void this.checkTab(tab))),
      vscode.workspace.onDidOpenTextDocument((document) => void this.checkDocument(document)),
    ];
    vscode.window.tabGroups.all.forEach((group) => group.tabs.forEach((tab) => void this.checkTab(tab)));
  }

  /** A file tab with no document behind it: VS Code kept a big file from extensions. */
  private async checkTab(tab: vscode.Tab): Promise<void> {
    const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
    if (uri === undefined || uri.scheme !== 'file' || !LOG_NAME.test(uri.path)) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const megabytes = await sizeMB(uri);
    if (megabytes !== undefined && megabytes > SYNC_LIMIT_MB) {
      await this.tell(uri, `${name(uri)} is ${megabytes.toFixed(0)} MB: VS Code passes no file over ${SYNC_LIMIT_MB} MB to extensions, so SMTP Status cannot check it in the editor.`);
    }
  }

  private async checkDocument(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== 'file' || !this.wants(document)) return;
    const limit = vscode.workspace.getConfiguration('smtpStatus').get<number>('maxFileSizeMB', SYNC_LIMIT_MB);
    const megabytes = await sizeMB(document.uri);
    if (megabytes !== undefined && megabytes > limit) {
      await this.tell(document.uri, `${name(document.uri)} is ${megabytes.toFixed(0)} MB, above smtpStatus.maxFileSizeMB (${limit}), so it is not checked.`, true);
    }
  }

  private async tell(uri: vscode.Uri, message: string, canRaiseLimit = false): Promise<void> {
    if (this.told.has(uri.toString())) return;
    this.told.add(uri.toString());
    const choices = ['Open Part of It...', 'Summarise Whole File', ...(canRaiseLimit ? ['Change Limit'] : [])];
    const choice = await vscode.window.showWarningMessage(message, ...choices);
    try {
      if (choice === choices[0]) await this.actions.openPart(uri);
      else if (choice === choices[1]) await this.actions.summarize(uri);
      else if (choice === 'Change Limit') await vscode.commands.executeCommand('workbench.action.openSettings', 'smtpStatus.maxFileSizeMB');
    } catch (error) {
      void vscode.window.showErrorMessage(`SMTP Status: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

const name = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? uri.fsPath;

async function sizeMB(uri: vscode.Uri): Promise<number | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).size / MB;
  } catch {
    return undefined;
  }
}
