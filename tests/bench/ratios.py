#!/usr/bin/env python3
"""Ratios of the benchmark results that do not depend on how fast the machine is, and their check against a
baseline: ratios.py DIR SIZE... [--baseline FILE] [--write FILE]. Each ratio is "higher is better"; one
that falls below two thirds of its baseline is reported as a regression (exit status 1)."""
import argparse
import csv
import json
import os
import sys


def core(folder, size):
    with open(os.path.join(folder, f"{size}-core.json")) as f:
        return {b["name"].split("/")[0]: b for b in json.load(f)["benchmarks"]}


def viewer(folder, size, renderer, platform):
    path = os.path.join(folder, f"{size}-{renderer}-{platform}.csv")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {row["measurement"]: float(row["wall_p50_ms"]) for row in csv.DictReader(f)}


def window_step(folder, size):
    """The whole viewer window's frames that showed a new day while playing: their median interval."""
    path = os.path.join(folder, f"{size}-window-xvfb.csv")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        steps = sorted(float(r["interval_ms"]) for r in csv.DictReader(f) if r["day_changed"] == "1")
    return steps[len(steps) // 2] if steps else None


def ratios(folder, size):
    c = core(folder, size)
    sql = c["naiveSqlState"]["p50_ms"]
    out = {
        "cursor step (mean) vs plain SQL": sql * 1000 / c["cursorStep"]["real_time"],
        "state from cold vs plain SQL": sql / c["stateFromCold"]["p50_ms"],
        "front line vs plain SQL": sql / c["frontLine"]["p50_ms"],
        "import rate / CSV parse rate": c["importChanges"]["items_per_second"] / c["readChangesCsv"]["items_per_second"],
    }
    for platform in ("offscreen", "xvfb"):
        batched, alone = viewer(folder, size, "batched", platform), viewer(folder, size, "none", platform)
        items = viewer(folder, size, "items", platform)
        for m in ("step", "pan", "zoom"):
            if batched and alone:
                out[f"{platform} {m} frame: map alone / batched"] = alone[m] / batched[m]
            if batched and items:
                out[f"{platform} {m} frame: items / batched"] = items[m] / batched[m]
    peers = os.path.join(folder, f"{size}-import-peers.json")
    if os.path.exists(peers):
        with open(peers) as f:
            p = json.load(f)
        ours = p["rows"] / c["importChanges"]["items_per_second"]
        out["import: SQLite shell floor / Frontline"] = p["sqlite_import_s"] / ours
        out["import: ogr2ogr / Frontline"] = p["ogr2ogr_s"] / ours
    qgis, batched = os.path.join(folder, f"{size}-qgis.json"), viewer(folder, size, "batched", "offscreen")
    if os.path.exists(qgis) and batched:
        with open(qgis) as f:
            out["day step: QGIS / Frontline offscreen"] = json.load(f)["step_p50_ms"] / batched["step"]
    alone, window = viewer(folder, size, "none", "xvfb"), window_step(folder, size)
    if alone and window:  # the whole window (panels, list, chart) against a step frame of the bare map
        out["xvfb step frame: map alone / whole window playing"] = alone["step"] / window
    return {f"{size}: {name}": value for name, value in out.items()}


def archive_ratios(folder):
    path = os.path.join(folder, "archives.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        a = {b["name"].split("/")[0]: b for b in json.load(f)["benchmarks"]}
    per = lambda name: a[name]["ms_per_snapshot"]
    return {
        "areas: weekly archive, one run per file / one archive": per("weeklyOneRunPerFile") / per("weeklyArchive"),
        "areas: generated archive, one run per file / one archive": per("generatedOneRunPerFile") / per("generatedArchive"),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("sizes", nargs="+")
    parser.add_argument("--baseline")
    parser.add_argument("--write")
    args = parser.parse_args()
    now = {}
    for size in args.sizes:
        now.update(ratios(args.folder, size))
    now.update(archive_ratios(args.folder))
    if args.write:
        with open(args.write, "w") as f:
            json.dump({k: round(v, 4) for k, v in now.items()}, f, indent=2, ensure_ascii=False)
            f.write("\n")
    if not args.baseline or not os.path.exists(args.baseline):
        print(f"no baseline to compare with ({args.baseline})")
        return 0
    with open(args.baseline) as f:
        base = json.load(f)
    regressions = 0
    print("| ratio (higher is better) | baseline | now | |")
    print("|---|---|---|---|")
    for name, value in now.items():
        if name not in base:
            continue
        worse = value < base[name] * 2 / 3
        regressions += worse
        print(f"| {name} | {base[name]:.3g} | {value:.3g} | {'REGRESSION' if worse else 'ok'} |")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
