import type { Article, Entity, Quote } from "../types/index.js";

export function storyQuotes(_articles: readonly Article[], _entities: readonly Entity[]): Quote[] {
  return [];
}
