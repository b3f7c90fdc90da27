// The benchmark's floor: a `vscode-languageserver` server that does nothing but what every
// server must do (keep the document in sync incrementally, publish diagnostics on open and
// change, answer hover). Our server is measured against it; whatever it costs, ours must too.
// Run: node out/test/bench/floor-server.js --stdio
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
  },
}));

// Fires on open as well as on every change.
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
connection.onHover(() => null);

documents.listen(connection);
connection.listen();
