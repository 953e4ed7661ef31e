const ALIASES: Record<string, string> = { amd64: 'x86_64', x64: 'x86_64', 'x86-64': 'x86_64', aarch64: 'arm64', arm: 'arm64' };

/** Canonical architecture name (`x86_64` when absent). */
export function canonicalArch(arch: string | undefined): string {
  const a = (arch ?? 'x86_64').toLowerCase();
  return ALIASES[a] ?? a;
}
