import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { REPO } from "../testing/fixtures.js";
import { ExtrasBriefer, wikinewsArticles } from "../testing/newsroom.js";
import { startServer } from "./start.js";

const CHROMIUM = process.env.NEWSBRIEF_CHROMIUM ?? "/usr/bin/chromium";
const OUT = path.join(REPO, "out");
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === "true" || process.env.CI === "1";

if (!present && !inCi) {
  process.stderr.write(`\n!!!!! BROWSER TEST SKIPPED: no chromium at ${CHROMIUM}. Install it (apt-get install chromium) to run it; in CI (CI=true) it is required. !!!!!\n\n`);
}

const HAITI_NAMES: Array<[string, string]> = [
  ["Haiti", "place"],
  ["Port-au-Prince", "place"],
  ["Dominican Republic", "place"],
  ["Florida", "place"],
  ["Geneva", "place"],
  ["Raymond Joseph", "person"],
  ["Ban Ki-moon", "person"],
  ["United Nations", "organization"],
  ["Red Cross", "organization"],
];

test("a reader adds articles through the page, reads the story, follows a citation and searches (real chromium)", { skip: !present && !inCi ? `no chromium at ${CHROMIUM}` : false, timeout: 180_000 }, async () => {
  assert.ok(present, `CI=true but no chromium at ${CHROMIUM}: .ci/run must install it`);
  const { chromium } = await import("playwright-core");
  const dir = mkdtempSync(path.join(tmpdir(), "nb-browser-"));
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({ dbPath: path.join(dir, "b.db"), port: 0, briefer: new ExtrasBriefer(HAITI_NAMES), log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("dialog", (d) => {
      problems.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) problems.push(`request to elsewhere: ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));

    const articles = wikinewsArticles().filter((a) => a.cluster === "M006").slice(0, 6);
    for (const a of articles) {
      await page.goto(`${server.url}/add`);
      const form = page.locator("#add-article");
      await form.getByLabel("Title").fill(a.title);
      await form.getByLabel("Source").fill(a.source);
      await form.getByLabel("Published").fill(a.published ?? "");
      await form.getByLabel("Text").fill(a.text);
      await Promise.all([page.waitForURL(/\/stories\/s\d+/), form.getByRole("button", { name: "Add article" }).click()]);
    }
    // A hostile article: its script must never run.
    await page.goto(`${server.url}/add`);
    const form = page.locator("#add-article");
    await form.getByLabel("Title").fill(`Haiti aid <script>alert("xss")</script> convoy <img src=x onerror=alert(1)>`);
    await form.getByLabel("Text").fill(`Aid convoys reached Haiti <script>document.title="pwned";alert(2)</script> on Monday. <img src=x onerror="alert(3)"> Trucks carried water.`);
    await Promise.all([page.waitForURL(/\/stories\/s\d+/), form.getByRole("button", { name: "Add article" }).click()]);
    assert.notEqual(await page.title(), "pwned");
    assert.ok((await page.content()).includes("&lt;script&gt;"), "the script shows as text");
    await server.newsroom.settle();

    // The story list: headline, article count, sources, date range, updated.
    await page.goto(server.url);
    const items = page.locator("li.story-item");
    assert.ok((await items.count()) >= 1);
    const meta = (await items.locator("small").allInnerTexts()).find((t) => t.includes("Wikinews")) ?? "";
    assert.match(meta, /\d+ articles? · Wikinews/);
    assert.match(meta, /20\d\d-\d\d-\d\d – 20\d\d-\d\d-\d\d|20\d\d-\d\d-\d\d/);
    assert.match(meta, /updated 20\d\d-\d\d-\d\d/);
    await page.screenshot({ path: path.join(OUT, "stories.png"), fullPage: true });

    // The biggest story: summary with citations, timeline picture, people and places, sources.
    const counts = await items.locator("small").allInnerTexts();
    const biggest = counts.map((t) => Number(/^(\d+) article/.exec(t)?.[1] ?? 0)).reduce((best, n, i, all) => (n > all[best] ? i : best), 0);
    await Promise.all([page.waitForURL(/\/stories\/s\d+$/), items.nth(biggest).locator("a").first().click()]);
    const headline = await page.locator("h1.headline").first().innerText();
    assert.ok(headline.length > 20, headline);
    assert.ok((await page.locator("svg.timeline-svg circle").count()) >= 2, "the timeline is drawn");
    assert.ok(await page.locator("svg.timeline-svg").first().isVisible());
    assert.ok((await page.locator("h2", { hasText: "Places" }).count()) >= 1);
    assert.ok((await page.locator("ul.names a", { hasText: "Port-au-Prince" }).count()) >= 1);
    assert.ok((await page.locator("ol.sources li").count()) >= 2);
    await page.screenshot({ path: path.join(OUT, "story.png"), fullPage: true });

    // Following a citation shows the source article with the cited sentence highlighted.
    const cite = page.locator(".summary a.cite").first();
    const sentence = (await cite.evaluate((a) => a.closest("li")!.firstChild!.textContent ?? "")).trim();
    await Promise.all([page.waitForURL(/\/articles\/a\d+#s-\d+$/), cite.click()]);
    const target = page.locator(".s:target");
    assert.equal(await target.count(), 1);
    assert.equal((await target.innerText()).replace(/\s+/g, " ").trim(), sentence.replace(/\s+/g, " "));
    assert.equal(await target.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(255, 213, 74)");
    assert.ok(await target.isVisible());
    const box = (await target.boundingBox())!;
    assert.ok(box.y >= 0 && box.y < 900, `the highlighted sentence is scrolled into view (y=${box.y})`);
    await page.screenshot({ path: path.join(OUT, "citation.png") });

    // Search: FTS5 with highlighted snippets.
    await page.goto(`${server.url}/search`);
    await page.getByRole("searchbox", { name: "Search words" }).fill("aftershock");
    await Promise.all([page.waitForURL(/\/search\?q=aftershock/), page.getByRole("button", { name: "Search" }).click()]);
    assert.ok((await page.locator("ol.hits li").count()) >= 1);
    assert.match((await page.locator("ol.hits mark").first().innerText()).toLowerCase(), /^aftershock/);
    await page.screenshot({ path: path.join(OUT, "search.png") });

    // A phone: the story page fits the width, no sideways scrolling.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await small.goto(server.url);
    await small.locator("li.story-item a").nth(biggest).click();
    await small.waitForURL(/\/stories\/s\d+$/);
    const widths = await small.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= widths.client, `no horizontal scroll on a phone (${widths.scroll} > ${widths.client})`);
    const fontSize = await small.locator(".summary li").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 15, `body text is readable on a phone (${fontSize}px)`);
    await small.screenshot({ path: path.join(OUT, "story-phone.png") });
    await small.screenshot({ path: path.join(OUT, "story-phone-full.png"), fullPage: true });
    await small.locator("svg.timeline-svg").first().scrollIntoViewIfNeeded();
    await small.screenshot({ path: path.join(OUT, "timeline-phone.png") });
    await phone.close();

    assert.deepEqual(problems, [], "no script ran and nothing was loaded from elsewhere");
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
