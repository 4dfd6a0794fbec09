// SPDX-License-Identifier: MIT
#include "import/tableimport.h"

#include "geometry/geos.h"
#include "geometry/voronoi.h"
#include "import/changecolumns.h"
#include "import/changetable.h"
#include "import/changewriter.h"
#include "import/claimtables.h"
#include "import/districtwriter.h"
#include "import/importsupport.h"
#include "query/districtresolver.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

namespace frontline {

namespace importing {
namespace {

void importFactions(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s = db.prepare("INSERT INTO factions (id, name, colour) VALUES (?, ?, ?)");
    while (t.next()) {
        const std::string colour = need(t, "colour");
        if (colour.size() != 7 || colour[0] != '#' || colour.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
            throw ImportError(std::format("{}: colour \"{}\" is not #RRGGBB", t.where(), colour));
        s.bindAll(need(t, "id"), need(t, "name"), colour);
        insert(t, s);
        ++summary.added["factions"];
    }
}

//! A polygon from WKT, repaired with GEOS MakeValid if invalid (reported in the summary).
std::vector<unsigned char> polygonFromWkt(const CsvTable &t, const std::string &wkt, ImportSummary &summary)
{
    geos::Context ctx;
    GEOSWKTReader *reader = GEOSWKTReader_create_r(ctx.handle());
    geos::Geometry g = geos::own(ctx, GEOSWKTReader_read_r(ctx.handle(), reader, wkt.c_str()));
    GEOSWKTReader_destroy_r(ctx.handle(), reader);
    if (!g)
        throw ImportError(std::format("{}: invalid WKT: {}", t.where(), ctx.lastError()));
    const int type = GEOSGeomTypeId_r(ctx.handle(), g.get());
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
        throw ImportError(std::format("{}: the wkt is not a polygon", t.where()));
    if (GEOSisValid_r(ctx.handle(), g.get()) != 1) {
        char *reason = GEOSisValidReason_r(ctx.handle(), g.get());
        summary.remarks.push_back(std::format("{}: repaired an invalid polygon ({})", t.where(), reason));
        GEOSFree_r(ctx.handle(), reason);
        g = geos::own(ctx, GEOSMakeValid_r(ctx.handle(), g.get()));
    }
    return geos::toWkb(ctx, g.get());
}

void importDistricts(const Database &db, CsvTable &t, ImportSummary &summary)
{
    const bool polygons = t.hasColumn("wkt");
    std::vector<DistrictRecord> records;
    std::vector<LonLat> points;
    std::set<std::string> ids;
    while (t.next()) {
        DistrictRecord d{need(t, "id"), need(t, "name"), trim(t["name_ar"]), splitList(t["alt_names"], ';'), {}, std::nullopt};
        if (!ids.insert(d.id).second)
            throw ImportError(std::format("{}: district id \"{}\" repeats", t.where(), d.id));
        if (polygons) {
            d.geometry = polygonFromWkt(t, need(t, "wkt"), summary);
        } else {
            d.anchor = LonLat{coordinate(t, "lon", 180), coordinate(t, "lat", 90)};
            points.push_back(*d.anchor);
        }
        records.push_back(std::move(d));
    }
    if (!polygons && !records.empty()) {
        auto cells = voronoiCells(points);
        if (!cells)
            throw ImportError(t.where() + ": " + cells.error().message);
        for (std::size_t i = 0; i < records.size(); ++i)
            records[i].geometry = std::move((*cells)[i]);
    }
    DistrictWriter writer(db);
    for (const auto &d : records)
        ++(writer.write(d) ? summary.added : summary.changed)["districts"];
    summary.added["shared borders"] = writer.rebuildAdjacency();
}

void importSources(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s = db.prepare("INSERT INTO sources (id, publisher, author, title, url, published) VALUES (?, ?, ?, ?, ?, ?)");
    while (t.next()) {
        // Publication dates stay as written: sources are sometimes undated or dated approximately.
        s.bindAll(need(t, "id"), need(t, "publisher"), trim(t["author"]), trim(t["title"]), trim(t["url"]), trim(t["date"]));
        insert(t, s);
        ++summary.added["sources"];
    }
}

void importExcerpts(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s = db.prepare("INSERT INTO excerpts (id, source_id, kind, text) VALUES (?, ?, ?, ?)");
    KnownIds sources(db, "sources", "source");
    while (t.next()) {
        sources.require(need(t, "source_id"), t);
        const auto kind = parsed(t, "kind", parseExcerptKind, "quote or note");
        s.bindAll(need(t, "id"), need(t, "source_id"), toString(kind), need(t, "text"));
        insert(t, s);
        ++summary.added["excerpts"];
    }
}

//! Finds changes by id; a change without one (generated data) is "#" and its number, as exports write it.
class KnownChanges {
public:
    explicit KnownChanges(const Database &db)
        : m_byId(db.prepare("SELECT num FROM changes WHERE id = ?")),
          m_byNumber(db.prepare("SELECT num FROM changes WHERE num = ? AND id IS NULL"))
    {
    }
    std::int64_t number(const std::string &id, const CsvTable &t)
    {
        std::int64_t num = 0;
        const bool numbered = id.starts_with('#') && std::from_chars(id.data() + 1, id.data() + id.size(), num).ec == std::errc{};
        Statement &lookup = numbered ? m_byNumber.bindAll(num) : m_byId.bindAll(id);
        if (!lookup.step())
            throw ImportError(std::format("{}: unknown change \"{}\"", t.where(), id));
        num = lookup.integer(0);
        lookup.reset();
        return num;
    }

private:
    Statement m_byId, m_byNumber;
};

void importEvidence(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s = db.prepare("INSERT INTO evidence (change, excerpt_id, stance) VALUES (?, ?, ?)");
    KnownChanges changes(db);
    KnownIds excerpts(db, "excerpts", "excerpt");
    while (t.next()) {
        const std::int64_t change = changes.number(need(t, "change_id"), t);
        excerpts.require(need(t, "excerpt_id"), t);
        const auto stance = parsed(t, "stance", parseStance, "supports, disputes, context or infers");
        s.bindAll(change, need(t, "excerpt_id"), int(stance));
        insert(t, s);
        ++summary.added["evidence links"];
    }
}

void importIncidents(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s =
        db.prepare("INSERT INTO incidents (id, day, place, place_ar, lat, lon, location_confidence, description, confidence) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    while (t.next()) {
        const Date date = parsed(t, "date", Date::parse, "YYYY-MM-DD, a real calendar day");
        const bool placed = !trim(t["lat"]).empty() || !trim(t["lon"]).empty();
        s.bindAll(need(t, "id"), date.toString(), need(t, "place"), trim(t["place_ar"]));
        if (placed) {
            s.bind(5, coordinate(t, "lat", 90));
            s.bind(6, coordinate(t, "lon", 180));
        } else {
            s.bind(5, std::nullopt);
            s.bind(6, std::nullopt);
        }
        s.bind(7, trim(t["location_confidence"]));
        s.bind(8, need(t, "description"));
        s.bind(9, std::string(toString(parsed(t, "confidence", parseConfidence, "high, medium or low"))));
        insert(t, s);
        ++summary.added["incidents"];
    }
}

void importIncidentEvidence(const Database &db, CsvTable &t, ImportSummary &summary)
{
    auto s = db.prepare("INSERT INTO incident_evidence (incident_id, excerpt_id) VALUES (?, ?)");
    KnownIds incidents(db, "incidents", "incident"), excerpts(db, "excerpts", "excerpt");
    while (t.next()) {
        incidents.require(need(t, "incident_id"), t);
        excerpts.require(need(t, "excerpt_id"), t);
        s.bindAll(need(t, "incident_id"), need(t, "excerpt_id"));
        insert(t, s);
        ++summary.added["incident sources"];
    }
}

struct TableSpec {
    Table table;
    std::string_view name;
    std::vector<std::string> required;
    void (*run)(const Database &, CsvTable &, ImportSummary &);
};

const std::array<TableSpec, 10> &specs()
{
    static const std::array<TableSpec, 10> all{{
        {Table::Factions, "factions", {"id", "name", "colour"}, importFactions},
        {Table::Districts, "districts", {"id", "name"}, importDistricts},
        {Table::Sources, "sources", {"id", "publisher"}, importSources},
        {Table::Excerpts, "excerpts", {"id", "source_id", "kind", "text"}, importExcerpts},
        {Table::Changes, "changes", {}, nullptr}, // its columns may have other names: see ChangeColumns
        {Table::Evidence, "evidence", {"change_id", "excerpt_id", "stance"}, importEvidence},
        {Table::Incidents, "incidents", {"id", "date", "place", "description", "confidence"}, importIncidents},
        {Table::IncidentEvidence, "incident_evidence", {"incident_id", "excerpt_id"}, importIncidentEvidence},
        {Table::ClaimAreas, "claim_areas", {"id", "name", "districts"}, importClaimAreas},
        {Table::ShareClaims, "share_claims", {"id", "date", "area_id", "faction", "percent", "claimant"}, importShareClaims},
    }};
    return all;
}
} // namespace

void importTableIn(
    const Database &db, Table table, const std::filesystem::path &csv, ImportSummary &summary, const ColumnNames &columns)
{
    const auto &spec = *std::ranges::find(specs(), table, &TableSpec::table);
    CsvTable t = openTable(csv, spec.required);
    if (table == Table::Districts && !t.hasColumn("wkt") && !(t.hasColumn("lat") && t.hasColumn("lon")))
        throw ImportError(csv.string() + ":1: districts need either a \"wkt\" column or \"lat\" and \"lon\" columns");
    if (table == Table::Changes)
        importChanges(db, t, columns, summary);
    else
        spec.run(db, t, summary);
    if (!t.error().empty())
        throw ImportError(t.error());
}

Result<bool> loadsInBulkChecked(const Database &db, const std::filesystem::path &changesCsv, const ColumnNames &columns)
{
    if (!loadsInBulk(db, changesCsv))
        return false;
    try {
        const CsvTable t = openTable(changesCsv, {});
        (void)ChangeColumns::find(t, columns);
    } catch (const ImportError &e) {
        return fail(e.what());
    }
    return true;
}

} // namespace importing

std::optional<Table> parseTable(std::string_view name)
{
    for (const auto &spec : importing::specs())
        if (spec.name == name)
            return spec.table;
    return std::nullopt;
}

Result<ImportSummary> importTable(const Database &db, Table table, const std::filesystem::path &csv, const ColumnNames &columns)
{
    const auto inBulk = table == Table::Changes ? importing::loadsInBulkChecked(db, csv, columns) : Result<bool>(false);
    if (!inBulk)
        return std::unexpected(inBulk.error());
    std::optional<importing::BulkLoad> bulk;
    if (*inBulk)
        bulk.emplace(db);
    return importing::inTransaction(
        db, [&](ImportSummary &summary) { importing::importTableIn(db, table, csv, summary, columns); });
}

} // namespace frontline
