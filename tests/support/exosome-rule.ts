/**
 * A one-rule file for engine and build tests: "exosomes renew skin", with the match patterns (and any `unless`
 * patterns) a test needs, a real seed anchor, and examples that compile.
 */
export function exosomeRule(match: readonly string[], unless: readonly string[] = []): string {
  return `
- id: exosome-renewal
  title: Exosomes renew skin
  severity: unsupported
  claim: Exosomes renew skin.
  match:
${match.map((m) => `    - ${m}`).join('\n')}
${unless.length > 0 ? `  unless:\n${unless.map((u) => `    - ${u}`).join('\n')}\n` : ''}  explanation: Because.
  ask: Really?
  sources:
    - seed: 001_114ca1963b9cdec9.txt
      anchor: but their content is very low
  examples:
    flags: [Exosomes renew skin.]
    quiet: [Exosomes are vesicles.]
`;
}
