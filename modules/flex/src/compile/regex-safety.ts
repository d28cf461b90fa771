/**
 * A guard against patterns that can take exponential time (ReDoS): a repeated group that itself
 * contains a repetition, like `(a+)+` or `(\w+\s?)*`, is refused unless each of its rounds begins
 * with a literal character that nothing else in the group can match, like `(-[a-z0-9]+)*`; then
 * the rounds cannot be cut in more than one way. The pattern has compiled with the `u` flag already.
 */

interface Atom {
  readonly kind: 'atom';
  readonly source: string;
  readonly literal: boolean;
  repeats: boolean;
  quantified: boolean;
}

interface Group {
  readonly kind: 'group';
  readonly alternatives: Node[][];
  repeats: boolean;
  quantified: boolean;
}

type Node = Atom | Group;

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/;
const META = new Set([...'^$.|?*+()[]{}\\']);

class Parser {
  private at = 0;
  constructor(private readonly pattern: string) {}

  /** The alternatives up to the end or the `)` closing the current group. */
  alternatives(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.at < this.pattern.length) {
      const char = this.pattern[this.at];
      if (char === ')') break;
      if (char === '|') {
        this.at += 1;
        alternatives.push([]);
        continue;
      }
      const node = char === '(' ? this.group() : this.atom();
      const quantifier = this.quantifier();
      node.quantified = quantifier !== undefined;
      node.repeats = quantifier === true;
      alternatives[alternatives.length - 1]?.push(node);
    }
    return alternatives;
  }

  private group(): Group {
    const prefix = /^\((?:\?(?::|=|!|<=|<!|<[^>]*>))?/.exec(this.pattern.slice(this.at))?.[0] ?? '(';
    this.at += prefix.length;
    const alternatives = this.alternatives();
    this.at += 1; // the `)`
    return { kind: 'group', alternatives, repeats: false, quantified: false };
  }

  private atom(): Atom {
    const start = this.at;
    const char = this.pattern[this.at] ?? '';
    if (char === '\\') this.at += escapeLength(this.pattern, this.at);
    else if (char === '[') this.at = classEnd(this.pattern, this.at);
    else this.at += char.length > 0 ? String.fromCodePoint(this.pattern.codePointAt(this.at) ?? 0).length : 1;
    const source = this.pattern.slice(start, this.at);
    const literal = (!/^[\\[]/.test(source) && !META.has(source)) || /^\\[\\^$.|?*+()[\]{}/-]$/.test(source);
    return { kind: 'atom', source, literal, repeats: false, quantified: false };
  }

  /** Reads a quantifier if there is one (undefined when none); true when it allows more than one round. */
  private quantifier(): boolean | undefined {
    const match = QUANTIFIER.exec(this.pattern.slice(this.at));
    if (!match) return undefined;
    this.at += match[0].length;
    const [text, least, comma, most] = match;
    if (text.startsWith('*') || text.startsWith('+')) return true;
    if (text.startsWith('?')) return false;
    if (comma === undefined) return Number(least) > 1;
    return most === '' || Number(most) > 1;
  }
}

const escapeLength = (pattern: string, at: number): number => {
  const rest = pattern.slice(at);
  const braced = /^\\[pPu]\{[^}]*\}|^\\k<[^>]*>|^\\u[0-9a-fA-F]{4}|^\\x[0-9a-fA-F]{2}|^\\c[a-zA-Z]|^\\[1-9][0-9]*/.exec(rest);
  return braced ? braced[0].length : Math.min(2, rest.length);
};

const classEnd = (pattern: string, at: number): number => {
  let i = at + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
};

const repeatsInside = (alternatives: readonly Node[][]): boolean =>
  alternatives.some((nodes) => nodes.some((n) => n.repeats || (n.kind === 'group' && repeatsInside(n.alternatives))));

/** Whether the atom can match the character (when unsure: yes). */
const canMatch = (atom: Atom, char: string): boolean => {
  try {
    return new RegExp(`^(?:${atom.source})$`, 'u').test(char);
  } catch {
    return true;
  }
};

const literalChar = (atom: Atom): string => (atom.source.startsWith('\\') ? atom.source.slice(1) : atom.source);

/** The atom a round must begin with, exactly once (undefined when a round may begin otherwise). */
const leading = (nodes: readonly Node[]): Atom | undefined => {
  const [first] = nodes;
  return first?.kind === 'atom' && !first.quantified && first.source !== '^' && first.source !== '$' ? first : undefined;
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

/**
 * Alternatives of a repeated group that no text can begin in two ways: each starts with its own
 * atom, the literal ones distinct and at most one of them a class (which matches none of the literals).
 */
const disjoint = (alternatives: readonly Node[][]): boolean => {
  const firsts = alternatives.map(leading);
  if (firsts.some((a) => a === undefined)) return false;
  const atoms = firsts as Atom[];
  const literals = atoms.filter((a) => a.literal).map(literalChar);
  const classes = atoms.filter((a) => !a.literal);
  if (new Set(literals).size !== literals.length || classes.length > 1) return false;
  return classes.every((c) => literals.every((l) => !canMatch(c, l)));
};

const safeGroup = (group: Group): boolean => {
  if (!group.repeats) return true;
  if (repeatsInside(group.alternatives)) return delimited(group);
  return group.alternatives.length === 1 || disjoint(group.alternatives);
};

const safe = (alternatives: readonly Node[][]): boolean =>
  alternatives.every((nodes) => nodes.every((node) => node.kind === 'atom' || (safeGroup(node) && safe(node.alternatives))));

/** False when the pattern nests repetitions in a way that can take exponential time to match. */
export const patternIsSafe = (pattern: string): boolean => safe(new Parser(pattern).alternatives());
