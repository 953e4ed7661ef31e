import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One entry of a newc cpio archive. */
export type CpioEntry =
  | { type: 'dir'; path: string; mode?: number }
  | { type: 'file'; path: string; data: Uint8Array; mode?: number }
  | { type: 'symlink'; path: string; target: string }
  | { type: 'char'; path: string; major: number; minor: number; mode?: number };

const hex = (n: number) => n.toString(16).padStart(8, '0');
const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** Writes a newc ("070701") cpio archive, the format the kernel unpacks as an initramfs. */
export function writeCpio(entries: CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let ino = 1;
  const push = (e: { name: string; mode: number; data: Uint8Array; rdev?: [number, number] }) => {
    const name = Buffer.from(`${e.name}\0`);
    const header =
      '070701' +
      [ino++, e.mode, 0, 0, 1, 0, e.data.length, 0, 0, e.rdev?.[0] ?? 0, e.rdev?.[1] ?? 0, name.length, 0].map(hex).join('');
    parts.push(Buffer.from(header, 'ascii'), name, Buffer.alloc(pad4(110 + name.length)), Buffer.from(e.data), Buffer.alloc(pad4(e.data.length)));
  };
  for (const e of entries) {
    if (e.type === 'dir') push({ name: e.path, mode: 0o040000 | (e.mode ?? 0o755), data: new Uint8Array() });
    else if (e.type === 'file') push({ name: e.path, mode: 0o100000 | (e.mode ?? 0o644), data: e.data });
    else if (e.type === 'symlink') push({ name: e.path, mode: 0o120777, data: Buffer.from(e.target) });
    else push({ name: e.path, mode: 0o020000 | (e.mode ?? 0o600), data: new Uint8Array(), rdev: [e.major, e.minor] });
  }
  push({ name: 'TRAILER!!!', mode: 0, data: new Uint8Array() });
  return Buffer.concat(parts);
}

async function findDeb(dirs: string[], pattern: RegExp): Promise<string | undefined> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const hit = names.filter((n) => pattern.test(n)).sort().pop();
    if (hit) return join(dir, hit);
  }
  return undefined;
}

async function extract(deb: string, member: string, into: string): Promise<void> {
  await mkdir(into, { recursive: true });
  await run('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" --wildcards "$3"', 'sh', deb, into, member]);
}

/** Where the guest's kernel and busybox come from, for the report. */
export interface GuestImage {
  kernel: string;
  initrd: string;
  cmdline: string;
  /** The line the guest prints on its serial console once its init runs. */
  marker: string;
  sources: string[];
}

/**
 * Builds a tiny guest from Debian's packages on this machine: the kernel from /boot or a
 * `linux-image-*` package, and an initramfs with busybox (static, or dynamic with the host's
 * libraries) whose init prints a marker on the serial console and idles.
 * Packages are looked up in `ACCORDS_TEST_GUEST_DEBS` (filled by scripts/test-all.sh), then apt's cache.
 */
export async function buildGuestImage(dir: string): Promise<GuestImage> {
  const debDirs = [process.env.ACCORDS_TEST_GUEST_DEBS ?? '', '/var/cache/apt/archives'].filter(Boolean);
  const sources: string[] = [];
  let kernel: string | undefined;
  const boot = (await readdir('/boot').catch(() => [] as string[])).filter((n) => n.startsWith('vmlinuz-')).sort().pop();
  if (boot) {
    kernel = join(dir, 'vmlinuz');
    await writeFile(kernel, await readFile(join('/boot', boot)));
    sources.push(`/boot/${boot}`);
  } else {
    const deb = await findDeb(debDirs, /^linux-image-[0-9].*-(cloud-)?amd64_.*\.deb$/);
    if (!deb) throw new Error(`no kernel: neither /boot/vmlinuz-* nor a linux-image-*.deb in ${debDirs.join(', ')}`);
    await extract(deb, './boot/vmlinuz-*', join(dir, 'k'));
    const name = (await readdir(join(dir, 'k', 'boot'))).find((n) => n.startsWith('vmlinuz-'))!;
    kernel = join(dir, 'k', 'boot', name);
    sources.push(deb);
  }
  const staticDeb = await findDeb(debDirs, /^busybox-static_.*\.deb$/);
  const dynamicDeb = staticDeb ? undefined : await findDeb(debDirs, /^busybox_.*\.deb$/);
  const busyboxDeb = staticDeb ?? dynamicDeb;
  let busybox: string;
  if (busyboxDeb) {
    await extract(busyboxDeb, './bin/busybox', join(dir, 'bb'));
    busybox = join(dir, 'bb', 'bin', 'busybox');
    sources.push(busyboxDeb);
  } else {
    busybox = '/bin/busybox';
    sources.push(busybox);
  }
  const marker = 'ACCORDS-GUEST-UP';
  const init = [
    '#!/bin/busybox sh',
    '/bin/busybox mount -t proc proc /proc',
    `/bin/busybox echo "${marker} kernel=$(/bin/busybox uname -r) cpus=$(/bin/busybox grep -c ^processor /proc/cpuinfo)"`,
    'while :; do /bin/busybox sleep 60; done',
    '',
  ].join('\n');
  const entries: CpioEntry[] = [
    { type: 'dir', path: 'bin' },
    { type: 'dir', path: 'dev' },
    { type: 'dir', path: 'proc' },
    { type: 'char', path: 'dev/console', major: 5, minor: 1 },
    { type: 'file', path: 'bin/busybox', data: await readFile(busybox), mode: 0o755 },
    { type: 'symlink', path: 'bin/sh', target: 'busybox' },
    { type: 'file', path: 'init', data: Buffer.from(init), mode: 0o755 },
  ];
  if (!staticDeb) {
    // A dynamic busybox needs its loader and libraries from the host.
    const { stdout } = await run('ldd', [busybox]);
    const libs = [...stdout.matchAll(/(\/\S+\.so[.\d]*)/g)].map((m) => m[1]!);
    const dirs = new Set<string>();
    for (const lib of libs) for (let d = lib.slice(0, lib.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d.slice(1));
    for (const d of [...dirs].sort()) entries.push({ type: 'dir', path: d });
    for (const lib of libs) entries.push({ type: 'file', path: lib.slice(1), data: await readFile(lib), mode: 0o755 });
  }
  const initrd = join(dir, 'initrd.cpio');
  await writeFile(initrd, writeCpio(entries));
  await chmod(kernel, 0o644);
  await chmod(initrd, 0o644);
  return { kernel, initrd, cmdline: 'console=ttyS0 panic=-1 quiet rdinit=/init', marker, sources };
}
