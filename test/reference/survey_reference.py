#!/usr/bin/env python3
"""Independent reference for align's survey statistics on the plain wide table.

Regenerate (from the repository root; Python 3 with numpy and scipy):

    node scripts/write-plain-wide.mjs          # test/fixtures/plain-wide-1k.csv (only if the table changes)
    python3 test/reference/survey_reference.py # test/reference/plain-wide-1k.expected.json

test/audit/survey-reference.test.ts compares `align audit test/fixtures/plain-wide-1k.csv
--format json` with the JSON this script writes (it never runs Python itself).

Written from the definitions in ARCHITECTURE.md ("Survey", "Groups"), not from align's
code; nothing in src/ was consulted for the arithmetic:
- leaders: role `Executive` (case-insensitive, the whole value); the survey's respondents
  are those who answered at least one item.
- per item Q1..Q40 and group: `overall` (everyone), `byDepartment` (each department's
  non-leaders), `byLevel` (each role value, leaders' role included): n (answers), mean,
  sample SD (ddof=1), favourable share (4 or 5 of 1..5), neutral (3), unfavourable (1-2),
  the 95% Wilson interval of the favourable share (z = scipy.stats.norm.ppf(0.975)),
  r_wg = max(0, min(1, 1 - s^2 / 2)) (sigma^2_EU = (5^2 - 1) / 12 = 2), AD_M = mean |x - mean|.
- ICC(1) across the departments' non-leaders from the one-way ANOVA:
  ICC(1) = (BMS - WMS) / (BMS + (k0 - 1) WMS), k0 = (N - sum n^2 / N) / (G - 1),
  F = BMS / WMS, df1 = G - 1, df2 = N - G, p = scipy.stats.f.sf(F, df1, df2).
- gap per item: leaders' favourable share minus everyone else's, in percentage points.
Anonymity threshold 5: every group here must have at least 5 members (checked below; with
988 non-leaders over 12 departments none is small, so nothing is suppressed).
"""

import csv
import hashlib
import json
import math
import os
import sys

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCE = os.path.join(ROOT, "test", "fixtures", "plain-wide-1k.csv")
TARGET = os.path.join(HERE, "plain-wide-1k.expected.json")
MIN_GROUP = 5
Z = float(stats.norm.ppf(0.975))
POINTS = 5
SIGMA2_EU = (POINTS**2 - 1) / 12.0  # 2.0


def read_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    items = [h for h in rows[0].keys() if h.startswith("Q") and h[1:].isdigit()]
    people = []
    for row in rows:
        answers = {q: int(row[q]) for q in items if row[q].strip() != ""}
        for q, v in answers.items():
            if not 1 <= v <= POINTS:
                sys.exit(f"{q}={v} is off the 1..5 scale")
        people.append(
            {
                "role": row["role"].strip(),
                "department": row["department"].strip(),
                "leader": row["role"].strip().casefold() == "executive",
                "answers": answers,
            }
        )
    # The survey's respondents: everyone who answered at least one item.
    return items, [p for p in people if p["answers"]]


def wilson(k, n):
    # Wilson (1927) in the (k + z^2/2) / (n + z^2) form, clipped to [0, 1].
    centre = (k + Z * Z / 2) / (n + Z * Z)
    half = Z * math.sqrt(n) / (n + Z * Z) * math.sqrt((k / n) * (1 - k / n) + Z * Z / (4 * n))
    return [max(0.0, centre - half), min(1.0, centre + half)]


def group_stats(values):
    x = np.asarray(values, dtype=float)
    n = int(x.size)
    assert n >= 2, "every group here has at least two answers"
    mean = float(x.mean())
    var = float(x.var(ddof=1))
    fav = int(np.count_nonzero(x >= 4))
    neu = int(np.count_nonzero(x == 3))
    unf = int(np.count_nonzero(x <= 2))
    return {
        "n": n,
        "mean": mean,
        "sd": math.sqrt(var),
        "favourable": fav / n,
        "favourableCI": wilson(fav, n),
        "neutral": neu / n,
        "unfavourable": unf / n,
        "rwg": max(0.0, min(1.0, 1 - var / SIGMA2_EU)),
        "adi": float(np.abs(x - mean).mean()),
    }


def one_way_icc1(groups):
    arrays = [np.asarray(g, dtype=float) for g in groups if len(g) > 0]
    G = len(arrays)
    sizes = np.array([a.size for a in arrays], dtype=float)
    N = float(sizes.sum())
    grand = float(np.concatenate(arrays).mean())
    ssb = float(sum(a.size * (a.mean() - grand) ** 2 for a in arrays))
    ssw = float(sum(((a - a.mean()) ** 2).sum() for a in arrays))
    df1, df2 = G - 1, int(N) - G
    bms, wms = ssb / df1, ssw / df2
    k0 = (N - float((sizes**2).sum()) / N) / df1
    F = bms / wms
    return (bms - wms) / (bms + (k0 - 1) * wms), {"F": F, "df1": df1, "df2": df2, "p": float(stats.f.sf(F, df1, df2))}


def answers(people, q):
    return [p["answers"][q] for p in people if q in p["answers"]]


def main():
    items, people = read_table(SOURCE)
    leaders = [p for p in people if p["leader"]]
    others = [p for p in people if not p["leader"]]
    departments = sorted({p["department"] for p in others})
    levels = sorted({p["role"] for p in people})
    by_department = {d: [p for p in others if p["department"] == d] for d in departments}
    by_level = {r: [p for p in people if p["role"] == r] for r in levels}

    small = {name: len(g) for name, g in {**by_department, **by_level}.items() if len(g) < MIN_GROUP}
    if small or len(leaders) < MIN_GROUP or len(others) < MIN_GROUP:
        sys.exit(f"groups under the anonymity threshold {MIN_GROUP}: {small}; this reference assumes none")

    out_items = []
    gaps = []
    for q in items:
        icc, anova = one_way_icc1([answers(by_department[d], q) for d in departments])
        out_items.append(
            {
                "id": q,
                "overall": group_stats(answers(people, q)),
                "byDepartment": {d: group_stats(answers(g, q)) for d, g in by_department.items()},
                "byLevel": {r: group_stats(answers(g, q)) for r, g in by_level.items()},
                "icc1": icc,
                "anova": anova,
            }
        )
        lead = answers(leaders, q)
        rest = answers(others, q)
        lead_fav = sum(1 for v in lead if v >= 4) / len(lead)
        rest_fav = sum(1 for v in rest if v >= 4) / len(rest)
        gaps.append({"item": q, "leaders": lead_fav, "others": rest_fav, "gapPoints": (lead_fav - rest_fav) * 100})

    with open(SOURCE, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    result = {
        "source": "test/fixtures/plain-wide-1k.csv",
        "sourceSha256": digest,
        "command": "python3 test/reference/survey_reference.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": __import__("scipy").__version__,
        "z": Z,
        "respondents": len(people),
        "leaders": len(leaders),
        "groupSizes": {
            "byDepartment": {d: len(g) for d, g in by_department.items()},
            "byLevel": {r: len(g) for r, g in by_level.items()},
        },
        "items": out_items,
        "gaps": gaps,
    }
    with open(TARGET, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(f"wrote {TARGET}: {len(out_items)} items, {len(people)} respondents, {len(leaders)} leaders")


if __name__ == "__main__":
    main()
