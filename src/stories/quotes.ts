/**
 * Direct quotes and their speakers: “…,” Trump said / said Andrew Weiss / Lavrov told reporters: “…”
 * / “…,” he added (the last person named before the quote, unless an unnamed speaker such as "the
 * official said" comes between). Quotes of under three words (scare quotes such as “crazy”) and
 * quotes with no named speaker (“…,” the official said) are left out.
 */
import type { Article, Entity, Quote } from "../types/index.js";
import { findMentions, groupMentions, type Mention } from "./entities.js";

const VERBS = "said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|noted|insisted|declared|stated|continued|recalled|warned|argued|tweeted|replied|responded|announced|stressed|emphasized|emphasised|acknowledged|admitted|conceded|claimed|remarked|complained|quipped|joked";
const PRONOUN = "he|she|He|She";
/** After the quote: `, Trump said` / `, said Andrew Weiss` / `, he added`. */
const AFTER_NAME_VERB = new RegExp(`^[,]?\\s+((?:the\\s+)?[\\p{Lu}][\\p{L}\\p{M}’'.\\- ]{0,80}?|${PRONOUN})\\s+(?:${VERBS})\\b`, "u");
const AFTER_VERB_NAME = new RegExp(`^[,]?\\s+(?:${VERBS})\\s+((?:the\\s+)?[\\p{Lu}][\\p{L}\\p{M}’'.\\- ]{0,80}?)(?=[,.;:!?)]|\\s+(?:on|in|at|after|before|during|who|when|while|as)\\b|\\s*$)`, "u");
/** "“…,” the official said" / "The senior official told": an unnamed speaker opening a clause. */
const UNNAMED_SPEAKER = new RegExp(`(?:^|[.!?]\\s+|["”]\\s*)(?:(?:And|But)\\s+)?(?:[Tt]he|[Aa]n?)\\s+(?:[\\p{L}.-]+\\s+){0,3}?(?!(?:he|she|they|it|we|you)\\b)[\\p{Ll}]+\\s+(?:${VERBS})\\b`, "u");
/** "Gregg Smith, chief strategist at Prudential Securities, said": the name is the subject of a speech verb. */
const APPOSITION_THEN_VERB = new RegExp(`^,[^.;:"“”]{0,120}?,\\s+(?:${VERBS})\\b`, "u");
const APPOSITION_BEFORE = /^,\s+(?:the|a|an)\s+$/;
const OPENING_THE = /^the\s+$/i;
const OBJECT_BEFORE = /\b(?:of|at|in|for|from|with|to|by|on|the|into|near|against|about|than)\s+$/i;
/** A name opening a sentence is its subject ("Lynda Dufour, owner of …, called"), whatever its shape. */
const CLAUSE_START = /(?:^|[.!?]["”]?\s+|\n\s*|\b(?:But|And)\s+)$/;
const SENTENCE_END = /[.!?]["”]?\s/;
/** "said Natasa Kandic", "said engineering manager Mehmet Turkel". */
const VERB_BEFORE = new RegExp(`\\b(?:${VERBS})\\s+(?:(?!that\\b|de\\b)[\\p{Ll}-]+\\s+){0,3}$`, "u");
/** Before the quote: `Lavrov told reporters: ` / `Trump said, `. */
const BEFORE = new RegExp(`([\\p{Lu}][\\p{L}\\p{M}’'.\\- ]{0,80}?|${PRONOUN})\\s+(?:${VERBS})(?:\\s+[\\p{Ll}]+){0,3}\\s*[:,]\\s*$`, "u");

/** The story's attributed quotes, in article order then position. */
export function storyQuotes(articles: readonly Article[], entities: readonly Entity[] = []): Quote[] {
  const out: Quote[] = [];
  const perArticle = articles.filter((a) => !a.duplicateOf).map((a) => ({ article: a, mentions: findMentions(a) }));
  const grouped = groupMentions(perArticle.flatMap((x) => x.mentions), Infinity);
  const nameOf = grouped.nameOf;
  for (const e of entities) for (const v of e.variants) nameOf.set(v, e.name);
  const people = new Set([...grouped.people, ...entities.filter((e) => e.type === "person").map((e) => e.name)]);
  const persons = new Set([...people, ...grouped.lookAlikes]);
  const genders = gendersOf(perArticle.flatMap((x) => x.mentions), nameOf);
  for (const { article, mentions } of perArticle) out.push(...articleQuotes(article, mentions, { nameOf, people, persons, genders }));
  return out;
}

interface Names {
  /** Name variant → entity name. */
  nameOf: Map<string, string>;
  /** Entity names of people: the only antecedents "he" and "she" may take. */
  people: Set<string>;
  /** People and untitled names that look like people's: preferred among the names of a speaker phrase. */
  persons: Set<string>;
  /** "he" or "she" for the names the story's pronouns and titles say it of, and never the other. */
  genders: Map<string, "he" | "she">;
}

/** Entity name → the pronoun its mentions take ("Pinochet … his", "Mrs. Marin"), when they agree. */
function gendersOf(mentions: Mention[], nameOf: Map<string, string>): Map<string, "he" | "she"> {
  const counts = new Map<string, { he: number; she: number }>();
  for (const m of mentions) {
    if (!m.gender) continue;
    const name = nameOf.get(m.text) ?? m.text;
    const c = counts.get(name) ?? { he: 0, she: 0 };
    c[m.gender]++;
    counts.set(name, c);
  }
  const out = new Map<string, "he" | "she">();
  for (const [name, c] of counts) {
    if (c.he >= 2 && c.she === 0) out.set(name, "he");
    else if (c.she >= 2 && c.he === 0) out.set(name, "she");
  }
  return out;
}

function articleQuotes(article: Article, mentions: readonly Mention[], names: Names): Quote[] {
  const text = article.text;
  const out: Quote[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "“" && !(c === '"' && (i === 0 || /[\s(—–-]/.test(text[i - 1])))) continue;
    const close = findClose(text, i + 1);
    if (close < 0) continue;
    let start = i + 1;
    let end = close;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /[\s,]/.test(text[end - 1])) end--;
    const inner = text.slice(start, end);
    i = close;
    if (inner.split(/\s+/).length < 3) continue;
    const speaker = speakerOf(text, i + 1, start - 1, mentions, names);
    if (speaker) out.push({ text: inner, speaker, articleId: article.id, start, end });
  }
  return out;
}

/** The closing mark of a quote opened before `from`, within its paragraph (or -1). */
function findClose(text: string, from: number): number {
  const limit = Math.min(text.length, from + 1500);
  for (let k = from; k < limit; k++) {
    const c = text[k];
    if (c === "”" || c === '"') return k;
    if (c === "“") return -1;
    if (c === "\n" && text[k + 1] === "\n") return -1;
  }
  return -1;
}

function speakerOf(text: string, after: number, before: number, mentions: readonly Mention[], names: Names): string | undefined {
  const tail = text.slice(after, Math.min(text.length, after + 120)).split(/\n/)[0];
  const head = text.slice(Math.max(0, before - 120), before).split(/\n/).pop()!;
  const lead = BEFORE.exec(head);
  const leading = (): string | undefined => (lead ? resolve(lead[1], before - head.length + lead.index, mentions, names, before, text) : undefined);
  const found = AFTER_NAME_VERB.exec(tail) ?? AFTER_VERB_NAME.exec(tail);
  const trailing = (): string | undefined => (found ? resolve(found[1], after + found[0].indexOf(found[1]), mentions, names, before, text) : undefined);
  // A sentence closed inside the quote: what follows is a new sentence, so the speaker named before the quote
  // comes first ('Astana manager Marc Biver declared: "… July 12." He added'), and a name after it is no attribution
  // ('"… end of this situation." Chile has previously said'); "He said" after it still takes the last speaker.
  if (/\.\s*$/.test(text.slice(after - 3, after - 1)) && /^\s+[\p{Lu}]/u.test(tail)) return leading() ?? (found && /^(?:he|she)$/i.test(found[1].trim()) ? trailing() : undefined);
  return trailing() ?? leading();
}

/** A named speaker → its entity name; "he"/"she" → see {@link antecedent}. */
function resolve(raw: string, at: number, mentions: readonly Mention[], names: Names, quoteStart: number, text: string): string | undefined {
  const { persons } = names;
  const nameFor = (m: Mention): string => names.nameOf.get(m.text) ?? m.text;
  const words = raw.trim();
  if (/^(?:he|she)$/i.test(words)) {
    const m = antecedent(mentions, names, quoteStart, text, words.toLowerCase() as "he" | "she");
    return m && nameFor(m);
  }
  // "supporters of Ahmadinejad said", "the Executive Clerk of the … Council said": names after a preposition or "the" are not
  // the speaker, unless the phrase is just "the" and the name ("the State Department said").
  const wholePhrase = (m: Mention): boolean => OPENING_THE.test(text.slice(at, m.start)) && !text.slice(m.end, at + raw.length).trim();
  const inside: Mention[] = [];
  for (let k = firstFrom(mentions, at); k < mentions.length && mentions[k].start < at + raw.length + 2; k++) {
    const m = mentions[k];
    if (wholePhrase(m) || !OBJECT_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) inside.push(m);
  }
  // "Margaret Beckett, the U.K.'s Foreign Secretary said": the name the role stands beside.
  if (!inside.some((m) => persons.has(nameFor(m)))) {
    const beside = mentions.slice(firstFrom(mentions, at - NEAR), firstFrom(mentions, at)).find((m) => m.end <= at && APPOSITION_BEFORE.test(text.slice(m.end, at)) && persons.has(nameFor(m)));
    if (beside) return nameFor(beside);
  }
  // "said Mesut Yilmaz of Turkey": the person, not the place after it.
  const named = inside.filter((m) => persons.has(nameFor(m))).pop() ?? inside[inside.length - 1];
  if (!named) return undefined;
  return nameFor(named);
}

/**
 * The person "he" or "she" before a quote stands for: the last name within `ANTECEDENT_REACH` characters that is
 * not the object of a preposition ("strategist at Prudential Securities") and is a person's or
 * speaks or opens a sentence ("Gladys Marin said", "Lynda Dufour, owner of …, called"; not "the World Wide Web"), or the name speaking in that same sentence ("Dan Stein, a specialist, said de Kock …" → Dan Stein); none when an unnamed
 * speaker ("the official said") comes after it. A name the story only calls by the other pronoun is passed over.
 */
function antecedent(mentions: readonly Mention[], { nameOf, people, persons, genders }: Names, quoteStart: number, text: string, pronoun: "he" | "she"): Mention | undefined {
  let last: Mention | undefined;
  let speaker: Mention | undefined;
  for (let k = firstFrom(mentions, quoteStart - ANTECEDENT_REACH + 1); k < mentions.length; k++) {
    const m = mentions[k];
    if (m.start >= quoteStart) break;
    const name = nameOf.get(m.text) ?? m.text;
    if (!persons.has(name)) continue;
    // "Gladys Marin … ‘…,’ she told" is not Pinochet's, whom the story calls "he".
    if ((genders.get(name) ?? pronoun) !== pronoun) continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (OBJECT_BEFORE.test(before)) continue;
    const speaks = m.speaks || APPOSITION_THEN_VERB.test(text.slice(m.end, m.end + 160)) || (VERB_BEFORE.test(before) && /^[,.;]/.test(text.slice(m.end, m.end + 1)));
    if (!speaks && !people.has(name) && !CLAUSE_START.test(before)) continue;
    last = m;
    if (speaks) speaker = m;
  }
  const found = speaker && last && !SENTENCE_END.test(text.slice(speaker.end, last.start)) ? speaker : last;
  if (!found || UNNAMED_SPEAKER.test(text.slice(found.end, quoteStart))) return undefined;
  return found;
}

/** How far before a quote (in characters) the name "he" or "she" stands for may be. */
const ANTECEDENT_REACH = 600;
/** A name and ", the " before a role stand within this many characters. */
const NEAR = 300;

/**
 * Index of the first mention starting at or after `at` (mentions are in text order): quotes look
 * only at the mentions near them, so a long article's quotes cost no more each than a short one's.
 */
function firstFrom(mentions: readonly Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
