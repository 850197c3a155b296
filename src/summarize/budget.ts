import type { Budget } from "../types/index.js";

export const DEFAULT_WORDS = 120;

/** Without `fill`, a summary may run this far past its word budget to end on a whole sentence. */
export const OVERRUN = 1.15;

/**
 * Word-budget bookkeeping shared by every summariser. With `fill`, selection stops only once
 * the budget is reached (the scorer truncates, as ROUGE `-l` does); otherwise a sentence is taken
 * only while the summary stays within ~15% of the budget.
 */
export class BudgetTracker {
  words = 0;
  count = 0;
  private readonly limit: number;
  private readonly sentences?: number;

  private readonly fill: boolean;

  constructor(budget: Budget) {
    this.fill = budget.fill ?? false;
    this.sentences = budget.sentences;
    this.limit = budget.words ?? DEFAULT_WORDS;
  }

  get full(): boolean {
    if (this.sentences !== undefined) return this.count >= this.sentences;
    return this.fill ? this.words >= this.limit : this.words >= this.limit * 0.9;
  }

  fits(words: number): boolean {
    if (this.sentences !== undefined) return this.count < this.sentences;
    if (this.fill || this.count === 0) return true;
    return this.words + words <= this.limit * OVERRUN;
  }

  take(words: number): void {
    this.words += words;
    this.count++;
  }
}
