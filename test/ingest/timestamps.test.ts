import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { columnDateOrder, DateOrderUnsettled, eitherDateOrder, guessDateOrder, parseTimestamp, readOpenTime } from '../../src/ingest/timestamps.js';

// Expected instants written with Date.UTC (month 0-based): the fixtures' survey week is 3-7 March 2025.
describe('parseTimestamp(text, order, timeZone)', () => {
  it('reads each tool’s format', () => {
    expect(parseTimestamp('2025-03-03 09:27:10')).toBe(Date.UTC(2025, 2, 3, 9, 27, 10)); // Qualtrics, Typeform, LimeSurvey
    expect(parseTimestamp('3/3/2025 9:30:57')).toBe(Date.UTC(2025, 2, 3, 9, 30, 57)); // Google Sheets (US)
    expect(parseTimestamp('03/07/2025 03:44:30 PM')).toBe(Date.UTC(2025, 2, 7, 15, 44, 30)); // SurveyMonkey
    expect(parseTimestamp('03/07/2025 12:10:00 AM')).toBe(Date.UTC(2025, 2, 7, 0, 10, 0));
    expect(parseTimestamp('3/3/25 9:27:10')).toBe(Date.UTC(2025, 2, 3, 9, 27, 10)); // Microsoft Forms
    expect(parseTimestamp('03.03.2025 09:30:57')).toBe(Date.UTC(2025, 2, 3, 9, 30, 57)); // German Excel: always day first
    expect(parseTimestamp('2025/03/04 9:15:02 AM GMT+1')).toBe(Date.UTC(2025, 2, 4, 8, 15, 2)); // Forms UI zip
    expect(parseTimestamp('9/11/2022 17:54')).toBe(Date.UTC(2022, 8, 11, 17, 54)); // Qualtrics re-saved by Excel
  });

  it('day first when told', () => {
    expect(parseTimestamp('04/03/2025 10:00:00', 'dmy')).toBe(Date.UTC(2025, 2, 4, 10));
    expect(parseTimestamp('04/03/2025 10:00:00', 'mdy')).toBe(Date.UTC(2025, 3, 3, 10));
  });

  it('places wall-clock times in an IANA zone (Qualtrics row 3 timeZone)', () => {
    expect(parseTimestamp('2025-03-03 09:27:10', 'mdy', 'Europe/London')).toBe(Date.UTC(2025, 2, 3, 9, 27, 10)); // GMT in March
    expect(parseTimestamp('2025-07-01 09:00:00', 'mdy', 'Europe/London')).toBe(Date.UTC(2025, 6, 1, 8)); // BST
    expect(parseTimestamp('2017-07-18 08:28:09', 'mdy', 'Pacific/Auckland')).toBe(Date.UTC(2017, 6, 17, 20, 28, 9)); // NZST +12
  });

  it('builds one Intl.DateTimeFormat per zone, not two per timestamp (a 1M-row Qualtrics export asks 1M times)', () => {
    // Before: each call built two formatters (~45 µs each): about 90 s for a million rows.
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(Real, {
      construct(target, args) {
        made++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      for (let i = 0; i < 50; i++) {
        expect(parseTimestamp(`2025-03-03 09:${String(i).padStart(2, '0')}:10`, 'mdy', 'America/Denver')).toBe(Date.UTC(2025, 2, 3, 16, i, 10)); // MST -7
      }
      expect(parseTimestamp('2025-03-03 09:27:10', 'mdy', 'Not/AZone')).toBe(Date.UTC(2025, 2, 3, 9, 27, 10)); // unknown zone: UTC
      expect(parseTimestamp('2025-03-03 09:27:10', 'mdy', 'Not/AZone')).toBe(Date.UTC(2025, 2, 3, 9, 27, 10));
    } finally {
      Intl.DateTimeFormat = Real;
    }
    expect(made).toBeLessThanOrEqual(2); // America/Denver once, Not/AZone once
  });

  it('looks a zone offset up once per minute, and still crosses a DST change on the minute', () => {
    // Before: formatToParts ran twice for every timestamp (~0.7 s per 100k rows of a Qualtrics export).
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      for (let s = 0; s < 60; s++) {
        expect(parseTimestamp(`2025-11-20 09:15:${String(s).padStart(2, '0')}`, 'mdy', 'Asia/Kathmandu')).toBe(Date.UTC(2025, 10, 20, 3, 30, s)); // +5:45
      }
      expect(formatToParts.mock.calls.length).toBeLessThanOrEqual(4);
    } finally {
      formatToParts.mockRestore();
    }
    // America/Denver springs forward at 02:00 local on 9 March 2025 (09:00 UTC): MST -7 before, MDT -6 after.
    expect(parseTimestamp('2025-03-09 01:59:59', 'mdy', 'America/Denver')).toBe(Date.UTC(2025, 2, 9, 8, 59, 59));
    expect(parseTimestamp('2025-03-09 01:59:30', 'mdy', 'America/Denver')).toBe(Date.UTC(2025, 2, 9, 8, 59, 30));
    expect(parseTimestamp('2025-03-09 03:00:00', 'mdy', 'America/Denver')).toBe(Date.UTC(2025, 2, 9, 9, 0, 0));
    expect(parseTimestamp('2025-03-09 03:00:30', 'mdy', 'America/Denver')).toBe(Date.UTC(2025, 2, 9, 9, 0, 30));
    expect(parseTimestamp('2025-11-02 01:30:00', 'mdy', 'America/Denver')).toBe(Date.UTC(2025, 10, 2, 7, 30, 0)); // fall back: the first 01:30 (MDT)
  });

  it('null for what is no date', () => {
    expect(parseTimestamp('')).toBeNull();
    expect(parseTimestamp('yesterday')).toBeNull();
    expect(parseTimestamp('2025-02-30 10:00:00')).toBeNull();
    expect(parseTimestamp('13/13/2025 10:00:00')).toBeNull();
  });
});

describe('guessDateOrder(values, fallback)', () => {
  it('a day above 12 settles it', () => {
    expect(guessDateOrder(['3/4/2025 9:00:00', '13/4/2025 9:00:00'])).toBe('dmy');
    expect(guessDateOrder(['3/4/2025 9:00:00', '4/13/2025 9:00:00'])).toBe('mdy');
  });

  it('else the spelling: US writes no leading zeros, most other locales do', () => {
    expect(guessDateOrder(['3/4/2025 9:00:00'])).toBe('mdy');
    expect(guessDateOrder(['03/04/2025 09:00:00'])).toBe('dmy');
    expect(guessDateOrder([], 'dmy')).toBe('dmy');
  });
});

describe('a column whose day and month order nothing settles', () => {
  it('columnDateOrder(values, options): the order decideDateOrder settles, else open with a date that shows why', () => {
    expect(columnDateOrder(['05/03/2025 10:00', '25/03/2025 10:00'], {}).order).toBe('dmy');
    expect(columnDateOrder(['05/03/2025 10:00', '06/03/2025 10:00'], {})).toEqual({
      order: null,
      how: 'every day and month is 12 or less, and nothing else says which comes first',
      sample: '05/03/2025 10:00',
    });
  });

  it('readOpenTime(text): one time when both readings give it, else both readings', () => {
    expect(readOpenTime('01/01/2025 10:00')).toEqual({ time: Date.UTC(2025, 0, 1, 10), bothWays: null });
    expect(readOpenTime('2025-03-05 10:00')).toEqual({ time: Date.UTC(2025, 2, 5, 10), bothWays: null });
    expect(readOpenTime('not a time')).toEqual({ time: null, bothWays: null });
    expect(readOpenTime(' 05/03/2025 10:00 ')).toEqual({
      time: null,
      bothWays: { text: '05/03/2025 10:00', mdy: Date.UTC(2025, 4, 3, 10), dmy: Date.UTC(2025, 2, 5, 10) },
    });
  });

  const fate = (line: number, text: string | null, what: string) => ({
    file: 'a.csv',
    line,
    column: 'submitted',
    open: text === null ? null : readOpenTime(text).bothWays,
    fate: what,
  });

  it('eitherDateOrder(decide): the result when both readings make the same of every row', () => {
    const seen: string[] = [];
    const result = eitherDateOrder((order) => {
      seen.push(order);
      return { result: order, fates: [fate(2, '05/03/2025', ''), fate(3, null, 'replaced by line 2')] };
    });
    expect([result, seen]).toEqual(['mdy', ['mdy', 'dmy']]);
  });

  it('eitherDateOrder(decide): exit 2 on the first open row the readings treat differently, naming both outcomes and dateOrder', () => {
    let stop: unknown;
    try {
      eitherDateOrder((order) => ({
        result: null,
        fates: [fate(2, null, order), fate(3, '05/03/2025', order === 'mdy' ? '' : 'replaced by line 4'), fate(4, '06/03/2025', '')],
      }));
    } catch (e) {
      stop = e;
    }
    expect(stop).toBeInstanceOf(DateOrderUnsettled);
    expect(stop).toBeInstanceOf(InputError);
    const e = stop as InputError;
    expect([e.file, e.line, e.column]).toEqual(['a.csv', 3, 'submitted']);
    expect(e.problem).toBe(
      'the submit times could be day first or month first ("05/03/2025": every day and month in the column is 12 or less), and this row comes out differently each way: read month first: kept; read day first: "replaced by line 4"',
    );
    expect(e.fix).toContain('dateOrder: dmy (day first, 31/12/2025) or dateOrder: mdy (month first, 12/31/2025)');
  });

  it('eitherDateOrder(decide): the same stop under both readings is that stop; under one only, a dateOrder stop', () => {
    const bad = new InputError('a.csv', 5, 'submitted', 'unreadable');
    expect(() =>
      eitherDateOrder(() => {
        throw bad;
      }),
    ).toThrow(bad);
    expect(() =>
      eitherDateOrder((order) => {
        if (order === 'dmy') throw bad;
        return { result: 1, fates: [] };
      }),
    ).toThrow(/a\.csv:5:"submitted": the submit times could be day first or month first .*read day first they stop the run: unreadable.*dateOrder: dmy/);
  });
});
