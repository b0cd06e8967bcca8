/**
 * Turns rule files (YAML text) into the compiled rule set the engine runs. Every problem is reported with
 * the file, line, rule id and field, and all problems are reported at once, so a broken rule is fixed in one go.
 */
import * as v from 'valibot';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ContextFileSchema, RuleFileSchema } from './rule-schema.ts';
import { expandInflections, PatternError, patternTriggers } from './pattern-triggers.ts';
import { shortHash } from './hash.ts';
import type { CompiledRule, CompiledRuleSet, ContextSet, RuleSpec, UnlessPattern } from './types.ts';

/** A rule file as read from disk or typed in the options page. */
export interface RuleFileText {
  /** Shown in messages, e.g. `rules/stability.yaml`. */
  file: string;
  text: string;
}

/** One problem in one rule file. */
export interface RuleProblem {
  file: string;
  /** 1-based line of the offending value, when known. */
  line?: number;
  ruleId?: string;
  /** Dotted path of the field, e.g. `sources[0].anchor`. */
  field?: string;
  message: string;
}

/** Thrown when any rule file is invalid; `problems` lists each one, `message` reads well in a terminal. */
export class RuleSetError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleSetError';
  }
}

export function formatProblem(p: RuleProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const rule = p.ruleId === undefined ? '' : ` rule "${p.ruleId}",`;
  const field = p.field === undefined ? '' : ` field "${p.field}":`;
  return `${where}:${rule}${field} ${p.message}`;
}

/**
 * Validates and compiles rule files and the shared `unless` sets into one rule set.
 * @throws RuleSetError naming file, line, rule and field of every problem found.
 */
export function compileRuleSet(ruleFiles: readonly RuleFileText[], contextsFile?: RuleFileText): CompiledRuleSet {
  const problems: RuleProblem[] = [];
  const contexts = contextsFile ? parseContextFile(contextsFile, problems) : {};
  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();
  for (const source of ruleFiles) {
    const parsed = parseYaml(source, problems);
    if (!parsed) continue;
    const result = v.safeParse(RuleFileSchema, parsed.value);
    if (!result.success) {
      for (const issue of result.issues) problems.push(issueProblem(source.file, parsed.doc, parsed.lines, issue, RuleFileSchema));
      continue;
    }
    result.output.forEach((spec, index) => {
      const at = (field: string, message: string, path: (string | number)[]) =>
        problems.push({ file: source.file, line: lineOf(parsed.doc, parsed.lines, [index, ...path]), ruleId: spec.id, field, message });
      const earlier = seen.get(spec.id);
      if (earlier !== undefined) at('id', `duplicates the id of a rule in ${earlier}`, ['id']);
      seen.set(spec.id, source.file);
      const compiled = compileRule(spec, source.file, contexts, at);
      if (compiled) rules.push(compiled);
    });
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const triggers: Record<string, string[]> = {};
  for (const rule of rules) {
    for (const pattern of rule.match) {
      for (const word of patternTriggers(pattern)) {
        const ids = (triggers[word] ??= []);
        if (!ids.includes(rule.id)) ids.push(rule.id);
      }
    }
  }
  const body = { rules, prefilter: { triggers } };
  return { version: shortHash(JSON.stringify(body)), ...body };
}

type Report = (field: string, message: string, path: (string | number)[]) => void;

function compileRule(
  spec: RuleSpec,
  file: string,
  contexts: Record<string, ContextSet>,
  report: Report,
): CompiledRule | undefined {
  let ok = true;
  const match = spec.match.map(expandInflections);
  match.forEach((pattern, i) => {
    try {
      patternTriggers(pattern);
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      report(`match[${i}]`, `pattern "${spec.match[i]}" ${err.message}`, ['match', i]);
      ok = false;
    }
  });
  const unless: UnlessPattern[] = [];
  spec.unless.forEach((entry, i) => {
    if (!entry.startsWith('$')) {
      unless.push({ pattern: expandInflections(entry), set: 'rule', reason: 'an exception the rule makes' });
      return;
    }
    const name = entry.slice(1);
    const set = contexts[name];
    if (!set) {
      const known = Object.keys(contexts).map((k) => `$${k}`).join(', ') || 'none are defined';
      report(`unless[${i}]`, `names an unknown set "${entry}" (known: ${known})`, ['unless', i]);
      ok = false;
      return;
    }
    for (const pattern of set.patterns) unless.push({ pattern: expandInflections(pattern), set: name, reason: set.reason });
  });
  return ok ? { ...spec, file, match, unless, requires: spec.requires.map(expandInflections) } : undefined;
}

function parseContextFile(source: RuleFileText, problems: RuleProblem[]): Record<string, ContextSet> {
  const parsed = parseYaml(source, problems);
  if (!parsed) return {};
  const result = v.safeParse(ContextFileSchema, parsed.value);
  if (result.success) return result.output;
  for (const issue of result.issues) problems.push(issueProblem(source.file, parsed.doc, parsed.lines, issue, ContextFileSchema));
  return {};
}

interface ParsedYaml {
  value: unknown;
  doc: Document;
  lines: LineCounter;
}

function parseYaml(source: RuleFileText, problems: RuleProblem[]): ParsedYaml | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: true });
  const [err] = doc.errors;
  if (err) {
    // The first syntax error is the real one; the rest usually cascade from it.
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ file: source.file, line: err.linePos?.[0].line, message: `is not valid YAML: ${message}` });
    return undefined;
  }
  return { value: doc.toJS(), doc, lines };
}

type Issue = v.InferIssue<typeof RuleFileSchema> | v.InferIssue<typeof ContextFileSchema>;

function issueProblem(file: string, doc: Document, lines: LineCounter, issue: Issue, root: SchemaNode): RuleProblem {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const problem: RuleProblem = { file, line: lineOf(doc, lines, path), message: issueMessage(issue, path, root) };
  if (typeof path[0] === 'number') {
    const id = doc.getIn([path[0], 'id']);
    if (typeof id === 'string') problem.ruleId = id;
    else problem.ruleId = `#${path[0] + 1}`;
    path.shift();
  }
  if (path.length > 0) problem.field = formatPath(path);
  return problem;
}

/** valibot reports missing and unknown keys with the enclosing object's message; say plainly what is wrong. */
function issueMessage(issue: Issue, path: (string | number)[], root: SchemaNode): string {
  if (issue.type !== 'strict_object' || path.length === 0) return issue.message;
  if (issue.expected === 'never') {
    const key = String(path[path.length - 1]);
    const known = Object.keys(schemaAt(root, path.slice(0, -1))?.entries ?? {});
    const near = closest(key, known);
    return `is not a known field${near ? `; did you mean "${near}"?` : ` (known: ${known.join(', ')})`}`;
  }
  return issue.input === undefined ? 'is missing' : issue.message;
}

/** The parts of a valibot schema we walk to find which keys an object allows. */
interface SchemaNode {
  type: string;
  item?: SchemaNode;
  value?: SchemaNode;
  wrapped?: SchemaNode;
  entries?: Record<string, SchemaNode>;
}

function schemaAt(root: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    while (node?.wrapped) node = node.wrapped;
    node = node?.item ?? node?.value ?? node?.entries?.[String(key)];
  }
  while (node?.wrapped) node = node.wrapped;
  return node;
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

/** The line of the deepest node along `path` that exists, so a missing field points at its rule. */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
