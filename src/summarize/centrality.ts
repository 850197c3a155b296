/** Sparse sentence vectors: sentence k holds dimensions `ids[from[k] .. from[k + 1])` (each once) with weights `vals`. */
export interface SentenceVectors {
  n: number;
  dims: number;
  from: Int32Array;
  ids: Int32Array;
  vals: Float64Array;
}

export interface CentralityOptions {
  /** Edges below this cosine are dropped (Erkan & Radev's 0.1). */
  threshold: number;
  damping: number;
  /** Where the walk restarts (sums to 1; uniform when absent): topic-sensitive LexRank (Otterbacher, Erkan & Radev 2005). */
  teleport?: Float64Array;
}

/**
 * LexRank centrality (Erkan & Radev 2004) of sentences: the stationary distribution of a damped
 * random walk over the graph of cosines reaching `threshold`, scaled to mean 1. Pairs are found
 * through an inverted index, so only sentences sharing a dimension are ever compared.
 */
export function centrality(v: SentenceVectors, options: CentralityOptions): Float64Array {
  const edges = similarPairs(v, options.threshold);
  const score = pageRank(edges, v.n, options.damping, options.teleport);
  let total = 0;
  for (let k = 0; k < v.n; k++) total += score[k];
  for (let k = 0; k < v.n; k++) score[k] = total > 0 ? (score[k] * v.n) / total : 1;
  return score;
}

/** Undirected weighted edges (a[e], b[e], w[e]). */
interface Edges {
  size: number;
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
}

/** The pairs of sentences whose cosine reaches `threshold`, with that cosine. */
function similarPairs(v: SentenceVectors, threshold: number): Edges {
  const { n, dims, from, ids, vals } = v;
  const start = new Int32Array(dims + 1);
  for (let j = 0; j < from[n]; j++) start[ids[j] + 1]++;
  for (let c = 0; c < dims; c++) start[c + 1] += start[c];
  const fill = start.slice(0, dims);
  // Postings of each dimension: the sentences holding it, ascending, and their weights there.
  const postings = new Int32Array(from[n]);
  const postingVal = new Float64Array(from[n]);
  const norm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sq = 0;
    for (let j = from[k]; j < from[k + 1]; j++) {
      const p = fill[ids[j]]++;
      postings[p] = k;
      postingVal[p] = vals[j];
      sq += vals[j] * vals[j];
    }
    norm[k] = Math.sqrt(sq);
  }
  const dot = new Float64Array(n);
  const touched = new Int32Array(n);
  const edges = emptyEdges(4 * n);
  for (let k = 0; k < n; k++) {
    let count = 0;
    for (let j = from[k]; j < from[k + 1]; j++) {
      const c = ids[j];
      // Only the later sentences (m > k): each pair once.
      for (let p = start[c + 1] - 1; p >= start[c] && postings[p] > k; p--) {
        const m = postings[p];
        if (dot[m] === 0) touched[count++] = m;
        dot[m] += vals[j] * postingVal[p];
      }
    }
    for (let t = 0; t < count; t++) {
      const m = touched[t];
      const cos = dot[m] / (norm[k] * norm[m]);
      dot[m] = 0;
      if (cos >= threshold) addEdge(edges, k, m, cos);
    }
  }
  return edges;
}

function emptyEdges(capacity: number): Edges {
  return { size: 0, a: new Int32Array(capacity), b: new Int32Array(capacity), w: new Float64Array(capacity) };
}

function addEdge(edges: Edges, a: number, b: number, w: number): void {
  if (edges.size === edges.a.length) {
    const grown = emptyEdges(2 * edges.size + 16);
    grown.a.set(edges.a);
    grown.b.set(edges.b);
    grown.w.set(edges.w);
    Object.assign(edges, { a: grown.a, b: grown.b, w: grown.w });
  }
  edges.a[edges.size] = a;
  edges.b[edges.size] = b;
  edges.w[edges.size++] = w;
}

/** Power iteration over the undirected graph, each sentence with a self-loop of weight 1 (LexRank's cosine matrix has a unit diagonal). */
function pageRank(edges: Edges, n: number, damping: number, teleport: Float64Array | undefined): Float64Array {
  const { start, neighbour, weight } = adjacency(edges, n);
  const rowSum = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 1;
    for (let j = start[k]; j < start[k + 1]; j++) sum += weight[j];
    rowSum[k] = sum;
  }
  let p = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    for (let k = 0; k < n; k++) share[k] = p[k] / rowSum[k];
    let change = 0;
    for (let k = 0; k < n; k++) {
      let inflow = share[k];
      for (let j = start[k]; j < start[k + 1]; j++) inflow += share[neighbour[j]] * weight[j];
      const v = (1 - damping) * (teleport ? teleport[k] : 1 / n) + damping * inflow;
      change += Math.abs(v - p[k]);
      next[k] = v;
    }
    const last = p;
    p = next;
    next = last;
    if (change < TOLERANCE) break;
  }
  return p;
}

/** The edges as adjacency lists: sentence k's neighbours are `neighbour[start[k] .. start[k + 1])`. */
function adjacency(edges: Edges, n: number): { start: Int32Array; neighbour: Int32Array; weight: Float64Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < edges.size; e++) {
    start[edges.a[e] + 1]++;
    start[edges.b[e] + 1]++;
  }
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const neighbour = new Int32Array(2 * edges.size);
  const weight = new Float64Array(2 * edges.size);
  for (let e = 0; e < edges.size; e++) {
    const a = edges.a[e];
    const b = edges.b[e];
    neighbour[fill[a]] = b;
    weight[fill[a]++] = edges.w[e];
    neighbour[fill[b]] = a;
    weight[fill[b]++] = edges.w[e];
  }
  return { start, neighbour, weight };
}

const MAX_ITERATIONS = 30;
/** L1 change of the distribution at which the iteration stops. */
const TOLERANCE = 1e-4;
