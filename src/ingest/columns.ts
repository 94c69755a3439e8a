/**
 * Header-name recognition shared by the format modules: which column holds the
 * respondent's id, name, email, role, department or submit time, and which
 * columns carry a ranking (long format's priority and rank columns, a column
 * per position, one ordered-list cell). Headers in English, French, German,
 * Spanish, Portuguese, Italian and Dutch (`Rolle`, `Abteilung`, `Département`,
 * `Función`), compared after normaliseHeader (case, punctuation and spacing do
 * not matter) with accents removed (`Département` is `departement`).
 *
 * recogniseColumn looks at the header first and at the cells only to settle
 * what the header leaves open ("order": ranks or a list?). A role column is
 * the respondent's role or level (`Role`, `Level`, `What is your role?`), not
 * their job title: `Title` and `Job title` are not role columns, because the
 * leaders are chosen by role value (`Executive`) and titles vary per person.
 * `Poste`, `Cargo`, `Functie`, `Position` and `Funktion` are how French,
 * Spanish, Portuguese, Dutch and German surveys ask the role (their values are
 * `Direction`, `Manager`…); `Intitulé du poste` (job title) is no role.
 */

import { foldAccents, visibleText } from '../text.js';
import type { ColumnRoleName } from './config-types.js';
import type { ColumnInfo } from './formats/types.js';
import { listSeparator, ORDINAL_SUFFIX, ORDINAL_WORD_PATTERN, ordinalMarks, ordinalWord, readRank } from './rankings.js';

/** Lower case, every run of punctuation or spacing one space, trimmed: `What's your Role?` -> `what s your role`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type AttributeRole = 'id' | 'name' | 'email' | 'role' | 'department' | 'submitted' | 'comment' | 'metadata';

interface Rule {
  role: AttributeRole;
  exact: RegExp;
  /** The same headers in the other languages align reads (accents removed). */
  translated?: RegExp;
  /** A looser pattern, recognised with less confidence. */
  loose?: RegExp;
  /** The looser pattern in the other languages. */
  translatedLoose?: RegExp;
  what: string;
}

/**
 * Each rule's `exact` is English; `translated` the same headers in French,
 * German, Spanish, Portuguese, Italian and Dutch (accents removed), as the
 * tools write their own columns in those languages (Google Forms' `Adresse
 * e-mail`, Microsoft Forms' `Heure de fin`) and as people title the questions.
 */
const RULES: readonly Rule[] = [
  {
    role: 'id',
    exact:
      /^(respondent|respondent ?id|respondent (no|num|number)|response ?id|response (no|num|number)|participant|participant (id|no|number)|id|uid|user ?id|record ?id|submission ?id|voter ?id)$/,
    translated:
      /^(id (du|de) (repondant|la reponse|participant)|identifiant( du repondant)?|numero (du )?repondant|(befragten|teilnehmer|antwort|teilnehmenden) ?id|id (del|de la) (encuestado|respuesta|participante)|id (do|da) (respondente|resposta|participante)|id (del )?(rispondente|risposta|partecipante)|respondent ?nummer|respons ?id|deelnemer ?id)$/,
    what: 'a respondent id',
  },
  {
    role: 'email',
    exact: /^((your |work )?e ?mail( address)?|e ?mail id|what is your e ?mail( address)?)$/,
    translated:
      /^((votre )?adresse (e ?mail|courriel|electronique|de messagerie)|courriel|(ihre )?e ?mail ?adresse|(direccion de )?correo( electronico)?|(su )?direccion de e ?mail|(seu )?endereco de e ?mail|(il tuo )?indirizzo (e ?mail|di posta elettronica)|(uw |je )?e ?mail ?adres)$/,
    loose: /\be ?mail\b/,
    what: 'an email address',
  },
  {
    role: 'name',
    exact:
      /^(name|full ?name|your (full )?name|respondent name|participant name|leader|leader name|executive|executive name|employee|employee name|person|rater|rater name|voter|voter name|first and last name|name and surname|what is your (full )?name)$/,
    translated:
      /^((votre )?nom( complet)?|(votre )?(nom et prenom|prenom et nom)|quel est votre nom|nom du (repondant|participant)|(ihr |dein )?(vollstandiger )?name|vor ?und nachname|wie heissen sie|(su |tu )?nombre( completo)?|nombre y apellidos?|(seu |o seu )?nome( completo)?|nome e (sobrenome|apelido|cognome)|(il tuo )?nome|(uw |je )?(volledige )?naam|voor ?en achternaam|prenom|vorname?|(su )?nombre de pila|primeiro nome|(uw |je )?voornaam)$/,
    what: "the respondent's name",
  },
  {
    role: 'role',
    exact:
      /^(role|level|role ?level|level ?role|your (role|level)|what (is|s) your (role|level)|which role|position level|job level|seniority( level)?|management level|leadership level|org level|organi[sz]ational level|grade|tier|role type|role in the (company|organi[sz]ation))$/,
    translated:
      /^((votre )?(role|fonction|niveau|poste)|niveau hierarchique|quel(le)? est votre (role|fonction|niveau|poste)|(ihre |deine )?(rolle|funktion|position)|(hierarchie|fuhrungs) ?(ebene|stufe)|was ist (ihre|deine) (rolle|funktion|position)|welche (rolle|funktion|position) haben sie|(su |tu )?(rol|funcion|nivel|cargo|puesto)|cual es (su|tu) (rol|funcion|nivel|cargo|puesto)|(seu |sua |o seu |a sua )?(papel|funcao|nivel|cargo)|qual (e|o) (o seu|a sua|seu|sua) (papel|funcao|nivel|cargo)|(il tuo )?(ruolo|livello)|qual e il tuo (ruolo|livello)|(uw |je )?(rol|functie)|functieniveau|wat is (uw|je) (rol|functie))$/,
    loose: /^(what|which)( is| s| best describes)?( your)? (role|level)\b/,
    translatedLoose:
      /^(quel(le)?( est)?( votre)? (role|fonction|poste)|(was|welche) .*\b(rolle|funktion)\b|(cual|que)( es)?( su| tu)? (rol|funcion|cargo|puesto)|qual( e)?( o seu| a sua)? (papel|funcao|cargo)|qual( e)?( il tuo)? ruolo|(wat|welke)( is)?( uw| je)? (rol|functie))\b/,
    what: "the respondent's role or level",
  },
  {
    role: 'department',
    exact:
      /^(department|dept|team|function|business ?unit|bu|division|unit|org unit|organi[sz]ation unit|(your|department|team) (department|team|name)|department ?team|team ?department|which (department|team)( do you work in| are you in)?|what (department|team)( do you work in| are you in)?|what is your (department|team))$/,
    translated:
      /^((votre )?(departement|service|equipe|direction)|dans quel(le)? (departement|service|equipe|direction) travaillez vous|quel(le)? est votre (departement|service|direction)|(ihre |deine )?(abteilung|bereich)|in welcher abteilung arbeiten sie|in welcher abteilung arbeitest du|(su |tu )?(departamento|area|equipo|servicio)|en que (departamento|area|servicio) trabaja(s)?|(seu |o seu |sua |a sua )?(departamento|setor|equipe|equipa|area|direcao)|em (que|qual) (departamento|area) (voce )?trabalha|(il tuo |la tua )?(dipartimento|reparto|area|funzione|direzione)|in quale (dipartimento|reparto|area) lavori|(uw |je )?(afdeling|dienst)|op welke afdeling werk(t u| je)|in welke (afdeling|dienst) werk(t u| je))$/,
    loose: /^(which|what)( is)?( your)? (department|team|function|business unit|division)\b/,
    translatedLoose:
      /^((dans )?quel(le)? (departement|service|equipe)|in welche(r|m)? (abteilung|bereich)|welche abteilung|(en )?(que|cual) (departamento|area)|(em )?(que|qual) (departamento|setor)|(in )?quale (dipartimento|reparto)|(op|in|bij) welke afdeling)\b/,
    what: "the respondent's department",
  },
  {
    role: 'submitted',
    exact:
      /^(timestamp|time ?stamp|submitted( at| on)?|submit (date|time)|submission (date|time)|date submitted|completion (date|time)|completed( at| on)?|end (date|time)|recorded date|date|time)( utc)?$/,
    translated:
      /^(horodateur|heure de fin|date (de soumission|d envoi|de fin)|zeitstempel|fertigstellungszeit|abschlusszeit|end(datum|zeit)|ubermittelt am|marca temporal|hora de finalizacion|fecha de (envio|finalizacion)|carimbo de data hora|hora de conclusao|data de (envio|conclusao|termino)|informazioni cronologiche|ora di completamento|data di (invio|completamento|fine)|tijdstempel|tijdstip van voltooiing|voltooiingstijd|einddatum)$/,
    what: 'the submit time',
  },
  {
    role: 'comment',
    exact: /^(comments?|notes?|remarks?|feedback|anything else.*|other comments?|why)$/,
    translated:
      /^((autres )?(commentaires?|remarques?)|(weitere )?(kommentare?|anmerkungen|bemerkungen)|(otros )?comentarios?|observaciones|(outros )?comentarios?|observacoes|(altri )?commenti|osservazioni|opmerkingen|commentaar|toelichting)$/,
    what: 'a free-text comment',
  },
  {
    role: 'metadata',
    exact:
      /^(ip|ip address|user agent|duration( in seconds)?|status|language|start language|source|start (date|time)|started( at)?|progress|finished|last page|seed|tags|network id|response type|collector id|title|job title|position title|location|country|city|office|site|age|tenure|gender)$/,
    translated:
      /^(adresse ip|duree|langue|statut|progression|heure de debut|date de debut|heure de la derniere modification|intitule du poste|ip adresse|dauer|sprache|startzeit|startdatum|zeitpunkt der letzten anderung|berufsbezeichnung|stellenbezeichnung|direccion ip|duracion|idioma|hora de inicio|fecha de inicio|hora de la ultima modificacion|puesto|endereco ip|duracao|hora de inicio|data de inicio|hora da ultima modificacao|indirizzo ip|durata|lingua|ora di inizio|data di inizio|ora dell ultima modifica|mansione|ip adres|duur|taal|begintijd|starttijd|begindatum|tijdstip van laatste wijziging|functietitel)$/,
    what: 'survey metadata or a detail align does not use',
  },
];

/** The attribute a header names, or null: recogniseAttribute('What is your role?') -> {role: 'role', ...}. */
export function recogniseAttribute(header: string): { role: AttributeRole; confidence: number; reason: string } | null {
  if (header.trim() === '#') return { role: 'id', confidence: 0.9, reason: 'header "#" reads as a respondent id' };
  const h = normaliseHeader(header);
  if (h === '') return null;
  const plain = foldAccents(h);
  for (const rule of RULES) {
    if (rule.exact.test(h) || rule.translated?.test(plain))
      return { role: rule.role, confidence: 0.9, reason: `header ${JSON.stringify(header.trim())} reads as ${rule.what}` };
  }
  for (const rule of RULES) {
    if (rule.loose?.test(h) || rule.translatedLoose?.test(plain))
      return { role: rule.role, confidence: 0.6, reason: `header ${JSON.stringify(header.trim())} looks like ${rule.what}` };
  }
  return null;
}

/**
 * Whether a header names `role` in one of the translated languages
 * (`Horodateur`, `Zeitstempel`), not in English: every one of them writes its
 * dates day first, which is how a plain table's submit times are ordered
 * when no date settles it (timestamps.ts decideDateOrder).
 */
export function headerInTranslation(header: string, role: AttributeRole): boolean {
  const normalised = normaliseHeader(header);
  const plain = foldAccents(normalised);
  return RULES.some((rule) => rule.role === role && rule.translated?.test(plain) === true && !rule.exact.test(normalised));
}

const POSITION_WORD =
  '(?:rank|choice|priority|position|place|pick|preference|option|vote|choix|rang|priorite|platz|wahl|prioritat|lugar|opcion|posicion|prioridad|opcao|posicao|prioridade|posto|scelta|posizione|priorita|plaats|keuze|positie|prioriteit)';
const POSITION_PATTERNS: readonly RegExp[] = [
  /^(\d+)$/, // 1, [1], #1, 1., 1° (the mark is no letter)
  new RegExp(`^(\\d+) ?(?:st|nd|rd|th)$|^(\\d+)${ORDINAL_SUFFIX}$`), // 1st, 1er, 2e, 2ème, 1º, 1ª, 1ste
  new RegExp(`^${POSITION_WORD} ?(?:no )?(\\d+)$`), // Rank 1, Choice 1, priority #1, Platz 1
  new RegExp(`^(\\d+) ?(?:st|nd|rd|th)? ${POSITION_WORD}$|^(\\d+)${ORDINAL_SUFFIX} ${POSITION_WORD}$`), // 1st choice, 1er choix, 1º lugar
  new RegExp(`^(${ORDINAL_WORD_PATTERN})(?: ${POSITION_WORD})?$`), // First, First choice, Premier choix
  new RegExp(`^${POSITION_WORD} (${ORDINAL_WORD_PATTERN})$`), // Choice first (rare)
];

/**
 * The position (1 = most important) a column of a wide-by-position layout
 * holds, from its header; null when the header names no position.
 *   '1', '1st', 'Rank 1', 'Choice 1', 'First choice', '[1]', '#1', 'Priority 1'
 *   'Rank these priorities [Rank 2]' (LimeSurvey full headings) -> 2
 */
export function positionFromHeader(header: string): number | null {
  const direct = positionOf(header);
  if (direct !== null) return direct;
  const q = splitQuestionHeader(header);
  return q ? positionOf(q.item) : null;
}

/** The position a header (or a header's item) names; its ordinal marks kept apart from letters first (`1º` is no `1o`). */
function positionOf(header: string): number | null {
  const h = foldAccents(normaliseHeader(ordinalMarks(header)));
  for (const p of POSITION_PATTERNS) {
    const m = p.exec(h);
    if (!m) continue;
    const found = m[1] ?? m[2]!;
    const n = ordinalWord(found) ?? Number(found);
    return n >= 1 && n <= 100 ? n : null;
  }
  return null;
}

/**
 * A header of the form `Question [Item]` (Google Forms grids, LimeSurvey full
 * headings) or `Question - Item` (Qualtrics row 2, SurveyMonkey style), split
 * at the last bracket or the first ` - `; null for any other header.
 *   splitQuestionHeader('Rank these [Grow revenue]') -> {question: 'Rank these', item: 'Grow revenue'}
 * Whether the question is really shared by several columns is the caller's
 * call: "Growth - EMEA" alone is more likely a priority named so.
 */
export function splitQuestionHeader(header: string): { question: string; item: string } | null {
  const h = header.trim();
  const bracket = /^(.*\S)\s*\[([^\]]*)\]$/su.exec(h);
  if (bracket && bracket[2]!.trim() !== '') return { question: bracket[1]!.trim(), item: bracket[2]!.trim() };
  const dash = h.indexOf(' - ');
  if (dash > 0 && h.slice(dash + 3).trim() !== '') return { question: h.slice(0, dash).trim(), item: h.slice(dash + 3).trim() };
  return null;
}

/**
 * Headers that name a number about the respondent (a size, a count, a length
 * of time, an age, pay, a score, an identifier, a duration) rather than a
 * priority: their cells may well be small whole numbers, but they are no
 * ranks. Anchored at the start, or written as code (`duration_s`,
 * `msforms_id`), since a priority may end in such a word ("Improve NPS score").
 */
const MEASURES: ReadonlyArray<{ test: (normalised: string, raw: string) => boolean; what: string }> = [
  {
    what: 'a size',
    test: (h) =>
      /^((team|company|org|organi[sz]ation|department|dept|group|unit|household|class) size|size( of (the )?(team|company|org|organi[sz]ation|department|group|unit))?|span of control)$/.test(
        h,
      ),
  },
  { what: 'a count', test: (h) => /^(head ?count|ftes?|direct reports|(number|no|num|count) of .+|count|total)$/.test(h) },
  // Anchored phrases only: "Tenure reform" or "Years of runway" can be priorities.
  {
    what: 'a length of time',
    test: (h) =>
      /^((years?|months?) (in|at|with|since|on|as|employed|worked|served)\b.*|(years?|months?) of (service|experience|employment|tenure)\b.*|years?|months?|tenure( years| months| yrs| (in|at|with) .+| in (years|months))?|length of service.*|experience \(?(years|yrs)\)?)$/.test(
        h,
      ),
  },
  { what: "the respondent's age", test: (h) => /^age( group| range| band| bracket| in years)?$/.test(h) },
  { what: 'pay', test: (h) => /^(salary|compensation|income|wage)( .+)?$|^(pay|pay grade|pay band)$/.test(h) },
  { what: 'a score', test: (h) => /^(score( .+)?|total score|points|nps|rating)$/.test(h) },
  { what: 'an identifier', test: (h, raw) => /^(\S+ )?(id|uid|uuid|guid)$/.test(h) || /[_.](id|uid|uuid|token|key)$/i.test(raw) || /[a-z](Id|ID)$/.test(raw) },
  // "site_code", "team no", "Cost centre number": a code names something; its digits are no rating or rank
  { what: 'a code', test: (h) => /^(\S+ ){0,2}(code|no|nr|number|num)$/.test(h) && !/^(q|item|question)\s?\d/.test(h) },
  {
    what: 'a duration',
    test: (h, raw) =>
      /^duration\b/.test(h) ||
      /_(s|sec|secs|seconds|ms|min|mins|minutes|hours?|days?)$/i.test(raw) ||
      /\((in )?(s|secs?|seconds|mins?|minutes|hours?|days?|years?|yrs|months?|%)\)\s*$/i.test(raw),
  },
];

/**
 * What number about the respondent a header names, or null:
 *   measureHeader('Team size') === 'a size'; measureHeader('Years in role') === 'a length of time';
 *   measureHeader('duration_s') === 'a duration'; measureHeader('Grow revenue') === null
 */
export function measureHeader(header: string): string | null {
  const h = normaliseHeader(header);
  const raw = header.trim();
  if (h === '') return null;
  return MEASURES.find((m) => m.test(h, raw))?.what ?? null;
}

const LONG_PRIORITY = /^(priority|priority name|item|item name|initiative|objective|goal|option|choice|priority item)$/;
const LONG_RANK = /^(rank|rank (number|no|position|value)|ranking position|position|place|priority rank|order|rank order)$/;
/** A header that may name the rank column of a long-format file as well as a role (`Position`): decided by its cells. */
export function longRankHeader(header: string): boolean {
  return LONG_RANK.test(normaliseHeader(header));
}
const LIST =
  /^(stack|priority stack|my stack|priorities|ranking|rankings|ranked (priorities|list|order)|my ranking|your ranking|priority (order|ranking|list)|order of priorities|top priorities)$/;

/** What a column's data cells look like, counted in one pass. */
export interface CellStats {
  /** Non-blank cells. */
  filled: number;
  /** Non-blank cells that are ranks (numbers, `1st`, `first`...). */
  ranks: number;
  /** Non-blank cells that are ranks or bad ranks (0, -1, 12, 2.5): numbers rather than text. */
  rankShaped: number;
  /** Non-blank cells joining names with ';', '>' or '|'. */
  lists: number;
  /** Non-blank cells joining names with any list separator, ',' included. */
  separated: number;
}

export function cellStats(cells: readonly string[]): CellStats {
  const stats: CellStats = { filled: 0, ranks: 0, rankShaped: 0, lists: 0, separated: 0 };
  for (const c of cells) {
    if (c.length === 0 || c.trim() === '') continue;
    stats.filled++;
    const r = readRank(c);
    if (typeof r === 'number') {
      stats.ranks++;
      stats.rankShaped++;
      continue;
    }
    if (r !== null && r.kind !== 'text') {
      stats.rankShaped++;
      continue;
    }
    const sep = listSeparator(c);
    if (sep !== null) {
      stats.separated++;
      if (sep !== ',') stats.lists++;
    }
  }
  return stats;
}

function info(index: number, header: string, role: ColumnInfo['role'], confidence: number, reason: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return { index, header, role, confidence, reason, ...extra };
}

/**
 * What a column is, from its header and (to settle ambiguous headers) its
 * data cells. Ranking columns come back with role 'ranking' and `ranking` set:
 * 'long-priority' / 'long-rank' (long format), 'by-position' (with
 * `position`), 'list', or 'by-priority' (with `priority` = the header) for a
 * column whose non-blank cells are mostly ranks and whose header says nothing
 * else. Anything else is 'unknown'.
 */
export function recogniseColumn(index: number, header: string, cells: readonly string[] = []): ColumnInfo {
  return recogniseColumnFromStats(index, header, cellStats(cells));
}

/** recogniseColumn with the cells already counted (cellStats): for callers that count once and ask twice. */
export function recogniseColumnFromStats(index: number, header: string, stats: CellStats): ColumnInfo {
  const h = normaliseHeader(header);
  const shown = JSON.stringify(header.trim());
  const filled = stats.filled;
  const ranks = filled > 0 && stats.ranks === filled;
  const share = filled === 0 ? 0 : stats.rankShaped / filled;
  // Decided by the bulk of the column: one cell with a stray ';' is a typo to report, not a list column.
  const lists = stats.lists > 0 && stats.lists * 2 >= filled;

  const position = positionFromHeader(header);
  if (position !== null && !ranks) {
    return info(index, header, 'ranking', 0.8, `header ${shown} names rank position ${position}; its cells name the priority placed there`, {
      ranking: 'by-position',
      position,
    });
  }

  const attribute = recogniseAttribute(header);
  // "Position" names a role (German `Position`) or, over rank numbers, the rank column of a long-format file
  if (attribute && !(attribute.role === 'role' && ranks && LONG_RANK.test(h)))
    return info(index, header, attribute.role as ColumnRoleName, attribute.confidence, attribute.reason);
  const measure = measureHeader(header);
  if (measure) return info(index, header, 'metadata', 0.8, `header ${shown} names a detail about the respondent (${measure}), not a priority`);

  const longRank = (why: string): ColumnInfo => info(index, header, 'ranking', 0.85, `header ${shown} ${why}`, { ranking: 'long-rank' });
  const list = (why: string): ColumnInfo => info(index, header, 'ranking', 0.85, `header ${shown} ${why}`, { ranking: 'list' });
  if (LONG_RANK.test(h)) {
    return lists
      ? list('with cells listing priorities in order reads as one ordered list per respondent')
      : longRank('reads as the rank column of a long-format file (one row per respondent and priority)');
  }
  if (LONG_PRIORITY.test(h)) {
    return ranks
      ? longRank('holds rank numbers: the rank column of a long-format file')
      : info(index, header, 'ranking', 0.85, `header ${shown} reads as the priority column of a long-format file`, {
          ranking: 'long-priority',
        });
  }
  if (LIST.test(h)) {
    return ranks
      ? longRank('holds rank numbers: the rank column of a long-format file')
      : list('reads as one cell per respondent listing the priorities in order');
  }
  if (/^rank\b/.test(h) && filled > 0 && share < 0.5) {
    return info(index, header, 'ranking', 0.75, `header ${shown} asks for a ranking and its cells list priorities in order`, {
      ranking: 'list',
    });
  }
  if (lists && stats.separated === filled) {
    return info(index, header, 'ranking', 0.5, `every cell of ${shown} lists several names joined by a separator`, { ranking: 'list' });
  }
  if (filled === 0 || share >= 0.5) {
    const why = filled === 0 ? 'no one filled it in, and its header names nothing else' : 'its cells are ranks';
    return info(index, header, 'ranking', filled === 0 ? 0.3 : ranks ? 0.6 : 0.4, `${shown} taken as a priority: ${why}`, {
      ranking: 'by-priority',
      priority: header.trim(),
    });
  }
  return info(index, header, 'unknown', 0, `${shown} is neither a respondent detail nor a ranking`);
}

/**
 * A person's name as compared when grouping rows and flagging two people with
 * one name: accents, case and spacing ignored ("José  Díaz" = "jose diaz").
 */
export function personKey(name: string): string {
  let key = personKeys.get(name);
  if (key === undefined) {
    // visibleText (src/text.ts): a zero-width space is a space, the other invisible characters go.
    key = visibleText(name.normalize('NFKD'))
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[\s\u00a0]+/gu, ' ')
      .trim();
    // names repeat (duplicates and same-name checks ask for each row's more than once); bounded
    if (personKeys.size >= PERSON_KEYS_KEPT) personKeys.clear();
    personKeys.set(name, key);
  }
  return key;
}

/** personKey's memory of names already keyed: at most this many, then forgotten all at once. */
const PERSON_KEYS_KEPT = 1 << 16;
const personKeys = new Map<string, string>();
