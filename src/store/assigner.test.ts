import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assignment, bcubed, loadSet, mixtures } from "../bench/story-data.js";
import { groupStories } from "../stories/index.js";
import { wikinewsArticles } from "../testing/newsroom.js";
import { StoryIndexAssigner, TitleWordsAssigner, type StoryAssigner } from "./assigner.js";
import type { AssignInput } from "./types.js";

// Two unrelated WikiNews clusters of multiling2011_en (CC BY 2.5), read at test time, interleaved as they might arrive.
const all = wikinewsArticles();
const haiti = all.filter((a) => a.cluster === "M006");
const tour = all.filter((a) => a.cluster === "M003");
const stream = haiti.flatMap((a, i) => [a, tour[i]]).map((a, i) => ({ id: `a${i}`, title: a.title, text: a.text, published: a.published, cluster: a.cluster }));

/** Feeds the articles one at a time and applies each arrival's moves, as the store does: each article's stored key. */
function storedKeys(assigner: StoryAssigner, articles: ReadonlyArray<AssignInput>, onEach?: (count: number, keys: Map<string, string>) => void): Map<string, string> {
  const keys = new Map<string, string>();
  articles.forEach((a, i) => {
    keys.set(a.id, assigner.assign(a));
    for (const m of assigner.takeMoves?.() ?? []) keys.set(m.articleId, m.key);
    onEach?.(i + 1, keys);
  });
  return keys;
}

/** The grouping as sorted lists of article ids, whatever the keys are called. */
function partition(keys: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, key] of keys) (groups.get(key) ?? groups.set(key, []).get(key)!).push(id);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

describe("StoryIndexAssigner (stories that follow the batch grouping, behind the StoryAssigner interface)", () => {
  test("uses real clusters: both have ten articles", () => {
    assert.equal(haiti.length, 10);
    assert.equal(tour.length, 10);
  });

  test("never puts articles of unrelated clusters in one story", () => {
    const keys = storedKeys(new StoryIndexAssigner(), stream);
    const clusterOf = new Map<string, Set<string>>();
    stream.forEach((a) => (clusterOf.get(keys.get(a.id)!) ?? clusterOf.set(keys.get(a.id)!, new Set()).get(keys.get(a.id)!)!).add(a.cluster));
    for (const [key, clusters] of clusterOf) assert.equal(clusters.size, 1, `story ${key} mixes ${[...clusters].join(" and ")}`);
  });

  test("each time the pile has grown by a quarter, the stored grouping (moves applied) is exactly the batch grouping of the pile", () => {
    const largest = mixtures(loadSet("duc2003_task2"), 4, 7).sort((a, b) => b.articles.length - a.articles.length)[0];
    const mix = largest.articles.map((a) => ({ ...a, title: a.title ?? "" }));
    const checked: number[] = [];
    const assigner = new StoryIndexAssigner();
    storedKeys(assigner, mix, (count, keys) => {
      if (![2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38, 48, 60, 75].includes(count)) return;
      checked.push(count);
      assert.deepEqual(partition(keys), partition(assignment(groupStories(mix.slice(0, count)))), `after ${count} articles`);
    });
    assert.ok(checked.length >= 10, `checked ${checked.length} refreshes`);
  });

  test("after a restart (load of the stored keys) it groups exactly as if it had never stopped", () => {
    const straight = partition(storedKeys(new StoryIndexAssigner(), stream));
    for (const cut of [1, 7, 13]) {
      const before = storedKeys(new StoryIndexAssigner(), stream.slice(0, cut));
      const restarted = new StoryIndexAssigner();
      restarted.load(stream.slice(0, cut).map((a) => ({ ...a, storyKey: before.get(a.id)! })));
      const after = storedKeys(restarted, stream.slice(cut));
      assert.deepEqual(partition(new Map([...before, ...after].map(([id]) => [id, after.get(id) ?? before.get(id)!]))), straight, `restart after ${cut} articles`);
    }
  });

  test("an article too short to group is a story of its own, before and after a restart, and later articles group as without it", () => {
    const short = { id: "s", title: "Haiti", text: "Haiti earthquake aid arrives.", published: haiti[0].published, cluster: "M006", wordCount: 4 };
    const withShort = [...stream.slice(0, 6), short, ...stream.slice(6)];
    const keys = storedKeys(new StoryIndexAssigner(), withShort);
    assert.equal([...keys.values()].filter((k) => k === keys.get("s")).length, 1, "the short article shares its story with no other");
    keys.delete("s");
    assert.deepEqual(partition(keys), partition(storedKeys(new StoryIndexAssigner(), stream)));
    const restarted = new StoryIndexAssigner();
    const first = storedKeys(new StoryIndexAssigner(), withShort.slice(0, 7));
    restarted.load(withShort.slice(0, 7).map((a) => ({ ...a, storyKey: first.get(a.id)! })));
    const later = storedKeys(restarted, withShort.slice(7));
    assert.ok(![...later.values()].includes(first.get("s")!), "no later article joins the short one");
  });

  test("continues a store grouped by another assigner without ever reusing one of its keys for a new story", () => {
    const old = new TitleWordsAssigner();
    const first = stream.slice(0, 10).map((a) => ({ ...a, storyKey: old.assign(a) }));
    const oldKeys = new Set(first.map((a) => a.storyKey));
    const assigner = new StoryIndexAssigner();
    assigner.load(first);
    const keys = new Map(first.map((a) => [a.id, a.storyKey]));
    const later = storedKeys(assigner, stream.slice(10), (_, k) => k.forEach((key, id) => keys.set(id, key)));
    for (const key of later.values()) assert.ok(oldKeys.has(key) || /^i\d+$/.test(key), key);
    // A key a stored story holds is never handed to a story made of other articles only.
    for (const key of new Set(keys.values())) {
      const holders = [...keys].filter(([, k]) => k === key).map(([id]) => id);
      if (oldKeys.has(key)) assert.ok(holders.some((id) => first.some((a) => a.id === id && a.storyKey === key)), `${key} went to other articles`);
    }
  });
});

test("StoryIndexAssigner: fed a DUC 2003 mixture one article at a time, it keeps the clusters apart about as a batch run does", () => {
  // Ten-article DUC 2003 clusters on neighbouring subjects, interleaved: early passes over a few articles must not merge them for good.
  const clusters = loadSet("duc2003_task2");
  const mixes = mixtures(clusters, 6, 7);
  let f = 0;
  for (const mix of mixes) f += bcubed(storedKeys(new StoryIndexAssigner(), mix.articles.map((a) => ({ ...a, title: a.title ?? "" }))), mix.gold).f;
  assert.ok(f / mixes.length >= 0.85, `BCubed F1 ${(f / mixes.length).toFixed(3)} over ${mixes.length} mixtures`);
});
