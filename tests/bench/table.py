#!/usr/bin/env python3
"""Turns build/bench/ results into the Markdown table of docs/performance.md: table.py DIR SIZE..."""
import csv
import json
import os
import sys

folder, sizes = sys.argv[1], sys.argv[2:]


def core(size):
    with open(os.path.join(folder, f"{size}-core.json")) as f:
        return {b["name"].split("/")[0]: b for b in json.load(f)["benchmarks"]}


def window(size):
    """The whole viewer's frames that showed a new day, and the scene graph's render times."""
    path = os.path.join(folder, f"{size}-window-xvfb.csv")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        rows = list(csv.DictReader(f))
    steps = sorted(float(r["interval_ms"]) for r in rows if r["day_changed"] == "1")
    render = sorted(float(r["scenegraph_ms"]) for r in rows if r["scenegraph_ms"])
    if not steps or not render:
        return None
    at = lambda v, q: v[min(len(v) - 1, int(q * len(v)))]
    return at(steps, 0.5), at(steps, 0.99), at(render, 0.5), len(steps)


def viewer(size, renderer, platform):
    path = os.path.join(folder, f"{size}-{renderer}-{platform}.csv")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {row["measurement"]: row for row in csv.DictReader(f)}


print("| size | measure | result | target |")
print("|---|---|---|---|")
for size in sizes:
    c = core(size)
    naive, step = c["naiveSqlState"], c["cursorStep"]
    rows = [
        ("plain SQL state of a day (p50)", f'{naive["p50_ms"]:.1f} ms', "baseline"),
        ("cursor day step (p50 / mean / p99)",
         f'{step["p50_ms"] * 1000:.1f} µs / {step["real_time"]:.0f} µs / {step["p99_ms"]:.1f} ms', "< 1 ms"),
        ("cursor playing at 60 days/s, next block read ahead (p50 / mean / p99)",
         f'{c["cursorPlay"]["p50_ms"] * 1000:.1f} µs / {c["cursorPlay"]["real_time"]:.0f} µs / {c["cursorPlay"]["p99_ms"]:.2f} ms', "< 1 ms"),
        ("step vs plain SQL (p50 ratio; mean ratio)",
         f'{naive["p50_ms"] / step["p50_ms"]:.0f}×; {naive["p50_ms"] * 1000 / step["real_time"]:.0f}×', "≥ 100×"),
        ("state of any day, new connection (p50 / p99)", f'{c["stateFromCold"]["p50_ms"]:.1f} / {c["stateFromCold"]["p99_ms"]:.1f} ms', "< 100 ms"),
        ("front line of a day (p50)", f'{c["frontLine"]["p50_ms"]:.2f} ms ({c["frontLine"]["segments"]:.0f} borders; index load {c["frontLine"]["index_load_ms"]:.0f} ms)', "< 10 ms"),
        ("CSV parse (GDAL)", f'{c["readChangesCsv"]["items_per_second"] / 1e3:.0f}k rows/s', ""),
        ("import changes.csv", f'{c["importChanges"]["items_per_second"] / 1e3:.0f}k changes/s, peak {c["importChanges"]["peak_rss_mb"]:.0f} MB', "≥ 500k/s"),
        ("database size", f'{os.path.getsize(os.path.join(folder, size + ".db")) / 1e6:.0f} MB', "< 1 GB at L"),
    ]
    peers = os.path.join(folder, f"{size}-import-peers.json")
    if os.path.exists(peers):
        with open(peers) as f:
            p = json.load(f)
        ours = p["rows"] / c["importChanges"]["items_per_second"]
        rows.append(("import changes.csv vs its floor and a peer: Frontline / SQLite shell .import + indexes / ogr2ogr to GPKG",
                     f'{ours:.1f} s / {p["sqlite_import_s"]:.1f} s / {p["ogr2ogr_s"]:.1f} s ({ours / p["sqlite_import_s"]:.2f}× the floor)',
                     "≤ 1.5× the floor, < ogr2ogr"))
    qgis = os.path.join(folder, f"{size}-qgis.json")
    batched = viewer(size, "batched", "offscreen")
    if os.path.exists(qgis) and batched:
        with open(qgis) as f:
            q = json.load(f)
        ours = float(batched["step"]["wall_p50_ms"])
        rows.append(("day step, 1600×1000: QGIS Temporal Controller on the exported GeoPackage / Frontline offscreen (p50)",
                     f'{q["step_p50_ms"]:.0f} ms / {ours:.1f} ms ({q["step_p50_ms"] / ours:.0f}×)', ""))
    for renderer in ("batched", "items"):
        for platform in ("offscreen", "xvfb"):
            v = viewer(size, renderer, platform)
            if not v:
                continue
            rows.append((f"viewer {renderer}, {platform}: open", f'{float(v["open"]["wall_p50_ms"]) / 1000:.1f} s', "< 2 s"))
            for m in ("step", "pan", "zoom"):
                rows.append((f"viewer {renderer}, {platform}: {m} frame, wall p50 / p99 (scene graph p50)",
                             f'{float(v[m]["wall_p50_ms"]):.1f} / {float(v[m]["wall_p99_ms"]):.1f} ms ({float(v[m]["scenegraph_p50_ms"]):.0f} ms)',
                             "< 16 ms" if m == "step" else "smooth"))
            if v["step"].get("change_p50_ms"):  # the step itself on the GUI thread: cursor, day list, repaint
                rows.append((f"viewer {renderer}, {platform}: a step's work before its frame (p50)",
                             f'{float(v["step"]["change_p50_ms"]):.1f} ms', ""))
    w = window(size)
    if w:
        rows.append(("whole viewer window playing, xvfb: frames with a new day, wall p50 / p99 (scene graph p50)",
                     f"{w[0]:.1f} / {w[1]:.1f} ms ({w[2]:.0f} ms; {w[3]} such frames in 20 s)", "< 16 ms"))
    for platform in ("offscreen", "xvfb"):
        b, n = viewer(size, "batched", platform), viewer(size, "none", platform)
        if b and n:
            frames = ", ".join(f'{m} {float(n[m]["wall_p50_ms"]):.1f} / {float(n[m]["scenegraph_p50_ms"]):.0f} ms' for m in ("step", "pan", "zoom"))
            rows.append((f"map alone, {platform}: frame wall p50 / scene graph p50 (baseline)", frames, ""))
            ratios = ", ".join(f'{m} {float(b[m]["wall_p50_ms"]) / float(n[m]["wall_p50_ms"]):.1f}×' for m in ("step", "pan", "zoom"))
            rows.append((f"batched ÷ map alone, {platform}: wall p50", ratios, ""))
    for platform in ("offscreen", "xvfb"):
        b, i = viewer(size, "batched", platform), viewer(size, "items", platform)
        if b and i:
            ratios = ", ".join(f'{m} {float(i[m]["wall_p50_ms"]) / float(b[m]["wall_p50_ms"]):.0f}×' for m in ("step", "pan", "zoom"))
            sg = ", ".join(f'{m} {float(i[m]["scenegraph_p50_ms"]) / max(1.0, float(b[m]["scenegraph_p50_ms"])):.0f}×' for m in ("step", "pan", "zoom"))
            rows.append((f"items ÷ batched, {platform}: wall p50; scene graph p50", f"{ratios}; {sg}", ""))
    for name, value, target in rows:
        print(f"| {size} | {name} | {value} | {target} |")

archives = os.path.join(folder, "archives.json")
if os.path.exists(archives):  # area archives: sizes do not apply
    with open(archives) as f:
        a = {b["name"].split("/")[0]: b for b in json.load(f)["benchmarks"]}
    for name, archive, peer, target in (
            ("DeepStateMap weekly (110 files) onto 275 hromadas", "weeklyArchive", "weeklyOneRunPerFile", "< 100 ms"),
            ("generated: 1,000 daily snapshots onto 10,000 districts", "generatedArchive", "generatedOneRunPerFile", "")):
        if archive in a and peer in a:
            mine, theirs = a[archive]["ms_per_snapshot"], a[peer]["ms_per_snapshot"]
            print(f"| areas | import areas, {name}: per snapshot (one run per file) | "
                  f"{mine:.0f} ms ({theirs:.0f} ms, {theirs / mine:.1f}×) | {target} |")
