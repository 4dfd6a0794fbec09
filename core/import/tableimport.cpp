// SPDX-License-Identifier: MIT
#include "import/tableimport.h"

#include "geometry/geos.h"
#include "geometry/voronoi.h"
#include "import/changecolumns.h"
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

//! The rows of a changes table, read by column position and without copying: a country's war is tens of millions.
class ChangeRows {
public:
    ChangeRows(CsvTable &t, const ChangeColumns &columns) : m_t(t), m_c(columns) { }
    //! The row's id; a file without ids gets "DISTRICT@DATE", stable across imports of the same table (a district
    //! changes hands at most once a day).
    [[nodiscard]] std::string_view id(std::string_view districtId, Date date)
    {
        if (m_c.id >= 0)
            return need(m_c.id, "id");
        m_madeId.assign(districtId).append("@").append(date.toString());
        return m_madeId;
    }
    [[nodiscard]] std::string_view district() const { return need(m_c.district, "district"); }
    [[nodiscard]] std::string_view note() const { return trimmed(m_t.field(m_c.note)); }
    [[nodiscard]] std::string_view state() const { return trimmed(m_t.field(m_c.state)); }
    [[nodiscard]] std::string_view confidence() const { return trimmed(m_t.field(m_c.confidence)); }
    [[nodiscard]] std::string_view factions() const { return need(m_c.factions, "factions"); }
    //! The row's date; files are mostly in date order, so the last one parsed is kept.
    Date date()
    {
        const std::string_view text = trimmed(m_t.field(m_c.date));
        if (text != m_lastDateText) {
            m_lastDate = Date::parse(text);
            m_lastDateText = text;
        }
        if (!m_lastDate)
            throw ImportError(
                std::format("{}: invalid date \"{}\" (expected YYYY-MM-DD, a real calendar day)", m_t.where(), text));
        return *m_lastDate;
    }
    //! State, confidence and factions as one key, for finding a control already checked and stored.
    [[nodiscard]] const std::string &controlKey()
    {
        m_key.assign(state()); // joined by the unit separator (0x1F), not found in ids or states
        m_key.append("\x1f").append(confidence()).append("\x1f").append(trimmed(m_t.field(m_c.factions)));
        return m_key;
    }

private:
    std::string_view need(int column, const char *name) const
    {
        const std::string_view value = trimmed(m_t.field(column));
        if (value.empty())
            throw ImportError(std::format("{}: empty \"{}\"", m_t.where(), name));
        return value;
    }

    const CsvTable &m_t;
    ChangeColumns m_c;
    std::string m_lastDateText, m_key, m_madeId;
    std::optional<Date> m_lastDate;
};

//! The number and id of the district a row names by id or by any of its names.
std::pair<std::int64_t, std::string> rowDistrict(const DistrictResolver &districts, std::string_view text, const CsvTable &t)
{
    if (auto number = districts.numberOfId(text))
        return {*number, std::string(text)};
    auto resolved = districts.resolve(std::string(text));
    if (!resolved)
        throw ImportError(std::format("{}: {}", t.where(), resolved.error().message));
    return {districts.number(*resolved), *resolved};
}

//! The error for a change id that repeats: it names the line of its second use in the file, or of its first if
//! a change stored before the import (numbered up to `before`) has it.
ImportError repeatedId(
    const Database &db, const CsvTable &changes, const ColumnNames &named, const std::string &id, std::int64_t before)
{
    auto stored = db.prepare("SELECT 1 FROM changes WHERE id = ? AND num <= ?");
    int seen = stored.bindAll(id, before).step() ? 1 : 0;
    CsvTable t = openTable(changes.path(), {});
    ChangeRows row(t, ChangeColumns::find(t, named));
    const DistrictResolver districts(db);
    while (t.next())
        if (row.id(rowDistrict(districts, row.district(), t).second, row.date()) == id && ++seen == 2)
            break;
    const bool made = ChangeColumns::find(t, named).id < 0;
    return ImportError(std::format("{}:{}: change id \"{}\" repeats an earlier change{}", t.name(), t.line(), id,
        made ? " (a district changes at most once a day)" : ""));
}

//! A word as spreadsheets write it ("Held", " contested ") in the dataset format's spelling.
std::string lowered(std::string_view text)
{
    std::string out(trimmed(text));
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

//! The factions of the database, found by id or, in any case, by name.
class KnownFactions {
public:
    explicit KnownFactions(const Database &db)
    {
        for (auto s = db.prepare("SELECT id, name FROM factions"); s.step();) {
            m_ids.insert(s.text(0));
            m_byWord.emplace(lowered(s.text(1)), s.text(0));
            m_byWord.emplace(lowered(s.text(0)), s.text(0));
        }
    }
    [[nodiscard]] std::string id(const std::string &written, const CsvTable &t) const
    {
        if (m_ids.contains(written))
            return written;
        if (const auto it = m_byWord.find(lowered(written)); it != m_byWord.end())
            return it->second;
        throw ImportError(std::format("{}: unknown faction \"{}\"", t.where(), written));
    }

private:
    std::set<std::string, std::less<>> m_ids;
    std::map<std::string, std::string, std::less<>> m_byWord; // the first faction of a name wins
};

//! The control entry a row asks for, checked in full the first time its text is seen. Holders are separated by
//! ";" or "|"; without a state, one holder holds the district and several contest it; without a confidence, it is
//! medium.
std::int64_t newControl(const CsvTable &t, const ChangeRows &row, ChangeWriter &writer, const KnownFactions &known)
{
    std::string list(row.factions());
    std::ranges::replace(list, '|', ';');
    std::vector<std::string> factions;
    for (const auto &f : splitList(list, ';'))
        factions.push_back(known.id(f, t));
    const std::string stateText = lowered(row.state());
    const auto state = stateText.empty() ? std::optional(factions.size() > 1 ? ControlState::Contested : ControlState::Held)
                                         : parseControlState(stateText);
    if (!state)
        throw ImportError(std::format("{}: invalid state \"{}\" (expected held or contested)", t.where(), row.state()));
    const std::string confidenceText = lowered(row.confidence());
    const auto confidence = confidenceText.empty() ? std::optional(Confidence::Medium) : parseConfidence(confidenceText);
    if (!confidence)
        throw ImportError(
            std::format("{}: invalid confidence \"{}\" (expected high, medium or low)", t.where(), row.confidence()));
    if (*state == ControlState::Held && factions.size() != 1)
        throw ImportError(std::format("{}: a held district has exactly one faction, got {}", t.where(), factions.size()));
    if (*state == ControlState::Contested && factions.size() < 2)
        throw ImportError(std::format("{}: a contested district needs at least two factions", t.where()));
    return writer.control(*state, *confidence, factions, t.line());
}

//! Takes the indexes of `changes` off while a large file loads and puts them back once at the end: sorting
//! once is several times faster than keeping three B-trees in order row by row.
class IndexesOff {
public:
    explicit IndexesOff(const Database &db) : m_db(db)
    {
        auto s =
            db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'changes' AND sql IS NOT NULL");
        while (s.step())
            m_indexes.emplace_back(s.text(0), s.text(1));
        for (const auto &[name, sql] : m_indexes)
            db.exec(std::format("DROP INDEX {}", name).c_str());
    }
    //! Rebuilds them. If the unique index on ids will not build, the repeated id is named with its line.
    void restore(const CsvTable &t, const ColumnNames &named, std::int64_t before)
    {
        for (const auto &[name, sql] : m_indexes)
            try {
                m_db.exec(sql.c_str());
            } catch (const SqlError &) {
                auto repeated =
                    m_db.prepare("SELECT id FROM changes WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1 LIMIT 1");
                if (repeated.step())
                    throw repeatedId(m_db, t, named, repeated.text(0), before);
                throw;
            }
    }

private:
    const Database &m_db;
    std::vector<std::pair<std::string, std::string>> m_indexes;
};

void importChanges(const Database &db, CsvTable &t, const ColumnNames &named, ImportSummary &summary)
{
    const DistrictResolver districts(db);
    ChangeRows row(t, ChangeColumns::find(t, named));
    ChangeWriter writer(db, t.name(), ChangeWriter::Storing::Alongside); // below, the database only through it
    const KnownFactions knownFactions(db);
    std::optional<IndexesOff> bulk;
    const std::int64_t before = lastChange(db);
    if (loadsInBulk(t.bytes(), before))
        bulk.emplace(db);
    std::map<std::string, std::int64_t, std::less<>> controls; // by the text of state, confidence and factions
    int added = 0;
    try { // the writer's errors name the line of the change or control the database refused
        while (t.next()) {
            const Date date = row.date();
            const auto [district, districtId] = rowDistrict(districts, row.district(), t);
            const std::string &key = row.controlKey();
            auto control = controls.find(key);
            if (control == controls.end())
                control = controls.emplace(key, newControl(t, row, writer, knownFactions)).first;
            writer.write(row.id(districtId, date), date, district, control->second, row.note(), t.line());
            ++added;
        }
        writer.flush();
    } catch (const ChangeWriter::RepeatedId &e) {
        throw repeatedId(db, t, named, e.id, before);
    } catch (const SqlError &e) {
        throw ImportError(e.what());
    }
    summary.added["changes"] += added;
    if (bulk)
        bulk->restore(t, named, before);
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
    std::optional<importing::BulkLoad> bulk;
    if (table == Table::Changes && importing::loadsInBulk(db, csv))
        bulk.emplace(db);
    return importing::inTransaction(
        db, [&](ImportSummary &summary) { importing::importTableIn(db, table, csv, summary, columns); });
}

} // namespace frontline
