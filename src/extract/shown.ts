/**
 * What readers see around the headline: the short lines just above and below the title heading
 * (dateline, byline, "Updated …"), before the running text starts.
 */
import type { Block } from "./body.js";
import { findDates } from "./dates.js";
import { similarity, escapeRegExp, AUTHOR_LABEL, AUTHOR_LABEL_COLON, PLAIN_NAME } from "./metadata.js";

/** The blocks of the article header: a few before the title heading and the short ones after it, up to the first paragraph of prose. */
export function headerBlocks(blocks: Block[], title: string | undefined): Block[] {
  if (!title) return [];
  // The title heading outside boilerplate boxes (a related-stories box may repeat it), else anywhere.
  let at = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.text.length > 400) continue;
    if (b.text === title || (/^H[1-3]$/.test(b.tag) && similarity(b.text, title) >= 0.8)) {
      if (at < 0) at = i;
      if (!b.junk) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) return [];
  const out: Block[] = [];
  for (let i = Math.max(0, at - 3); i < at; i++) if (blocks[i].text.length <= 200 && blocks[i].junk !== "nav") out.push(blocks[i]);
  for (let i = at + 1, n = 0; i < blocks.length && n < 12; i++, n++) {
    const b = blocks[i];
    if (b.text.length > 200) {
      if (!b.junk) break;
      continue;
    }
    out.push(b);
  }
  return out;
}

const UPDATED = /\b(?:updated|modified|revised|reviewed|edited)\b/i;
const PUBLISHED = /\b(?:published|posted|written|created|released|on)\b/i;

/**
 * The publication date shown in the header: a date labelled "Published/Posted" first, else the
 * first unlabelled date, else an "Updated" date (the only date readers are shown).
 */
export function shownDate(header: Block[]): { date: string; updated: boolean; all: Set<string> } | undefined {
  let plain: string | undefined;
  let updated: string | undefined;
  const all = new Set<string>();
  for (const b of header) {
    if (!/\d/.test(b.text)) continue;
    for (const d of findDates(b.text)) {
      all.add(d.date);
      // 03/10/2023 (or 03.10.2023, 03-10-2023) reads either way: a declared or permalink date may be the other reading.
      const amb = /^(\d{1,2})([/.-])(\d{1,2})\2/.exec(b.text.slice(d.index, d.index + d.length));
      if (amb && +amb[1] <= 12 && +amb[3] <= 12) {
        const [first, second] = [amb[1].padStart(2, "0"), amb[3].padStart(2, "0")];
        all.add(`${d.date.slice(0, 4)}-${first}-${second}`).add(`${d.date.slice(0, 4)}-${second}-${first}`);
      }
      const before = b.text.slice(Math.max(0, d.index - 30), d.index);
      if (UPDATED.test(before) && !PUBLISHED.test(before.slice(-12))) updated ??= d.date;
      else if (PUBLISHED.test(before)) return { date: d.date, updated: false, all: addAll(all, header) };
      else plain ??= d.date;
    }
  }
  if (plain) return { date: plain, updated: false, all };
  if (updated) return { date: updated, updated: true, all };
  return undefined;
}

function addAll(all: Set<string>, header: Block[]): Set<string> {
  for (const b of header) if (/\d/.test(b.text)) for (const d of findDates(b.text)) all.add(d.date);
  return all;
}

const BY = /^(?:written\s+|posted\s+|words\s+|story\s+|article\s+)?(?:by\b\s*:?\s*|By(?=\p{Lu}))(\S.*)$/iu;

const SECTION_BOX = '[class*="breadcrumb"], [class*="categor"], [class*="terms"], [class*="filter"], label';
const SECTION_LINK = 'a[href*="categor"], a[href*="/tag/"], a[href*="/tags/"], a[href*="topic"]';

/** An author named in the header: "By Name …" (the line may go on with a date or role). */
export function shownByline(header: Block[], clean: (raw: string) => string | undefined, page: Block[] = header): string | undefined {
  const by = byLine(header, clean);
  if (by) return by;
  // A label on its own line ("Written by", "Author") with the name on the next.
  for (let i = 0; i + 1 < header.length; i++) {
    if (!AUTHOR_LABEL.test(header[i].text)) continue;
    const names = namesAfterLabel(header, i, clean);
    if (names) return names;
  }
  // "Name | Role | Date": a dateline that starts with a person's name.
  for (const b of header) {
    if (b.text.length > 100 || !/\d/.test(b.text) || !findDates(b.text).length) continue;
    const first = b.text.split(/\s+[|•·∙—–-]\s+/)[0];
    if (PLAIN_NAME.test(first) && !findDates(first).length) return clean(first);
  }
  // A dateline that goes on with a name: "Dec 19, 2025 · Jane Doe", "Dec 26, 2025 • Jane Doe in Category".
  for (const b of header) {
    if (b.text.length > 100) continue;
    const rest = withoutLeadingDate(b.text);
    const m = rest !== b.text ? NAME_IN_CONTEXT.exec(rest) : null;
    if (m) return clean(m[1]);
  }
  // A dateline on a line of its own with the name on the next: "April 18, 2024" / "Jane Doe".
  for (let i = 0; i + 1 < header.length; i++) {
    const b = header[i];
    if (b.text.length > 40 || withoutLeadingDate(b.text) !== "" || /^H\d$/.test(header[i + 1].tag) || !PLAIN_NAME.test(header[i + 1].text)) continue;
    const name = clean(header[i + 1].text);
    if (name === header[i + 1].text) return name;
  }
  // A name on a line of its own with the dateline on the next: "Stefan" / "March 5, 2026" (one word will do here: a display name).
  for (let i = 0; i + 1 < header.length; i++) {
    const b = header[i];
    const next = header[i + 1].text;
    if (/^H\d$/.test(b.tag) || !(PLAIN_NAME.test(b.text) || /^\p{Lu}\p{Ll}{2,19}$/u.test(b.text)) || next.length > 40 || !findDates(next).length || withoutLeadingDate(next) !== "") continue;
    // A breadcrumb, a category link or a filter label above the dateline names a section, not a person.
    if (b.el.closest(SECTION_BOX) || b.el.querySelector(`${SECTION_LINK}, label, input`) || b.el.closest(SECTION_LINK)) continue;
    // A line that is a link counts when it leads to a person's page ("All Insights" leads back to the listing).
    const link = b.el.tagName.toUpperCase() === "A" ? b.el : b.el.querySelector("a");
    if (link && (link.textContent ?? "").trim() === b.text && !/author|people|profile|team|user|staff|contributor/i.test(link.getAttribute("href") ?? "")) continue;
    // One word is a name only when a bio on the page says so ("Stefan is the founder of …"); alone it may be a link label ("Subscribe").
    if (!PLAIN_NAME.test(b.text) && !page.some((x) => x.text.startsWith(`${b.text} is `) || x.text.startsWith(`${b.text} was `) || x.text.startsWith(`${b.text} has `))) continue;
    const name = clean(b.text);
    if (name === b.text) return name;
  }
  return undefined;
}

/** A "By Name …" line in the header (the line may go on with a date or role). */
export function byLine(header: Block[], clean: (raw: string) => string | undefined): string | undefined {
  for (const b of header) {
    if (b.text.length > 150) continue;
    const m = BY.exec(withoutLeadingDate(b.text));
    if (!m) continue;
    const name = clean(m[1]);
    // Names start with a capital; a short line "by ibby" or "By 3i Global" names a handle or a company.
    if (name && (/^\p{Lu}/u.test(name) || (m[1].length <= 30 && /^[\p{L}\d][\p{L}\d._-]*(?:\s\p{Lu}\p{L}*)?$/u.test(name)))) return name;
    // Too long for a name alone: "By Jane Doe, Director of Operations, Acme - 10+ Years in Moving" is signed with the role.
    if (!name && nameWithRole(m[1])) return m[1];
  }
  return undefined;
}

/** "Jane Doe, Director of Operations, Acme": a name, then a role after the comma, with no date or sentence in it. */
function nameWithRole(text: string): boolean {
  const at = text.indexOf(", ");
  return at > 0 && text.length <= 120 && PLAIN_NAME.test(text.slice(0, at)) && !findDates(text).length && !/[.!?]$|\b(?:is|was|has|and)\b/.test(text.slice(at));
}

const REVIEWED_BY = /^(?:(?:medically|expert|fact[- ]checked\s+and)\s+)?reviewed\s+by\s*:?\s+(?=\p{Lu})/iu;

/** "Reviewed by Jane Doe" in the header: with no person named as the author, the reviewer is the person the page vouches with. */
export function reviewedBy(header: Block[], clean: (raw: string) => string | undefined): string | undefined {
  for (const b of header) {
    if (b.text.length > 150) continue;
    const m = REVIEWED_BY.exec(b.text);
    // "Reviewed by Jane Doe, Trial Attorney at Acme, on <date>": the role goes.
    const name = m ? clean(b.text.slice(m[0].length).replace(ROLE_AFTER_COMMA, "")) : undefined;
    if (name && PLAIN_NAME.test(name)) return name;
  }
  return undefined;
}

const ROLE_AFTER_COMMA = /,\s+\S+\s+\S+\s+\S+.*$/;
const WRITTEN_BY = /^(?:this\s+(?:post|article|story|piece)\s+(?:was\s+)?)?written\s+by\s*:?\s+(?=\p{Lu})/iu;

/** "Written by Jane Doe" anywhere on the page, on a short line of its own (an author box after the article). */
export function writtenBy(blocks: Block[], clean: (raw: string) => string | undefined): string | undefined {
  for (const b of blocks) {
    if (b.text.length > 150 || b.junk === "nav") continue;
    const m = WRITTEN_BY.exec(b.text);
    if (!m) continue;
    const rest = b.text.slice(m[0].length);
    // A line that runs on into a sentence ("…, MD, gastroenterologist, Parkview Health.") is cut to the name and its credentials.
    const name = clean(rest) ?? clean(withCredentials(rest));
    // "Jane Doe, Head of Marketing": a role of several words after the comma goes; "Jane Doe, MD" stays.
    if (name && /^\p{Lu}/u.test(name)) return name.replace(ROLE_AFTER_COMMA, "");
  }
  return undefined;
}

const CREDENTIAL = /^(?:[A-Z][A-Z.-]+|Ph\.?D\.?)$/;
const NAME_CREDENTIALS = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})((?:,\s*(?:[A-Z][A-Z.-]+|Ph\.?D\.?))+)$/u;

/** "Jane Doe, MD, FACS, surgeon at Acme" as "Jane Doe, MD, FACS": the name and the credentials after it. */
function withCredentials(text: string): string {
  const parts = text.split(/\s*,\s*/);
  let n = 1;
  while (n < parts.length && CREDENTIAL.test(parts[n])) n++;
  return parts.slice(0, n).join(", ");
}

/**
 * An author under a label anywhere on the page (an article footer, a sidebar): "Author: Jane Doe", or a label line
 * ("Article by", "Author", "Contributors:") with the name on the next line. A bare "By" or "From" is left to the header.
 */
export function labelledAuthor(blocks: Block[], clean: (raw: string) => string | undefined): string | undefined {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.text.length > 150 || b.junk === "nav" || /^(?:by|from)\b/i.test(b.text)) continue;
    if (AUTHOR_LABEL.test(b.text)) {
      const names = namesAfterLabel(blocks, i, clean);
      if (names) return names;
      continue;
    }
    const colon = AUTHOR_LABEL_COLON.exec(b.text);
    if (!colon || b.text.length - colon[0].length > 100) continue;
    const name = clean(b.text.slice(colon[0].length));
    if (name && PLAIN_NAME.test(name)) return name;
  }
  return undefined;
}

/** The name on the line after the label line `blocks[at]`; after a plural label ("Authors", "Contributors"), every name that follows one a line. */
function namesAfterLabel(blocks: Block[], at: number, clean: (raw: string) => string | undefined): string | undefined {
  const first = blocks[at + 1] && blocks[at + 1].text.length <= 100 ? clean(blocks[at + 1].text) : undefined;
  if (!first || !(PLAIN_NAME.test(first) || NAME_CREDENTIALS.test(first))) return undefined;
  const names = [first];
  if (/s\)?\s*:?$/i.test(blocks[at].text)) {
    for (let j = at + 2; j < blocks.length && names.length < 8; j++) {
      const next = blocks[j].text;
      if (next.length > 100 || !PLAIN_NAME.test(next) || clean(next) !== next) break;
      names.push(next);
    }
  }
  return names.join(", ");
}

/**
 * An author box: a name on a line of its own, then a bio that starts with the name or its first word
 * ("Jane Doe" / "Jane Doe is a freelance travel writer…", "Jane is a…").
 */
export function authorBio(blocks: Block[], clean: (raw: string) => string | undefined): string | undefined {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const b = blocks[i];
    if (b.text.length > 40 || b.junk === "nav" || /^H\d$/.test(b.tag) || !PLAIN_NAME.test(b.text) || !/\p{Ll}/u.test(b.text) || clean(b.text) !== b.text) continue;
    // The box may repeat the name or give a role on a short line before the bio.
    const first = b.text.split(" ")[0];
    const bio = new RegExp(`^(?:${escapeRegExp(b.text)}|${escapeRegExp(first)})(?:,|\\s+(?:is|was|has|writes|covers|joined)\\b)`);
    for (let j = i + 1; j < blocks.length && j <= i + 2; j++) {
      if (blocks[j].text.length > 60) {
        if (bio.test(blocks[j].text)) return b.text;
        break;
      }
    }
  }
  return undefined;
}

const NAME_IN_CONTEXT = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?:\s+(?:in|on behalf of)\s+\S.*)?$/u;
const PUBLISHED_LABEL = /^(?:published|posted)(?:\s+on)?:?\s+/i;

/** "03/01/2017 by Jane Doe", "Dec 4, 2025 · By Jane Doe" and "Published August 7, 2023 by Jane Doe" are bylines after their dateline. */
function withoutLeadingDate(text: string): string {
  const unlabelled = text.replace(PUBLISHED_LABEL, "");
  if (!/^\p{L}{3,9}\.?\s+\d|^\d/u.test(unlabelled)) return text;
  const d = findDates(unlabelled, true)[0];
  return d && d.index === 0 ? unlabelled.slice(d.length).replace(/^[\s|•·∙—–,-]+/, "") : text;
}

/** Boxes whose boilerplate (byline, author box) carries the dateline. */
const BYLINE_BOX = /^class:(?:byline|(?:post-|entry-|about-)?author[a-z-]*)$/;

/** With no date declared or shown by the headline: the first short line of the page that is a date ("Nov 21, 2018", "Posted on …", "Last updated …"). */
export function firstDateLine(blocks: Block[]): string | undefined {
  for (const b of blocks) {
    if ((b.junk && !BYLINE_BOX.test(b.junk)) || b.text.length > 60 || !/\d{4}/.test(b.text)) continue;
    const d = findDates(b.text, true)[0];
    if (d && b.text.length - d.length <= 25 && !b.el.closest("table")) return d.date;
  }
  return undefined;
}

/** A first name alone ("Juliette", from a byline link or twitter:data1) is the short form of a full name the page shows on a line of its own ("Juliette Carreiro"). */
export function fullName(first: string, blocks: Block[]): string | undefined {
  if (!/^\p{Lu}\p{Ll}+$/u.test(first)) return undefined;
  const full = new RegExp(`^${first}\\s+\\p{Lu}[\\p{L}'’-]+$`, "u");
  for (const b of blocks) if (b.text.length <= 40 && b.junk !== "nav" && full.test(b.text)) return b.text;
  return undefined;
}
