import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtml } from "./index.js";
import { parseHTML } from "./parse.js";
import { hasClass } from "./elements.js";

const P = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story says something substantial about the harbour project, its cost, and the people it affects.</p>`).join("");

const wrap = (head: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** Counts the document-wide queries (each one a walk over every node of the page) made while `run` runs. */
function documentQueries(run: () => void): number {
  const doc = parseHTML("<p></p>").document;
  const owners = ["querySelector", "querySelectorAll", "getElementsByTagName"].map((name) => {
    let proto = Object.getPrototypeOf(doc) as Record<string, (...a: unknown[]) => unknown>;
    while (!Object.hasOwn(proto, name)) proto = Object.getPrototypeOf(proto);
    return { name, proto, real: proto[name] };
  });
  let calls = 0;
  for (const { name, proto, real } of owners) {
    proto[name] = function (this: unknown, ...a: unknown[]) {
      calls++;
      return real.apply(this, a);
    };
  }
  try {
    run();
  } finally {
    for (const { name, proto, real } of owners) proto[name] = real;
  }
  return calls;
}

test("an article page is walked once for all the page-wide lookups (title, metas, JSON-LD, headings, times, microdata, forum and shop markers)", () => {
  const head = `<title>Harbour project approved | Daily</title><meta property="og:title" content="Harbour project approved"><link rel="canonical" href="https://example.com/harbour"><script type="application/ld+json">{"@type":"WebPage","name":"Harbour"}</script>`;
  const body = `<main><article><h1>Harbour project approved</h1><div class="byline">By Jane Doe</div><time datetime="2024-03-05">March 5, 2024</time>${P(8)}</article></main>`;
  let page = extractHtml(wrap(head, body), { url: "https://example.com/harbour" });
  const calls = documentQueries(() => (page = extractHtml(wrap(head, body), { url: "https://example.com/harbour" })));
  assert.equal(page.title, "Harbour project approved");
  assert.equal(page.published, "2024-03-05");
  assert.equal(page.canonicalUrl, "https://example.com/harbour");
  assert.equal(calls, 1);
});

test("forum and shop markers are found as their selectors find them: whole class names, itemtype substrings, exact ids and names", () => {
  const posts = (cls: string) => [1, 2, 3].map((i) => `<div class="${cls}"><p>Reply ${i}: the harbour works start in May, said the council, and the road stays open meanwhile.</p></div>`).join("");
  const forum = (cls: string) => extractHtml(wrap("<title>Thread</title>", `<h1>Harbour works thread</h1>${posts(cls)}`)).pageType;
  assert.equal(forum("x answer\ty"), "forum");
  assert.equal(forum("answers"), "unknown");
  assert.equal(forum("Answer"), "unknown");
  const micro = [1, 2, 3].map((i) => `<div itemtype="https://schema.org/Answer"><p>Answer ${i}: yes, the harbour works start in May, said the council.</p></div>`).join("");
  assert.equal(extractHtml(wrap("<title>Q</title>", `<h1>Harbour question</h1>${micro}`)).pageType, "forum");
  const shop = (marker: string) => extractHtml(wrap("<title>Lamp</title>", `<h1>Desk lamp</h1><p>A desk lamp with a warm light.</p>${marker}`)).pageType;
  assert.equal(shop(`<button name="add-to-cart">Add</button>`), "product");
  assert.equal(shop(`<input name="add-to-cart">`), "unknown");
  assert.equal(shop(`<span id="add-to-cart">Add</span>`), "product");
  assert.equal(shop(`<span class="big add-to-cart">Add</span>`), "product");
  assert.equal(shop(`<span class="add-to-cart-label">Add</span>`), "unknown");
  assert.equal(shop(`<span data-price="12">12</span>`), "product");
  assert.equal(shop(`<span itemprop="price">12</span>`), "product");
  assert.equal(shop(`<span itemprop="priceCurrency">EUR</span>`), "unknown");
});

test("hasClass reads a class attribute as the selector .name does", () => {
  assert.ok(hasClass("a answer b", "answer"));
  assert.ok(hasClass("answer", "answer"));
  assert.ok(hasClass("x\nanswer", "answer"));
  assert.ok(!hasClass("answers", "answer"));
  assert.ok(!hasClass("post-answer", "answer"));
  assert.ok(hasClass("answers answer", "answer"));
  assert.ok(!hasClass("", "answer"));
});
