/**
 * A small reader of regular expressions (JavaScript, `u` flag; the pattern has compiled already)
 * into atoms and groups with their quantifiers, for the guard in regex-safety.ts.
 */

interface Quantified {
  /** The quantifier allows more than one round (`*`, `+`, `{2,}`, `{1,5}`…). */
  repeats: boolean;
  /** The quantifier allows more than one number of rounds (`?`, `*`, `+`, `{n,}`, `{n,m}` with m > n): the part's length varies. */
  variable: boolean;
  /** The quantifier allows no round at all (`?`, `*`, `{0,…}`). */
  optional: boolean;
  /** There is a quantifier. */
  quantified: boolean;
}

export interface Atom extends Quantified {
  readonly kind: 'atom';
  readonly source: string;
  /** One character standing for itself (`a`, `-`, `\.`). */
  readonly literal: boolean;
  /** An anchor or word boundary: matches no character. */
  readonly zeroWidth: boolean;
}

export interface Group extends Quantified {
  readonly kind: 'group';
  readonly alternatives: Node[][];
  /** A lookahead or lookbehind: matches no character. */
  readonly lookaround: boolean;
}

export type Node = Atom | Group;

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/;
const META = new Set([...'^$.|?*+()[]{}\\']);

const NONE: Quantified = { repeats: false, variable: false, optional: false, quantified: false };

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
      Object.assign(node, this.quantifier());
      alternatives[alternatives.length - 1]?.push(node);
    }
    return alternatives;
  }

  private group(): Group {
    const prefix = /^\((?:\?(?::|=|!|<=|<!|<[^>]*>))?/.exec(this.pattern.slice(this.at))?.[0] ?? '(';
    this.at += prefix.length;
    const alternatives = this.alternatives();
    this.at += 1; // the `)`
    return { kind: 'group', alternatives, lookaround: /^\(\?(=|!|<=|<!)/.test(prefix), ...NONE };
  }

  private atom(): Atom {
    const start = this.at;
    const char = this.pattern[this.at] ?? '';
    if (char === '\\') this.at += escapeLength(this.pattern, this.at);
    else if (char === '[') this.at = classEnd(this.pattern, this.at);
    else this.at += String.fromCodePoint(this.pattern.codePointAt(this.at) ?? 0).length;
    const source = this.pattern.slice(start, this.at);
    const literal = (!/^[\\[]/.test(source) && !META.has(source)) || /^\\[\\^$.|?*+()[\]{}/-]$/.test(source);
    const zeroWidth = ['^', '$', '\\b', '\\B'].includes(source);
    return { kind: 'atom', source, literal, zeroWidth, ...NONE };
  }

  private quantifier(): Quantified {
    const match = QUANTIFIER.exec(this.pattern.slice(this.at));
    if (!match) return NONE;
    this.at += match[0].length;
    const [text, least, comma, most] = match;
    const head = text.charAt(0);
    if (head !== '{') return { quantified: true, repeats: head !== '?', variable: true, optional: head !== '+' };
    const min = Number(least);
    const max = comma === undefined ? min : most === '' ? Number.POSITIVE_INFINITY : Number(most);
    return { quantified: true, repeats: max > 1, variable: max > min, optional: min === 0 };
  }
}

const escapeLength = (pattern: string, at: number): number => {
  const rest = pattern.slice(at);
  const long = /^\\[pPu]\{[^}]*\}|^\\k<[^>]*>|^\\u[0-9a-fA-F]{4}|^\\x[0-9a-fA-F]{2}|^\\c[a-zA-Z]|^\\[1-9][0-9]*/.exec(rest);
  return long ? long[0].length : Math.min(2, rest.length);
};

const classEnd = (pattern: string, at: number): number => {
  let i = at + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
};

/** The pattern's alternatives, each a sequence of atoms and groups. */
export const parsePattern = (pattern: string): Node[][] => new Parser(pattern).alternatives();

/** The character an atom stands for, when it is a literal. */
export const literalChar = (atom: Atom): string => (atom.source.startsWith('\\') ? atom.source.slice(1) : atom.source);
