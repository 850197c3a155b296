import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { SqliteStore } from "../store/sqlite.js";
import { wikinewsArticles } from "../testing/newsroom.js";

const BIN = fileURLToPath(new URL("../cli/bin.js", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "nb-kill-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `newsbrief serve` as a real child process and resolves with its URL once it prints it. */
function startChild(db: string, user: { uid?: number; gid?: number } = {}): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"], ...user });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL in 20 s; stderr: ${err}`)), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stderr: () => err });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening: ${err}`));
    });
  });
}

test("every write the API acknowledged survives kill -9 of the server right after the response", async () => {
  const db = path.join(dir, "kill.db");
  const { child, url } = await startChild(db);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const articles = wikinewsArticles().slice(0, 60);
  const acknowledged = new Map<string, string>();
  const postJson = async (body: unknown) => {
    const r = await fetch(`${url}/api/articles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    assert.ok(r.status === 201 || r.status === 200, `status ${r.status}: ${await r.clone().text()}`);
    return r.json() as Promise<{ id?: string; results?: Array<{ id: string; status: string }> }>;
  };
  try {
    // Ten single posts in parallel, then a batch of fifty; the kill follows the last response at once.
    const singles = await Promise.all(articles.slice(0, 10).map((a) => postJson(a)));
    singles.forEach((r, i) => acknowledged.set(r.id!, articles[i].title));
    const batch = await postJson({ articles: articles.slice(10) });
    child.kill("SIGKILL");
    batch.results!.forEach((r, i) => {
      if (r.status === "created") acknowledged.set(r.id, articles[10 + i].title);
    });
  } finally {
    child.kill("SIGKILL");
  }
  assert.equal(await exited, "SIGKILL");
  assert.ok(acknowledged.size >= 55, `most articles were new (${acknowledged.size})`);

  // A restart listens at once and rebuilds the story index meanwhile; a write sent then waits for it and lands.
  const restarted = await startChild(db);
  try {
    assert.match(restarted.stderr(), new RegExp(`^newsbrief serve: loading the story index of ${acknowledged.size} stored articles; reading works now`), "a restart says what it loads");
    const late = wikinewsArticles()[60];
    const posted = await fetch(`${restarted.url}/api/articles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(late) });
    assert.equal(posted.status, 201, await posted.clone().text());
    acknowledged.set(((await posted.json()) as { id: string }).id, late.title);
    const health = (await (await fetch(`${restarted.url}/api/health`)).json()) as { storyIndex: string };
    assert.equal(health.storyIndex, "ready", "a write answered means the index was loaded");
    const loaded = `\nnewsbrief serve: story index loaded (${acknowledged.size - 1} stored articles, `;
    // stderr is a pipe of its own: its line may reach us just after the HTTP answer.
    for (let waited = 0; waited < 5000 && !restarted.stderr().includes(loaded); waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.ok(restarted.stderr().includes(loaded), restarted.stderr());
  } finally {
    restarted.child.kill("SIGKILL");
  }
  const store = new SqliteStore(db);
  try {
    assert.equal((await store.counts()).articles, acknowledged.size);
    for (const [id, title] of acknowledged) {
      const a = await store.getArticle(id);
      assert.ok(a, `acknowledged article ${id} is in the store`);
      assert.equal(a.title, title);
      assert.deepEqual(await store.search(title.split(" ").slice(0, 3).join(" "), 100).then((hits) => hits.some((h) => h.articleId === id)), true, `FTS index has ${id}`);
    }
  } finally {
    await store.close();
  }
});

test("a second server on the same database is refused with a message, and the first keeps serving; after kill -9 a new one starts", async () => {
  const db = path.join(dir, "two.db");
  const first = await startChild(db);
  try {
    const second = startChild(db).then((s) => s.child.kill("SIGKILL"));
    await assert.rejects(second, /two\.db is already being served by another newsbrief serve/);
    assert.equal((await fetch(`${first.url}/api/health`)).status, 200);
  } finally {
    first.child.kill("SIGKILL");
  }
  await new Promise((resolve) => first.child.once("exit", resolve));
  const next = await startChild(db);
  next.child.kill("SIGKILL");
});

test("a database file the server cannot write is refused at start, naming it, instead of answering every write with a 500", async () => {
  const roDir = path.join(dir, "ro");
  mkdirSync(roDir);
  const db = path.join(roDir, "ro.db");
  const seed = new SqliteStore(db);
  try {
    // The database and its -wal and -shm files read-only, as after a copy or a mount; the directory stays writable.
    for (const f of readdirSync(roDir)) chmodSync(path.join(roDir, f), 0o444);
    chmodSync(dir, 0o755);
    chmodSync(roDir, 0o777);
    // Permission bits do not bind root: then the server runs as nobody.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const started = startChild(db, user).then((s) => s.child.kill("SIGKILL"));
    await assert.rejects(started, /cannot use .*ro\.db: attempt to write a readonly database \(the server stores what it receives there/);
  } finally {
    await seed.close();
  }
});
