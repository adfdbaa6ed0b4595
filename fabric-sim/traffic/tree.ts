import type { FlowDef } from '../packet/network.js';
import { splitBytes } from './patterns.js';

/**
 * Double binary tree all-reduce (Sanders, Speck & Träff 2009; the NCCL tree algorithm): the
 * buffer is split in two halves, each all-reduced over its own binary tree (reduce toward the
 * root, then broadcast back). Tree 1 is the in-order tree over ranks 0..n-1, whose leaves are
 * exactly the even positions; tree 2 is the same tree over ranks shifted by one, so every rank
 * is an interior node of at most one tree and the two trees' traffic lands on different
 * ranks' links.
 */

/** Trailing zero bits of q >= 1. */
function trailingZeros(q: number): number {
  return 31 - Math.clz32(q & -q);
}

/**
 * Parent position of each position 0..n-1 in the in-order binary tree (-1 at the root): the
 * root of a range is its position p with the most trailing zeros in p + 1, and the two halves
 * beside it are its subtrees. Leaves are the even positions.
 */
export function inOrderTreeParents(n: number): Int32Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`inOrderTreeParents: n must be an integer >= 1, got ${String(n)}`);
  const parent = new Int32Array(n).fill(-1);
  const build = (lo: number, hi: number, up: number): void => {
    if (lo > hi) return;
    let root = lo;
    for (let p = lo + 1; p <= hi; p++) if (trailingZeros(p + 1) > trailingZeros(root + 1)) root = p;
    parent[root] = up;
    build(lo, root - 1, root);
    build(root + 1, hi, root);
  };
  build(0, n - 1, -1);
  return parent;
}

/** Parents of ranks 0..n-1 in the two trees (-1 at each root). */
export function doubleBinaryTree(n: number): [Int32Array, Int32Array] {
  const positions = inOrderTreeParents(n);
  const second = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    // Rank r sits at position r + 1 (mod n) in tree 2.
    const up = positions[(r + 1) % n]!;
    second[r] = up < 0 ? -1 : (up - 1 + n) % n;
  }
  return [positions, second];
}

/** Edges from the root to the deepest leaf. */
export function treeHeight(parent: Int32Array): number {
  let height = 0;
  for (let r = 0; r < parent.length; r++) {
    let depth = 0;
    for (let v = r; parent[v]! >= 0; v = parent[v]!) depth++;
    height = Math.max(height, depth);
  }
  return height;
}

/**
 * The flows of a double binary tree all-reduce of `bytes` over `ranks` (tree positions are
 * indices into `ranks`). With `chunkBytes`, each tree's half moves in pieces that pipeline:
 * piece j waits only for piece j below (reduce) or above (broadcast) and for piece j - 1 on
 * the same edge.
 */
export function treeAllReduceFlows(ranks: readonly number[], bytes: number, startNs = 0, chunkBytes = Infinity): FlowDef[] {
  const n = ranks.length;
  const flows: FlowDef[] = [];
  const halves = splitBytes(bytes, 2);
  for (const [t, parent] of doubleBinaryTree(n).entries()) {
    const pieces = Math.max(1, Math.ceil(halves[t]! / chunkBytes));
    const sizes = splitBytes(halves[t]!, pieces);
    const children: number[][] = Array.from({ length: n }, () => []);
    let root = -1;
    for (let v = 0; v < n; v++) {
      if (parent[v]! < 0) root = v;
      else children[parent[v]!]!.push(v);
    }
    // Flow index of (piece, v) for reduce (v -> parent) and broadcast (parent -> v).
    const reduceOf = new Int32Array(pieces * n).fill(-1);
    const broadcastOf = new Int32Array(pieces * n).fill(-1);
    for (let piece = 0; piece < pieces; piece++) {
      // Reduce, leaves first: a node sends once every child's piece has arrived.
      const order = bottomUp(parent, children, root);
      for (const v of order) {
        if (v === root) continue;
        const deps = children[v]!.map((c) => reduceOf[piece * n + c]!);
        if (piece > 0) deps.push(reduceOf[(piece - 1) * n + v]!);
        reduceOf[piece * n + v] = flows.length;
        flows.push({ src: ranks[v]!, dst: ranks[parent[v]!]!, bytes: Math.max(1, sizes[piece]!), startNs: deps.length === 0 ? startNs : 0, deps });
      }
      // Broadcast, root first: a node forwards once its parent's piece has arrived.
      for (const v of order.toReversed()) {
        if (v === root) continue;
        const up = parent[v]!;
        const deps = up === root ? children[root]!.map((c) => reduceOf[piece * n + c]!) : [broadcastOf[piece * n + up]!];
        if (piece > 0) deps.push(broadcastOf[(piece - 1) * n + v]!);
        broadcastOf[piece * n + v] = flows.length;
        flows.push({ src: ranks[up]!, dst: ranks[v]!, bytes: Math.max(1, sizes[piece]!), startNs: 0, deps });
      }
    }
  }
  return flows;
}

/** Every node after all of its children (post-order from the root). */
function bottomUp(parent: Int32Array, children: number[][], root: number): number[] {
  const out: number[] = [];
  const visit = (v: number): void => {
    for (const c of children[v]!) visit(c);
    out.push(v);
  };
  visit(root);
  if (out.length !== parent.length) throw new Error('treeAllReduceFlows: the tree does not span every rank');
  return out;
}
