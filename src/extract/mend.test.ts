import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtml } from "./index.js";
import { withUnclosedTagsMended } from "./mend.js";

test("a start tag left open up to its own end tag gives its words back as the element's text", () => {
  assert.equal(withUnclosedTagsMended(`<p dir=ltr Episodes on tides and harbours every week.</p>`), `<p dir=ltr>Episodes on tides and harbours every week.</p>`);
  assert.equal(withUnclosedTagsMended(`<div class="x" id='y' A short summary here</div>`), `<div class="x" id='y'>A short summary here</div>`);
  // Well-formed markup, and a lone "<p" with too few words, are left as they are.
  for (const html of [`<p dir="ltr">Fine text here.</p>`, `<p title="a b c" hidden>Text</p>`, `<span a b</span>`, `<div id="ad-slot-3</div>`]) assert.equal(withUnclosedTagsMended(html), html);
  const shows = (n: number) =>
    Array.from({ length: 6 }, (_, i) => `<li><h3>Show ${i + n}</h3><p dir=ltr weekly talk about the harbour, its boats and the people who run them, show ${i + n}.</p></li>`).join("");
  const page = extractHtml(`<!doctype html><html><head><title>Shows</title></head><body><main><h1>Podcasts</h1><ul>${shows(1)}</ul></main></body></html>`);
  assert.match(page.text, /weekly talk about the harbour, its boats and the people who run them, show 4\./);
});
