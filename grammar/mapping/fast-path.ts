/**
 * A single-pass fast path for well-formed pieces of `.aadmap` files (see parseMappingFile).
 *
 * Why: the chevrotain lexer + CST parser + visitors cost ~25–40 µs per mapping line, several times
 * V8's JSON.parse of the same mappings as Graph JSON (the target is at most 2×: docs/performance.md). Nearly every
 * line of a real file is well-formed, so this scanner/parser reads the text directly and builds the
 * tree itself.
 *
 * The contract, as for the SCIM fast path: it returns EXACTLY the piece the reference parser
 * (parseMappingPiece with chevrotain and visitor.ts) builds — same nodes, ranges and key order —
 * for a piece on which the reference parser reports no diagnostic at all, or undefined, and the
 * reference parser reads the piece. It accepts a strict subset: one statement per line (no expression
 * continued over lines), spaces and tabs as the only whitespace, no keyword or scoping-operator
 * spelling used as a name, names and strings that need no diagnostic, nesting below
 * FAST_PATH_MAX_DEPTH. SCIM target paths go through parseAttributePath, strings through
 * decodeExpressionString, as in the visitors. test/grammar/mapping/pieces.test.ts proves the
 * equivalence (parseMappingFile, which uses this, against the whole-file reference parse) on
 * generated and mutated files.
 */
import type {
  Argument,
  AttributeReference,
  CallExpression,
  ComparisonOperatorText,
  Expression,
  NumberLiteral,
  StringLiteral,
} from '../expression/ast';
import { decodeExpressionString } from '../expression/strings';
import { fastParsePath } from '../scim/fast-path';
import { parseAttributePath } from '../scim/index';
import type {
  AttributeDeclaration,
  AttributeMapping,
  AttributeWord,
  BlockItem,
  Comment,
  Modifier,
  NameNode,
  ObjectMappingBlock,
  ScopeClause,
  ScopeGroup,
  ScopeOperatorNode,
  ScopeValue,
  TargetStatement,
} from './ast';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import { attributeFlag, KEYWORD_WORDS, SCOPE_OPERATOR_FIRST_WORDS, SCOPE_OPERATOR_PATTERN } from './vocabulary';

/** Deeper expressions go to the reference parser (which cuts them at MAX_NESTING = 64). */
const FAST_PATH_MAX_DEPTH = 48;

/** Every keyword of the file language (vocabulary.ts): a keyword is never an identifier. */
const KEYWORDS: ReadonlySet<string> = new Set(KEYWORD_WORDS);
/** Words that may start a scoping operator (tried by the lexer before identifiers). */
const OPERATOR_WORDS: ReadonlySet<string> = SCOPE_OPERATOR_FIRST_WORDS;
/** The lexer's ScopeOperator pattern, anchored here. */
const SCOPE_OPERATOR = new RegExp(SCOPE_OPERATOR_PATTERN, 'y');
const COMPARISON = /<>|<=|>=|=|<|>/y;
const HEX = /&H[0-9A-Fa-f]+/y;

/** Thrown to abandon the fast path; caught in fastParsePiece only. */
const DECLINE = Symbol('decline');

function isIdentifierStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}

/** tokens.ts targetPathStartChars: printable ASCII but `#[]"{}(),<`. */
function isTargetPathStart(code: number): boolean {
  return (
    code >= 33 &&
    code < 127 &&
    code !== 0x23 &&
    code !== 0x5b &&
    code !== 0x5d &&
    code !== 0x22 &&
    code !== 0x7b &&
    code !== 0x7d &&
    code !== 0x28 &&
    code !== 0x29 &&
    code !== 0x2c &&
    code !== 0x3c
  );
}

/**
 * Short strings of the texts read so far (keywords, function and attribute names, short constants),
 * found again by a hash of their characters. A name a file writes 5,000 times is then one string in
 * its tree instead of 5,000 copies (V8 copies a substring of fewer than 13 characters and makes a
 * longer one a 32-byte view of the text), and a word read only to be compared is not copied at all:
 * fewer bytes allocated and kept per mapping, so fewer and cheaper young-generation scavenges while a
 * large file is read (docs/performance.md, "Analysis of the two shapes"). Module-wide and bounded:
 * 512 entries, each a copy that keeps no document text alive.
 */
const INTERN_SLOTS = 512;
const internTable: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);
/** Names (identifiers, attribute names) up to this length are interned; they repeat across a file. */
const NAME_INTERN_MAX = 32;
/** String constants are interned while a substring would be a copy anyway (V8's SlicedString::kMinLength is 13). */
const CONSTANT_INTERN_MAX = 12;

/** text[start, end) as a string, the table's copy when it holds one (see internTable). */
function interned(text: string, start: number, end: number, maxLength: number): string {
  const length = end - start;
  if (length > maxLength) return text.substring(start, end);
  let hash = length;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const slot = hash & (INTERN_SLOTS - 1);
  const known = internTable[slot];
  if (known !== undefined && known.length === length && text.startsWith(known, start)) return known;
  const copy = text.substring(start, end);
  // A view of 13 characters or more would keep the whole text alive from the table: store (and
  // return) a view of a flat copy of it instead (V8 flattens the concatenation before slicing it).
  return (internTable[slot] = length < 13 ? copy : (' ' + copy).slice(1));
}

export interface FastPiece {
  targets: TargetStatement[];
  mappings: ObjectMappingBlock[];
  comments: Comment[];
}

class FastMappingParser {
  private pos: number;
  private depth = 0;
  private readonly targets: TargetStatement[] = [];
  private readonly mappings: ObjectMappingBlock[] = [];
  private readonly comments: Comment[] = [];
  /** For the shared builders: anything reported means "decline". */
  private readonly diagnostics: SyntaxDiagnostic[] = [];
  /**
   * The items of the lists being read (arguments, block items, modifiers…), innermost last: a list
   * is copied out at its exact length when it is complete (collect). An array grown by push keeps
   * room for 16 elements, and the tree of a 5,000-mapping file holds 15,000 small lists.
   */
  private readonly stack: unknown[] = [];

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  /**
   * One line (or a multi-line scope block) of a mapping block's body, from a line start to `end`:
   * what mappingBlock's loop reads for it. Undefined for a blank or comment line.
   */
  blockStatement(): { item?: BlockItem; comments: Comment[] } {
    this.skipSpace();
    let item: BlockItem | undefined;
    if (!this.atLineEnd()) {
      if (this.code() === 0x7d) throw DECLINE; // the block's end, not a statement
      item = this.blockItem();
    }
    this.lineEnd();
    if (this.pos !== this.end) throw DECLINE;
    return { item, comments: this.comments };
  }

  piece(): FastPiece {
    while (this.pos < this.end) {
      this.skipSpace();
      if (this.atLineEnd()) {
        this.lineEnd();
        continue;
      }
      if (this.targetPathEnd() !== undefined) throw DECLINE; // a mapping line outside a block
      const word = this.peekWord();
      if (word === 'target') this.targets.push(this.targetStatement());
      else if (word === 'mapping') this.mappings.push(this.mappingBlock());
      else throw DECLINE;
      this.lineEnd();
    }
    return { targets: this.targets, mappings: this.mappings, comments: this.comments };
  }

  /** The items pushed on the stack since `base`, as an array of their own; the stack drops them. */
  private collect<T>(base: number): T[] {
    const list = this.stack.slice(base) as T[];
    this.stack.length = base;
    return list;
  }

  // ---- lines and tokens ------------------------------------------------------------------------

  private code(at = this.pos): number {
    return at < this.end ? this.text.charCodeAt(at) : NaN;
  }

  private skipSpace(): void {
    while (this.pos < this.end) {
      const code = this.text.charCodeAt(this.pos);
      if (code !== 0x20 && code !== 0x09) break;
      this.pos++;
    }
  }

  /** At a comment, a line break or the end of the piece. */
  private atLineEnd(): boolean {
    const code = this.code();
    return code !== code || code === 0x23 || code === 0x0a || code === 0x0d;
  }

  /** Consumes an optional comment and the line break (or the end of the piece); nothing else may follow. */
  private lineEnd(): void {
    this.skipSpace();
    if (this.code() === 0x23) {
      const start = this.pos;
      while (this.pos < this.end && this.text.charCodeAt(this.pos) !== 0x0a && this.text.charCodeAt(this.pos) !== 0x0d) this.pos++;
      this.comments.push({ kind: 'comment', text: this.text.substring(start, this.pos), start, end: this.pos });
    }
    const code = this.code();
    if (code !== code) return;
    if (code === 0x0d) this.pos += this.code(this.pos + 1) === 0x0a ? 2 : 1;
    else if (code === 0x0a) this.pos++;
    else throw DECLINE;
  }

  /** The identifier-like word at the position (not consumed), or '' when none starts here. */
  private peekWord(): string {
    if (!isIdentifierStart(this.code())) return '';
    let end = this.pos + 1;
    while (end < this.end && isIdentifierPart(this.text.charCodeAt(end))) end++;
    return interned(this.text, this.pos, end, NAME_INTERN_MAX);
  }

  /**
   * An identifier token that is a name (not a keyword, not a scoping operator's first word),
   * consumed: its range is [position before, position after).
   */
  private identifier(): string {
    const image = this.peekWord();
    if (image === '' || KEYWORDS.has(image) || OPERATOR_WORDS.has(image)) throw DECLINE;
    this.pos += image.length;
    return image;
  }

  private keyword(word: string): { start: number; end: number } {
    if (this.peekWord() !== word) throw DECLINE;
    const start = this.pos;
    this.pos += word.length;
    return { start, end: this.pos };
  }

  private expect(char: number): number {
    if (this.code() !== char) throw DECLINE;
    return this.pos++;
  }

  /** A terminated double-quoted string (lexer StringLiteral) → string node, decoded. */
  private string(): StringLiteral {
    const start = this.pos;
    if (this.code() !== 0x22) throw DECLINE;
    let i = start + 1;
    let escapes = false;
    for (;;) {
      if (i >= this.end) throw DECLINE;
      const code = this.text.charCodeAt(i);
      if (code === 0x22) break;
      if (code === 0x0a || code === 0x0d) throw DECLINE;
      if (code === 0x5c) {
        const next = this.text.charCodeAt(i + 1);
        if (i + 1 >= this.end || next === 0x0a || next === 0x0d) throw DECLINE;
        escapes = true;
        i += 2;
      } else {
        i++;
      }
    }
    this.pos = i + 1;
    const raw = interned(this.text, start, this.pos, CONSTANT_INTERN_MAX);
    // Without a backslash the value is the text between the quotes (what decoding returns), read directly.
    const value = escapes ? decodeExpressionString(raw, start, this.diagnostics) : interned(this.text, start + 1, i, CONSTANT_INTERN_MAX);
    if (this.diagnostics.length > 0) throw DECLINE;
    return { kind: 'string', value, raw, start, end: this.pos };
  }

  /** visitor.ts `name`: an identifier or a string used as a name. */
  private name(): NameNode {
    if (this.code() === 0x22) {
      const string = this.string();
      return { kind: 'name', text: string.value, quoted: true, start: string.start, end: string.end };
    }
    const start = this.pos;
    const image = this.identifier();
    return { kind: 'name', text: image, quoted: false, start, end: this.pos };
  }

  /** The lexer's number tokens, scanned by hand (no match array per number): `-?[0-9]+(\.[0-9]+)?` and `&H[0-9A-Fa-f]+`. */
  private number(): NumberLiteral {
    const start = this.pos;
    const text = this.text;
    const hex = text.charCodeAt(start) === 0x26;
    let i = start;
    if (hex) {
      if (text.charCodeAt(i + 1) !== 0x48) throw DECLINE; // `H`
      i += 2;
      const digits = i;
      while (isHexDigit(text.charCodeAt(i))) i++;
      if (i === digits) throw DECLINE;
    } else {
      if (text.charCodeAt(i) === 0x2d) i++;
      const digits = i;
      while (isDigit(text.charCodeAt(i))) i++;
      if (i === digits) throw DECLINE;
      if (text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
    // Scanned in the whole text, as the lexer would: a token running past the piece is declined.
    if (i > this.end) throw DECLINE;
    this.pos = i;
    // `1.` `1a` `&H1G`: the lexer would go on with an error or a glued token.
    const next = this.code();
    if (next === 0x2e || isIdentifierPart(next)) throw DECLINE;
    return { kind: 'number', raw: interned(this.text, start, i, CONSTANT_INTERN_MAX), hex, start, end: i };
  }

  // ---- statements -------------------------------------------------------------------------------

  private targetStatement(): TargetStatement {
    const keyword = this.keyword('target');
    this.skipSpace();
    const value = this.name();
    return { kind: 'target', value, start: keyword.start, end: value.end };
  }

  private mappingBlock(): ObjectMappingBlock {
    const keyword = this.keyword('mapping');
    this.skipSpace();
    const name = this.string();
    this.skipSpace();
    const sourceObject = this.name();
    this.skipSpace();
    if (this.code() !== 0x2d || this.code(this.pos + 1) !== 0x3e) throw DECLINE;
    this.pos += 2;
    this.skipSpace();
    const targetObject = this.name();
    this.skipSpace();
    this.expect(0x7b);
    this.lineEnd();
    const base = this.stack.length;
    for (;;) {
      if (this.pos >= this.end) throw DECLINE; // no closing brace in this piece
      this.skipSpace();
      if (this.atLineEnd()) {
        this.lineEnd();
        continue;
      }
      if (this.code() === 0x7d) break;
      this.stack.push(this.blockItem());
      this.lineEnd();
    }
    const items = this.collect<BlockItem>(base);
    const close = this.pos++;
    return {
      kind: 'objectMapping',
      keyword,
      name,
      sourceObject,
      targetObject,
      items,
      closeBrace: close,
      start: keyword.start,
      end: close + 1,
    };
  }

  private blockItem(): BlockItem {
    const arrow = this.targetPathEnd();
    if (arrow !== undefined) return this.attributeMapping(arrow);
    const word = this.peekWord();
    if (word === 'scope') return this.scopeBlock();
    if (word === 'attribute') return this.attributeDeclaration();
    if (word === 'enabled') {
      const keyword = this.keyword('enabled');
      this.skipSpace();
      const value = this.peekWord();
      if (value !== 'true' && value !== 'false') throw DECLINE;
      const valueToken = this.keyword(value);
      return { kind: 'enabled', value: value !== 'false', start: keyword.start, end: valueToken.end };
    }
    if (word === 'flowTypes') {
      const keyword = this.keyword('flowTypes');
      this.skipSpace();
      const base = this.stack.length;
      for (;;) {
        const start = this.pos;
        const image = this.identifier();
        this.stack.push({ kind: 'name', text: image, quoted: false, start, end: this.pos });
        this.skipSpace();
        if (this.code() !== 0x2c) break;
        this.pos++;
        this.skipSpace();
      }
      const values = this.collect<NameNode>(base);
      return { kind: 'flowTypes', values, start: keyword.start, end: values[values.length - 1]!.end };
    }
    throw DECLINE;
  }

  /** visitor.ts attributeDeclaration: `attribute target|source NAME WORD "VALUE"* …`. */
  private attributeDeclaration(): AttributeDeclaration {
    const keyword = this.keyword('attribute');
    this.skipSpace();
    const sideWord = this.peekWord();
    if (sideWord !== 'target' && sideWord !== 'source') throw DECLINE;
    const sideToken = this.keyword(sideWord);
    const side: NameNode = { kind: 'name', text: sideWord, quoted: false, start: sideToken.start, end: sideToken.end };
    this.skipSpace();
    const name = this.name();
    const base = this.stack.length;
    for (;;) {
      this.skipSpace();
      if (this.atLineEnd()) break;
      const start = this.pos;
      const image = this.identifier();
      const end = this.pos;
      const word: AttributeWord = {
        kind: 'attributeWord',
        name: { kind: 'name', text: image, quoted: false, start, end },
        values: [],
        start,
        end,
      };
      for (;;) {
        this.skipSpace();
        if (this.code() !== 0x22) break;
        const value = this.string();
        word.values.push(value);
        word.end = value.end;
      }
      this.stack.push(word);
    }
    const words = this.collect<AttributeWord>(base);
    const type = words.length && !attributeFlag(words[0]!.name.text) && words[0]!.values.length === 0 ? words.shift()!.name : undefined;
    const end = Math.max(keyword.end, side.end, name.end, type?.end ?? 0, words.length ? words[words.length - 1]!.end : 0);
    return { kind: 'attributeDeclaration', keyword, side, name, type, flags: words, start: keyword.start, end };
  }

  /**
   * tokens.ts matchTargetPath at the position (a line start after indentation): the offset of `<-`
   * and the end of the path, or undefined when the line is not a mapping line.
   */
  private targetPathEnd(): { pathEnd: number; arrow: number } | undefined {
    const offset = this.pos;
    if (!isTargetPathStart(this.code())) return undefined;
    let inString = false;
    for (let i = offset; i < this.end; i++) {
      const code = this.text.charCodeAt(i);
      if (code === 10 || code === 13) return undefined;
      if (inString) {
        if (code === 92) i++;
        else if (code === 34) inString = false;
      } else if (code === 34) {
        inString = true;
      } else if (code === 35) {
        return undefined;
      } else if (code === 60 && this.text.charCodeAt(i + 1) === 45) {
        let end = i;
        while (end > offset && (this.text.charCodeAt(end - 1) === 0x20 || this.text.charCodeAt(end - 1) === 0x09)) end--;
        return end === offset ? undefined : { pathEnd: end, arrow: i };
      }
    }
    return undefined;
  }

  private attributeMapping({ pathEnd, arrow }: { pathEnd: number; arrow: number }): AttributeMapping {
    const start = this.pos;
    const image = interned(this.text, start, pathEnd, NAME_INTERN_MAX);
    // The SCIM fast path directly (what parseAttributePath tries first), without a result object.
    let path = fastParsePath(image, start);
    if (path === undefined) {
      const parsedPath = parseAttributePath(image, { baseOffset: start });
      if (parsedPath.diagnostics.length > 0) throw DECLINE;
      path = parsedPath.ast;
    }
    this.pos = arrow + 2;
    const arrowEnd = this.pos;
    this.skipSpace();
    let source: AttributeMapping['source'];
    if (this.peekWord() === 'none') {
      const none = this.keyword('none');
      source = { kind: 'none', start: none.start, end: none.end };
    } else {
      source = this.expression();
    }
    const base = this.stack.length;
    for (;;) {
      this.skipSpace();
      if (this.atLineEnd()) break;
      const modifier = this.modifier();
      for (let i = base; i < this.stack.length; i++) if ((this.stack[i] as Modifier).kind === modifier.kind) throw DECLINE; // duplicate-modifier
      this.stack.push(modifier);
    }
    // No modifier (most lines): a fresh empty array, which holds no element store.
    const modifiers = this.stack.length === base ? [] : this.collect<Modifier>(base);
    const end = Math.max(source.end, arrowEnd, modifiers.length ? modifiers[modifiers.length - 1]!.end : 0);
    return {
      kind: 'attributeMapping',
      target: { kind: 'targetAttribute', text: image, path, start, end: pathEnd },
      arrow,
      source,
      modifiers,
      start,
      end,
    };
  }

  private modifier(): Modifier {
    const word = this.peekWord();
    const keyword = this.keyword(word);
    const start = keyword.start;
    switch (word) {
      case 'match': {
        this.skipSpace();
        if (this.code() === 0x26) throw DECLINE; // a hex number is not a match priority
        const value = this.number();
        return { kind: 'match', value, start, end: value.end };
      }
      case 'default': {
        this.skipSpace();
        const value = this.string();
        return { kind: 'default', value, start, end: value.end };
      }
      case 'on': {
        this.skipSpace();
        const create = this.keyword('create');
        return { kind: 'onCreate', start, end: create.end };
      }
      case 'flowType':
      case 'flowBehavior': {
        this.skipSpace();
        const valueStart = this.pos;
        const image = this.identifier();
        const end = this.pos;
        return { kind: word, value: { kind: 'name', text: image, quoted: false, start: valueStart, end }, start, end };
      }
      case 'exportMissingReferences':
        return { kind: 'exportMissingReferences', start, end: keyword.end };
      default:
        throw DECLINE;
    }
  }

  private scopeBlock(): ScopeGroup {
    const keyword = this.keyword('scope');
    this.skipSpace();
    const name = this.string();
    this.skipSpace();
    this.expect(0x7b);
    this.lineEnd();
    const base = this.stack.length;
    for (;;) {
      if (this.pos >= this.end) throw DECLINE;
      this.skipSpace();
      if (this.atLineEnd()) {
        this.lineEnd();
        continue;
      }
      if (this.code() === 0x7d) break;
      this.stack.push(this.scopeClause());
      this.lineEnd();
    }
    const clauses = this.collect<ScopeClause>(base);
    const close = this.pos++;
    return { kind: 'scope', name, clauses, closeBrace: close, start: keyword.start, end: close + 1 };
  }

  private scopeClause(): ScopeClause {
    const attribute = this.attribute();
    this.skipSpace();
    let operator: ScopeOperatorNode;
    if (this.peekWord() === 'operator') {
      const custom = this.keyword('operator');
      this.skipSpace();
      const name = this.string();
      operator = { name: name.value, custom: true, start: custom.start, end: name.end };
    } else {
      if (this.code() === 0x26) {
        HEX.lastIndex = this.pos;
        if (HEX.test(this.text)) throw DECLINE; // `&H1F` is a number
      }
      SCOPE_OPERATOR.lastIndex = this.pos;
      const match = SCOPE_OPERATOR.exec(this.text);
      if (match === null) throw DECLINE;
      const start = this.pos;
      this.pos += match[0].length;
      // `EQUALSX`: the lexer reads a longer identifier instead.
      if (isIdentifierPart(this.code()) && isIdentifierPart(this.text.charCodeAt(this.pos - 1))) throw DECLINE;
      operator = { name: match[0].replace(/[ \t]+/g, ' '), custom: false, start, end: this.pos };
    }
    const base = this.stack.length;
    this.skipSpace();
    if (!this.atLineEnd()) {
      for (;;) {
        this.stack.push(this.scopeValue());
        this.skipSpace();
        if (this.code() !== 0x2c) break;
        this.pos++;
        this.skipSpace();
      }
    }
    const values = this.stack.length === base ? [] : this.collect<ScopeValue>(base);
    const end = Math.max(attribute.end, operator.end, values.length ? values[values.length - 1]!.end : 0);
    return { kind: 'clause', attribute, operator, values, start: attribute.start, end };
  }

  private scopeValue(): ScopeValue {
    const code = this.code();
    if (code === 0x22) return this.string();
    const word = this.peekWord();
    if (word === 'true' || word === 'false') {
      const token = this.keyword(word);
      return { kind: 'boolean', value: word === 'true', start: token.start, end: token.end };
    }
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.number();
    throw DECLINE;
  }

  // ---- expressions (expression/visitor.ts shapes) -------------------------------------------------

  private expression(): Expression {
    const left = this.term();
    this.skipSpace();
    COMPARISON.lastIndex = this.pos;
    const match = this.code() === 0x3c || this.code() === 0x3e || this.code() === 0x3d ? COMPARISON.exec(this.text) : null;
    if (match === null) return left;
    const operatorStart = this.pos;
    this.pos += match[0].length;
    const operatorEnd = this.pos;
    this.skipSpace();
    const right = this.term();
    return {
      kind: 'comparison',
      operator: match[0] as ComparisonOperatorText,
      operatorRange: { start: operatorStart, end: operatorEnd },
      left,
      right,
      start: left.start,
      end: Math.max(right.end, operatorEnd),
    };
  }

  private term(): Expression {
    const code = this.code();
    if (code === 0x5b) return this.attribute();
    if (code === 0x22) return this.string();
    if (code === 0x26 || code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.number();
    if (isIdentifierStart(code)) return this.call();
    throw DECLINE;
  }

  private attribute(): AttributeReference {
    const start = this.expect(0x5b);
    let i = this.pos;
    while (i < this.end) {
      const code = this.text.charCodeAt(i);
      if (code === 0x5d) break;
      if (code === 0x0a || code === 0x0d) throw DECLINE;
      i++;
    }
    if (i >= this.end) throw DECLINE;
    this.pos = i + 1;
    return {
      kind: 'attribute',
      name: interned(this.text, start + 1, i, NAME_INTERN_MAX),
      nameRange: { start: start + 1, end: i },
      start,
      end: this.pos,
    };
  }

  private call(): Expression {
    const start = this.pos;
    const image = this.identifier();
    const nameEnd = this.pos;
    this.skipSpace();
    if (this.code() !== 0x28) {
      this.pos = nameEnd; // whitespace after a bare identifier belongs to what follows
      return { kind: 'identifier', name: image, start, end: nameEnd };
    }
    if (++this.depth > FAST_PATH_MAX_DEPTH) throw DECLINE;
    const openParen = this.pos++;
    // Positions between separators: an empty one is `{ kind: 'empty' }` spanning the blank.
    const base = this.stack.length;
    let separator = openParen;
    let commas = 0;
    for (;;) {
      this.skipSpace();
      const code = this.code();
      if (code === 0x2c || code === 0x29) {
        this.stack.push({ kind: 'empty', start: separator + 1, end: Math.max(separator + 1, this.pos) });
      } else {
        this.stack.push(this.expression());
        this.skipSpace();
      }
      const next = this.code();
      if (next === 0x2c) {
        separator = this.pos++;
        commas++;
        continue;
      }
      if (next !== 0x29) throw DECLINE;
      break;
    }
    // `f()` is a call with no arguments, not one empty argument.
    if (commas === 0 && this.stack.length === base + 1 && (this.stack[base] as Argument).kind === 'empty') this.stack.length = base;
    const args = this.stack.length === base ? [] : this.collect<Argument>(base);
    const closeParen = this.pos++;
    this.depth--;
    // One literal in the reference parser's key order (closeParen last): no property added later.
    const call: CallExpression = {
      kind: 'call',
      name: image,
      nameRange: { start, end: nameEnd },
      args,
      openParen,
      start,
      end: this.pos,
      closeParen,
    };
    return call;
  }
}

/**
 * The trees of text[start, end) as one piece, when the reference parser would report nothing;
 * undefined otherwise (or on any failure here: it can cost speed, never an answer).
 */
export function fastParsePiece(text: string, start: number, end: number): FastPiece | undefined {
  try {
    return new FastMappingParser(text, start, end).piece();
  } catch {
    return undefined;
  }
}

/**
 * text[start, end) read as ONE statement of a mapping block's body (a line, or a scope block with
 * its clauses), as fastParsePiece reads it inside a block; undefined when the fast path declines.
 * A block whose header, statements and closing line are each accepted is accepted whole, with the
 * same items: the block loop reads one statement after the other with no state in between
 * (incremental diagnostics read large blocks statement by statement: server/service/block-statements.ts).
 */
export function fastParseBlockStatement(text: string, start: number, end: number): { item?: BlockItem; comments: Comment[] } | undefined {
  try {
    return new FastMappingParser(text, start, end).blockStatement();
  } catch {
    return undefined;
  }
}
