/**
 * The progress bar of a batch on a terminal: files done of total, MB, rate and ETA, redrawn in place on
 * stderr at most every RENDER_INTERVAL_MS. Lines printed meanwhile (diagnostics) go above it. Off when
 * stderr is not a terminal or with --quiet: then `log` just writes the line.
 */

/** The shortest time between two redraws. */
const RENDER_INTERVAL_MS = 100;
const BYTES_PER_MB = 1024 * 1024;
const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\x1b[K';

/** Where progress goes: a writable with the terminal's traits (process.stderr). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const mb = (bytes: number): string => (bytes / BYTES_PER_MB).toFixed(1);

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** A progress bar (or its absence: see the module comment). */
export class Progress {
  private files = 0;
  private bytes = 0;
  private total: { files: number; bytes: number } | null = null;
  private readonly started = Date.now();
  private lastRender = 0;
  private shown = false;
  private finished = false;

  constructor(
    private readonly stream: ProgressStream,
    /** Whether to draw the bar at all. */
    readonly enabled: boolean,
  ) {}

  /** Sets the totals once they are known (they are counted while the batch already runs). */
  setTotal(total: { files: number; bytes: number }): void {
    this.total = total;
    this.render(true);
  }

  /** Counts one more file done, of `bytes` bytes. */
  tick(bytes: number): void {
    this.files++;
    this.bytes += bytes;
    this.render(false);
  }

  /** Prints a line above the bar. */
  log(line: string): void {
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.shown = false;
    this.stream.write(line + '\n');
    this.render(true);
  }

  /** Removes the bar for good (totals counted later do not bring it back). */
  finish(): void {
    this.finished = true;
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.shown = false;
  }

  /** The bar's text. */
  line(now = Date.now()): string {
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = this.bytes / seconds;
    const parts: string[] = [];
    if (this.total) {
      const fraction = this.total.bytes > 0 ? Math.min(this.bytes / this.total.bytes, 1) : 0;
      const filled = Math.round(fraction * BAR_WIDTH);
      const eta = rate > 0 ? (this.total.bytes - this.bytes) / rate : Infinity;
      parts.push(
        `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`,
        `${this.files}/${this.total.files} files`,
        `${mb(this.bytes)}/${mb(this.total.bytes)} MB`,
        `${mb(rate)} MB/s`,
        `ETA ${duration(eta)}`,
      );
    } else parts.push(`${this.files} files`, `${mb(this.bytes)} MB`, `${mb(rate)} MB/s`);
    return parts.join('  ');
  }

  private render(force: boolean): void {
    if (!this.enabled || this.finished) return;
    const now = Date.now();
    if (!force && now - this.lastRender < RENDER_INTERVAL_MS) return;
    this.lastRender = now;
    this.stream.write(CLEAR_LINE + this.line(now));
    this.shown = true;
  }
}
