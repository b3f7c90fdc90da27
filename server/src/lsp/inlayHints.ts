// Inlay hints: the registry title after each enhanced code in the requested lines.
import type { InlayHint } from 'vscode-languageserver/node';
import { registryEntry } from '../service';
import type { LineDocument } from './document';

export function inlayHintsIn(document: LineDocument, firstLine: number, lastLine: number): InlayHint[] {
  const last = Math.min(lastLine, document.lineCount - 1);
  if (firstLine > last) return [];
  const hints: InlayHint[] = [];
  for (let line = Math.max(0, firstLine); line <= last; line++) {
    for (const finding of document.findingsAt(line)) {
      if (finding.kind !== 'enhanced' || finding.enhanced === undefined) continue;
      const { cls, subject, detail } = finding.enhanced;
      // Malformed codes ('5.01.1') get no title: the diagnostic speaks for them.
      if (finding.text !== `${cls}.${subject}.${detail}`) continue;
      const entry = registryEntry(subject, detail);
      if (entry === undefined) continue;
      hints.push({ position: { line, character: finding.end }, label: entry.title, paddingLeft: true });
    }
  }
  return hints;
}
