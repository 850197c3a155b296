import type { TimelineEntry } from "../types/index.js";
import { dateRange, lineText } from "./common.js";

const WIDTH = 720;
const ROW = 22;
const TOP = 34;
const LEFT = 12;
const RIGHT = WIDTH - 12;
const DAY_MS = 86_400_000;

/**
 * A story's timeline as an inline SVG chart: one row per entry, a dot for a day, a bar for a
 * week, month, year or range, on a time axis scaled to the entries; the row's label is the date
 * and the start of the line, its tooltip the whole line. Self-contained and escaped.
 */
export function timelineSvg(entries: TimelineEntry[], esc: (s: string) => string, href: (e: TimelineEntry) => string, label: string, muted = false): string {
  if (!entries.length) return "";
  const spans = entries.map((e) => dateRange(e));
  let lo = Math.min(...spans.map((s) => s[0]));
  let hi = Math.max(...spans.map((s) => s[1]));
  if (hi - lo < 10) {
    lo -= 5;
    hi += 5;
  }
  const x = (day: number): number => LEFT + ((day - lo) / (hi - lo)) * (RIGHT - LEFT);
  const height = TOP + entries.length * ROW + 8;
  const color = muted ? "#8a8a8a" : "#1f5fa8";
  const ticks = calendarTicks(lo, hi).map(({ day, label }) => {
    const tx = x(day);
    const anchor = tx < LEFT + 30 ? "start" : tx > RIGHT - 30 ? "end" : "middle";
    return `<line x1="${tx.toFixed(1)}" y1="18" x2="${tx.toFixed(1)}" y2="${height - 4}" class="grid"/><text x="${tx.toFixed(1)}" y="12" text-anchor="${anchor}" class="tick">${esc(label)}</text>`;
  });
  const rows = entries.map((e, i) => {
    const [a, b] = spans[i];
    const y = TOP + i * ROW;
    const x1 = x(a);
    const x2 = Math.max(Math.min(x(b + 1), RIGHT), x1 + 3);
    const side = labelSide(x1, x2);
    const mark = b - a < 1 ? `<circle cx="${x1.toFixed(1)}" cy="${y}" r="5" fill="${color}"/>` : `<rect x="${x1.toFixed(1)}" y="${y - 5}" width="${(x2 - x1).toFixed(1)}" height="10" rx="3" fill="${color}" fill-opacity="${side === "over" ? 0.2 : 0.55}"/>`;
    const leftSide = side === "left";
    const tx = leftSide ? x1 - 9 : side === "right" ? x2 + 9 : x1 + 6;
    const room = Math.max(12, Math.floor((leftSide ? tx - LEFT : RIGHT - tx) / 7) - e.date.length - 2);
    const line = lineText(e);
    const snippet = line.length > room ? line.slice(0, room - 1).trimEnd() + "…" : line;
    return `<a href="${esc(href(e))}"><g class="row"><title>${esc(`${e.date}${e.dateEnd ? ` to ${e.dateEnd}` : ""}: ${line}`)}</title>${mark}<text x="${tx.toFixed(1)}" y="${y + 4}" text-anchor="${leftSide ? "end" : "start"}"><tspan class="date">${esc(e.date)}</tspan> ${esc(snippet)}</text></g></a>`;
  });
  return `<svg class="timeline" role="img" aria-label="${esc(label)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
<style>.tick{font:11px system-ui,sans-serif;fill:#666}.grid{stroke:#e4e4e4}.row text{font:12px system-ui,sans-serif;fill:#222}.date{font-weight:600}a:hover text{fill:#1f5fa8}</style>
${ticks.join("")}
${rows.join("\n")}
</svg>`;
}

/** Room for about 20 characters after the date. */
const MIN_LABEL = 160;

/**
 * Where a row's label goes: beside its mark, on the side with room (the left half's marks to the
 * right), or over a bar too wide to leave room on either side (a year on a chart of that year).
 */
function labelSide(x1: number, x2: number): "left" | "right" | "over" {
  const left = x1 - 9 - LEFT;
  const right = RIGHT - (x2 + 9);
  const preferred = x1 > WIDTH / 2 ? left : right;
  if (preferred >= MIN_LABEL) return x1 > WIDTH / 2 ? "left" : "right";
  if (Math.max(left, right) >= MIN_LABEL) return left > right ? "left" : "right";
  return "over";
}

/**
 * Axis ticks on calendar boundaries inside [lo, hi] (days since 1970-01-01), at most about six:
 * the first of a year, of a month, or a day, each labelled with what begins there, so a month's
 * bar starts at its month's tick.
 */
function calendarTicks(lo: number, hi: number): Array<{ day: number; label: string }> {
  const span = hi - lo;
  const first = new Date(Math.ceil(lo) * DAY_MS);
  const out: Array<{ day: number; label: string }> = [];
  if (span > 8 * 365) {
    const step = niceStep(span / 365 / 5, [1, 2, 5, 10, 20, 25, 50, 100, 200, 500]);
    for (let y = Math.ceil(first.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) / DAY_MS <= hi; y += step) {
      const day = Date.UTC(y, 0, 1) / DAY_MS;
      if (day >= lo) out.push({ day, label: String(y) });
    }
  } else if (span > 90) {
    const step = niceStep(span / 30.4 / 5, [1, 2, 3, 6, 12]);
    for (let m = first.getUTCFullYear() * 12 + first.getUTCMonth(); Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS <= hi; m++) {
      const day = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;
      if (day >= lo && (m % 12) % step === 0) out.push({ day, label: new Date(day * DAY_MS).toISOString().slice(0, step === 12 ? 4 : 7) });
    }
  } else {
    const step = niceStep(span / 5, [1, 2, 7, 14, 28]);
    for (let day = Math.ceil(lo); day <= hi; day += step) out.push({ day, label: new Date(day * DAY_MS).toISOString().slice(0, 10) });
  }
  return out;
}

/** The smallest of `steps` at least `raw`, or the largest. */
function niceStep(raw: number, steps: number[]): number {
  return steps.find((s) => s >= raw) ?? steps[steps.length - 1];
}
