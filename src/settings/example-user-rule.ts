/** The rule the options page offers to start from: it compiles, and its examples hold (a test checks both). */
export const EXAMPLE_USER_RULE = `# One rule per "- id:" item. Patterns use compromise match syntax: {word} is every form of the word.
- id: my-salmon-dna
  title: Salmon DNA repairs your skin
  severity: unsupported
  claim: DNA from salmon in a cream repairs the skin's own DNA.
  match:
    - salmon dna {repair}
  unless: [$question, $debunking]
  explanation: DNA in a cream does not get into skin cells, let alone mend theirs.
  ask: Which study shows the cream changes the DNA of skin cells?
  sources: ["A note from my dermatologist, 2025"]
  examples:
    flags: [Salmon DNA repairs damaged skin overnight.]
    quiet: [Does salmon DNA repair skin?]
`;
