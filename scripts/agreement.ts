/**
 * `npm run agreement`: how far a second labeller agrees with the bank's labels on a sample of its tune split
 * (src/build/labeller-agreement.ts), and so how high a score the labels allow.
 */
import { loadBank } from '../src/build/evaluate-sentences.ts';
import { loadSecondLabels, measureAgreement } from '../src/build/labeller-agreement.ts';

const BANK = 'tests/real-sentences';
const population = loadBank(BANK).filter((e) => e.split === 'tune' && e.label !== 'unsure');
const second = loadSecondLabels(`${BANK}/agreement`, 'second-labeller.yaml');
const a = measureAgreement(population, second);
const row = (l: 'flag' | 'ok') => `  first ${l.padEnd(4)}  second flag ${a.table[l].flag}, ok ${a.table[l].ok}, unsure ${a.table[l].unsure}`;
console.log(`Two labellers on ${second.length} sentences of the bank's tune split (${population.length} judged there):`);
console.log(row('flag'));
console.log(row('ok'));
console.log(`  agreement ${a.observed.toFixed(3)}, Cohen's kappa ${a.kappa.toFixed(3)} (unsure read as not flagged)`);
console.log(`  the second labeller scored against the first, weighted to the split: precision ${a.precision.toFixed(3)}, recall ${a.recall.toFixed(3)}`);
