import { parentPort, Worker } from "node:worker_threads";

/**
 * One lazily started worker thread answering requests in order: each request gets an id, the
 * worker's reply settles it, and a worker that errors or exits fails what is pending (the next
 * request starts a fresh worker).
 */
export class WorkerChannel<Request, Reply> {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(
    private readonly script: URL,
    private readonly name: string,
    /** Passed to the worker as `workerData` (its configuration). */
    private readonly workerData?: unknown,
  ) {}

  request(body: Request): Promise<Reply> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, body });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
    this.failAll(new Error(`${this.name} closed`));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: this.workerData });
    worker.unref();
    worker.on("message", (m: { id: number; reply?: Reply; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.reply!);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`${this.name} worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** The worker side of a `WorkerChannel`: answers each request with `handle`, or with its error. */
export function answerRequests<Request, Reply>(handle: (body: Request) => Reply | Promise<Reply>): void {
  parentPort?.on("message", (m: { id: number; body: Request }) => {
    Promise.resolve()
      .then(() => handle(m.body))
      .then(
        (reply) => parentPort!.postMessage({ id: m.id, reply }),
        (error: Error) => parentPort!.postMessage({ id: m.id, error: error.message }),
      );
  });
}
