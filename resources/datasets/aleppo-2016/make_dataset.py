#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds the bundled East Aleppo 2016 dataset (CSV + manifest) from the project's researched fact table.

Usage: make_dataset.py FACT_TABLE_DIR SEED_REPORT OUT_DIR
Districts are gazetteer points (name + centroid); Frontline turns them into Voronoi cells at import.
One change per (day, district); each reported claim becomes a piece of evidence with a stance.
"""
import csv
import os
import re
import sys
from collections import OrderedDict, defaultdict

FACTIONS = [  # Okabe-Ito colours: distinguishable with the common forms of colour blindness.
    ("government", "Government and allies", "#D55E00"),
    ("rebels", "Rebel factions", "#009E73"),
    ("kurdish_ypg", "Kurdish YPG", "#CC79A7"),
]
WEIGHT = {"high": 3, "medium": 2, "low": 1}
# After 27 Nov "contested" in these northern districts means shared between the army and the YPG.
KURDISH_NORTH = {"Bustan al-Basha", "Trab al-Hellok", "Ayn at-Tal", "Ba'aiedeen", "ash-Sheikh Fares"}

# Sentences of the seed report quoted as excerpts: (district name, change date, quote, stance).
SEED_QUOTES = [
    ("as-Sakhour", "2016-11-28", "On Monday 28 November, government forces seized the Sakhur, Haydariya, and Sheikh Khodr districts, and Kurdish fighters took the Sheikh Fares neighborhood from rebels, the Syrian Observatory for Human Rights monitor said.", "supports"),
    ("ash-Sheikh Fares", "2016-11-28", "On Monday 28 November, government forces seized the Sakhur, Haydariya, and Sheikh Khodr districts, and Kurdish fighters took the Sheikh Fares neighborhood from rebels, the Syrian Observatory for Human Rights monitor said.", "supports"),
    ("Sheikh Sa’eed", "2016-11-30", "The army and its allies said they had taken the Sheikh Saeed district in the south of the city on Wednesday.", "context"),
    ("Sheikh Sa’eed", "2016-11-30", "Rebels denied this, saying the government’s advance had been repelled. The Syrian Observatory for Human Rights, a British-based monitoring group, said the rebels retained a third of Sheikh Saeed.", "supports"),
]
SEED_SOURCE = ("Seed report (news article, 30 November 2016)", "", "Assad regime forces and their allies clash with rebels in southeast Aleppo", "", "2016-11-30")


def split(value, sep):
    return [part.strip() for part in value.split(sep) if part.strip()]


def sources_of(row):
    """The row's sources as (publisher, date, title, url); publishers/dates split on ';', titles on '|'."""
    publishers, dates, cites = split(row["source_publisher"], ";"), split(row["source_date"], ";"), split(row["source_title_or_url"], "|")
    if len(publishers) != len(cites):
        publishers, dates = ["; ".join(publishers)] * len(cites), dates[:1] * len(cites)
    out = []
    for i, cite in enumerate(cites or [""]):
        m = re.search(r"(https?://\S+|\b[\w.-]+\.(?:com|net|org|sy|ie|bg|uk)/\S*)$", cite)
        url = m.group(1) if m else ""
        title = cite[: m.start()].rstrip(" -") if m else cite
        date = dates[i] if i < len(dates) else (dates[0] if dates else row["date"])
        out.append((publishers[i] if i < len(publishers) else publishers[0], "", title, url, date))
    return out


def main(fact_dir, seed_path, out_dir):
    initial = list(csv.DictReader(open(os.path.join(fact_dir, "initial-state.csv"), encoding="utf-8-sig")))
    claims = list(csv.DictReader(open(os.path.join(fact_dir, "changes.csv"), encoding="utf-8-sig")))
    seed = open(seed_path, encoding="utf-8").read()

    # District keys: the CSR Id, with a letter suffix where an Id repeats.
    seen, districts, by_pair = defaultdict(int), [], defaultdict(list)
    for row in sorted(initial, key=lambda r: int(r["feature_index"])):
        seen[row["district_id"]] += 1
        key = row["district_id"] + ("" if seen[row["district_id"]] == 1 else chr(ord("a") + seen[row["district_id"]] - 1))
        districts.append((key, row))
        by_pair[(row["district_id"], row["name"])].append(key)

    sources, excerpts, changes, evidence = OrderedDict(), [], [], []

    def source_id(src):
        if src not in sources:
            sources[src] = "s%03d" % (len(sources) + 1)
        return sources[src]

    def add_excerpt(src, kind, text):
        excerpts.append(("e%03d" % (len(excerpts) + 1), source_id(src), kind, text))
        return excerpts[-1][0]

    holders = {}
    for key, row in districts:
        state = row["controller_on_2016_11_15"]
        parties = ["government", "rebels"] if state == "contested" else [state]
        holders[key] = parties
        cid = "c%03d" % (len(changes) + 1)
        changes.append((cid, "2016-11-15", key, "contested" if state == "contested" else "held", ";".join(parties), row["confidence"], "Initial state"))
        basis = row["basis"]
        eid = add_excerpt(("Frontline research notes", "", "Initial state of east Aleppo, 15 November 2016", "", "2016-11-15"), "note", basis)
        evidence.append((cid, eid, "supports"))

    groups = OrderedDict()
    for row in sorted(claims, key=lambda r: r["date"]):
        for key in by_pair[(row["district_id"], row["name"])]:
            groups.setdefault((row["date"], key), []).append(row)

    name_of = {key: row["name"] for key, row in districts}
    for (date, key), rows in groups.items():
        top = max(WEIGHT[r["confidence"]] for r in rows)
        verdicts = {r["to_controller"] for r in rows if WEIGHT[r["confidence"]] == top}
        verdict = verdicts.pop() if len(verdicts) == 1 else "contested"
        if verdict == "contested":
            if name_of[key] in KURDISH_NORTH and date >= "2016-11-27":
                parties = ["government", "kurdish_ypg"]
            else:
                claimed = {r["to_controller"] for r in rows} | set(holders[key])
                parties = [f for f, _, _ in FACTIONS if f in claimed] or ["government", "rebels"]
                if len(parties) < 2:
                    parties = sorted(set(parties) | {"government", "rebels"}, key=[f for f, _, _ in FACTIONS].index)
        else:
            parties = [verdict]
        holders[key] = parties
        confidence = {3: "high", 2: "medium", 1: "low"}[top]
        cid = "c%03d" % (len(changes) + 1)
        label = {"government": "government", "rebels": "rebels", "kurdish_ypg": "Kurdish YPG", "contested": "contested"}
        note = "%d report(s); the strongest (%s confidence): %s." % (len(rows), confidence, label[verdict])
        changes.append((cid, date, key, "contested" if verdict == "contested" else "held", ";".join(parties), confidence, note))
        for r in rows:
            stance = "supports" if r["to_controller"] == verdict else "disputes"
            claim = "Claimed by %s: %s." % (r["claimed_by"], label[r["to_controller"]])
            for src in sources_of(r):
                eid = add_excerpt(src, "note", claim + " " + r["note"])
                evidence.append((cid, eid, stance))
        for name, qdate, quote, stance in SEED_QUOTES:
            if name == name_of[key] and qdate == date:
                assert quote in seed, quote
                evidence.append((cid, add_excerpt(SEED_SOURCE, "quote", quote), stance))

    def write(name, header, rows):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    write("factions.csv", ["id", "name", "colour"], FACTIONS)
    write("districts.csv", ["id", "name", "name_ar", "lat", "lon"],
          [(k, r["name"], r["name_arabic"], r["centroid_lat"], r["centroid_lon"]) for k, r in districts])
    write("changes.csv", ["id", "date", "district_id", "state", "factions", "confidence", "note"], changes)
    write("evidence.csv", ["change_id", "excerpt_id", "stance"], evidence)

    # Incidents and reports about places that are not among the districts, placed where possible.
    incidents, incident_evidence = [], []
    rows = list(csv.DictReader(open(os.path.join(fact_dir, "incidents-and-unmatched-places.csv"), encoding="utf-8-sig")))
    for n, r in enumerate(sorted(rows, key=lambda r: r["date"]), start=1):
        iid = "i%03d" % n
        text = r["event"] + (" " + r["note"] if r["note"] else "")
        incidents.append((iid, r["date"], r["reported_name"], r["arabic_name"], r["approx_lat"], r["approx_lon"],
                          r["location_confidence"], r["event"], r["confidence"]))
        for src in sources_of(r):
            incident_evidence.append((iid, add_excerpt(src, "note", "Reported by %s. %s" % (r["claimed_by"], text))))
    write("incidents.csv", ["id", "date", "place", "place_ar", "lat", "lon", "location_confidence", "description", "confidence"], incidents)
    write("incident_evidence.csv", ["incident_id", "excerpt_id"], incident_evidence)
    write("sources.csv", ["id", "publisher", "author", "title", "url", "date"], [(i,) + s for s, i in sources.items()])
    write("excerpts.csv", ["id", "source_id", "kind", "text"], excerpts)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
