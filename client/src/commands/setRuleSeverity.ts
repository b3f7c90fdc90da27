// Run by the server's "change severity" code actions: writes `smtpStatus.rules.<ruleId>`
// to the workspace settings (user settings when no folder is open).
import * as vscode from 'vscode';

const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];

export async function setRuleSeverity(ruleId: unknown, severity: unknown): Promise<void> {
  const known = vscode.workspace.getConfiguration('smtpStatus.rules').has(String(ruleId));
  if (typeof ruleId !== 'string' || !known || typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
    void vscode.window.showErrorMessage(`SMTP Status: cannot set rule "${String(ruleId)}" to "${String(severity)}".`);
    return;
  }
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('smtpStatus.rules').update(ruleId, severity, target);
}
