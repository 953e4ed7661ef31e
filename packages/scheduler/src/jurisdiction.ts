/** EU member states (ISO 3166 alpha-2). */
export const EU_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV',
  'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];
/** The EEA: the EU plus Iceland, Liechtenstein and Norway. */
export const EEA_COUNTRIES: readonly string[] = [...EU_COUNTRIES, 'IS', 'LI', 'NO'];

const GROUPS: Record<string, readonly string[]> = { EU: EU_COUNTRIES, EEA: EEA_COUNTRIES };

/** Expands jurisdiction groups (`EU`, `EEA`) into country codes, upper-cased. */
export function expandJurisdictions(codes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of codes) {
    const code = raw.toUpperCase();
    for (const c of GROUPS[code] ?? [code]) out.add(c);
  }
  return out;
}
