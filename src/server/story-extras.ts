import type { Sentence } from "../types/index.js";

/** A timeline event as the timeline stage adds it to `stories[].timeline` (optional field). */
export interface TimelineEvent extends Partial<Sentence> {
  date: string;
  dateEnd?: string;
  text: string;
}

/** A named entity as the NLP stage adds it to `stories[].entities` (optional field). */
export interface EntitySummary {
  name: string;
  type: string;
  variants?: string[];
  count?: number;
  articleIds?: string[];
}

type Esc = (value: unknown) => string;
type Cite = (s: Sentence) => string;

const DAY = 86_400_000;

/** Milliseconds of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD…` date (start of the period), or NaN. */
export function dateMs(date: unknown): number {
  if (typeof date !== "string") return NaN;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date.trim());
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** Valid events only: a date and a text; anything else the stage might add is ignored. */
export function timelineEvents(value: unknown): TimelineEvent[] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is TimelineEvent => !!e && typeof e === "object" && typeof (e as TimelineEvent).date === "string" && typeof (e as TimelineEvent).text === "string");
}

/**
 * The timeline as a picture: an inline SVG axis scaled to the dates, a dot per event (a bar for a
 * date range), each numbered and linked to its line in the list below, which carries the
 * citations. No script and no external asset, so it passes the strict CSP and reads on a phone.
 */
export function timelineHtml(value: unknown, esc: Esc, cite: Cite, idPrefix: string): string {
  const events = timelineEvents(value);
  if (!events.length) return "";
  const list = events
    .map((e, i) => {
      const sentence = typeof e.articleId === "string" && typeof e.start === "number" && typeof e.end === "number" ? cite({ supportingArticleIds: [], ...e } as Sentence) : "";
      const date = e.dateEnd && e.dateEnd !== e.date ? `${e.date} – ${e.dateEnd}` : e.date;
      return `<li id="${idPrefix}-${i + 1}"><time datetime="${esc(e.date)}">${esc(date)}</time> ${esc(e.text.replace(/\s+/g, " ").trim())} ${sentence}</li>`;
    })
    .join("\n");
  return `<h2>Timeline</h2>\n${timelineSvg(events, esc, idPrefix)}\n<ol class="timeline">${list}</ol>`;
}

function timelineSvg(events: TimelineEvent[], esc: Esc, idPrefix: string): string {
  const dated = events.map((e, i) => ({ e, i, from: dateMs(e.date), to: Math.max(dateMs(e.dateEnd), dateMs(e.date)) })).filter((d) => Number.isFinite(d.from));
  if (!dated.length) return "";
  const min = Math.min(...dated.map((d) => d.from));
  const max = Math.max(...dated.map((d) => (Number.isFinite(d.to) ? d.to : d.from)));
  const span = Math.max(max - min, DAY);
  // Narrow on purpose: the picture scales to the page, so a phone shows it at about 0.8× and a desktop (capped by CSS) at 1.3×.
  const W = 400;
  const left = 16;
  const right = W - 16;
  const x = (ms: number) => left + ((ms - min) / span) * (right - left);
  // Markers that would overlap go up a lane; the picture grows taller instead of unreadable.
  const lanes: number[] = [];
  const placed = dated.map((d) => {
    const x1 = x(d.from);
    const x2 = Number.isFinite(d.to) ? x(d.to) : x1;
    let lane = lanes.findIndex((end) => end + 25 <= x1);
    if (lane < 0) lane = lanes.push(-Infinity) - 1;
    lanes[lane] = Math.max(x2, x1);
    return { ...d, x1, x2, lane };
  });
  const laneH = 26;
  const axisY = 16 + lanes.length * laneH;
  const H = axisY + 28;
  // Stems and range bars first, so that no stem crosses a numbered dot drawn in a lower lane.
  const under = placed
    .map((p) => {
      const y = axisY - 14 - p.lane * laneH;
      const bar = p.x2 - p.x1 >= 2 ? `<rect x="${p.x1.toFixed(1)}" y="${axisY - 3}" width="${(p.x2 - p.x1).toFixed(1)}" height="6" rx="3" class="tl-range"/>` : "";
      return `${bar}<line x1="${p.x1.toFixed(1)}" y1="${y + 10}" x2="${p.x1.toFixed(1)}" y2="${axisY}" class="tl-stem"/>`;
    })
    .join("");
  const marks = placed
    .map((p) => {
      const y = axisY - 14 - p.lane * laneH;
      const label = `${p.e.date}${p.e.dateEnd && p.e.dateEnd !== p.e.date ? ` – ${p.e.dateEnd}` : ""}: ${p.e.text.replace(/\s+/g, " ").trim().slice(0, 160)}`;
      return `<a href="#${idPrefix}-${p.i + 1}"><title>${esc(label)}</title><circle cx="${p.x1.toFixed(1)}" cy="${y}" r="11" class="tl-dot"/><text x="${p.x1.toFixed(1)}" y="${y + 4}" class="tl-num">${p.i + 1}</text></a>`;
    })
    .join("");
  const tick = (ms: number, anchor: string) => `<text x="${x(ms).toFixed(1)}" y="${axisY + 20}" text-anchor="${anchor}" class="tl-tick">${esc(new Date(ms).toISOString().slice(0, 10))}</text>`;
  const ticks = max > min ? tick(min, "start") + tick(max, "end") : tick(min, "middle");
  return `<svg class="timeline-svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="Timeline of ${dated.length} dated event${dated.length === 1 ? "" : "s"}" xmlns="http://www.w3.org/2000/svg"><line x1="${left}" y1="${axisY}" x2="${right}" y2="${axisY}" class="tl-axis"/>${under}${marks}${ticks}</svg>`;
}

const GROUPS: Array<[label: string, test: RegExp]> = [
  ["People", /^(person|people|per)$/i],
  ["Places", /^(place|location|loc|gpe|country|city|region)$/i],
  ["Organisations", /^(org|organi[sz]ation)$/i],
];

/** People, places (and organisations) named in the story, most mentioned first, each a search link. */
export function entitiesHtml(value: unknown, esc: Esc, max = 12): string {
  if (!Array.isArray(value) || !value.length) return "";
  const entities = value.filter((e): e is EntitySummary => !!e && typeof e === "object" && typeof (e as EntitySummary).name === "string" && typeof (e as EntitySummary).type === "string");
  return GROUPS.map(([label, test]) => {
    const group = entities.filter((e) => test.test(e.type)).sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
    if (!group.length) return "";
    const items = group.slice(0, max).map((e) => {
      const sources = e.articleIds?.length ? `${e.articleIds.length} article${e.articleIds.length === 1 ? "" : "s"}` : "";
      const aka = e.variants?.filter((v) => v !== e.name).slice(0, 3) ?? [];
      const title = [sources, aka.length ? `also: ${aka.join(", ")}` : ""].filter(Boolean).join(" · ");
      return `<li><a href="/search?q=${encodeURIComponent(e.name)}"${title ? ` title="${esc(title)}"` : ""}>${esc(e.name)}</a>${e.count ? ` <small>${e.count}</small>` : ""}</li>`;
    });
    return `<h2>${label}</h2><ul class="names">${items.join("")}</ul>`;
  }).join("\n");
}
