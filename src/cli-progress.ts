/**
 * Progress of long command-line work (backup, restore, seed), written to stderr so that stdout keeps the JSON
 * summary: on a terminal one line redrawn in place with a bar, the count, what is left and the time it should
 * still take; otherwise (a log file, a pipe, CI) plain lines — the start, every tenth of the way, the end.
 */

export interface Progress {
  /** Starts a phase of `total` units of work (null when the total is not known); ends the previous one. */
  phase(label: string, total: number | null): void;
  advance(by?: number): void;
  /** Ends the current phase. */
  finish(): void;
}

export const silentProgress: Progress = {
  phase() {},
  advance() {},
  finish() {},
};

interface Sink {
  write(text: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

export function cliProgress(
  sink: Sink = process.stderr,
  options: { tty?: boolean; now?: () => number } = {},
): Progress {
  const tty = options.tty ?? sink.isTTY === true;
  const now = options.now ?? (() => performance.now());
  let current: { label: string; total: number | null; done: number; started: number; tenth: number } | null =
    null;
  let drawnAt = Number.NEGATIVE_INFINITY;

  function line(): string {
    if (!current) return "";
    const { label, total, done, started } = current;
    if (total === null) return `${label}: ${done}`;
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const left = Math.max(0, total - done);
    const elapsed = now() - started;
    const eta = done > 0 && left > 0 ? `, ~${seconds((elapsed / done) * left)} s left` : "";
    const bar = `${"█".repeat(Math.round(share * BAR_WIDTH))}${"░".repeat(BAR_WIDTH - Math.round(share * BAR_WIDTH))}`;
    return `${label} [${bar}] ${Math.floor(share * 100)}% ${done}/${total}, ${left} to go${eta}`;
  }

  function draw(force = false) {
    if (!tty || !current) return;
    const t = now();
    if (!force && t - drawnAt < REDRAW_MS) return;
    drawnAt = t;
    sink.write(`\r\x1b[2K${line()}`);
  }

  function end() {
    if (!current) return;
    const took = seconds(now() - current.started);
    const count = current.total === null ? `${current.done}` : `${current.done}/${current.total}`;
    if (tty) {
      draw(true);
      sink.write(`\r\x1b[2K${current.label}: done, ${count} in ${took} s\n`);
    } else {
      sink.write(`${current.label}: done, ${count} in ${took} s\n`);
    }
    current = null;
  }

  return {
    phase(label, total) {
      end();
      current = { label, total, done: 0, started: now(), tenth: 0 };
      if (tty) draw(true);
      else sink.write(total === null ? `${label}: started\n` : `${label}: 0/${total}\n`);
    },
    advance(by = 1) {
      if (!current) return;
      current.done += by;
      if (tty) {
        draw();
        return;
      }
      const { total, done } = current;
      if (total === null || total === 0) return;
      const tenth = Math.floor((Math.min(done, total) / total) * 10);
      if (tenth > current.tenth && done < total) {
        current.tenth = tenth;
        const eta = ((now() - current.started) / done) * (total - done);
        sink.write(
          `${current.label}: ${done}/${total} (${tenth * 10}%), ${total - done} to go, ~${seconds(eta)} s\n`,
        );
      }
    },
    finish() {
      end();
    },
  };
}
