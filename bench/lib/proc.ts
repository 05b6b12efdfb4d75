import { readdirSync, readFileSync } from 'node:fs';

/** One process of a tree, as /proc describes it. */
export interface ProcessInfo {
  pid: number;
  name: string;
  rssBytes: number;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process (or thread) ended between listing and reading
  }
}

/** Direct children of a process, from every thread's `children` file. */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = new Set<number>();
  for (const task of tasks) {
    const text = readText(`/proc/${pid}/task/${task}/children`);
    for (const child of text?.trim().split(/\s+/) ?? []) if (child) children.add(Number(child));
  }
  return [...children];
}

/**
 * A readable name: the program, or for Node the script it runs (Node names its
 * main thread "MainThread", which says nothing).
 */
function nameOf(pid: number, status: string): string {
  const args = (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
  const base = (path: string | undefined) => path?.split('/').at(-1) ?? '';
  const program = base(args[0]);
  if (program === 'node' || program.startsWith('node')) {
    const script = args.slice(1).find((arg) => !arg.startsWith('-'));
    return script ? `node ${base(script)}` : 'node';
  }
  return program || (/^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?');
}

function describe(pid: number): ProcessInfo | undefined {
  const status = readText(`/proc/${pid}/status`);
  if (!status) return undefined;
  const name = nameOf(pid, status);
  const rssKb = Number(/^VmRSS:\s*(\d+)\s*kB$/m.exec(status)?.[1] ?? 0);
  return { pid, name, rssBytes: rssKb * 1024 };
}

/** A process and all its descendants, with their resident set sizes (Linux only). */
export function processTree(root: number): ProcessInfo[] {
  const result: ProcessInfo[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const info = describe(pid);
    if (!info) continue;
    result.push(info);
    queue.push(...childrenOf(pid));
  }
  return result;
}

export interface RssSample {
  /** ms since the sampler started. */
  t: number;
  totalBytes: number;
  /** RSS by process name (node, pagefind, …), summed over processes with that name. */
  byName: Record<string, number>;
}

/**
 * Polls the RSS of a process tree every `intervalMs` (VmRSS summed over the
 * process and all its descendants). Sums of RSS double-count shared pages, so
 * this is an upper bound on the tree's memory, as the targets want.
 */
export class RssSampler {
  readonly samples: RssSample[] = [];
  /** The last utime + stime seen for each process of the tree. */
  readonly cpuTicks = new Map<number, number>();
  private readonly names = new Map<number, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly root: number;
  private readonly origin: number;

  constructor(root: number, origin: number) {
    this.root = root;
    this.origin = origin;
  }

  start(intervalMs = 50): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  sample(): void {
    const tree = processTree(this.root);
    if (tree.length === 0) return;
    const byName: Record<string, number> = {};
    let totalBytes = 0;
    for (const info of tree) {
      const ticks = processCpuTicks(info.pid);
      if (ticks !== undefined) this.cpuTicks.set(info.pid, ticks);
      // A process caught mid-exec has its parent's name for a moment: keep the most specific one seen.
      if ((this.names.get(info.pid)?.length ?? 0) < info.name.length) this.names.set(info.pid, info.name);
      totalBytes += info.rssBytes;
      byName[info.name] = (byName[info.name] ?? 0) + info.rssBytes;
    }
    this.samples.push({ t: performance.now() - this.origin, totalBytes, byName });
  }

  peak(from = 0, to = Infinity): RssSample | undefined {
    let best: RssSample | undefined;
    for (const sample of this.samples) {
      if (sample.t < from || sample.t > to) continue;
      if (!best || sample.totalBytes > best.totalBytes) best = sample;
    }
    return best;
  }

  /** CPU time of the tree so far (each process as last seen: up to one interval of a process's last work is missed). */
  cpuMs(): number {
    let ticks = 0;
    for (const value of this.cpuTicks.values()) ticks += value;
    return ticks * TICK_MS;
  }

  /** CPU time by process name (as cpuMs). */
  cpuMsByName(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [pid, ticks] of this.cpuTicks) {
      const name = this.names.get(pid) ?? '?';
      result[name] = (result[name] ?? 0) + ticks * TICK_MS;
    }
    return result;
  }
}

/** Busy and total CPU ticks of the whole machine since boot (/proc/stat). */
export function systemCpuTicks(): { busy: number; total: number } {
  const line = (readText('/proc/stat') ?? '').split('\n')[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** utime + stime of one process, in clock ticks (USER_HZ, 100 a second on Linux). */
export function processCpuTicks(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name is in parentheses and may hold spaces: fields start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

export const TICK_MS = 10;

/**
 * Other heavy work on the machine: builds, test runs, type checks (found by
 * command line), excluding this process's own tree. A benchmark next to one of
 * these measures the contention, not the site.
 */
export function otherHeavyProcesses(ownRoot = process.pid): string[] {
  const own = new Set(processTree(ownRoot).map((info) => info.pid));
  let ppid = process.ppid;
  // npm and the shell that started us are not competitors either.
  for (let i = 0; i < 5 && ppid > 1; i++) {
    own.add(ppid);
    const stat = readText(`/proc/${ppid}/stat`);
    ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : 0;
  }
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || own.has(Number(name))) continue;
    const args = (readText(`/proc/${name}/cmdline`) ?? '').split('\0').filter(Boolean).join(' ');
    if (/astro(\.mjs)? (build|check)|vitest|pagefind_extended|\btsc\b|chromium.*--headless/.test(args)) found.push(`${name}: ${args.slice(0, 100)}`);
  }
  return found;
}
