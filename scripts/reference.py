#!/usr/bin/env python3
"""The script an analyst would write for align's audit of a plain wide export: pandas and scipy.

    /usr/bin/python3 scripts/reference.py responses.csv [out.json]   # Debian: apt-get install python3-pandas python3-scipy

The table is the plain wide shape (respondent_id, name, role, department, Q1..Qk holding 1..5,
one `Rank: <priority>` column per priority holding a full ranking). It computes what align's
`audit --format json` reports for it, from the definitions in README.md ("How to read the
numbers") and ARCHITECTURE.md, not from align's code:

- leaders: role `Executive`, compared case-insensitively against the whole value (align's
  default leader role); everyone else is grouped by department, and the leaders are their own
  group (they are left out of every department).
- per item: `overall` (everyone) and `byDepartment` (each department's non-leaders): n (answers
  given), mean, sample SD (ddof=1), favourable share (4 or 5 of 1..5), and
  r_wg = 1 - s^2 / sigma^2_EU with sigma^2_EU = (A^2 - 1) / 12 = 2 for A = 5 points, truncated
  to [0, 1] (James, Demaree and Wolf 1984; LeBreton and Senter 2008).
- the leaders' stacks: Borda consensus (mean rank; ties by more first places, then by name) and
  Kendall's W with the tie correction W = 12 S / (m^2 (N^3 - N) - m sum(t^3 - t)).
- each department's stack (its non-leaders): mean ranks, Borda order, W, and Spearman's rho of
  its mean ranks against the leaders' mean ranks (scipy.stats.spearmanr).

Written as an analyst would write it (wide groupby, numpy over the rank matrix), not tuned for
speed and not made slow: `npm run bench` times it beside align on the same files. Output: JSON
to standard output, or to the path given second.
"""

import json
import sys

import numpy as np
import pandas as pd
from scipy import stats

POINTS = 5
SIGMA2_EU = (POINTS**2 - 1) / 12.0  # 2.0, uniform null variance on 5 points
LEADER_ROLE = "executive"


def item_stats(answers, groups=None):
    """n, mean, SD, favourable share and r_wg per item, overall (groups None) or per group."""
    favourable = answers >= 4
    if groups is None:
        n, mean, sd = answers.count(), answers.mean(), answers.std(ddof=1)
        fav = favourable.sum()
    else:
        g = answers.groupby(groups, sort=True)
        n, mean, sd = g.count(), g.mean(), g.std(ddof=1)
        fav = favourable.groupby(groups, sort=True).sum()
    rwg = (1 - sd**2 / SIGMA2_EU).clip(0, 1)
    return {"n": n, "mean": mean, "sd": sd, "favourable": fav / n, "rwg": rwg}


def tie_corrected_w(ranks):
    """Kendall's W of an m x N matrix of ranks, midranked per row, tie-corrected."""
    r = pd.DataFrame(ranks).rank(axis=1, method="average").to_numpy()  # midranks; a full ranking is unchanged
    m, n = r.shape
    s = ((r.sum(axis=0) - m * (n + 1) / 2) ** 2).sum()
    # tie groups: count each row's equal midranks (2r is a whole number in 2..2N), then sum t^3 - t
    slots = np.arange(m)[:, None] * (2 * n + 1) + (2 * r).astype(int)
    t = np.bincount(slots.ravel(), minlength=m * (2 * n + 1))
    ties = float((t**3 - t).sum())
    return float(12 * s / (m * m * (n**3 - n) - m * ties))


def borda(ranks, priorities):
    """Mean ranks and the Borda order: lowest mean rank first, then more first places, then name."""
    mean = ranks.mean(axis=0)
    firsts = (ranks == ranks.min(axis=1, keepdims=True)).sum(axis=0)
    table = pd.DataFrame({"priority": priorities, "mean": mean, "firsts": firsts})
    order = table.sort_values(["mean", "firsts", "priority"], ascending=[True, False, True])["priority"].tolist()
    return dict(zip(priorities, mean.tolist())), order


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: reference.py responses.csv [out.json]")
    df = pd.read_csv(sys.argv[1], dtype={"respondent_id": str, "name": str, "role": str, "department": str})
    items = [c for c in df.columns if c.startswith("Q") and c[1:].isdigit()]
    rank_cols = [c for c in df.columns if c.startswith("Rank: ")]
    priorities = [c[len("Rank: ") :] for c in rank_cols]

    leader = df["role"].str.strip().str.casefold() == LEADER_ROLE
    others = df[~leader]

    overall = item_stats(df[items])
    by_dept = item_stats(others[items], others["department"])
    departments = by_dept["n"].index.tolist()

    out_items = []
    for q in items:
        out_items.append(
            {
                "id": q,
                "overall": {k: float(v[q]) for k, v in overall.items()},
                "byDepartment": {d: {k: float(v.at[d, q]) for k, v in by_dept.items()} for d in departments},
            }
        )

    lead_ranks = df.loc[leader, rank_cols].to_numpy(dtype=float)
    lead_means, lead_order = borda(lead_ranks, priorities)
    lead_vector = np.array([lead_means[p] for p in priorities])
    dept_stacks = []
    for d, group in others.groupby("department", sort=True):
        ranks = group[rank_cols].to_numpy(dtype=float)
        means, order = borda(ranks, priorities)
        rho = stats.spearmanr([means[p] for p in priorities], lead_vector).statistic
        dept_stacks.append(
            {
                "department": d,
                "n": int(len(group)),
                "W": tie_corrected_w(ranks),
                "meanRanks": means,
                "consensusOrder": order,
                "spearmanToLeadership": float(rho),
            }
        )

    result = {
        "source": sys.argv[1],
        "respondents": int(len(df)),
        "leaders": int(leader.sum()),
        "items": out_items,
        "stack": {
            "priorities": priorities,
            "meanRanks": lead_means,
            "consensusOrder": lead_order,
            "W": tie_corrected_w(lead_ranks),
            "departments": dept_stacks,
        },
    }
    text = json.dumps(result, indent=1)
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
