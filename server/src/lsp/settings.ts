// The server's settings: the core's (rule severities, vendors, problem cap) parsed by the
// service, plus the two that only the editor integration needs.
import { DEFAULT_SETTINGS, parseSettings } from '../service';
import type { Settings } from '../service/types';
import { isRecord } from './guard';

export const SETTINGS_SECTION = 'smtpStatus';

export interface ServerSettings {
  readonly core: Settings;
  /** Registry titles shown after enhanced codes. */
  readonly inlayHints: boolean;
  /** Documents larger than this are not analysed. */
  readonly maxFileSizeMB: number;
  /** A CodeLens above each message's first line in logs. */
  readonly codeLens: boolean;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = { core: DEFAULT_SETTINGS, inlayHints: false, maxFileSizeMB: 50, codeLens: false };

/**
 * Reads the `smtpStatus` section as an editor sends it. A bad value keeps its default and
 * yields one warning naming the setting; nothing here throws.
 */
export function readServerSettings(raw: unknown): { settings: ServerSettings; warnings: string[] } {
  const section = isRecord(raw) ? raw : {};
  const { settings: core, warnings } = parseSettings(section);
  let { maxFileSizeMB } = DEFAULT_SERVER_SETTINGS;
  const inlayHints = readSwitch(section, 'inlayHints', DEFAULT_SERVER_SETTINGS.inlayHints, warnings);
  const codeLens = readSwitch(section, 'codeLens', DEFAULT_SERVER_SETTINGS.codeLens, warnings);

  const size = section['maxFileSizeMB'];
  if (size !== undefined && size !== null) {
    if (typeof size === 'number' && Number.isFinite(size) && size > 0) maxFileSizeMB = size;
    else warnings.push(`${SETTINGS_SECTION}.maxFileSizeMB must be a positive number (got ${JSON.stringify(size)})`);
  }

  if (raw !== undefined && raw !== null && !isRecord(raw)) warnings.push(`${SETTINGS_SECTION} must be an object`);
  return { settings: { core, inlayHints, maxFileSizeMB, codeLens }, warnings };
}

/** `name: { enabled }` as editors nest it; a bare boolean is read the same way. */
function readSwitch(section: Record<string, unknown>, name: string, fallback: boolean, warnings: string[]): boolean {
  const value = section[name];
  const enabled = isRecord(value) ? value['enabled'] : value;
  if (enabled === undefined || enabled === null) return fallback;
  if (typeof enabled === 'boolean') return enabled;
  warnings.push(`${SETTINGS_SECTION}.${name}.enabled must be true or false (got ${JSON.stringify(enabled)})`);
  return fallback;
}
