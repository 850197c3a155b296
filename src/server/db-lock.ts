import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * One server per database: the story grouping lives in the serving process's memory, so a second
 * server writing the same file would file articles under stories the first has merged away (they
 * vanish from every list). The lock is an exclusive SQLite lock on the empty file `<db>.serve-lock`,
 * which the OS releases when the process ends in any way (kill -9 included), so a restart never finds
 * a stale lock. The file stays beside the database: deleting it could let two servers lock two files.
 */
export class ServeLock {
  private constructor(private readonly db: Database.Database) {}

  static acquire(dbPath: string): ServeLock {
    const file = `${dbPath}.serve-lock`;
    let db: Database.Database | undefined;
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file, { timeout: 1000 });
      // Held until the connection closes: the transaction stays open and writes nothing.
      db.pragma("journal_mode = MEMORY");
      db.exec("BEGIN EXCLUSIVE");
      return new ServeLock(db);
    } catch (error) {
      db?.close();
      if ((error as { code?: string }).code === "SQLITE_BUSY") {
        throw new Error(`${dbPath} is already being served by another newsbrief serve: stop that one first, or give this one another --db`);
      }
      throw new Error(`cannot lock ${file} (beside the database, so that only one server uses it; the directory must be writable): ${(error as Error).message}`);
    }
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
