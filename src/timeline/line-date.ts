/**
 * The date a timeline line takes: of the date expressions in its sentence, the one that dates the
 * sentence's own development.
 */
import { fromDayNumber, resolved as resolvedDay, resolveMention, type DateMention, type Reference, type ResolvedDate } from "./dates.js";

const RANK = { day: 0, week: 1, month: 2, year: 3 } as const;

/** "said on May 10 that …": the date of the telling, weaker than the date of what is told. */
const REPORTING = /\b(?:said|says|told(?: \w+){0,2}|announced|reported|confirmed|added|stated|wrote)\s+(?:on\s+|late\s+|early\s+)?$/i;

/** "On Friday, the ministry said …": a sentence-initial date followed by a reporting verb. */
const TELLS = /^[^.]{0,80}\b(?:said|says|told|announced|reported|confirmed|stated)\b/;

/** "the 2000 Olympics", "the 2002 Games": a year naming an event, a word after it. */
const attributive = (text: string, x: DateMention): boolean =>
  x.known.month === undefined && x.known.year !== undefined && !x.decade && /\bthe\s+$/i.test(text.slice(Math.max(0, x.start - 4), x.start)) && /^\s+[A-Za-z]/.test(text.slice(x.end, x.end + 2));

/**
 * "Flight 447, which crashed on June 1, …", "Habibie, who took over in May, …": a date inside a
 * clause set off by a comma and who/which tells when the thing named did something, not when the
 * sentence's own development happened. The clause runs to the next comma; without the comma
 * ("the militants who died…") it may be the sentence's own subject, and is not skipped, nor is a
 * "which is why"/"which means" that goes on with the sentence's own development.
 */
const ASIDE = /,\s*(?:which(?!\s+(?:is|was)\s+why\b|\s+means?\b|\s+meant\b)|who|whom|whose)\s+[^,;:()"\u201c\u201d\u2014\u2013]*$/i;

/**
 * "Rebels rejected the agreement that was signed on May 6": a date inside a restrictive "that"
 * clause on an object tells when the thing named was done, not the line's own development. The
 * clause is "that" after a noun (a determiner before it, no verb of saying or thinking: "said on
 * Tuesday that …" is the telling) and a verb right after it; it runs at most eight words, to no
 * clause break. A clause on the sentence's opening noun phrase ("The quake that struck on Monday
 * killed 300", "One of the variants that appeared Tuesday …") may be its own subject, and is not
 * skipped, like "the women who marched on Monday were arrested".
 */
const THAT_CLAUSE = /\b(?:the|a|an|this|these|those|its|his|her|their|our|another)\s+(?:[\w'’.-]+\s+){0,3}?(?!(?:said|says|say|told|tells|know|knows|knew|think|thinks|thought|believe|believes|show|shows|showed|mean|means|meant|so|such|now|is|was|are|were|fact)\s)[\w'’-]+(?<!ed)\s+that\s+(?:(?:was|were|is|are|has|have|had|will|would|could|can|may|might|should|must)\b|[a-z]+ed\b|(?:began|came|took|struck|hit|won|lost|left|fell|rose|ran|led|made|held|sent|went|broke|drew|gave|put|set|spoke|swept|tore|shook|sank|sold|built|brought|caught|fought|froze|grew|killed|beat|bore)\b)(?:\s+[^\s,;:()"\u201c\u201d\u2014\u2013]+){0,7}\s*$/;

/** "pulled out of the 1987 treaty", "the anniversary of the 1989 crackdown": a past year naming the thing a development is about. */
const OF_THE = /\bof\s+the\s+$/i;

/** "On the eve of his meeting with Lavrov on May 6": the line's development is the day before the date named. */
const EVE_OF = /\bthe\s+eve\s+of\b[^.,;:()"\u201c\u201d\u2014\u2013]{0,60}$/i;

/**
 * "extend the 2011 New START treaty", "sent to prison under the 1986 law": a year naming an
 * instrument (a treaty, law, accord, ruling…) tells when it was made, not when the line's
 * development happened. Up to three words between ("the 1996 Line Item Veto Act", "the 1996
 * federal welfare law"), none a function word or a past participle.
 */
const INSTRUMENT_NOUN = ["treaty", "treaties", "accords?", "agreements?", "pacts?", "acts?", "laws?", "protocols?", "conventions?", "charter", "constitution", "resolutions?", "ruling", "decision", "settlement", "amendments?", "deal", "statute", "bill"]
  .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join("|");
const INSTRUMENT = new RegExp(
  `^\\s+(?:(?:[A-Z][\\w.'’-]*|(?!(?:a|an|the|of|to|in|on|at|by|for|from|with|as|and|or|but|is|are|was|were|has|had|have|will|would|that|which|who|its|his|her|their)\\b)[a-z][a-z-]*(?<!ed))\\s+){0,3}(?:${INSTRUMENT_NOUN})\\b`,
);

/** "signed the 1998 accord", "voted against the 1996 bill": the making of the instrument, which its year dates. */
const MAKING = /\b(?:signed|signing|passed|enacted|adopted|negotiated|drafted|brokered|vot(?:ed|ing)\s+(?:for|against|on))\s+the\s+$/i;

/** A year naming an instrument the line speaks of, not its making, nor the instrument opening the sentence ("The 1987 treaty banned …"). */
const instrumentYear = (text: string, start: number, x: DateMention): boolean =>
  x.start - start > 4 && INSTRUMENT.test(text.slice(x.end, x.end + 60)) && !MAKING.test(text.slice(Math.max(0, x.start - 24), x.start));

/** What may stand before the sentence's opening noun: nothing, or a short run ending in "of"/"and" ("One of the variations that …", "The cause of the fire that …"). */
const SUBJECT_LEAD = /^[\s"'\u201c\u2018]*(?:(?:[\w'’.-]+\s+){1,6}(?:of|and)\s+)?$/;

function objectThatClause(text: string, start: number, x: DateMention): boolean {
  const before = text.slice(Math.max(start, x.start - 100), x.start);
  const m = THAT_CLAUSE.exec(before);
  return !!m && !SUBJECT_LEAD.test(text.slice(start, x.start - before.length + m.index));
}

/** "2013, a year before the annexation": counted from the date before it, it dates another event. */
const appositive = (x: DateMention): boolean => x.rel?.anchor === "prev" && /\b(?:before|after)$/i.test(x.text);

export interface LineDate {
  date: ResolvedDate;
  /**
   * Only a "since" date dates the line ("his first visit since 2013"): the start of a state that
   * lasts to the story's time, a line of the background only.
   */
  sinceOnly?: true;
}

/**
 * The date of the sentence text[start, end), from `mentions` (those of the whole text, in text
 * order, from index `from` on) and their resolutions. Returns the date and the index of the first
 * mention after the sentence.
 *
 * A told date beats the date of the telling ("said on Monday that exports fell in April": April),
 * unless it is a year that only contains it ("said Monday that she warned them earlier this year":
 * the year says less than the Monday). Dates of other events ("a year before the annexation") and "since"/"by"
 * dates do not date the line; a "since" date alone makes a background line.
 */
export function lineDate(text: string, start: number, end: number, mentions: DateMention[], resolved: Array<ResolvedDate | undefined>, from = 0, ref?: Reference): { line?: LineDate; next: number } {
  const refYear = ref ? fromDayNumber(ref.day).y : Infinity;
  let told: ResolvedDate | undefined;
  let toldBy: DateMention | undefined;
  let telling: ResolvedDate | undefined;
  let since: ResolvedDate | undefined;
  let k = from;
  for (; k < mentions.length && mentions[k].start < end; k++) {
    const x = mentions[k];
    let r = resolved[k];
    // A coming event's name ("prepare for the 2000 Sydney Olympics") does not date the preparing.
    if (!r || x.start < start || x.target || appositive(x) || (attributive(text, x) && (x.known.year! > refYear || OF_THE.test(text.slice(Math.max(0, x.start - 8), x.start)) || instrumentYear(text, start, x)))) continue;
    if (ASIDE.test(text.slice(Math.max(start, x.start - 80), x.start)) || objectThatClause(text, start, x)) continue;
    if (EVE_OF.test(text.slice(Math.max(start, x.start - 80), x.start))) {
      // The eve of a month or a year is no finer than the day before its first day: it does not date the line.
      if (r.precision !== "day") continue;
      r = resolvedDay(r.day - 1, "day");
    }
    if (x.since) {
      since ??= r;
      continue;
    }
    const weak = REPORTING.test(text.slice(Math.max(start, x.start - 40), x.start)) || (x.start - start < 12 && TELLS.test(text.slice(x.end, end)));
    if (weak) {
      if (!telling || RANK[r.precision] < RANK[telling.precision]) telling = r;
    } else if (!told || RANK[r.precision] < RANK[told.precision]) [told, toldBy] = [r, x];
  }
  // "travels next week, the State Department said on May 10": against an article date known only
  // to its month, "next week" is that month; counted from the telling, it is the week after May 10.
  if (told && toldBy && telling?.precision === "day" && toldBy.known.year === undefined && toldBy.known.month === undefined && toldBy.rel?.anchor !== "prev") {
    const finer = resolveMention(toldBy, { day: telling.day, precision: "day" });
    if (finer && RANK[finer.precision] < RANK[told.precision] && told.day <= finer.day && finer.dayEnd <= told.dayEnd) told = finer;
  }
  // A year is coarser than any story's own time; a month told ("killed 39 people in November") is kept.
  const saysLess = told?.precision === "year" && !!telling && telling.precision !== "year" && told.day <= telling.day && telling.dayEnd <= told.dayEnd;
  const date = saysLess ? telling : told ?? telling;
  if (date) return { line: { date }, next: k };
  return { ...(since ? { line: { date: since, sinceOnly: true as const } } : {}), next: k };
}
