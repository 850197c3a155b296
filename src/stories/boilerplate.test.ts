import assert from "node:assert/strict";
import { test } from "node:test";
import { isCrawlJunk, isFurniture, storyMatter } from "./boilerplate.js";
import { groupStories } from "./index.js";

const COOKIE_WALL = "Please enable cookies on your web browser in order to continue. This site uses cookies to measure traffic; read our privacy policy and terms of use. Learn more.";
const FLOOD = "Floods swept the river valley on Monday. Rescuers evacuated villages near the dam as the water rose, and the regional governor asked the army for boats and helicopters.";
const RATES = "The central bank raised interest rates again on Thursday to fight inflation, its fourth increase this year, and signalled that borrowing costs would stay high.";

test("crawl junk is told from an article that carries some page furniture", () => {
  assert.ok(isCrawlJunk(COOKIE_WALL));
  assert.ok(isCrawlJunk("These crawls are part of an effort to archive pages as they are created. The seed list was every host in the wayback machine."));
  assert.ok(!isCrawlJunk(FLOOD));
  assert.ok(!isCrawlJunk(`Advertisement continue reading the main story. ${FLOOD} ${FLOOD}`));
  assert.ok(!isCrawlJunk("The president posted a tweet about the flood relief bill on Monday; critics said the bill would cut disaster aid by a third."));
});

test("a web archive's note about its own collection is crawl junk; an article that mentions a web archive is not", () => {
  assert.ok(isCrawlJunk("Narrow crawls gather frequently updated webcrawl data from a single domain. The library keeps them as warcs."));
  assert.ok(isCrawlJunk("This set of pages was captured by the state library's crawler for its web archive. Web archiving began in the spring."));
  assert.ok(!isCrawlJunk(`${FLOOD} The agency's old flood maps survive only in a web archive, officials said. ${RATES}`));
});

test("a video player's or a sign-in page's messages are crawl junk", () => {
  assert.ok(isCrawlJunk("The clip's transcript could not be loaded. This feature is not available right now. Please try again later."));
  assert.ok(isCrawlJunk("Welcome back. Sign in using your station profile. Forgot it? Check your email for a link."));
  assert.ok(isCrawlJunk("Your name will be shown beside your comments. It will not be shown anywhere else on this site."));
  assert.ok(!isCrawlJunk(`${FLOOD} The utility said its website was down and asked customers to try again later. ${RATES}`));
});

test("a site's furniture sentences opening unrelated articles do not glue them into one story", () => {
  const pitch = "Get breaking news alerts and special reports. The top stories of the day, delivered weekday mornings.";
  const stories = groupStories([
    { id: "flood", text: `${pitch} ${FLOOD}` },
    { id: "rates", text: `${pitch} ${RATES}` },
    { id: "flood2", text: `${pitch} Rescuers evacuated villages near the river dam on Monday as the floods swept the valley; the governor asked the army for helicopters.` },
  ]);
  assert.deepEqual(stories.map((s) => s.articleIds.sort()).sort(), [["flood", "flood2"], ["rates"]]);
  assert.equal(storyMatter(`${pitch} ${FLOOD}`).replace(/^[\s.]+/, ""), FLOOD);
  assert.equal(storyMatter(COOKIE_WALL), "");
});

test("a sentence is furniture when it holds a phrase only page furniture uses", () => {
  assert.ok(isFurniture("Sign up for our morning newsletter."));
  assert.ok(isFurniture("Copyright 2019 The Herald. All rights reserved."));
  assert.ok(!isFurniture("Floods swept the river valley on Monday."));
});

test("identical crawl junk in two stories' piles stays apart instead of gluing them", () => {
  const stories = groupStories([
    { id: "flood", text: FLOOD },
    { id: "junk1", text: COOKIE_WALL },
    { id: "rates", text: RATES },
    { id: "junk2", text: COOKIE_WALL },
  ]);
  const storyOf = (id: string) => stories.find((s) => s.articleIds.includes(id))!.id;
  assert.notEqual(storyOf("junk1"), storyOf("junk2"));
  assert.notEqual(storyOf("flood"), storyOf("rates"));
});
