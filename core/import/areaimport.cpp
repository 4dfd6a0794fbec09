// SPDX-License-Identifier: MIT
#include "import/areaimport.h"

#include "import/areasnapshots.h"
#include "import/changewriter.h"
#include "import/districtshapes.h"
#include "import/importsupport.h"
#include "query/controlindex.h"

#include <algorithm>
#include <format>
#include <map>
#include <memory>
#include <set>

namespace frontline {

namespace {
using namespace importing;

//! What a snapshot says of one district: a control, or nothing.
struct Verdict {
    bool says = false;
    ControlState state = ControlState::Held;
    std::vector<std::string> factions;

    [[nodiscard]] bool matches(const Control &c) const
    {
        if (state != c.state || factions.size() != c.factions.size())
            return false;
        return state == ControlState::Held
            ? factions == c.factions
            : std::ranges::all_of(factions, [&](const auto &f) { return std::ranges::contains(c.factions, f); });
    }
};

//! Remarks counted over the whole archive, with a few districts as examples.
struct Tally {
    int count = 0;
    std::vector<std::string> examples;
    void add(const std::string &district)
    {
        if (++count <= 5)
            examples.push_back(district);
    }
    void report(ImportSummary &summary, const std::string &what) const
    {
        if (count == 0)
            return;
        std::string list;
        for (const auto &e : examples)
            list += (list.empty() ? "" : ", ") + e;
        summary.remarks.push_back(
            std::format("{} time(s) {} (districts {}{}); left unchanged (--others G names who holds the rest)", count, what, list,
                count > 5 ? ", ..." : ""));
    }
};

class AreaApplier {
public:
    AreaApplier(const Database &db, const AreaArchive &archive, const geos::Context &ctx, ImportSummary &summary)
        : m_db(db), m_archive(archive), m_ctx(ctx), m_summary(summary), m_districts(db, ctx), m_writer(db),
          m_knownChange(db.prepare("SELECT 1 FROM changes WHERE id = ?")), m_controls(orThrow(controlindex::controls(db))),
          m_slots(orThrow(controlindex::districtSlots(db)))
    {
    }

    //! Applies the snapshots in date order. One imported before is read again in its place: it adds nothing
    //! where the record already follows it, and what it showed where a new snapshot before it changed the record.
    void apply(std::map<Date, AreaSnapshot> &snapshots)
    {
        std::vector<std::pair<Date, AreaSnapshot *>> fresh;
        auto known = m_db.prepare("SELECT 1 FROM sources WHERE id = ?");
        int repeated = 0;
        for (auto &[date, s] : snapshots) {
            known.bindAll(tagOf(date, s));
            repeated += known.step();
            known.reset();
            fresh.emplace_back(date, &s);
        }
        if (repeated)
            m_summary.remarks.push_back(
                std::format("{} snapshot(s) imported before (same faction, date and file): read again in date order", repeated));
        warnOfOthers(fresh.front().first, fresh.back().first, repeated);
        readExisting(fresh);
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            applyOne(i, fresh[i].first, *fresh[i].second);
            if (m_archive.progress)
                m_archive.progress("applying", i + 1, fresh.size());
        }
        m_writer.flush();
        extendDataEnd(m_db, fresh.back().first);
        m_summary.added["snapshots"] = int(fresh.size()) - repeated;
        m_partlyInside.report(
            m_summary, std::format("a district was partly inside the {} area and no other holder was known", m_archive.faction));
        if (m_archive.role == AreaArchive::Role::Control) // a claim's outside says nothing
            m_outside.report(m_summary, std::format("a district held by {} lay outside its area", m_archive.faction));
        if (m_unrecorded)
            m_summary.remarks.push_back(
                std::format("{} claim(s) about districts with no control recorded that day: not kept", m_unrecorded));
    }

private:
    [[nodiscard]] std::string tagOf(Date date, const AreaSnapshot &s) const
    {
        return std::format("{}:{}:{}:{}", m_archive.role == AreaArchive::Role::Claim ? "claim" : "area", m_archive.faction,
            date.toString(), s.files.front());
    }

    //! Snapshots of the same faction imported before in this span but not part of this import: where they
    //! recorded no change, what they showed is lost to it, so the map can differ from one import of them all.
    void warnOfOthers(Date first, Date last, int repeated)
    {
        const std::string prefix =
            std::format("{}:{}:", m_archive.role == AreaArchive::Role::Claim ? "claim" : "area", m_archive.faction);
        auto others =
            m_db.prepare("SELECT count(*) FROM sources WHERE substr(id, 1, length(?1)) = ?1 AND published BETWEEN ?2 AND ?3");
        others.bindAll(prefix, first.toString(), last.toString());
        const auto count = others.step() ? others.integer(0) - repeated : 0;
        if (count > 0)
            m_summary.remarks.push_back(std::format(
                "{} other snapshot(s) of {} between {} and {} were imported before and are not among these files: where "
                "they recorded no change, this import does not know what they showed; import all the snapshots together "
                "for the map they make together",
                count, m_archive.faction, first.toString(), last.toString()));
    }

    //! The control recorded before this import: on the day before the first snapshot, and on each
    //! snapshot's day if the database has changes in the archive's span (other sources, a baseline).
    void readExisting(const std::vector<std::pair<Date, AreaSnapshot *>> &fresh)
    {
        const int first = fresh.front().first.dayNumber();
        m_previous = orThrow(controlindex::stateAt(m_db, first - 1));
        auto later = m_db.prepare("SELECT 1 FROM changes WHERE day BETWEEN ? AND ? LIMIT 1");
        later.bindAll(first, fresh.back().first.dayNumber());
        if (later.step() || m_archive.role == AreaArchive::Role::Claim)
            for (const auto &[date, s] : fresh)
                m_existing.push_back(orThrow(controlindex::stateAt(m_db, date.dayNumber())));
        m_ours.assign(m_slots, 0);
    }

    void applyOne(std::size_t index, Date date, AreaSnapshot &s)
    {
        auto *h = m_ctx.handle();
        geos::Geometry area = unionOf(m_ctx, std::move(s.parts), std::format("{} ({})", s.files.front(), date.toString()));
        const Prepared prepared(GEOSPrepare_r(h, area.get()), PreparedDeleter{h});
        const ControlVector &now = m_existing.empty() ? m_previous : m_existing[index];

        // Only districts the area's change since the last snapshot touches can change, and those whose
        // recorded control changed since.
        std::vector<DistrictShape *> candidates;
        geos::Geometry moved(nullptr, geos::GeometryDeleter{h});
        if (m_lastArea && m_archive.role == AreaArchive::Role::Control)
            moved = geos::own(m_ctx, GEOSSymDifference_r(h, m_lastArea.get(), area.get()));
        if (moved) {
            candidates = m_districts.touching(moved.get());
        } else {
            for (auto &d : m_districts.all())
                candidates.push_back(&d);
        }
        for (auto *d : candidates)
            d->share = shareInside(m_ctx, area.get(), prepared.get(), *d);
        if (moved && &now != &m_previous) {
            std::vector<char> listed(m_slots, 0);
            for (const auto *d : candidates)
                listed[d->slot] = 1;
            for (auto &d : m_districts.all())
                if (now[d.slot] != m_previous[d.slot] && !listed[d.slot])
                    candidates.push_back(&d);
        }

        const std::string tag = tagOf(date, s);
        addSource(tag, date, s);
        for (DistrictShape *d : candidates) {
            const bool recordedSince = now[d->slot] != m_previous[d->slot];
            const std::uint16_t before = m_ours[d->slot] && !recordedSince ? m_ours[d->slot] : now[d->slot];
            const Verdict verdict = judge(*d, m_controls[before]);
            if (!verdict.says)
                continue;
            if (m_archive.role == AreaArchive::Role::Claim)
                addClaim(tag, date, *d, verdict.matches(m_controls[before]));
            else if (!before || !verdict.matches(m_controls[before]))
                addChange(tag, date, *d, verdict);
        }
        if (&now != &m_previous)
            m_previous = now;
        m_lastArea = std::move(area);
    }

    [[nodiscard]] Verdict judge(const DistrictShape &d, const Control &current)
    {
        const auto &f = m_archive.faction;
        const auto &holders = current.factions;
        if (d.share >= m_archive.thresholds.held)
            return {true, ControlState::Held, {f}};
        if (d.share >= m_archive.thresholds.contested) {
            std::vector<std::string> sides{f};
            for (const auto &h : holders)
                if (h != f)
                    sides.push_back(h);
            if (sides.size() == 1 && !m_archive.others.empty())
                sides.push_back(m_archive.others);
            if (sides.size() == 1) {
                m_partlyInside.add(d.id);
                return {};
            }
            return {true, ControlState::Contested, sides};
        }
        if (!m_archive.others.empty())
            return {true, ControlState::Held, {m_archive.others}};
        if (holders == std::vector{f})
            m_outside.add(d.id);
        return {};
    }

    void addSource(const std::string &tag, Date date, const AreaSnapshot &s)
    {
        std::string files;
        for (const auto &f : s.files)
            files += (files.empty() ? "" : ", ") + f;
        const bool claim = m_archive.role == AreaArchive::Role::Claim;
        m_db.prepare("INSERT OR IGNORE INTO sources (id, publisher, title, url, published) VALUES (?, ?, ?, ?, ?)")
            .bindAll(tag, m_archive.source,
                std::format("{} {} on {} ({})", claim ? "Area claimed by" : "Area of", m_archive.faction, date.toString(), files),
                m_archive.sourceUrl, date.toString())
            .run();
        m_db.prepare("INSERT OR IGNORE INTO excerpts (id, source_id, kind, text) VALUES (?, ?, 'note', ?)")
            .bindAll(tag, tag,
                std::format("The {} {} on {}, as drawn in {}.", claim ? "area claimed by" : "area of", m_archive.faction,
                    date.toString(), files))
            .run();
    }

    void addChange(const std::string &tag, Date date, DistrictShape &d, const Verdict &v)
    {
        m_knownChange.bindAll(tag + ":" + d.id);
        const bool recorded = m_knownChange.step();
        m_knownChange.reset();
        if (recorded) // this snapshot's change, imported before
            return;
        const std::int64_t control = m_writer.control(v.state, Confidence::Medium, v.factions);
        if (std::size_t(control) >= m_controls.size())
            m_controls.resize(std::size_t(control) + 1);
        m_controls[std::size_t(control)] = {v.state, Confidence::Medium, v.factions};
        const auto ref = m_writer.write(tag + ":" + d.id, date, std::int64_t(d.slot + 1), control,
            std::format("{:.0f}% of the district inside the {} area", d.share * 100, m_archive.faction));
        m_writer.addEvidence(ref, tag, Stance::Supports);
        m_ours[d.slot] = std::uint16_t(control);
        ++m_summary.added["changes"];
    }

    //! The claim as evidence of the change that set the district's control that day.
    void addClaim(const std::string &tag, Date date, const DistrictShape &d, bool agrees)
    {
        auto change = m_db.prepare("SELECT num FROM changes WHERE district = ? AND day <= ? ORDER BY day DESC, num DESC LIMIT 1");
        change.bindAll(std::int64_t(d.slot + 1), date.dayNumber());
        if (!change.step()) {
            ++m_unrecorded;
            return;
        }
        m_db.prepare("INSERT OR IGNORE INTO evidence (change, excerpt_id, stance) VALUES (?, ?, ?)")
            .bindAll(change.integer(0), tag, agrees ? 0 : 1)
            .run();
        ++m_summary.added[agrees ? "supporting evidence" : "disputing evidence"];
    }

    const Database &m_db;
    const AreaArchive &m_archive;
    const geos::Context &m_ctx;
    ImportSummary &m_summary;
    DistrictShapes m_districts;
    ChangeWriter m_writer;
    Statement m_knownChange;
    std::vector<Control> m_controls;
    std::size_t m_slots;
    ControlVector m_previous; //!< recorded control as of the last snapshot (or the day before the first)
    std::vector<ControlVector> m_existing; //!< recorded control on each snapshot's day, when it can differ
    std::vector<std::uint16_t> m_ours; //!< the control this import last gave each district (0: none)
    geos::Geometry m_lastArea{nullptr, geos::GeometryDeleter{nullptr}};
    Tally m_partlyInside, m_outside;
    int m_unrecorded = 0;
};

void requireFaction(const Database &db, const std::string &faction, const char *option)
{
    auto known = db.prepare("SELECT 1 FROM factions WHERE id = ?");
    known.bindAll(faction);
    if (!known.step())
        throw ImportError(std::format("{}: unknown faction \"{}\"", option, faction));
}
} // namespace

Result<ImportSummary> importAreas(const Database &db, const AreaArchive &archive)
{
    return inTransaction(db, [&](ImportSummary &summary) {
        requireFaction(db, archive.faction, "--faction");
        if (!archive.others.empty())
            requireFaction(db, archive.others, "--others");
        if (int(archive.date.has_value()) + int(!archive.dateFromName.empty()) + int(!archive.dateField.empty()) != 1)
            throw ImportError("say where the dates are: one of --date, --date-from-name or --date-field");
        geos::Context ctx;
        auto snapshots = readSnapshots(archive, ctx, db.path(), summary);
        if (snapshots.empty())
            throw ImportError(archive.where.empty() ? "no polygons in any file" : "no polygons match --where in any file");
        AreaApplier(db, archive, ctx, summary).apply(snapshots);
    });
}

} // namespace frontline
