import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One process per PGlite data directory: two PGlite instances on one directory each keep their own
 * view and silently lose each other's confirmed writes. The lock is a file in the data directory
 * naming its holder (pid, host, start time, command); it is created atomically (a complete file is
 * hard-linked into place, so nobody ever reads a half-written lock).
 */
export const LOCK_FILE = 'zjtx.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    message: string,
    readonly holder: LockHolder | null,
    readonly lockFile: string,
  ) {
    super(message);
  }
}

export interface DataDirLock {
  file: string;
  holder: LockHolder;
  release(): void;
}

/** Locks held by this process: a lock naming our own pid that is not in here is left from an earlier life (a container's pid 1). */
const held = new Map<string, LockHolder>();

process.once('exit', () => {
  for (const [file, holder] of held) releaseFile(file, holder);
});

function shanghaiTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'medium',
    hour12: false,
  }).format(date);
}

function describe(holder: LockHolder): string {
  return `进程号 ${holder.pid}，主机 ${holder.host}，命令 ${holder.command || '未知'}，启动于 ${shanghaiTime(holder.startedAt)}`;
}

function readHolder(file: string): LockHolder | null | 'absent' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const value = JSON.parse(text) as LockHolder;
    if (Number.isInteger(value.pid) && typeof value.host === 'string') return value;
  } catch {}
  return null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sameHolder(a: LockHolder | null | 'absent', b: LockHolder): boolean {
  return typeof a === 'object' && a !== null && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
}

function releaseFile(file: string, holder: LockHolder): void {
  held.delete(file);
  // Only our own lock: never remove one a successor has taken over.
  if (!sameHolder(readHolder(file), holder)) return;
  try {
    unlinkSync(file);
  } catch {}
}

/** A lock that is provably left behind: same host, and its process is gone (or it is our pid from an earlier life). */
function isStale(holder: LockHolder, file: string): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(file);
  return !isAlive(holder.pid);
}

/**
 * Takes the data directory's lock or throws DataDirLockedError naming the holder. A stale lock
 * (same host, process gone) is taken over; a lock from another host is never guessed at.
 */
export function acquireDataDirLock(dataDir: string, command = process.argv.slice(2).join(' ') || 'node'): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  const draft = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, file);
        held.set(file, holder);
        return { file, holder, release: () => releaseFile(file, holder) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(file);
      if (current === 'absent') continue;
      if (current === null) {
        throw new DataDirLockedError(
          `数据目录 ${dataDir} 的锁文件 ${file} 无法识别。如确认没有 zjtx 进程在使用该目录，请手动删除该文件后重试。`,
          null,
          file,
        );
      }
      if (!isStale(current, file)) {
        const otherHost = current.host !== hostname();
        throw new DataDirLockedError(
          otherHost
            ? `数据目录 ${dataDir} 正被另一台主机上的 zjtx 进程使用（${describe(current)}）。同一数据目录只能由一个进程打开。如确认该进程已不再运行，请手动删除锁文件 ${file} 后重试。`
            : `数据目录 ${dataDir} 正被另一个 zjtx 进程使用（${describe(current)}）。同一数据目录只能由一个进程打开：请先停止该进程（运行中的平台可用 npm run backup 备份）。`,
          current,
          file,
        );
      }
      // Stale: move it aside under a name of our own, then make sure we moved the stale one and not a
      // successor's fresh lock (two processes may both have judged it stale).
      const aside = `${file}.${process.pid}.${Date.now()}.stale`;
      try {
        renameSync(file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = readHolder(aside);
      if (typeof moved === 'object' && moved !== null && !isStale(moved, file)) {
        try {
          linkSync(aside, file);
        } catch {}
      }
      try {
        unlinkSync(aside);
      } catch {}
    }
    throw new DataDirLockedError(`数据目录 ${dataDir} 的锁无法取得（多个进程同时启动），请稍后重试。`, null, file);
  } finally {
    try {
      unlinkSync(draft);
    } catch {}
  }
}

/** The lock's holder as written in the file, if any (for the backup command's message). */
export function readDataDirLock(dataDir: string): LockHolder | null {
  const current = readHolder(path.join(dataDir, LOCK_FILE));
  return typeof current === 'object' ? current : null;
}
