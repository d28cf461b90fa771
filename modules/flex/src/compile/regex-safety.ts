import { type Atom, type Group, literalChar, type Node, parsePattern } from './regex-parse.js';

/**
 * A guard against patterns a backtracking engine can take very long to match (ReDoS) on a text
 * of 10,000 characters. Refused:
 * - exponential: a repeated group that itself contains a repetition, like `(a+)+` or `(\w+\s?)*`,
 *   unless each round begins with a literal nothing else in the group can match, like `(-[a-z0-9]+)*`;
 *   and a repeated group whose alternatives can begin alike, like `(a|aa)*`;
 * - polynomial, or exponential through optional parts: three or more parts of variable length in a
 *   row, each able to begin with characters the ones before it can take, like `a*a*a*b`, `\s*.*\s*=`
 *   or `(ab)?(ab)?(ab)?` (two, like `\w+\.?\w+`, are fine; `\d+(\.\d+)?(e\d+)?` too: each begins apart).
 * Which characters a part can match is sampled (ASCII and a few others), so this is a guard, not a proof.
 */

const BASE_SAMPLE = [...'\t\n\r\u00a0éя中😀', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
/** The characters tried against each part: ASCII, a few others and every character of the pattern itself. */
let sample: readonly string[] = BASE_SAMPLE;
const masks = new WeakMap<Atom, bigint>();
const MAX_CHAIN = 2;
/** Rounds of a repeated group enough to show a chain longer than MAX_CHAIN. */
const ROUNDS = MAX_CHAIN + 1;

/** The sampled characters the atom can match, as bits (every bit when unsure). */
const maskOf = (atom: Atom): bigint => {
  if (atom.zeroWidth) return 0n;
  const known = masks.get(atom);
  if (known !== undefined) return known;
  let mask = 0n;
  sample.forEach((char, i) => {
    if (canMatch(atom, char)) mask |= 1n << BigInt(i);
  });
  masks.set(atom, mask);
  return mask;
};

const canMatch = (atom: Atom, char: string): boolean => {
  try {
    return new RegExp(`^(?:${atom.source})$`, 'u').test(char);
  } catch {
    return true;
  }
};

const repeatsInside = (alternatives: readonly Node[][]): boolean =>
  alternatives.some((nodes) => nodes.some((n) => n.repeats || (n.kind === 'group' && repeatsInside(n.alternatives))));

/** The atom a round must begin with, exactly once (undefined when a round may begin otherwise). */
const leading = (nodes: readonly Node[]): Atom | undefined => {
  const [first] = nodes;
  return first?.kind === 'atom' && !first.quantified && !first.zeroWidth ? first : undefined;
};

/** A repeated group whose rounds start with a literal no other part of the group can match. */
const delimited = (group: Group): boolean => {
  const [only, ...others] = group.alternatives;
  if (!only || others.length > 0) return false;
  const first = leading(only);
  if (!first?.literal) return false;
  const delimiter = literalChar(first);
  return only.slice(1).every((node) => node.kind === 'atom' && !canMatch(node, delimiter));
};

/** Alternatives no text can begin in two ways: each starts with its own atom, the literals distinct, at most one class (matching none of them). */
const disjoint = (alternatives: readonly Node[][]): boolean => {
  const firsts = alternatives.map(leading);
  if (firsts.some((a) => a === undefined)) return false;
  const atoms = firsts as Atom[];
  const literals = atoms.filter((a) => a.literal).map(literalChar);
  const classes = atoms.filter((a) => !a.literal);
  if (new Set(literals).size !== literals.length || classes.length > 1) return false;
  return classes.every((c) => literals.every((l) => !canMatch(c, l)));
};

const linearGroup = (group: Group): boolean => {
  if (!group.repeats) return true;
  if (repeatsInside(group.alternatives)) return delimited(group);
  return group.alternatives.length === 1 || disjoint(group.alternatives);
};

const noExponential = (alternatives: readonly Node[][]): boolean =>
  alternatives.every((nodes) => nodes.every((node) => node.kind === 'atom' || (linearGroup(node) && noExponential(node.alternatives))));

/** Runs of parts of variable length that can take the same characters: how many in the run, which characters. */
interface Chain {
  readonly count: number;
  readonly mask: bigint;
}

const groupMask = (alternatives: readonly Node[][]): bigint =>
  alternatives.flat().reduce((mask, n) => mask | (n.kind === 'atom' ? maskOf(n) : groupMask(n.alternatives)), 0n);

/** The characters a round of the group can begin with (all of its characters when its first part may be skipped). */
const firstMask = (alternatives: readonly Node[][]): bigint =>
  alternatives.reduce((mask, nodes) => {
    const first = nodes.find((n) => !(n.kind === 'atom' && n.zeroWidth) && !(n.kind === 'group' && n.lookaround));
    if (!first) return mask;
    if (first.optional || first.kind === 'group') return mask | groupMask([nodes]);
    return mask | maskOf(first);
  }, 0n);

/** A part whose length varies: by its quantifier, or by alternatives a text can begin alike (`(?:a|aa)`). */
const isVariable = (node: Node): boolean =>
  node.variable || (node.kind === 'group' && node.alternatives.length > 1 && !disjoint(node.alternatives));

/** The chains after one more part of the sequence; throws (caught below) when one grows too long. */
const step = (chains: readonly Chain[], node: Node): Chain[] => {
  if ((node.kind === 'group' && node.lookaround) || (node.kind === 'atom' && node.zeroWidth)) return [...chains];
  if (node.kind === 'group' && !isVariable(node)) {
    const rounds = node.quantified ? ROUNDS : 1;
    let current = [...chains];
    for (let i = 0; i < rounds; i++) current = dedupe(node.alternatives.flatMap((nodes) => nodes.reduce<Chain[]>(step, current)));
    return current;
  }
  const mask = node.kind === 'atom' ? maskOf(node) : groupMask(node.alternatives);
  if (!isVariable(node)) return chains.filter((c) => (c.mask & mask) !== 0n);
  const first = node.kind === 'atom' ? mask : firstMask(node.alternatives);
  const next: Chain[] = [{ count: 1, mask }];
  for (const chain of chains) {
    if ((chain.mask & first) !== 0n) next.push({ count: chain.count + 1, mask: chain.mask | mask });
    else if (node.optional) next.push(chain);
  }
  if (next.some((c) => c.count > MAX_CHAIN)) throw new TooLong();
  return dedupe(next);
};

class TooLong extends Error {}

const dedupe = (chains: readonly Chain[]): Chain[] => {
  const seen = new Map<string, Chain>();
  for (const chain of chains) seen.set(`${chain.count}:${chain.mask}`, chain);
  return [...seen.values()];
};

/** Checks the sequences, and each group's own (three rounds of it when it repeats: chains can run across rounds). */
const noLongChains = (alternatives: readonly Node[][], rounds = 1): boolean => {
  try {
    for (const nodes of alternatives)
      Array.from({ length: rounds }, () => nodes)
        .flat()
        .reduce<Chain[]>(step, []);
  } catch (error) {
    if (error instanceof TooLong) return false;
    throw error;
  }
  return alternatives.every((nodes) => nodes.every((n) => n.kind === 'atom' || noLongChains(n.alternatives, n.repeats ? ROUNDS : 1)));
};

/** False when matching the pattern could take exponential or high-polynomial time. */
export const patternIsSafe = (pattern: string): boolean => {
  const alternatives = parsePattern(pattern);
  sample = [...new Set([...BASE_SAMPLE, ...pattern])];
  try {
    return noExponential(alternatives) && noLongChains(alternatives);
  } finally {
    sample = BASE_SAMPLE;
  }
};
