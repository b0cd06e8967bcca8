/**
 * Reading a YAML data file (rules, contexts, the cytokine lexicon) and turning what is wrong with it into
 * problems a person can act on: file, line, the rule or entry, and the field. Shared so every data file
 * fails the same way.
 */
import type * as v from 'valibot';
import { isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** A data file as read from disk or typed in the options page. */
export interface RuleFileText {
  /** Shown in messages, e.g. `rules/stability.yaml`. */
  file: string;
  text: string;
}

/** One problem in one data file. */
export interface RuleProblem {
  file: string;
  /** 1-based line of the offending value, when known. */
  line?: number;
  /** The id of the rule (or lexicon entry) at fault, or `#N` when it has none. */
  ruleId?: string;
  /** What `ruleId` names: a rule unless said otherwise. */
  kind?: 'rule' | 'entry' | 'vocabulary';
  /** Dotted path of the field, e.g. `sources[0].anchor`. */
  field?: string;
  message: string;
}

/** Thrown when any data file is invalid; `problems` lists each one, `message` reads well in a terminal. */
export class RuleSetError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleSetError';
  }
}

function formatProblem(p: RuleProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const rule = p.ruleId === undefined ? '' : ` ${p.kind ?? 'rule'} "${p.ruleId}",`;
  const field = p.field === undefined ? '' : ` field "${p.field}":`;
  return `${where}:${rule}${field} ${p.message}`;
}

/** A parsed file, with what is needed to point back at its lines. */
export interface ParsedYaml {
  value: unknown;
  doc: Document;
  lines: LineCounter;
}

/**
 * Parses `source`, or records its first syntax error (or every value a #Tag cut short) in `problems` and returns
 * undefined. `kind` names the file's items in those problems.
 */
export function parseYaml(source: RuleFileText, problems: RuleProblem[], kind: RuleProblem['kind'] = 'rule'): ParsedYaml | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: true });
  const [err] = doc.errors;
  if (err) {
    // The first syntax error is the real one; the rest usually cascade from it.
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ file: source.file, line: err.linePos?.[0].line, message: `is not valid YAML: ${message}` });
    return undefined;
  }
  const parsed: ParsedYaml = { value: doc.toJS() as unknown, doc, lines };
  return cutShort(source.file, parsed, problems, kind) ? undefined : parsed;
}

/**
 * YAML reads " #" as the start of a comment even in the middle of an unquoted value: `- since #Value years`
 * leaves the pattern "since". A comment that opens with a capital right after the # is a compromise #Tag: each
 * such value becomes a problem naming its item and field. Whether there was any.
 */
function cutShort(file: string, parsed: ParsedYaml, problems: RuleProblem[], kind: RuleProblem['kind']): boolean {
  let found = false;
  visit(parsed.doc, {
    Scalar(_, node, ancestors) {
      const comment = node.comment ?? '';
      if (node.value === null || !/^[A-Z]/.test(comment)) return;
      // The path of keys and indexes down to the value, as a schema issue would give it.
      const path: (string | number)[] = [];
      const chain = [...ancestors, node];
      for (let i = 1; i < chain.length; i++) {
        const [parent, child] = [chain[i - 1], chain[i]];
        if (isSeq(parent)) path.push(parent.items.indexOf(child));
        else if (isPair(parent) && isScalar(parent.key) && child === parent.value) path.push(String(parent.key.value));
      }
      const value = typeof node.value === 'string' ? node.value : JSON.stringify(node.value);
      const message = `"${value} #${comment.split(' ')[0]}…" is cut short: YAML reads " #" as the start of a comment, so quote the whole value`;
      problems.push(atPath({ file, line: lineOf(parsed, path), message }, parsed, path, kind));
      found = true;
    },
  });
  return found;
}

/**
 * A schema issue as a problem. In a file that is a list of items (rules, entries), the first path step is
 * the item: it becomes `ruleId` (the item's id, or `#N`) and `kind` says what the item is.
 */
export function issueProblem(
  file: string,
  parsed: ParsedYaml,
  issue: v.BaseIssue<unknown>,
  root: SchemaNode,
  kind: RuleProblem['kind'] = 'rule',
): RuleProblem {
  const steps = (issue.path ?? []).map((item) => ({ key: item.key as string | number, input: item.input }));
  const path = steps.map((s) => s.key);
  return atPath({ file, line: lineOf(parsed, path), message: issueMessage(issue, steps, root) }, parsed, path, kind);
}

/**
 * `problem` placed at `path`: in a file that is a list of items, the first step is the item (its id, or `#N`,
 * and `kind`), and the rest is the field.
 */
function atPath(problem: RuleProblem, parsed: ParsedYaml, path: (string | number)[], kind: RuleProblem['kind'] = 'rule'): RuleProblem {
  const [first, ...rest] = path;
  if (typeof first === 'number') {
    const id = parsed.doc.getIn([first, 'id']);
    problem.ruleId = typeof id === 'string' ? id : `#${first + 1}`;
    if (kind !== 'rule') problem.kind = kind;
  }
  const field = typeof first === 'number' ? rest : path;
  if (field.length > 0) problem.field = formatPath(field);
  return problem;
}

/** One step of an issue's path: the key, and the object or array it was looked up in. */
interface PathStep {
  key: string | number;
  input: unknown;
}

/** valibot reports missing and unknown keys with the enclosing object's message; say plainly what is wrong. */
function issueMessage(issue: v.BaseIssue<unknown>, steps: PathStep[], root: SchemaNode): string {
  // YAML reads an unquoted `#Value years` as a comment, leaving an empty (null) entry.
  if (issue.input === null && issue.type === 'string') {
    return 'is empty: YAML reads an unquoted value starting with # as a comment, so quote it (e.g. "#Value years")';
  }
  if (issue.type !== 'strict_object' || steps.length === 0) return issue.message;
  if (issue.expected === 'never') {
    const key = String(steps[steps.length - 1]!.key);
    const known = Object.keys(schemaAt(root, steps.slice(0, -1), steps[steps.length - 1]!.input)?.entries ?? {});
    const near = closest(key, known);
    return `is not a known field${near ? `; did you mean "${near}"?` : ` (known: ${known.join(', ')})`}`;
  }
  return issue.input === undefined ? 'is missing' : issue.message;
}

/** The parts of a valibot schema we walk to find which keys an object allows. */
export interface SchemaNode {
  type: string;
  item?: SchemaNode;
  value?: SchemaNode;
  wrapped?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  /** `v.lazy`: the schema depends on the value, as for a source that is either `{ seed, anchor }` or `{ general }`. */
  getter?: (input: unknown) => SchemaNode;
}

/** The schema of the value reached by `steps`; `value` is that value, for schemas chosen by their input. */
function schemaAt(root: SchemaNode, steps: readonly PathStep[], value: unknown): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const step of steps) {
    node = unwrap(node, step.input);
    node = node?.item ?? node?.value ?? node?.entries?.[String(step.key)];
  }
  return unwrap(node, value);
}

function unwrap(node: SchemaNode | undefined, input: unknown): SchemaNode | undefined {
  for (;;) {
    if (node?.wrapped) node = node.wrapped;
    else if (node?.getter) node = node.getter(input);
    else return node;
  }
}

/** The known name within two edits of `name`, if any: catches typos such as `explaination`. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function formatPath(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** The line of the deepest node along `path` that exists, so a missing field points at its item. */
export function lineOf(parsed: ParsedYaml, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = parsed.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return parsed.lines.linePos(node.range[0]).line;
  }
  return undefined;
}
