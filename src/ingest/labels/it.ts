/**
 * Italian Likert labels.
 *
 * Sources (the tools' own Italian wording):
 * - Microsoft Forms, Likert question in an Italian UI: "Fortemente in disaccordo, In disaccordo,
 *   Neutrale, D'accordo, Fortemente d'accordo" [best knowledge of the product].
 * - Qualtrics' Italian 7-point agreement: "Fortemente in disaccordo, In disaccordo, Parzialmente in
 *   disaccordo, Né d'accordo né in disaccordo, Parzialmente d'accordo, D'accordo, Fortemente
 *   d'accordo" [best knowledge].
 * - The common Italian 5-point form "Per niente d'accordo, Poco d'accordo, Né d'accordo né in
 *   disaccordo, Abbastanza d'accordo, Molto d'accordo" (Google Forms authors type it so).
 */
import type { LanguageLabels } from './types.js';

export const it: LanguageLabels = {
  language: 'it',
  name: 'Italian',
  missing: ['Non so', 'Non saprei', 'Non applicabile', 'Non pertinente', 'N/D', 'Preferisco non rispondere', 'Nessuna opinione'],
  scales: {
    agreement: [
      ['Fortemente in disaccordo', 'Completamente in disaccordo', 'Totalmente in disaccordo', "Per niente d'accordo"],
      ['In disaccordo', "Poco d'accordo"],
      ["Né d'accordo né in disaccordo", 'Neutrale', 'Indifferente'],
      ["D'accordo", "Abbastanza d'accordo"],
      ["Fortemente d'accordo", "Completamente d'accordo", "Totalmente d'accordo", "Molto d'accordo"],
    ],
    'agreement-7': [
      ['Fortemente in disaccordo', 'Completamente in disaccordo', 'Totalmente in disaccordo', "Per niente d'accordo"],
      ['In disaccordo'],
      ['Parzialmente in disaccordo', 'Leggermente in disaccordo', 'Abbastanza in disaccordo'],
      ["Né d'accordo né in disaccordo", 'Neutrale', 'Indifferente'],
      ["Parzialmente d'accordo", "Leggermente d'accordo", "Abbastanza d'accordo"],
      ["D'accordo"],
      ["Fortemente d'accordo", "Completamente d'accordo", "Totalmente d'accordo", "Molto d'accordo"],
    ],
    frequency: [
      ['Mai'],
      ['Raramente', 'Quasi mai'],
      ['A volte', 'Qualche volta', 'Talvolta', 'Occasionalmente'],
      ['Spesso', 'Frequentemente', 'Molto spesso', 'Quasi sempre'],
      ['Sempre'],
    ],
    extent: [
      ['Per niente', 'Per nulla'],
      ['In piccola misura', 'Poco'],
      ['In una certa misura', 'Abbastanza', 'Moderatamente'],
      ['In larga misura', 'In gran parte', 'Molto'],
      ['In larghissima misura', 'Completamente', 'Totalmente', 'Moltissimo'],
    ],
    satisfaction: [
      ['Molto insoddisfatto', 'Molto insoddisfatta'],
      ['Insoddisfatto', 'Insoddisfatta', 'Poco soddisfatto', 'Poco soddisfatta'],
      ['Né soddisfatto né insoddisfatto', 'Né soddisfatta né insoddisfatta', 'Neutrale'],
      ['Soddisfatto', 'Soddisfatta', 'Abbastanza soddisfatto', 'Abbastanza soddisfatta'],
      ['Molto soddisfatto', 'Molto soddisfatta'],
    ],
  },
};
