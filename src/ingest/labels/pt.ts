/**
 * Portuguese Likert labels (Brazil and Portugal).
 *
 * Sources (the tools' own Portuguese wording):
 * - Microsoft Forms, Likert question in a Portuguese UI: "Discordo totalmente, Discordo, Neutro,
 *   Concordo, Concordo totalmente" [best knowledge of the product].
 * - Qualtrics' Portuguese 7-point agreement: "Discordo totalmente, Discordo, Discordo parcialmente,
 *   Não concordo nem discordo, Concordo parcialmente, Concordo, Concordo totalmente" [best knowledge].
 * - The common Brazilian 5-point form "Discordo totalmente, Discordo parcialmente, Indiferente,
 *   Concordo parcialmente, Concordo totalmente" (Google Forms authors type it so).
 */
import type { LanguageLabels } from './types.js';

export const pt: LanguageLabels = {
  language: 'pt',
  name: 'Portuguese',
  missing: ['Não sei', 'Não se aplica', 'Não aplicável', 'Prefiro não responder', 'Prefiro não dizer', 'Sem opinião'],
  // Portuguese questionnaires write "Sem opinião" as the middle of a 5-point scale as often as beside it
  // (Discordo totalmente / Discordo / Sem opinião / Concordo / Concordo totalmente)
  midpoint: ['Sem opinião'],
  scales: {
    agreement: [
      ['Discordo totalmente', 'Discordo fortemente', 'Discordo completamente'],
      ['Discordo', 'Discordo parcialmente'],
      ['Não concordo nem discordo', 'Nem concordo nem discordo', 'Neutro', 'Indiferente'],
      ['Concordo', 'Concordo parcialmente'],
      ['Concordo totalmente', 'Concordo fortemente', 'Concordo plenamente', 'Concordo completamente'],
    ],
    'agreement-7': [
      ['Discordo totalmente', 'Discordo fortemente', 'Discordo completamente'],
      ['Discordo'],
      ['Discordo parcialmente', 'Discordo ligeiramente', 'Discordo um pouco'],
      ['Não concordo nem discordo', 'Nem concordo nem discordo', 'Neutro', 'Indiferente'],
      ['Concordo parcialmente', 'Concordo ligeiramente', 'Concordo um pouco'],
      ['Concordo'],
      ['Concordo totalmente', 'Concordo fortemente', 'Concordo plenamente', 'Concordo completamente'],
    ],
    frequency: [
      ['Nunca'],
      ['Raramente', 'Quase nunca'],
      ['Às vezes', 'Algumas vezes', 'Ocasionalmente'],
      ['Frequentemente', 'Muitas vezes', 'Com frequência', 'Quase sempre'],
      ['Sempre'],
    ],
    extent: [
      ['De modo nenhum', 'Nada'],
      ['Em pequena medida', 'Pouco'],
      ['Em alguma medida', 'Moderadamente', 'Mais ou menos'],
      ['Em grande medida', 'Muito'],
      ['Em muito grande medida', 'Completamente', 'Totalmente'],
    ],
    satisfaction: [
      ['Muito insatisfeito', 'Muito insatisfeita'],
      ['Insatisfeito', 'Insatisfeita', 'Pouco satisfeito', 'Pouco satisfeita'],
      ['Nem satisfeito nem insatisfeito', 'Nem satisfeita nem insatisfeita', 'Neutro'],
      ['Satisfeito', 'Satisfeita'],
      ['Muito satisfeito', 'Muito satisfeita'],
    ],
  },
};
