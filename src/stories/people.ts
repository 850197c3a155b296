import type { Story } from "../types/index.js";

/**
 * A story that names someone only by surname ("Lavrov will meet Trump") has no cue that the name
 * is a person's; another story of the same pile may ("Foreign Minister Sergei Lavrov"). Names left
 * untyped become people when the pile knows them as people, by full name or by a surname that
 * only one of its people carries, but not a name another story writes for a body or a place
 * ("Starbucks" for "Starbucks Corp", whatever "It's Starbucks" made of it). Names stay as the
 * story writes them, so every variant is still text of the story.
 */
export function typePeopleAcrossStories(stories: readonly Story[]): void {
  const people = new Set<string>();
  const holders = new Map<string, Set<string>>();
  const bodies = new Set<string>();
  for (const story of stories) {
    for (const e of story.entities) {
      if (e.type === "organization" || e.type === "place") for (const v of e.variants) bodies.add(v);
      if (e.type !== "person") continue;
      people.add(e.name);
      const parts = e.name.split(" ");
      if (parts.length < 2) continue;
      const surname = parts[parts.length - 1];
      (holders.get(surname) ?? holders.set(surname, new Set()).get(surname)!).add(e.name);
    }
  }
  for (const story of stories) {
    for (const e of story.entities) {
      if (e.type !== "other" || bodies.has(e.name)) continue;
      if (people.has(e.name) || (!e.name.includes(" ") && holders.get(e.name)?.size === 1)) e.type = "person";
    }
  }
}
