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

# Statements the inferences and reported shares rest on: (publisher, "title - url", date, our summary of it).
OLD_CITY_7_DEC = ("AFP (via Straits Times)", "Syria army retakes Aleppo Old City as rebels flee advance - https://www.straitstimes.com/world/middle-east/monitor-says-syrian-army-seizes-aleppo-old-city-from-rebels", "2016-12-07",
                  "SOHR (via AFP): the rebels abandoned every Old City quarter between the Hanano barracks and the Citadel. "
                  "This quarter lies in that strip and no report names it, so it is inferred to have changed hands with it.")
COLLAPSE_12_DEC = ("AFP (via Oman Daily)", "انهيار كامل للمعارضة السورية في حلب وانسحابات من عدة أحياء - https://www.omandaily.om/?p=415591", "2016-12-13",
                   "SOHR (via AFP) described a complete rebel collapse on 12 Dec, with about 90% of the east in government hands; "
                   "the pocket left to the rebels was Sukkari, Mashhad, Ansari and parts of Zebdiyeh, Salah al-Din, Saif al-Dawla "
                   "and Amiriyeh. This district is outside that pocket and no report names it.")
POCKET_12_DEC = COLLAPSE_12_DEC[:3] + ("SOHR (via AFP), 12 Dec: only parts of Zebdiyeh remained in the rebel pocket, so the "
                                      "rest of it is inferred to be in government hands.",)
CITY_22_DEC = ("SOHR", "After more than 1600 days ... Bashar al-Assad's regime forces regain control of Aleppo city - https://www.syriahr.com/en/57451/", "2016-12-22",
               "SOHR, 22 Dec: the government side regained control of the whole city once the last convoy left, apart from "
               "points on the western outskirts (Jam'iyat al-Zahra). Inferred for this district, which no report names.")
AIRPORT_3_DEC = ("SOHR", "The regime forces control the entire Tareeq al-Bab neighborhood in Aleppo city after losing it for more than 4 years - https://www.syriahr.com/en/56130/", "2016-12-03",
                 "SOHR, 3 Dec: Tariq al-Bab taken overnight and the airport road secured. This district on the airport road "
                 "was then enclosed by government lines; no report names it.")
POCKET = {"as-Sukkari", "al-Ansari Mashhad", "Ansari Sharqi", "az-Zebdiyeh", "Salah ad-Deen", "Sayf ad-Dauleh", "al-‘Amiriyeh",
          "Tal az-Zarazir", "Ard As-Sabbagh"}  # the last two: unnamed polygons beside Amiriyeh, taken with the pocket on 22 Dec


def with_rebels(name, holders):
    return "rebels" in holders


# Changes no report names, each with what it is inferred from: (date, district names or a rule, holders,
# confidence, basis). Applied after the day's reported changes, to districts whose holders they change.
INFERENCES = [
    ("2016-12-03", ["al-Besel"], ["government"], "low", AIRPORT_3_DEC),
    ("2016-12-07", ["Tatarlar", "Karazdada Cemetery", "ash-Sheikh Yusef Cemetery", "al-‘Arqoub"], ["government"], "medium", OLD_CITY_7_DEC),
    ("2016-12-12", ["az-Zebdiyeh"], ["government", "rebels"], "low", POCKET_12_DEC),
    ("2016-12-12", lambda name, holders: with_rebels(name, holders) and name not in POCKET, ["government"], "medium", COLLAPSE_12_DEC),
    ("2016-12-22", with_rebels, ["government"], "medium", CITY_22_DEC),
]

# Shares of the east reported at the time, as the government's share: (date, percent, claimant, basis).
SHARE_CLAIMS = [
    ("2016-11-28", 35, "SOHR", ("SOHR (statement reproduced by Arabs Today)", "القسم الشمالي لحلب الشرقية يخرج من سيطرة الفصائل - https://arabstoday.net/36/091000-", "2016-11-28",
                                "SOHR, 28 Nov: the rebels had lost over a third of the east they held.")),
    ("2016-12-02", 50, "SOHR", ("The National (AFP)", "Rebels in Aleppo driven out from half of their territory - https://www.thenationalnews.com/world/rebels-in-aleppo-driven-out-from-half-of-their-territory-1.184966", "2016-12-02",
                                "SOHR (via AFP), 2 Dec: the government side held about half of the former rebel east.")),
    ("2016-12-03", 60, "SOHR", AIRPORT_3_DEC[:3] + ("SOHR, 3 Dec: with Tariq al-Bab taken, about 60% of the rebel east was lost.",)),
    ("2016-12-07", 75, "SOHR", OLD_CITY_7_DEC[:3] + ("SOHR (via AFP), 7 Dec: about 75% of the east was in government hands after the Old City withdrawal.",)),
    ("2016-12-12", 90, "SOHR", COLLAPSE_12_DEC[:3] + ("SOHR (via AFP), 12 Dec: about 90% of the east was in government hands.",)),
    ("2016-12-22", 100, "the army", CITY_22_DEC[:3] + ("The army declared full control of Aleppo on 22 Dec, as the last convoy left (reported by SOHR).",)),
]


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
    key_of = {row["name"]: key for key, row in reversed(districts)}  # a repeated name: its first feature
    strength = {key: 0 for key, _ in districts}  # of the last reported change: a report may overturn the baseline
    label = {"government": "government", "rebels": "rebels", "kurdish_ypg": "Kurdish YPG", "contested": "contested"}
    order = [f for f, _, _ in FACTIONS]

    def add_change(date, key, parties, confidence, note):
        holders[key] = parties
        changes.append(("c%03d" % (len(changes) + 1), date, key, "contested" if len(parties) > 1 else "held",
                        ";".join(parties), confidence, note))
        return changes[-1][0]

    def reported(date, key, rows):
        top = max(WEIGHT[r["confidence"]] for r in rows)
        verdicts = {r["to_controller"] for r in rows if WEIGHT[r["confidence"]] == top}
        verdict = verdicts.pop() if len(verdicts) == 1 else "contested"
        weak = top < strength[key] and verdict not in ("contested", *holders[key])
        if weak:  # a weaker claim against a stronger report: shown as disputed between them, not as a handover
            parties = sorted({*holders[key], verdict}, key=order.index)
        elif verdict == "contested":
            if name_of[key] in KURDISH_NORTH and date >= "2016-11-27":
                parties = ["government", "kurdish_ypg"]
            else:
                claimed = {r["to_controller"] for r in rows} | set(holders[key])
                parties = [f for f in order if f in claimed] or ["government", "rebels"]
                if len(parties) < 2:
                    parties = sorted(set(parties) | {"government", "rebels"}, key=order.index)
        else:
            parties = [verdict]
        confidence = {3: "high", 2: "medium", 1: "low"}[top]
        note = "%d report(s); the strongest (%s confidence): %s." % (len(rows), confidence, label[verdict])
        if weak:
            note += " Weaker than the report it contradicts, so shown as disputed."
        cid = add_change(date, key, parties, confidence, note)
        strength[key] = max(strength[key], top) if weak else top
        for r in rows:
            stance = "supports" if r["to_controller"] == verdict or (weak and r["to_controller"] in parties) else "disputes"
            claim = "Claimed by %s: %s." % (r["claimed_by"], label[r["to_controller"]])
            for src in sources_of(r):
                eid = add_excerpt(src, "note", claim + " " + r["note"])
                evidence.append((cid, eid, stance))
        for name, qdate, quote, stance in SEED_QUOTES:
            if name == name_of[key] and qdate == date:
                assert quote in seed, quote
                evidence.append((cid, add_excerpt(SEED_SOURCE, "quote", quote), stance))

    def inferred(date, key, parties, confidence, basis):
        """A change no report names, with the statement or observation it is inferred from as its evidence."""
        publisher, title_url, published, text = basis
        src = sources_of({"source_publisher": publisher, "source_date": published, "source_title_or_url": title_url, "date": date})[0]
        cid = add_change(date, key, parties, confidence, "Inferred: no report names this district.")
        evidence.append((cid, add_excerpt(src, "note", text), "infers"))

    days = sorted({date for date, _ in groups} | {date for date, _, _, _, _ in INFERENCES})
    for day in days:
        for (date, key), rows in groups.items():
            if date == day:
                reported(date, key, rows)
        named = {key for date, key in groups if date == day}
        for date, which, parties, confidence, basis in INFERENCES:
            if date != day:
                continue
            if callable(which):
                keys = [k for k, _ in districts if k not in named and which(name_of[k], holders[k])]
            else:
                keys = [key_of[name] for name in which]
            for key in keys:
                if holders[key] != parties:
                    inferred(date, key, parties, confidence, basis)

    # Reported shares of the east, each a claim of the government's share of the districts the rebels held or
    # contested on the first day (contested counts half).
    east = [key for key, row in districts if row["controller_on_2016_11_15"] in ("rebels", "contested")]
    claim_rows = []
    for n, (date, percent, claimant, basis) in enumerate(SHARE_CLAIMS, start=1):
        publisher, title_url, published, text = basis
        src = sources_of({"source_publisher": publisher, "source_date": published, "source_title_or_url": title_url, "date": date})[0]
        claim_rows.append(("r%02d" % n, date, "east", "government", percent, claimant, add_excerpt(src, "note", text)))

    def write(name, header, rows):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    write("factions.csv", ["id", "name", "colour"], FACTIONS)
    write("districts.csv", ["id", "name", "name_ar", "lat", "lon"],
          [(k, r["name"], r["name_arabic"], r["centroid_lat"], r["centroid_lon"]) for k, r in districts])
    write("claim_areas.csv", ["id", "name", "districts"],
          [("east", "East Aleppo as held or contested by the rebels on 15 November 2016", ";".join(east))])
    write("share_claims.csv", ["id", "date", "area_id", "faction", "percent", "claimant", "excerpt_id"], claim_rows)
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
