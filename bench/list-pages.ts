// Lists and reports at 1 000 and at 100 000 sessions (issue 14 point 4).
//   npm run bench:lists   (BENCH_SMALL / BENCH_LARGE: the two scales; BENCH_PG_PORT: the first of two ports)
// Starts one throwaway embedded PostgreSQL per scale (.data/bench-lists-<N>), each with a worker that generates its data
// (bench/list-pages-worker.ts), then times every page on both, alternating: a few runs at one scale, the same at the other,
// until each scale has had at least RUNS runs and MIN_SECONDS of them. Both scales so see the same machine in the same
// minutes, and the p95 ratio measures the scale, not what else the machine did while one of them ran. Target ≤ 1.5×.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createInterface } from "node:readline";

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const MIN_SECONDS = Number(process.env.BENCH_MIN_SECONDS ?? 2);
const BATCH = 5; // runs per turn: short enough that both scales share each second of the machine
const TARGET = 1.5;
const SMALL = Number(process.env.BENCH_SMALL ?? 1000);
const LARGE = Number(process.env.BENCH_LARGE ?? 100000);
const PORT = Number(process.env.BENCH_PG_PORT ?? 54424);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

type Worker = { n: number; proc: ChildProcess; ready: Promise<string[]>; next: () => Promise<string> };

function startWorker(n: number, port: number, explain: boolean): Worker {
  const dir = `.data/bench-lists-${n}`;
  fs.rmSync(dir, { recursive: true, force: true });
  const proc = spawn("npx", ["tsx", "scripts/with-db.ts", "prisma migrate deploy >/dev/null && tsx --conditions=react-server bench/list-pages-worker.ts"], {
    env: { ...process.env, DATABASE_URL: "", BENCH_SESSIONS: String(n), BENCH_EXPLAIN: explain ? "1" : "", PG_DATA_DIR: dir, PG_PORT: String(port) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const answers: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let onReady: (names: string[]) => void;
  const ready = new Promise<string[]>((resolve, reject) => {
    onReady = resolve;
    proc.on("exit", (code) => reject(new Error(`the ${n}-session worker stopped (${code})`)));
  });
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    if (line.startsWith("@@ready ")) onReady(line.slice(8).split(" ").map(decodeURIComponent));
    else if (line.startsWith("@@times ")) (waiting.shift() ?? ((l: string) => answers.push(l)))(line);
    else console.log(`[${n.toLocaleString("en-US")}] ${line}`);
  });
  const next = () => new Promise<string>((resolve) => (answers.length ? resolve(answers.shift()!) : waiting.push(resolve)));
  return { n, proc, ready, next };
}

/** `runs` runs of case `i` on one worker: their times (ms) and the rows the page showed. */
async function time(w: Worker, i: number, runs: number): Promise<{ times: number[]; rows: number }> {
  w.proc.stdin!.write(`${i} ${runs}\n`);
  const [, , rows, times] = (await w.next()).split(" ");
  return { rows: Number(rows), times: times.split(",").map(Number) };
}

const small = startWorker(SMALL, PORT, false),
  large = startWorker(LARGE, PORT + 1, true);
try {
  const [names] = await Promise.all([small.ready, large.ready]);
  console.log(
    `\nList and report pages at ${SMALL.toLocaleString("en-US")} and ${LARGE.toLocaleString("en-US")} sessions, timed alternately ${BATCH} runs at a time (at least ${RUNS} runs and ${MIN_SECONDS} s per scale, after 3 warm-up runs), p95 ratio (target ≤ ${TARGET}×)`,
  );
  let met = 0,
    compared = names.length;
  for (const [i, name] of names.entries()) {
    const at = [small, large].map(() => ({ times: [] as number[], ms: 0, rows: 0 }));
    for (const w of [small, large]) await time(w, i, 3);
    while (at.some((a) => a.times.length < RUNS || (a.ms < MIN_SECONDS * 1000 && a.times.length < 5000)))
      for (const [k, w] of [small, large].entries()) {
        const r = await time(w, i, BATCH);
        at[k].times.push(...r.times);
        at[k].ms += r.times.reduce((a, b) => a + b, 0);
        at[k].rows = r.rows;
      }
    const [a, b] = at.map((x) => ({ p50: pct(x.times, 50), p95: pct(x.times, 95), rows: x.rows, runs: x.times.length }));
    const ratio = b.p95 / a.p95;
    // A page under 2 ms at both scales is flat whatever its ratio of two tiny numbers says.
    const ok = ratio <= TARGET || b.p95 < 2;
    // An empty page against a full one measures the rows shown, not the scale: printed, not counted either way.
    const empty = a.rows === 0 && b.rows > 0;
    if (ok) met++;
    else if (empty) compared--;
    console.log(
      `  ${name.padEnd(44)} p50 ${a.p50.toFixed(1).padStart(6)} → ${b.p50.toFixed(1).padStart(6)} ms  p95 ${a.p95.toFixed(1).padStart(6)} → ${b.p95.toFixed(1).padStart(6)} ms  ${ratio.toFixed(2).padStart(5)}×  ${ok ? "met" : empty ? "not comparable" : "NOT MET"}  (${a.rows} / ${b.rows} rows, ${a.runs} / ${b.runs} runs)`,
    );
  }
  console.log(`  ${met} of ${compared} comparable pages met the target.`);
} finally {
  for (const w of [small, large]) w.proc.stdin!.end(); // the worker leaves its loop and with-db stops its PostgreSQL
  await Promise.all([small, large].map((w) => new Promise((resolve) => (w.proc.exitCode !== null ? resolve(null) : w.proc.on("exit", resolve)))));
  for (const n of [SMALL, LARGE]) fs.rmSync(`.data/bench-lists-${n}`, { recursive: true, force: true });
}
