/**
 * An acronym written for a name of the same story ("IMF" for "International Monetary Fund", "NIH"
 * for "U.S. National Institutes of Health", "UCLA" for "University of California-Los Angeles").
 */

/** Words an acronym leaves out. */
const MINOR = new Set(["of", "for", "and", "the", "on", "in", "at", "to", "de", "&"]);
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The letters an acronym of `name` takes, after a leading place ("U.S."); "" when the name is one word. */
export function initialsOf(name: string, isPlace: (word: string) => boolean): string {
  let words = name.split(/[\s-]+/).filter((w) => !MINOR.has(w));
  if (words.length > 2 && isPlace(words[0])) words = words.slice(1);
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return "";
  return words.map((w) => w[0]).join("");
}

/**
 * Each acronym of the given names mapped to the name it stands for, the most written one when
 * several share it ("National Transportation Safety Board", "U.S. National Transportation Safety Board").
 */
export function acronymsOf(names: readonly string[], isPlace: (word: string) => boolean): Map<string, string> {
  const uses = new Map<string, Map<string, number>>();
  for (const name of names) {
    const initials = initialsOf(name, isPlace);
    if (!ACRONYM.test(initials)) continue;
    const byName = uses.get(initials) ?? uses.set(initials, new Map()).get(initials)!;
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  return new Map([...uses].map(([initials, byName]) => [initials, [...byName].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]]));
}

/** "IMF", "ADHD": written in capitals, an acronym, never a surname. */
export function isAcronym(text: string): boolean {
  return ACRONYM.test(text);
}
