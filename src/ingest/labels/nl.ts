/**
 * Dutch Likert labels.
 *
 * Sources (the tools' own Dutch wording):
 * - Microsoft Forms, Likert question in a Dutch UI: "Helemaal mee oneens, Mee oneens, Neutraal,
 *   Mee eens, Helemaal mee eens" [best knowledge of the product].
 * - Qualtrics' Dutch 7-point agreement: "Helemaal mee oneens, Mee oneens, Enigszins mee oneens,
 *   Niet mee eens, niet mee oneens, Enigszins mee eens, Mee eens, Helemaal mee eens" [best knowledge].
 */
import type { LanguageLabels } from './types.js';

export const nl: LanguageLabels = {
  language: 'nl',
  name: 'Dutch',
  missing: ['Weet niet', 'Weet ik niet', 'Geen mening', 'Niet van toepassing', 'N.v.t.', 'Zeg ik liever niet', 'Wil ik niet zeggen'],
  scales: {
    agreement: [
      ['Helemaal mee oneens', 'Zeer mee oneens', 'Helemaal oneens'],
      ['Mee oneens', 'Oneens'],
      ['Neutraal', 'Niet mee eens, niet mee oneens', 'Noch mee eens, noch mee oneens'],
      ['Mee eens', 'Eens'],
      ['Helemaal mee eens', 'Zeer mee eens', 'Helemaal eens'],
    ],
    'agreement-7': [
      ['Helemaal mee oneens', 'Zeer mee oneens', 'Helemaal oneens'],
      ['Mee oneens', 'Oneens'],
      ['Enigszins mee oneens', 'Een beetje mee oneens'],
      ['Neutraal', 'Niet mee eens, niet mee oneens', 'Noch mee eens, noch mee oneens'],
      ['Enigszins mee eens', 'Een beetje mee eens'],
      ['Mee eens', 'Eens'],
      ['Helemaal mee eens', 'Zeer mee eens', 'Helemaal eens'],
    ],
    frequency: [['Nooit'], ['Zelden', 'Bijna nooit'], ['Soms', 'Af en toe'], ['Vaak', 'Meestal', 'Bijna altijd', 'Heel vaak'], ['Altijd']],
    extent: [
      ['Helemaal niet'],
      ['In geringe mate', 'Een beetje'],
      ['In zekere mate', 'Enigszins', 'In redelijke mate'],
      ['In grote mate', 'Veel'],
      ['In zeer grote mate', 'Volledig', 'Helemaal'],
    ],
    satisfaction: [
      ['Zeer ontevreden', 'Heel ontevreden'],
      ['Ontevreden'],
      ['Niet tevreden, niet ontevreden', 'Neutraal'],
      ['Tevreden'],
      ['Zeer tevreden', 'Heel tevreden'],
    ],
  },
};
