// Settings as an editor or a config file writes them (the `smtpStatus` section), checked
// one by one: a bad value keeps its default and yields one warning naming the setting.
import { VENDOR_IDS } from '../kb';
import type { RuleId, Settings, SeveritySetting, VendorId } from './types';

export const DEFAULT_SETTINGS: Settings = { severities: {}, vendors: VENDOR_IDS, maxProblems: 1000 };

const SEVERITY_SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSettingsWith(raw: unknown, ruleIds: ReadonlySet<string>): { settings: Settings; warnings: string[] } {
  const warnings: string[] = [];
  const section = isRecord(raw) ? raw : {};
  let maxProblems = DEFAULT_SETTINGS.maxProblems;
  const max = Object.hasOwn(section, 'maxProblems') ? section['maxProblems'] : undefined;
  if (max !== undefined && max !== null) {
    if (typeof max === 'number' && Number.isInteger(max) && max >= 0) maxProblems = max;
    else warnings.push(`smtpStatus.maxProblems must be a whole number of 0 or more (got ${JSON.stringify(max)})`);
  }

  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  const rules = Object.hasOwn(section, 'rules') ? section['rules'] : undefined;
  if (isRecord(rules)) {
    for (const [id, value] of Object.entries(rules)) {
      if (!ruleIds.has(id)) warnings.push(`smtpStatus.rules.${id}: no such rule`);
      else if (typeof value !== 'string' || !SEVERITY_SETTINGS.has(value)) {
        warnings.push(`smtpStatus.rules.${id} must be one of off, hint, information, warning, error (got ${JSON.stringify(value)})`);
      } else severities[id as RuleId] = value as SeveritySetting;
    }
  } else if (rules !== undefined && rules !== null) {
    warnings.push('smtpStatus.rules must be an object of rule ids and severities');
  }

  const vendors = new Set<VendorId>(DEFAULT_SETTINGS.vendors);
  const given = Object.hasOwn(section, 'vendors') ? section['vendors'] : undefined;
  if (isRecord(given)) {
    for (const [name, value] of Object.entries(given)) {
      const vendor = VENDOR_IDS.find((v) => v === name);
      if (vendor === undefined) warnings.push(`smtpStatus.vendors.${name}: no such vendor dictionary`);
      else if (typeof value !== 'boolean') warnings.push(`smtpStatus.vendors.${name} must be true or false`);
      else if (value) vendors.add(vendor);
      else vendors.delete(vendor);
    }
  } else if (given !== undefined && given !== null) {
    warnings.push('smtpStatus.vendors must be an object such as { "microsoft": true }');
  }

  const vendorList = VENDOR_IDS.filter((v) => vendors.has(v));
  const sameVendors = vendorList.length === DEFAULT_SETTINGS.vendors.length && vendorList.every((v, i) => v === DEFAULT_SETTINGS.vendors[i]);
  const settings: Settings = Object.keys(severities).length === 0 && sameVendors && maxProblems === DEFAULT_SETTINGS.maxProblems
    ? DEFAULT_SETTINGS
    : { severities, vendors: sameVendors ? DEFAULT_SETTINGS.vendors : vendorList, maxProblems };
  return { settings, warnings };
}
