// SPDX-License-Identifier: MIT
#include "import/areaimport.h"

#include "import/changewriter.h"
#include "import/importsupport.h"
#include "import/snapshotdates.h"
#include "import/vectorlayer.h"
#include "query/controlindex.h"

#include <algorithm>
#include <format>
#include <map>
#include <memory>
#include <set>

namespace frontline {

namespace {
using namespace importing;
namespace fs = std::filesystem;

bool isVectorFile(const fs::path &path)
{
    const std::string ext = path.extension().string();
    if ((ext == ".dbf" || ext == ".shx") && fs::exists(fs::path(path).replace_extension(".shp")))
        return false; // a shapefile's parts
    return GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr) != nullptr;
}

struct ArchiveFile {
    fs::path path;
    bool named; //!< named on its own, not found in a folder
};

//! The files named, and every vector file in the folders named (sorted, subfolders too) but `database`.
std::vector<ArchiveFile> archiveFiles(const std::vector<fs::path> &paths, const fs::path &database)
{
    ogr::initialize();
    std::vector<ArchiveFile> files;
    for (const auto &path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            files.push_back({path, true});
            continue;
        }
        std::vector<fs::path> inside;
        for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
            it.increment(ec))
            if (it->is_regular_file(ec) && !fs::equivalent(it->path(), database, ec) && isVectorFile(it->path()))
                inside.push_back(it->path());
        if (ec)
            throw ImportError(std::format("{}: cannot list the folder: {}", path.string(), ec.message()));
        if (inside.empty())
            throw ImportError(path.string() + ": no vector files in this folder");
        std::ranges::sort(inside);
        for (auto &p : inside)
            files.push_back({std::move(p), false});
    }
    if (files.empty())
        throw ImportError("no files to import");
    return files;
}

//! One day's area of the faction: the polygons of every file (or feature) dated that day.
struct Snapshot {
    std::vector<std::string> files;
    std::vector<geos::Geometry> parts;
};

//! Reads a vector file's polygons into the snapshots of their dates; counts what has no polygons.
void readFile(const ArchiveFile &in, const AreaArchive &archive, const geos::Context &ctx, std::map<Date, Snapshot> &snapshots,
    ImportSummary &summary)
{
    const fs::path &file = in.path;
    VectorLayer layer(file, {}, archive.layer);
    if (!in.named && OGR_L_GetGeomType(layer.layer()) == wkbNone) { // a table beside the snapshots
        ++summary.skipped["files without geometry"];
        return;
    }
    if (!archive.where.empty())
        layer.filter(archive.where);
    std::optional<Date> fileDate = archive.date;
    if (!archive.dateFromName.empty())
        fileDate = dateInName(file.filename().string(), archive.dateFromName);
    if (!archive.dateFromName.empty() && !fileDate)
        throw ImportError(std::format("{}: no date in its name matching \"{}\"", file.string(), archive.dateFromName));
    const int dateField = archive.dateField.empty()
        ? -1
        : OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer.layer()), layer.field(archive.dateField, {}, "date").c_str());
    const std::string name = file.filename().string();
    long index = 0;
    while (ogr::Feature f = layer.next()) {
        const std::string where = featureWhere(layer.file(), ++index);
        geos::Geometry g = layer.geometryOrNull(ctx, f.get(), where);
        if (!g) {
            ++summary.skipped["features without geometry"];
            continue;
        }
        const std::string type = GEOSGeomType_r(ctx.handle(), g.get());
        auto parts = polygonsIn(ctx, std::move(g), where, summary);
        if (parts.empty()) {
            ++summary.skipped[type + " features"];
            continue;
        }
        std::optional<Date> date = dateField >= 0 ? dateOfField(f.get(), dateField) : fileDate;
        if (!date)
            throw ImportError(std::format("{}: no date in field \"{}\" (\"{}\"; expected a date, a date-time or epoch "
                                          "milliseconds)",
                where, archive.dateField, attribute(f.get(), archive.dateField)));
        Snapshot &s = snapshots[*date];
        if (std::ranges::find(s.files, name) == s.files.end())
            s.files.push_back(name);
        std::ranges::move(parts, std::back_inserter(s.parts));
    }
    if (index == 0 && fileDate)
        summary.remarks.push_back(
            std::format("{}: no features{}; its day is left out", name, archive.where.empty() ? "" : " match --where"));
}

geos::Geometry unionOf(const geos::Context &ctx, std::vector<geos::Geometry> parts, const std::string &what)
{
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (auto &p : parts)
        raw.push_back(p.release());
    geos::Geometry all =
        geos::own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(), unsigned(raw.size())));
    geos::Geometry merged = geos::own(ctx, GEOSUnaryUnion_r(ctx.handle(), all.get()));
    if (!merged)
        throw ImportError(std::format("{}: cannot union its polygons: {}", what, ctx.lastError()));
    return merged;
}

struct DistrictShape {
    std::size_t slot; //!< number - 1
    std::string id;
    geos::Geometry shape;
    double area = 0;
    double share = 0; //!< inside the last snapshot's area
};

struct PreparedDeleter {
    GEOSContextHandle_t ctx;
    void operator()(const GEOSPreparedGeometry *g) const { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;
struct TreeDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSSTRtree *t) const { GEOSSTRtree_destroy_r(ctx, t); }
};

//! The districts, with an STRtree of their extents to find those a snapshot's change of area touches.
class DistrictShapes {
public:
    DistrictShapes(const Database &db, const geos::Context &ctx)
        : m_ctx(ctx), m_tree(GEOSSTRtree_create_r(ctx.handle(), 10), TreeDeleter{ctx.handle()})
    {
        auto s = db.prepare("SELECT num, id, geometry FROM districts ORDER BY num");
        while (s.step()) {
            DistrictShape d{std::size_t(s.integer(0) - 1), s.text(1), geos::fromWkb(ctx, s.blob(2))};
            GEOSArea_r(ctx.handle(), d.shape.get(), &d.area);
            m_all.push_back(std::move(d));
        }
        if (m_all.empty())
            throw ImportError("the database has no districts: import districts first");
        for (auto &d : m_all)
            GEOSSTRtree_insert_r(ctx.handle(), m_tree.get(), d.shape.get(), &d);
    }

    [[nodiscard]] std::vector<DistrictShape> &all() { return m_all; }

    //! The districts whose extent meets a part of `g`.
    [[nodiscard]] std::vector<DistrictShape *> touching(const GEOSGeometry *g)
    {
        std::set<DistrictShape *> found;
        auto collect = [](void *item, void *out) {
            static_cast<std::set<DistrictShape *> *>(out)->insert(static_cast<DistrictShape *>(item));
        };
        for (int i = 0; i < GEOSGetNumGeometries_r(m_ctx.handle(), g); ++i)
            GEOSSTRtree_query_r(m_ctx.handle(), m_tree.get(), GEOSGetGeometryN_r(m_ctx.handle(), g, i), collect, &found);
        return {found.begin(), found.end()};
    }

private:
    const geos::Context &m_ctx;
    std::vector<DistrictShape> m_all;
    std::unique_ptr<GEOSSTRtree, TreeDeleter> m_tree;
};

//! The share of `d` inside `area`: whole or none where the prepared area says so, else measured on the
//! area clipped to the district's extent.
double shareInside(
    const geos::Context &ctx, const GEOSGeometry *area, const GEOSPreparedGeometry *prepared, const DistrictShape &d)
{
    auto *h = ctx.handle();
    if (d.area <= 0 || !GEOSPreparedIntersects_r(h, prepared, d.shape.get()))
        return 0;
    if (GEOSPreparedCovers_r(h, prepared, d.shape.get()))
        return 1;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    GEOSGeom_getXMin_r(h, d.shape.get(), &x0);
    GEOSGeom_getYMin_r(h, d.shape.get(), &y0);
    GEOSGeom_getXMax_r(h, d.shape.get(), &x1);
    GEOSGeom_getYMax_r(h, d.shape.get(), &y1);
    geos::Geometry near = geos::own(ctx, GEOSClipByRect_r(h, area, x0, y0, x1, y1));
    geos::Geometry inside = geos::own(ctx, GEOSIntersection_r(h, d.shape.get(), near ? near.get() : area));
    if (!inside)
        inside = geos::own(ctx, GEOSIntersection_r(h, d.shape.get(), area));
    if (!inside)
        throw ImportError(std::format("district {}: cannot intersect it with the area: {}", d.id, ctx.lastError()));
    double covered = 0;
    GEOSArea_r(h, inside.get(), &covered);
    return std::min(1.0, covered / d.area);
}

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
    void apply(std::map<Date, Snapshot> &snapshots)
    {
        std::vector<std::pair<Date, Snapshot *>> fresh;
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
    [[nodiscard]] std::string tagOf(Date date, const Snapshot &s) const
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
    void readExisting(const std::vector<std::pair<Date, Snapshot *>> &fresh)
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

    void applyOne(std::size_t index, Date date, Snapshot &s)
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

    void addSource(const std::string &tag, Date date, const Snapshot &s)
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
        const auto files = archiveFiles(archive.paths, db.path());
        geos::Context ctx;
        std::map<Date, Snapshot> snapshots;
        for (std::size_t i = 0; i < files.size(); ++i) {
            readFile(files[i], archive, ctx, snapshots, summary);
            if (archive.progress)
                archive.progress("reading", i + 1, files.size());
        }
        if (snapshots.empty())
            throw ImportError(archive.where.empty() ? "no polygons in any file" : "no polygons match --where in any file");
        AreaApplier(db, archive, ctx, summary).apply(snapshots);
    });
}

} // namespace frontline
