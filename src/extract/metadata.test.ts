import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtml } from "./index.js";
import { cleanAuthor } from "./metadata.js";

const P = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story says something substantial about the harbour project, its cost, and the people it affects.</p>`).join("");

const page = (head: string, body: string) => extractHtml(`<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

test("byline labels: 'Text by' and 'Recipe by' go, interface links and photo credits are not names, 'on <date>' ends the name", () => {
  assert.equal(cleanAuthor("Text by Hunter Dukes"), "Hunter Dukes");
  assert.equal(cleanAuthor("Recipe by PJ Hamel"), "PJ Hamel");
  assert.equal(cleanAuthor("FlowGuard EMEA on 04-ago-2021 5:11:10"), "FlowGuard EMEA");
  for (const junk of ["Edited by", "The Author", "About the Author", "View more posts", "Sign In", "Last", "Jun 2", "iStock/Getty", "Photo by Jane Doe"]) assert.equal(cleanAuthor(junk), undefined, junk);
  assert.equal(cleanAuthor("Laura / House Plant House"), "Laura / House Plant House");
});

test("declared authors: a JSON-LD author given by @id is looked up in the graph; every citation_author of a paper counts", () => {
  const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "Article", headline: "Harbour project approved", author: { "@id": "#p1" } }, { "@type": "Person", "@id": "#p1", name: "Nirmita Panchal" }] };
  const byId = page(`<meta name="author" content="kffnirmitap"><script type="application/ld+json">${JSON.stringify(graph)}</script>`, `<article><h1>Harbour project approved</h1>${P(4)}</article>`);
  assert.equal(byId.author, "Nirmita Panchal");
  const paper = page(`<meta name="citation_author" content="Aditya Mahindru"><meta name="citation_author" content="Pradeep Patil"><meta name="citation_author" content="Varun Agrawal">`, `<div><h1>Harbour project approved</h1>${P(4)}</div>`);
  assert.equal(paper.author, "Aditya Mahindru, Pradeep Patil, Varun Agrawal");
});

test("a person declared in JSON-LD beats a byline box naming someone else (a reviewer); user names do not count as declared persons", () => {
  const ld = (name: string) => `<script type="application/ld+json">${JSON.stringify({ "@type": "Article", headline: "Harbour project approved", author: { "@type": "Person", name } })}</script>`;
  const body = `<article><h1>Harbour project approved</h1><div class="author-name">Roman Vinogradov</div>${P(4)}</article>`;
  assert.equal(page(ld("Elena Linker"), body).author, "Elena Linker");
  assert.equal(page(ld("andrew.keaveney"), body).author, "Roman Vinogradov");
  const meta = `<meta name="author" content="Erica Needham"><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Erica Needham">`;
  assert.equal(page(meta, body).author, "Erica Needham");
});

test("several authors are written as the page's meta author writes them; a header 'by ibby' or 'By 3i Global' names the author", () => {
  const ld = `<script type="application/ld+json">${JSON.stringify({ "@type": "Article", headline: "Harbour project approved", author: [{ "@type": "Person", name: "Nicholas Collins" }, { "@type": "Person", name: "Scott Munro" }, { "@type": "Person", name: "Hamish Shah" }] })}</script>`;
  assert.equal(page(`<meta name="author" content="Nicholas Collins, Scott Munro, Hamish Shah">${ld}`, `<article><h1>Harbour project approved</h1>${P(4)}</article>`).author, "Nicholas Collins, Scott Munro, Hamish Shah");
  const tw = `<meta name="author" content="Chen Zhao, Daryl Fairweather"><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Chen Zhao, Daryl Fairweather">`;
  assert.equal(page(tw, `<article><h1>Harbour project approved</h1><p>By <a rel="author" href="/a/cz">Chen Zhao</a></p>${P(4)}</article>`).author, "Chen Zhao, Daryl Fairweather");
  assert.equal(page("<title>Harbour project approved</title>", `<div><h1>Harbour project approved</h1><p>12/19/2025 by ibby</p>${P(4)}</div>`).author, "ibby");
  assert.equal(page("<title>Harbour project approved</title>", `<div><h1>Harbour project approved</h1><p>By 3i Global</p>${P(4)}</div>`).author, "3i Global");
});

test("dates: less common publish meta names, a <time> in the article's own footer, and a declared modified date when it is the only one", () => {
  const body = (extra = "") => `<div><h1>Harbour project approved</h1>${P(4)}${extra}</div>`;
  assert.equal(page(`<meta name="published" content="July 17, 2025">`, body()).published, "2025-07-17");
  assert.equal(page(`<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">`, body()).published, "2025-05-27");
  assert.equal(page("<title>Harbour project approved</title>", body(`<footer><time datetime="2025-08-12T11:15:06Z">August 12, 2025</time> By The Team</footer>`)).published, "2025-08-12");
  assert.equal(page(`<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">`, body()).published, "2023-06-12");
});

test("dates glued to the next word by inline markup are still dates; a raw ISO timestamp is not a shown date", async () => {
  const { findDates } = await import("./dates.js");
  assert.deepEqual(findDates("Dec 17, 2025Julian K. Arni").map((d) => d.date), ["2025-12-17"]);
  assert.deepEqual(findDates("Yucy3/4/2025").map((d) => d.date), ["2025-03-04"]);
  assert.deepEqual(findDates("v1.2.2025 and 2025-10-30T10:45:07-04:00"), []);
});

test("with no declared date, the first short line of the page that is a date is the date; table cells are data, not datelines", () => {
  const long = `<p>${"The council approved the harbour project after a long debate about its cost and its effect on the town. ".repeat(3)}</p>`;
  const body = (line: string) => `<div><h1>Harbour project approved</h1>${long}<table><tr><td>1/1/2013</td></tr></table>${line}${P(2)}</div>`;
  assert.equal(page("<title>Harbour project approved</title>", body("<div>Posted on April 13, 2023</div>")).published, "2023-04-13");
  assert.equal(page("<title>Harbour project approved</title>", body("")).published, undefined);
});

test("dates: citation '2023 Jan 7', a permalink date before dates merely shown, and an ambiguous 03/10/2023 read the permalink's way", () => {
  assert.equal(page(`<meta name="citation_publication_date" content="2023 Jan 7">`, `<div><h1>Harbour project approved</h1>${P(4)}</div>`).published, "2023-01-07");
  const shown = extractHtml(`<html><head><title>Harbour project approved</title></head><body><article><h1>Harbour project approved</h1><p>03/10/2023</p>${P(4)}</article></body></html>`, { url: "https://example.org/blog/2023/october/03/harbour" });
  assert.equal(shown.published, "2023-10-03");
});

test("dates: a shown 09.10.2024 or 09-10-2024 that reads as the declared 2024-09-10 either way is that date, not October 9", () => {
  for (const shown of ["09.10.2024", "09-10-2024"]) {
    const md = `<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Harbour project approved", "datePublished": "2024-09-10T16:07:00.000Z"}</script>`;
    assert.equal(page(md, `<div><h1>Harbour project approved</h1><p class="post-date">${shown}</p>${P(4)}</div>`).published, "2024-09-10", shown);
  }
});

test("dates: a publication-time box holding an ISO timestamp; an 'Updated …' byline date when it is the only date shown", () => {
  const body = (box: string) => `<div><h1>Harbour project approved</h1>${box}${P(4)}</div>`;
  assert.equal(page("<title>T</title>", body(`<p><span class="Author_publicationTime">2022-11-23T08:10+02:00</span></p>`)).published, "2022-11-23");
  assert.equal(page("<title>T</title>", body(`<p class="article-byline__pub-dates">Updated March 13, 2024</p>`)).published, "2024-03-13");
});

test("a brand written as its domain is an author name; a link is not", () => {
  assert.equal(cleanAuthor("AccountingDepartment.com"), "AccountingDepartment.com");
  assert.equal(cleanAuthor("https://www.facebook.com/someone"), undefined);
  assert.equal(cleanAuthor("www.example.com"), undefined);
});

test("titles: fullwidth punctuation is plain; a dateline glued before the headline is not part of it", () => {
  assert.equal(page("<title>How Does Robot Vacuum Mapping Work?</title>", `<article><h1>How Does Robot Vacuum Mapping Work？</h1>${P(4)}</article>`).title, "How Does Robot Vacuum Mapping Work?");
  const dated = `<article><h1><span>Dec 18 2025</span> Preparing a transition in Debusine</h1>${P(4)}</article>`;
  assert.equal(page(`<meta property="og:title" content="Preparing a transition in Debusine">`, dated).title, "Preparing a transition in Debusine");
  assert.equal(page("<title>Other</title>", dated).title, "Dec 18 2025 Preparing a transition in Debusine");
});

test("titles: a lone heading unlike every declared title is a section label, and the declared title wins; with no declared title the heading stands", () => {
  const body = `<div><h1>Web Designs</h1>${P(4)}</div>`;
  assert.equal(page(`<meta property="og:title" content="Website Design Portfolio | Thrive">`, body).title, "Website Design Portfolio");
  assert.equal(page("", body).title, "Web Designs");
});

test("titles: a heading that is wholly a link to another page is a card for another article; one linking to the page itself is its headline", () => {
  const head = `<title>Where to Bike in Houston</title><meta property="og:title" content="Our Favorite Biking Spots in Houston">`;
  const card = `<div class="item"><p>Paddle On</p><h1><a href="/outdoors/where-to-kayak-in-houston">Here's Where to Kayak and Paddle in Houston</a></h1></div>`;
  const html = (headline: string) => `<!doctype html><html><head>${head}</head><body><article>${headline}${P(4)}</article>${card}</body></html>`;
  const url = "https://example.com/outdoors/best-biking-trails-houston";
  assert.equal(extractHtml(html("<h1>The Best Trails and Neighborhoods in Houston for Biking</h1>"), { url }).title, "The Best Trails and Neighborhoods in Houston for Biking");
  const selfLinked = `<h1><a href="${url}/">The Best Trails and Neighborhoods in Houston for Biking</a></h1>`;
  assert.equal(extractHtml(html(selfLinked), { url }).title, "The Best Trails and Neighborhoods in Houston for Biking");
});

test("titles: a heading without the list count or year that the document title and og:title both carry takes them; one source alone does not", () => {
  const body = (h: string) => `<article><h1>${h}</h1>${P(4)}</article>`;
  const both = (t: string) => `<title>${t} - Flatworld Solutions</title><meta property="og:title" content="${t} - Flatworld Solutions">`;
  assert.equal(page(both("8 Recent Trends in Photography"), body("Recent Trends in Photography")).title, "8 Recent Trends in Photography");
  assert.equal(page(both("Best Travel Insurance for Seniors in 2025"), body("Best Travel Insurance for Seniors")).title, "Best Travel Insurance for Seniors in 2025");
  const ogOnly = `<title>Best home security cameras | PCWorld</title><meta property="og:title" content="Tested! The best security cameras for your home in 2026">`;
  assert.equal(page(ogOnly, body("Tested! The best security cameras for your home")).title, "Tested! The best security cameras for your home");
});

test("titles: a lone heading unlike the declared titles but set in title case over several words is the headline; a short or sentence-case one is not", () => {
  const head = `<title>Hybrid and EV Buying Guide - Consumer Reports</title><meta property="og:title" content="Hybrid and EV Buying Guide - Consumer Reports">`;
  const body = (h: string) => `<article><h1>${h}</h1>${P(4)}</article>`;
  assert.equal(page(head, body("Find an Efficient Vehicle That's Right for You")).title, "Find an Efficient Vehicle That's Right for You");
  assert.equal(page(head, body("Our Latest Guides")).title, "Hybrid and EV Buying Guide");
  assert.equal(page(head, body("Learn which cars save the most fuel on long trips")).title, "Hybrid and EV Buying Guide");
});

test("titles: an all-capitals heading that a declared title writes in capitals too keeps its capitals", () => {
  const body = `<article><h1>ACTUARIAL CONSULTING VS. INSURANCE</h1>${P(4)}</article>`;
  const title = "<title>Actuarial Consulting vs Insurance | The Actuarial Club</title>";
  assert.equal(page(`${title}<meta property="og:title" content="ACTUARIAL CONSULTING VS. INSURANCE">`, body).title, "ACTUARIAL CONSULTING VS. INSURANCE");
  assert.equal(page(title, body).title, "Actuarial Consulting vs Insurance");
});

test("titles: a lone heading in plain case that takes most of its words from the declared title rewords it, and readers see the heading", () => {
  const declared = `<meta property="og:title" content="How do you set up an ergonomic workstation? | Logitech Ergo Series">`;
  assert.equal(page(declared, `<div><h1>Setting up an ergonomic workspace</h1>${P(4)}</div>`).title, "Setting up an ergonomic workspace");
  assert.equal(page(declared, `<div><h1>SETTING UP AN ERGONOMIC WORKSPACE</h1>${P(4)}</div>`).title, "How do you set up an ergonomic workstation?");
  const description = `<meta name="twitter:title" content="Our quarterly report tracks deal activity, market changes and the themes that moved the sector this autumn, with updates on every segment">`;
  assert.equal(page(`<meta property="og:title" content="Cybersecurity Sector Review">${description}`, `<div><h1>Deal Updates</h1>${P(4)}</div>`).title, "Cybersecurity Sector Review");
});

test("authors: an author's description box is no name; the name on the line before it is", () => {
  const box = (name: string) => `<div class="gb-container"><p class="headline">${name}</p><div class="dynamic-author-description">Licensed Q Arabica Grader, M.A. Journalism</div></div>`;
  assert.equal(page("<title>Espresso machines under $500</title>", `<article><h1>Espresso machines under $500</h1>${box("Asser Christensen")}${P(4)}</article>`).author, "Asser Christensen");
  assert.equal(page("<title>Espresso machines under $500</title>", `<article><h1>Espresso machines under $500</h1>${box("→ Learn more")}${P(4)}</article>`).author, undefined);
});

test("authors: with no byline elsewhere, one in the article's own footer or an author aside names the author; related-story bylines do not", () => {
  const footer = `<article><h1>Harbour project approved</h1>${P(4)}<footer class="meta"><p class="name"><a href="/author/hg" rel="author">Halina Goetz</a></p></footer></article>`;
  assert.equal(page("<title>Harbour project approved</title>", footer).author, "Halina Goetz");
  const aside = `<article><h1>Harbour project approved</h1><aside class="post-author">Katie Liguori</aside>${P(4)}</article>`;
  assert.equal(page("<title>Harbour project approved</title>", aside).author, "Katie Liguori");
  const related = `<article><h1>Harbour project approved</h1>${P(4)}</article><aside class="related"><span class="author">Other Writer</span></aside>`;
  assert.equal(page("<title>Harbour project approved</title>", related).author, undefined);
});

test("authors: a dateline that goes on with a name, or a 'Published <date> by' line, names the author", () => {
  const body = (line: string) => `<div><h1>Harbour project approved</h1><p>${line}</p>${P(4)}</div>`;
  assert.equal(page("<title>Harbour project approved</title>", body("Dec 26, 2025 • Mahua Das in Project Management")).author, "Mahua Das");
  assert.equal(page("<title>Harbour project approved</title>", body("Dec. 19, 2025 · Niko Matsakis on behalf of the docs team")).author, "Niko Matsakis");
  assert.equal(page("<title>Harbour project approved</title>", body("Published August 7, 2023 by Nicole Burke")).author, "Nicole Burke");
});

test("titles: what follows ' | ' is a section, site or tagline, unless the first part is a mere label", () => {
  assert.equal(page("<title>Harbour project approved</title>", `<article><h1>Harbour project approved in full | Top 19 Facts</h1>${P(4)}</article>`).title, "Harbour project approved in full");
  assert.equal(page(`<meta property="og:title" content="News | Harbour project approved">`, `<div>${P(4)}</div>`).title, "News | Harbour project approved");
});

test("authors: 'Written by Jane Doe' on a short line anywhere on the page (an author box after the article) names the author, without a long role", () => {
  const body = (box: string) => `<div><h1>Harbour project approved</h1>${P(4)}<div class="box"><h3>${box}</h3><p>She covers the harbour.</p></div></div>`;
  assert.equal(page("<title>Harbour project approved</title>", body("Written by Cassidy Horton")).author, "Cassidy Horton");
  assert.equal(page("<title>Harbour project approved</title>", body("This post was written by Danielle Padula, Head of Marketing and Community")).author, "Danielle Padula");
});

test("titles: a JSON-LD headline cut off mid-sentence is taken in full from the declared title; a ' - Site' suffix is not a continuation", () => {
  const ld = (headline: string) => `<script type="application/ld+json">${JSON.stringify({ "@type": "Article", headline })}</script>`;
  const og = `<meta property="og:title" content="Harbour project approved after a long debate (Including the Ferry) - Town Times">`;
  assert.equal(page(ld("Harbour project approved after a long debate (Including") + og, `<div>${P(4)}</div>`).title, "Harbour project approved after a long debate (Including the Ferry)");
  assert.equal(page(ld("Harbour project approved after a long debate (Including the Ferry)") + og, `<div>${P(4)}</div>`).title, "Harbour project approved after a long debate (Including the Ferry)");
});

test("dates: a month name glued to the word before it by inline markup is still a date; the inside of a word is not", async () => {
  const { findDates } = await import("./dates.js");
  assert.deepEqual(findDates("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026").map((d) => d.date), ["2022-12-22", "2026-01-02"]);
  assert.deepEqual(findDates("a grammar 5, 2020 note"), []);
});

test("authors: a group byline ('Acme Staff', 'Team Acme') loses to a person the page declares or names elsewhere; alone it stands", () => {
  const box = (name: string, extra = "") => `<article><h1>Harbour project approved</h1><div class="author-name">${name}</div>${P(4)}${extra}</article>`;
  assert.equal(page(`<title>Harbour project approved</title><meta name="author" content="Jay Berstein">`, box("Acme Staff")).author, "Jay Berstein");
  assert.equal(page("<title>Harbour project approved</title>", box("Team Acme Data", "<p>Written by <a href=\"/u/pg\">Paulinho Giovannini</a></p>")).author, "Paulinho Giovannini");
  assert.equal(page("<title>Harbour project approved</title>", box("The Acme Team")).author, "The Acme Team");
  assert.equal(page(`<title>Harbour project approved</title><meta name="author" content="Acme Editors">`, box("Acme Staff")).author, "Acme Staff");
});

test("authors: a label line ('Article by', 'Author:', 'Contributors') with the name after it names the author; 'Authors' over one name a line names them all", () => {
  const body = (box: string) => `<div><h1>Harbour project approved</h1>${P(4)}<div class="meta">${box}</div></div>`;
  const t = "<title>Harbour project approved</title>";
  assert.equal(page(t, body("<p>Article by</p><p>Matias Heikkilä</p>")).author, "Matias Heikkilä");
  assert.equal(page(t, body("<p>Contributors:</p><p><a href='/c/jl'>Janet Loughrey</a></p>")).author, "Janet Loughrey");
  assert.equal(page(t, body("<p>Author: Lisa D. Ellis</p>")).author, "Lisa D. Ellis");
  assert.equal(page(t, body("<h4>Author(s)</h4><p>John A. Alic</p><p>David C. Mowery</p><p>Edward S. Rubin</p><p>Download pdf</p>")).author, "John A. Alic, David C. Mowery, Edward S. Rubin");
  assert.equal(page(t, body("<p>Author</p><p>the council's own figures show the cost rising</p>")).author, undefined);
});

test("authors: an organisation declared as the author (also by @id) gives way to a person the page shows under a label; alone it stands", () => {
  const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "BlogPosting", headline: "Harbour project approved", author: { "@id": "#identity" } }, { "@type": "Organization", "@id": "#identity", name: "Harbour Media Ltd" }] };
  const ld = `<title>Harbour project approved</title><script type="application/ld+json">${JSON.stringify(graph)}</script>`;
  assert.equal(page(ld, `<div><h1>Harbour project approved</h1>${P(4)}<div class="box"><p>Written by</p><p>Jack Shepherd</p></div></div>`).author, "Jack Shepherd");
  assert.equal(page(ld, `<div><h1>Harbour project approved</h1>${P(4)}</div>`).author, "Harbour Media Ltd");
});

test("authors: a 'By …' line under the headline naming someone else beats an author only declared in JSON-LD; one naming the declared author keeps it", () => {
  const ld = `<title>Harbour project approved</title><script type="application/ld+json">${JSON.stringify({ "@type": "Article", headline: "Harbour project approved", author: { "@type": "Person", name: "Luke Daigle" } })}</script>`;
  assert.equal(page(ld, `<div><h1>Harbour project approved</h1><p>November 3, 2023</p><p>By: Paul Fenaroli</p>${P(4)}</div>`).author, "Paul Fenaroli");
  assert.equal(page(ld, `<div><h1>Harbour project approved</h1><p>By Luke Daigle, Web Editor</p>${P(4)}</div>`).author, "Luke Daigle");
});

test("authors: with only the site or an organisation as the author, a 'Reviewed by' person under the headline names the author; a team that signs its pieces keeps them", () => {
  const body = (byline: string) => `<div><h1>Harbour project approved</h1><div class="author">${byline}</div><p>Reviewed by Justin C. Meserole, Trial Attorney at Town Law, on December 9, 2024.</p>${P(4)}</div>`;
  const head = `<title>Harbour project approved</title><meta property="og:site_name" content="Town Law">`;
  assert.equal(page(head, body("Town Law")).author, "Justin C. Meserole");
  assert.equal(page(head, body("The Town Law Team")).author, "The Town Law Team");
});

test("authors: a 'By' line too long for a name alone names the author with the role it is signed with", () => {
  const body = (line: string) => `<div><h1>Harbour project approved</h1><p>${line}</p>${P(4)}</div>`;
  const t = "<title>Harbour project approved</title>";
  assert.equal(page(t, body("03/01/2017 by Agatha Caleo, Candidate Representative to the Candidate Liaison Committee")).author, "Agatha Caleo, Candidate Representative to the Candidate Liaison Committee");
  assert.equal(page(t, body("By: Benjamin Johnson, Sr. Director of Operations, Atlas Van Lines - 10+ Years in the Moving Industry")).author, "Benjamin Johnson, Sr. Director of Operations, Atlas Van Lines - 10+ Years in the Moving Industry");
  assert.equal(page(t, body("By Jane Doe, who has covered the harbour for years and is now retired.")).author, undefined);
});

test("authors: a name with its credentials ('Jane Doe, MD, FACS') under 'Article written by:' or in a 'written by' sentence keeps them; the role after them goes", () => {
  const t = "<title>Harbour project approved</title>";
  const body = (box: string) => `<div><h1>Harbour project approved</h1>${P(4)}<div class="box">${box}</div></div>`;
  assert.equal(page(t, body("<h2>Article written by:</h2><h3>Doris Munoz-Mantilla, MD, FOMA, DABOM</h3>")).author, "Doris Munoz-Mantilla, MD, FOMA, DABOM");
  assert.equal(page(t, body("<p>This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health.</p>")).author, "Vanessa Mendez, MD");
});

test("authors: a dateline on a line of its own with a name on the next names the author; a template placeholder in meta author is not a name", () => {
  const body = `<div><h1>Harbour project approved</h1><div>April 18, 2024</div><div>Tim Enwall</div>${P(4)}</div>`;
  assert.equal(page(`<title>Harbour project approved</title><meta name="author" content="page.head.extra.author">`, body).author, "Tim Enwall");
  assert.equal(cleanAuthor("page.head.extra.author"), undefined);
  assert.equal(page("<title>Harbour project approved</title>", `<div><p>April 18, 2024</p><h1>Harbour project approved</h1>${P(4)}</div>`).author, undefined);
});

test("authors: with none declared, an author box (a name, then a bio that starts with it) names the author; a term defined under its heading does not", () => {
  const t = "<title>Harbour project approved</title>";
  const bio = "is a growth-focused marketing professional who writes about harbours, ferries and the towns that depend on them.";
  assert.equal(page(t, `<div><h1>Harbour project approved</h1>${P(4)}<div class="box"><div>Elliot Raba</div><p>Enterprise Sales Executive</p><p>Elliot ${bio}</p></div></div>`).author, "Elliot Raba");
  assert.equal(page(t, `<div><h1>Harbour project approved</h1>${P(4)}<h3>Theft Protection</h3><p>Theft Protection ${bio}</p></div>`).author, undefined);
});

test("a personal site named after its owner, written in the first person, gives the owner as the author when no page names one", () => {
  const mine = Array.from({ length: 4 }, () => "<p>I moved my database to a small server last year, and I have not looked back since; my bill fell by half.</p>").join("");
  const ours = Array.from({ length: 4 }, () => "<p>We moved our customers to a small server last year, and we have not looked back since; our bill fell by half.</p>").join("");
  const html = (body: string, title = "Go ahead, self-host Postgres | Pierce Freeman") => `<html><head><title>${title}</title></head><body><article><h1>Go ahead, self-host Postgres</h1>${body}</article></body></html>`;
  assert.equal(extractHtml(html(mine), { url: "https://pierce.dev/notes/self-host" }).author, "Pierce Freeman");
  assert.equal(extractHtml(html(mine), { url: "https://piercefreeman.com/notes/self-host" }).author, "Pierce Freeman");
  // A company's voice, a host that does not spell the name, or a site name that is no person's name: no author.
  assert.equal(extractHtml(html(ours), { url: "https://pierce.dev/notes/self-host" }).author, undefined);
  assert.equal(extractHtml(html(mine), { url: "https://example.com/notes/self-host" }).author, undefined);
  assert.equal(extractHtml(html(mine, "Go ahead, self-host Postgres | PIERCE DEV"), { url: "https://piercedev.com/notes" }).author, undefined);
});

test("a personal site without a declared name is its footer's copyright holder's when the host spells the whole name; a company's is not", () => {
  const mine = Array.from({ length: 4 }, () => "<p>I moved my database to a small server last year, and I have not looked back since; my bill fell by half.</p>").join("");
  const html = (holder: string) => `<html><head><title>The 7 habits of ineffective agents</title></head><body><article><h1>The 7 habits of ineffective agents</h1>${mine}</article><footer>&copy; 2025 ${holder}. All rights reserved.</footer></body></html>`;
  assert.equal(extractHtml(html("Toby Hede"), { url: "https://tobyhede.com/blog/agents" }).author, "Toby Hede");
  assert.equal(extractHtml(html("Toby Hede"), { url: "https://example.com/blog/agents" }).author, undefined);
  assert.equal(extractHtml(html("Apple Inc"), { url: "https://apple.com/blog/agents" }).author, undefined);
});

test("several author-page links side by side, only separators between them, are the byline as written, beyond a JSON-LD author naming the first", () => {
  const ld = `<script type="application/ld+json">{"@type":"Article","headline":"Harbour project approved","author":{"@type":"Person","name":"Rui Ma"}}</script>`;
  const link = (slug: string, name: string) => `<a href="/report/author/${slug}/">${name}</a>`;
  const box = `<div class="text-2">${link("ruima", "Rui Ma")}<span>, </span>${link("heba", "Heba Ledwon")}<span> &amp;</span> ${link("suparn", "Suparn Patra")}</div>`;
  assert.equal(page(ld, `<article><h1>Harbour project approved</h1>${box}${P(4)}</article>`).author, "Rui Ma, Heba Ledwon & Suparn Patra");
  // A role between the names is no list: the first name stands.
  const roles = `<div class="text-2">${link("ruima", "Rui Ma")}, reporter, with ${link("heba", "Heba Ledwon")}</div>`;
  assert.equal(page(ld, `<article><h1>Harbour project approved</h1>${roles}${P(4)}</article>`).author, "Rui Ma");
});

test("a first name alone from twitter:data1 or an author-page link gives way to the full name the page shows on a line of its own", () => {
  const tw = `<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Brett">`;
  const body = (extra: string) => `<article><h1>Harbour project approved</h1>${P(4)}${extra}</article>`;
  assert.equal(page(tw, body("<h4>Brett Larkin</h4>")).author, "Brett Larkin");
  assert.equal(page(tw, body("")).author, "Brett");
  const link = `<div class="meta"><a href="/blog/authors/juliette">Juliette</a></div>`;
  assert.equal(page("<title>Harbour project approved</title>", `<article><h1>Harbour project approved</h1>${link}${P(4)}<p>Juliette Carreiro</p><p>Tech Writer</p></article>`).author, "Juliette Carreiro");
});

test("a byline with affiliation marks heads a paper's author list: every citation_authors tag names an author", () => {
  const head = ["Jennifer Huberty", "Jeni Green", "Chong Lee"].map((n) => `<meta name="citation_authors" content="${n}">`).join("");
  const byline = `<div class="authors"><span class="author">Jennifer Huberty <sup>1</sup></span>, <span class="author">Jeni Green <sup>2</sup></span></div>`;
  assert.equal(page(head, `<article><h1>Harbour project approved</h1>${byline}${P(4)}</article>`).author, "Jennifer Huberty, Jeni Green, Chong Lee");
});

test("a name on a line of its own above the dateline names the author; one word needs a bio on the page, and section links are not names", () => {
  const body = (lines: string, extra = "") => `<article><h1>Harbour project approved</h1>${lines}<p>March 5, 2026</p>${P(4)}${extra}</article>`;
  const title = "<title>Harbour project approved</title>";
  assert.equal(page(title, body("<p>Jane Doe</p>")).author, "Jane Doe");
  const team = `${title}<meta name="author" content="Acme Team">`;
  assert.equal(page(team, body("<div><span>Stefan</span></div>", "<p>Stefan is the founder of Acme and writes about podcasting gear for beginners.</p>")).author, "Stefan");
  assert.equal(page(team, body("<div><span>Stefan</span></div>")).author, "Acme Team");
  assert.equal(page(title, body(`<p><a href="/blog/category/marketing-strategy">Marketing Strategy</a></p>`)).author, undefined);
  assert.equal(page(title, body(`<p><a href="/blog">All Insights</a></p>`)).author, undefined);
});

test("titles: an <h1> that only links to the site's home page is the masthead, not the headline; a <title> it starts loses it", () => {
  const blog = (head: string) => page(head, `<header><h1 class="title"><a href="https://harbour.example/">Harbour Blog</a></h1><p>by Ada Lovelace</p></header><div class="post"><h3>Harbour project approved</h3>${P(4)}</div>`);
  assert.equal(blog(`<meta property="og:title" content="Harbour project approved"><title>Harbour Blog: Harbour project approved</title>`).title, "Harbour project approved");
  assert.equal(blog("<title>Harbour Blog Harbour project approved</title>").title, "Harbour project approved");
  assert.equal(blog("<title>Harbour Blog Harbour project approved</title>").author, "Ada Lovelace");
  assert.equal(page("<title>Harbour project approved</title>", `<h1><a href="/news/harbour">Harbour project approved</a></h1>${P(4)}`).title, "Harbour project approved");
});

/** An article page whose only heading is `text`. */
const h1 = (text: string) => `<article><h1>${text}</h1>${P(4)}</article>`;

test("titles: a heading in sentence case takes the casing of a declared title in title case with the same words, not of one that capitalises every word", () => {
  assert.equal(page("<title>How Much Should I Pay For Cleaning in San Diego? | Acme</title>", h1("How much should I pay for cleaning in San Diego?")).title, "How Much Should I Pay For Cleaning in San Diego?");
  assert.equal(page("<title>History of coffee | Origin, Spread, Facts | Britannica</title>", h1("history of coffee")).title, "History of coffee");
  assert.equal(page("<title>The Top 10 Commands To Teach Your Puppy First</title>", h1("The top 10 commands to teach your puppy first")).title, "The top 10 commands to teach your puppy first");
  assert.equal(page("<title>The best film of 2025, according to critics</title>", h1("The Best Film of 2025, According to Critics")).title, "The Best Film of 2025, According to Critics");
});

test("titles: a heading whose punctuation a wrong encoding turned into '?' gives way to the declared title it stands for; a real question mark stays", () => {
  assert.equal(page("<title>The Basics Of Event Planning: Beginner's Guide</title>", h1("The Basics Of Event Planning? Beginner? Guide")).title, "The Basics Of Event Planning: Beginner's Guide");
  assert.equal(page("<title>Need a Change? 7 Tips | Acme</title>", h1("Need a Change? 7 Vital Tips")).title, "Need a Change? 7 Vital Tips");
});

test("titles: a heading that adds the source's domain and a comment count after the declared title is the declared title; a year in brackets stays", () => {
  assert.equal(page("<title>Harbour project approved - Slashdot</title>", h1(`Harbour project approved <a href="https://latimes.com/x">(latimes.com)</a> <span>87</span>`)).title, "Harbour project approved");
  assert.equal(page("<title>Best movers in New York | Acme</title>", h1("Best movers in New York (2025)")).title, "Best movers in New York (2025)");
});

test("titles: a one-word section label before the declared title in the heading is not part of the headline; a longer lead-in is", () => {
  assert.equal(page("<title>Harbour project approved | Acme</title>", h1("<strong>Blog:</strong> Harbour project approved")).title, "Harbour project approved");
  assert.equal(page("<title>Harbour project approved | Acme</title>", h1("The 2024 Harbour Awards: Harbour project approved")).title, "The 2024 Harbour Awards: Harbour project approved");
});

test("titles: an all-capitals heading takes the declared title whose words it nearly repeats", () => {
  const body = `<article><h1>BEST DRIP COFFEE MAKER IN 2026: BUYING TIPS FROM COFFEE PROS</h1>${P(4)}</article>`;
  assert.equal(page("<title>Best Drip Coffee Maker 2026: Buying Tips From Coffee Pros</title>", body).title, "Best Drip Coffee Maker 2026: Buying Tips From Coffee Pros");
  assert.equal(page("<title>Best drip coffee makers, tested</title>", body).title, "BEST DRIP COFFEE MAKER IN 2026: BUYING TIPS FROM COFFEE PROS");
});

test("titles: leading parts of a <title> that name the site by its domain are not the headline", () => {
  const body = `<div><h1>Pulse!</h1>${P(4)}</div>`;
  assert.equal(page("<title>SoundStage! Xperience | SoundStageXperience.com - The Five Best Headphones (According to Me)</title>", body).title, "The Five Best Headphones (According to Me)");
  assert.equal(page("<title>Pulse | Example.com - The Five Best Headphones (According to Me)</title>", body).title, "Pulse | Example.com - The Five Best Headphones (According to Me)");
});

test("titles: a heading that lost the declared title's separator, or typesets its '--', is the declared title; a dash only typeset stays the heading's", () => {
  const lost = page(`<title>Tutoring Explained - Choosing a good tutor - Springfield College</title><meta property="og:title" content="Tutoring Explained - Choosing a good tutor">`, `<article><h1><span>Tutoring Explained</span> <span>Choosing a good tutor</span></h1>${P(4)}</article>`);
  assert.equal(lost.title, "Tutoring Explained - Choosing a good tutor");
  const doubled = page(`<meta property="og:title" content="Brains Are Not Required--Simple Cells Can Do It">`, `<article><h1>Brains Are Not Required—Simple Cells Can Do It</h1>${P(4)}</article>`);
  assert.equal(doubled.title, "Brains Are Not Required--Simple Cells Can Do It");
  const typeset = page(`<meta property="og:title" content="How to replace brake pads - From a Mechanic">`, `<article><h1>How to replace brake pads – From a Mechanic</h1>${P(4)}</article>`);
  assert.equal(typeset.title, "How to replace brake pads – From a Mechanic");
});

test("titles: a one-word heading that the declared title goes on from is the headline", () => {
  const entry = page(`<title>RESTAURANT Definition &amp; Meaning | Dictionary.com</title>`, `<article><h1>restaurant</h1>${P(4)}</article>`);
  assert.equal(entry.title, "restaurant");
  assert.equal(page(`<title>Restaurants near the harbour - City Guide</title>`, `<article><h1>restaurant</h1>${P(4)}</article>`).title, "Restaurants near the harbour");
});

test("of several headings, the headline is the one sharing meaningful words with the declared titles, not 'to', 'in', 'the'", () => {
  const head = `<title>Where to Go by the Water in Bristol | Harbour Magazine</title><meta property="og:title" content="Our Favourite Cycling Spots Near Bristol">`;
  const body = `<article><h1>Quiet Harbour Walks and Coves Near Bristol for Cycling</h1>${P(4)}</article><section><h1>Next in Your Guide to Getting Out on the Water in Bristol</h1><p>More to read.</p></section>`;
  assert.equal(page(head, body).title, "Quiet Harbour Walks and Coves Near Bristol for Cycling");
});

test("titles: a heading with a kicker line over the line the declared title opens with is that line; a separator the heading shows stays", () => {
  const kicker = `<article><h1><div>Read how they built it</div><span>Harbour Bakery</span></h1>${P(4)}</article>`;
  assert.equal(page("<title>Harbour Bakery | Acme Stories</title>", kicker).title, "Harbour Bakery");
  const both = `<article><h1><div>Tutoring Explained</div><div>Choosing a good tutor</div></h1>${P(4)}</article>`;
  assert.equal(page("<title>Tutoring Explained - Choosing a good tutor | Springfield</title>", both).title, "Tutoring Explained - Choosing a good tutor");
});

test("titles: an all-capitals heading with the declared title's very words in another order keeps its order, in the declared casing", () => {
  const body = `<article><h1>BEGINNER HARBOUR WALKS</h1>${P(4)}</article>`;
  assert.equal(page("<title>Harbour Beginner Walks</title>", body).title, "Beginner Harbour Walks");
});

test("titles: a heading whose styled parts meet as 'walksTwelve' reads them a word apart", () => {
  const body = `<article><h1>Harbour walks<span class="block">Twelve routes along the water</span></h1>${P(4)}</article>`;
  assert.equal(page("", body).title, "Harbour walks Twelve routes along the water");
});
