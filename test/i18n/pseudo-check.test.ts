/**
 * The checker of the pseudo-locale test must be able to fail: a word written
 * outside the catalogue (here a deliberate literal) is found, while marked
 * words, the input's names, numbers and markup pass.
 */
import { expect, test } from 'vitest';
import { htmlText, unmarkedWords } from '../helpers/pseudo-check.js';

const input = ['Win NHS contracts', 'Imogen Clarke', 'IC'];

test('unmarkedWords finds an un-catalogued literal beside catalogued text', () => {
  const text = '⟦Consensus stack⟧\n| 1 | Win NHS contracts | 2.43 | 86% | contested |\n';
  expect(unmarkedWords(text, input)).toEqual(['| 1 |   | 2.43 | 86% | contested |']);
});

test('unmarkedWords passes marked words, nested markers, input names, numbers and Markdown markup', () => {
  const text = '## ⟦The priority stack⟧\n\n- **Imogen Clarke** (IC)⟦: divergence ⟧0.04⟦; ⟦rho⟧ ⟧0.92\n| ---: | :--- |\n';
  expect(unmarkedWords(text, input)).toEqual([]);
});

test('unmarkedWords reads a marked word cut short by a narrow column as marked, and nothing after it', () => {
  expect(unmarkedWords('│ ⟦Departme… │ ⟦Peop… │\n│ hidden │', input)).toEqual(['│ hidden │']);
});

test('htmlText keeps what a reader sees (text, title, alt, aria-label) and drops tags and the style sheet', () => {
  const html = '<style>body { font-family: serif }</style><p class="lead">⟦Hello⟧ <abbr title="Spearman">rho</abbr></p><svg aria-label="⟦A chart⟧"></svg>';
  const text = htmlText(html);
  expect(unmarkedWords(text, input)).toEqual(['rho', 'Spearman']);
});
