import assert from "node:assert/strict";
import { test } from "node:test";
import { brief } from "./brief.js";

const BACKGROUND = "The Elton dam holds back the Marsh River and was built of earth and stone in 1962.";

/** Three reports of one flood, each leading with its own wording of the news and repeating the same background paragraph. */
const REPORTS = [
  [
    "Floodwater broke through the Elton dam on Monday night and forced two thousand people from their homes in the valley.",
    "Rescue boats worked through the night along the flooded streets of Elton and the villages below it.",
    "Engineers had warned the county about cracks in the wall of the dam last spring.",
    BACKGROUND,
    "The county opened three schools as shelters for the families who left their homes.",
  ],
  [
    "Two thousand residents of the Marsh valley spent the night in shelters after the Elton dam failed on Monday evening.",
    "Water rose quickly in the lower town, where most houses stand close to the river banks.",
    "The county engineer said a report on the cracks in the dam had reached his office in April.",
    BACKGROUND,
    "Schools in the valley will stay closed for the rest of the week, officials said.",
  ],
  [
    "The failure of the Elton dam on Monday sent a wall of water down the Marsh valley, and the county ordered two thousand people to leave.",
    "No deaths were reported, but dozens of families lost their cars and the ground floors of their houses.",
    "State inspectors will begin a review of the dam and of two others of the same age next week.",
    BACKGROUND,
    "The river is expected to fall back within its banks by Thursday, the weather service said.",
  ],
];

test("the headline states the news from a lead sentence, not the background paragraph every report repeats", async () => {
  const b = await brief(REPORTS.map((p, i) => ({ title: `Elton dam report ${i + 1}`, text: p.join("\n\n"), published: "2024-04-16" })), { words: 120 });
  assert.equal(b.stories.length, 1);
  const story = b.stories[0];
  assert.ok(story.summary.some((s) => s.text === BACKGROUND), "the background is in the summary, so the headline has to pass it over");
  assert.notEqual(story.headline.text, BACKGROUND);
  assert.ok(REPORTS.some((p) => p.slice(0, 2).includes(story.headline.text)), story.headline.text);
});

test("the headline is no sentence that leans on another: 'also', 'Another…', a quotation, a label", async () => {
  const text = [
    "The mayor of the 12,000 residents also asked for a study of ferry services across the river.",
    "The Elton council voted on Tuesday to spend four million dollars on a new bridge.",
    "Another vote, on tolls for drivers, will follow in May.",
    '"We have waited eighty years for this," said Ann Lowe, who runs a bakery near the crossing.',
    "Update: Work on the crossing could begin as early as next autumn, engineers said.",
  ].join("\n\n");
  const b = await brief([{ title: "Council votes on a new Elton bridge", text, published: "2024-04-16" }], { sentences: 5 });
  assert.equal(b.stories[0].summary.length, 5);
  assert.equal(b.stories[0].headline.text, "The Elton council voted on Tuesday to spend four million dollars on a new bridge.");
});
