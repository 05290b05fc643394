#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise a 'make bench' run (scripts/run-bench): per benchmark, the
median ratio patched/base over the rounds with its min-max, for each
measure; the static sizes; a table on stdout and a JSON file."""

import argparse
import glob
import json
import os
import re
import statistics
import sys

VARIANTS = ("base", "series", "events", "refevent", "placebo")
# (name, numerator, denominator, target): the median ratio must be <= target.
COMPARISONS = (
    ("series/base", "series", "base", 1.003),
    ("events/series", "events", "series", 1.15),
    # Upstream's kmem:mm_page_alloc on the base kernel: a yardstick.
    ("refevent/base", "refevent", "base", None),
    # The base kernel after a different boot history: the noise floor.
    ("placebo/base", "placebo", "base", None),
)
VARIANT_TEXT = {
    "base": "base kernel (scripts/base-commit, no series)",
    "series": "series kernel (HEAD of build/linux), events disabled",
    "events": "series kernel, mempolicy:* and kmem:mm_page_alloc_zone_fallback enabled",
    "refevent": "base kernel, upstream kmem:mm_page_alloc enabled (yardstick)",
    "placebo": "base kernel, longer command line (noise floor)",
}
MEASURE_TEXT = {
    "icount": "guest instructions per operation (QEMU -icount shift=0,sleep=off: "
              "guest CLOCK_MONOTONIC advances 1 ns per instruction); per boot: "
              "total over the repetitions",
    "wall": "wall-clock ns per operation under TCG (no -icount); per boot: "
            "median repetition",
}


def parse_boot(path, measure):
    """Per benchmark, the boot's cost per operation: under icount the
    total over the repetitions (ns / ops: the timer tick's phase averages
    out, nothing else varies), on the wall clock the median repetition
    (robust against host hiccups)."""
    reps, totals, retries, info = {}, {}, 0, {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            m = re.match(r"result (\S+) rep=\d+ ops=(\d+) ns=(\d+) ns_per_op=([0-9.]+)$", line)
            if m:
                reps.setdefault(m.group(1), []).append(float(m.group(4)))
                t = totals.setdefault(m.group(1), [0, 0])
                t[0] += int(m.group(3))
                t[1] += int(m.group(2))
            elif line.startswith("retries "):
                retries = int(line.split()[1])
            elif line.startswith("BENCH-ERROR"):
                sys.exit(f"report: {path}: {line}")
            elif line.startswith(("BENCH-TRACE", "BENCH-EVENTS", "BENCH-WEIGHTS", "BENCH-NODES")):
                key, _, rest = line.partition(" ")
                info[key] = rest
    if measure == "icount":
        return {k: t[0] / t[1] for k, t in totals.items()}, reps, retries, info
    return {k: statistics.median(v) for k, v in reps.items()}, reps, retries, info


def spread(values):
    med = statistics.median(values)
    return (max(values) - min(values)) / med if med else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--static", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--series", required=True)
    ap.add_argument("--rounds", type=int, required=True)
    ap.add_argument("--measures", required=True)
    ap.add_argument("--crashes", type=int, default=0)
    a = ap.parse_args()

    measures = a.measures.split()
    headline = "icount" if "icount" in measures else measures[0]
    result = {
        "base_commit": a.base, "series_commit": a.series, "rounds": a.rounds,
        "order": "per round: " + ", ".join(VARIANTS) + " (A B C D E A B C D E ...)",
        "variants": VARIANT_TEXT,
        "vm": "TCG, 1 vCPU, 2 memory nodes of 512 MiB (bench/bench.qemu), nokaslr, "
              "fixed RTC, no user ASLR; kernels from configs/vm.config + configs/bench.config",
        "headline_measure": headline, "measure_descriptions": {m: MEASURE_TEXT[m] for m in measures},
        "failed_boots_retried": a.crashes, "measures": {}, "static": {}, "targets": {},
    }
    out = []
    met = {c[0]: True for c in COMPARISONS}
    failing = {c[0]: [] for c in COMPARISONS}
    for measure in measures:
        boots = {v: [] for v in VARIANTS}
        infos = {v: [] for v in VARIANTS}
        for v in VARIANTS:
            for r in range(1, a.rounds + 1):
                path = os.path.join(a.runs, f"{measure}-{v}-{r}.txt")
                if not os.path.exists(path):
                    sys.exit(f"report: missing {path}")
                med, _, _, info = parse_boot(path, measure)
                boots[v].append(med)
                infos[v].append(info)
        names = sorted(boots["base"][0])
        if not names:
            sys.exit(f"report: no results in the {measure} base boots")
        mres = {"benchmarks": {}}
        for v in ("events", "refevent"):
            mres[f"{v}_trace_cpu0"] = [i.get("BENCH-TRACE", "") for i in infos[v]]
        out.append(f"== {measure}: {MEASURE_TEXT[measure]}")
        out.append((f"{'benchmark':26} {'base/op':>9} {'spread':>8} {'+series/op':>9}  "
                    + "".join(f"{c[0]:21}" for c in COMPARISONS)).rstrip())
        for name in names:
            row = {}
            for v in VARIANTS:
                vals = [b[name] for b in boots[v] if name in b]
                if len(vals) != a.rounds:
                    sys.exit(f"report: {measure} {v}: {name} missing in some boots")
                row[v] = {"per_boot": vals, "median": statistics.median(vals),
                          "spread_rel": spread(vals)}
            cells = []
            for cname, num, den, target in COMPARISONS:
                ratios = [n / d for n, d in zip(row[num]["per_boot"], row[den]["per_boot"])]
                med = statistics.median(ratios)
                row[cname] = {"ratios": ratios, "median": med, "min": min(ratios),
                              "max": max(ratios), "target": target,
                              "met": None if target is None else med <= target}
                if measure == headline and target is not None and med > target:
                    met[cname] = False
                    failing[cname].append(f"{name} {med:.4f}")
                cells.append(f"{med:.3f} ({min(ratios):.3f}-{max(ratios):.3f})")
            mres["benchmarks"][name] = row
            delta = row["series"]["median"] - row["base"]["median"]
            row["series_minus_base_per_op"] = delta
            out.append((f"{name:26} {row['base']['median']:9.1f} {100 * row['base']['spread_rel']:7.2f}% "
                        f"{delta:+9.1f}  " + "".join(f"{c:21}" for c in cells)).rstrip())
        result["measures"][measure] = mres
        out.append("")

    static = {}
    with open(a.static, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) == 5 and p[0] == "static":
                static.setdefault(f"{p[2]} {p[3]}", {})[p[1]] = int(p[4])
            elif len(p) == 4 and p[0] == "static":
                static.setdefault(p[2], {})[p[1]] = int(p[3])
    out.append("== static size (bytes; nm --size-sort, size)")
    out.append(f"{'':32} {'base':>10} {'series':>10} {'delta':>8}")
    for key, d in static.items():
        b, s = d.get("base"), d.get("series")
        label = key.replace("sym ", "").replace("section .text", "vmlinux .text section") \
                   .replace("size_text", "vmlinux text (size)")
        if b is None or s is None:
            out.append(f"{label:32} {b if b is not None else '-':>10} {s if s is not None else '-':>10}")
        else:
            out.append(f"{label:32} {b:10d} {s:10d} {s - b:+8d}")
        result["static"][label] = {"base": b, "series": s,
                                   "delta": (s - b) if b is not None and s is not None else None}
    out.append("")
    out.append("columns: base/op = base kernel's cost per operation (median of the boots);")
    out.append("spread = (max - min) / median of the base boots; +series/op = series - base")
    out.append("per operation; ratios: median over the rounds (min-max), each round's")
    out.append("boots paired. events = series with mempolicy:* and")
    out.append("kmem:mm_page_alloc_zone_fallback on; refevent = base with upstream's")
    out.append("kmem:mm_page_alloc on (what one existing per-page event costs);")
    out.append("placebo = base again with a longer command line: a ratio that differs")
    out.append("from 1 only by noise, and so the resolution of the others.")
    out.append("")
    for cname, _, _, target in COMPARISONS:
        if target is None:
            continue
        result["targets"][cname] = {"target_median_max": target, "measure": headline,
                                    "met": met[cname], "failing": failing[cname]}
        out.append(f"target {cname} <= {target} on every benchmark ({headline}): "
                   + ("met" if met[cname] else "NOT met: " + ", ".join(failing[cname])))
    out.append(f"boots retried after a guest failure: {a.crashes}")
    print("\n".join(out))
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"results in {a.json}")


if __name__ == "__main__":
    main()
