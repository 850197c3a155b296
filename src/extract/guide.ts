/**
 * Many publishers embed the article text in JSON-LD `articleBody`. It is often flattened (no
 * paragraphs, headings or lists) and sometimes truncated, so it is not the output; it is a guide:
 * when the chosen container disagrees with it, the page's own blocks that it vouches for are kept.
 */
import { blocksText, type Block, type BodyOptions, type BodyResult } from "./body.js";

const WORD = /[\p{L}\p{N}]+/gu;

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [w, c] of a) n += Math.min(c, b.get(w) ?? 0);
  return n;
}

function size(m: Map<string, number>): number {
  let n = 0;
  for (const c of m.values()) n += c;
  return n;
}

/** Share of a block's words found in the guide text. */
function support(text: string, guide: Map<string, number>): number {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (!words.length) return 0;
  let hit = 0;
  for (const w of words) if (guide.has(w)) hit++;
  return hit / words.length;
}

export function guideByArticleBody(body: BodyResult | undefined, articleBody: string, opts: BodyOptions): BodyResult | undefined {
  if (!body?.blocks || articleBody.length < 500) return undefined;
  const guide = bag(articleBody);
  const got = bag(body.text);
  const common = overlap(got, guide);
  const recall = common / Math.max(1, size(guide));
  const precision = common / Math.max(1, size(got));
  // Only when the body misses most of what the publisher declares: articleBody is often a truncated teaser, so extra text is no evidence.
  if (recall >= 0.6) return undefined;
  // Blocks the guide vouches for: most of their words occur in it. Keep the run from the first to the last such block.
  const vouched = body.blocks.map((b) => !b.junk && b.text.length >= 20 && support(b.text, guide) >= 0.9);
  const first = vouched.indexOf(true);
  const last = vouched.lastIndexOf(true);
  if (first < 0) return undefined;
  const span = body.blocks.slice(first, last + 1).filter((b, i) => vouched[first + i] || (b.text.length < 120 && support(b.text, guide) >= 0.5));
  const text = blocksText(span, opts);
  const g = bag(text);
  const c2 = overlap(g, guide);
  const r2 = c2 / Math.max(1, size(guide));
  const p2 = c2 / Math.max(1, size(g));
  if (2 * r2 * p2 / Math.max(1e-9, r2 + p2) <= 2 * recall * precision / Math.max(1e-9, recall + precision) + 0.05) return undefined;
  return { ...body, text, strategy: "blocks+json-ld-guide" };
}
