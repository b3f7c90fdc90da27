// SARIF 2.1.0 output for `check --format sarif`, in the shape GitHub code scanning accepts:
// one run, the rules in tool.driver.rules, one result per problem with a physical location.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../service';
import type { Problem, Severity } from '../service/types';

export interface FileProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The file as given: relative stays relative (to the checkout), absolute becomes `file://`. */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return encodeURI(file.replace(/\\/g, '/').replace(/^\.\//, ''));
}

export function toSarif(files: readonly FileProblems[]): object {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'smtp-status',
          rules: RULES.map((rule) => ({
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.description },
            helpUri: rule.href,
            defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : LEVELS[rule.defaultSeverity] },
          })),
        },
      },
      results: files.flatMap(({ file, problems }) => problems.map((p) => ({
        ruleId: p.rule,
        ruleIndex: ruleIndex.get(p.rule),
        level: LEVELS[p.severity],
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(file) },
            region: { startLine: p.line + 1, startColumn: p.start + 1, endColumn: p.end + 1 },
          },
        }],
      }))),
    }],
  };
}
