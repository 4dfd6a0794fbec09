// SPDX-License-Identifier: MIT
#include "datasetimporter.h"

#include "adjacency.h"
#include "csvtable.h"
#include "geometry/geos.h"
#include "voronoi.h"

#include <algorithm>
#include <charconv>
#include <format>
#include <fstream>
#include <ranges>
#include <set>
#include <sstream>

namespace frontline {

namespace {
//! Thrown inside the importer with a message that already names file and line.
struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

CsvTable openTable(const std::filesystem::path &path, const std::vector<std::string> &required)
{
    auto table = CsvTable::open(path, required);
    if (!table)
        throw ImportError(table.error().message);
    return std::move(*table);
}

std::string need(const CsvTable &t, const std::string &column)
{
    std::string value = trim(t[column]);
    if (value.empty())
        throw ImportError(std::format("{}: empty \"{}\"", t.where(), column));
    return value;
}

double coordinate(const CsvTable &t, const std::string &column, double limit)
{
    const std::string text = need(t, column);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < -limit || value > limit)
        throw ImportError(std::format("{}: \"{}\" is not a valid {} (expected a number between -{} and {})", t.where(),
                                      text, column, limit, limit));
    return value;
}

template <typename T>
T parsed(const CsvTable &t, const std::string &column, std::optional<T> (*parse)(std::string_view), std::string_view expected)
{
    const std::string text = trim(t[column]);
    auto value = parse(text);
    if (!value)
        throw ImportError(std::format("{}: invalid {} \"{}\" (expected {})", t.where(), column, text, expected));
    return *value;
}

void known(const std::set<std::string> &ids, const std::string &id, const CsvTable &t, std::string_view what)
{
    if (!ids.contains(id))
        throw ImportError(std::format("{}: unknown {} \"{}\"", t.where(), what, id));
}

void insert(const CsvTable &t, Statement &statement)
{
    try {
        statement.run();
    } catch (const SqlError &e) {
        throw ImportError(std::format("{}: {}", t.where(), e.what()));
    }
}

class DatasetImport {
public:
    DatasetImport(const Database &db, std::filesystem::path folder) : m_db(db), m_folder(std::move(folder)) {}

    ImportSummary run()
    {
        Manifest manifest = readManifest();
        importFactions();
        importDistricts();
        importSources();
        importExcerpts();
        importChanges();
        importEvidence();
        auto meta = m_db.prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)");
        for (const auto &[key, value] : manifest.values)
            meta.bindAll(key, value).run();
        return m_summary;
    }

private:
    Manifest readManifest()
    {
        const auto path = m_folder / "manifest.ini";
        std::ifstream in(path);
        if (!in)
            throw ImportError(std::format("{}: no manifest.ini (is this a Frontline dataset folder?)", m_folder.string()));
        std::stringstream text;
        text << in.rdbuf();
        auto manifest = parseManifest(text.str(), path.string());
        if (!manifest)
            throw ImportError(manifest.error().message);
        return *manifest;
    }

    void importFactions()
    {
        CsvTable t = openTable(m_folder / "factions.csv", {"id", "name", "colour"});
        auto s = m_db.prepare("INSERT INTO factions (id, name, colour) VALUES (?, ?, ?)");
        while (t.next()) {
            const std::string colour = need(t, "colour");
            if (colour.size() != 7 || colour[0] != '#' || colour.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
                throw ImportError(std::format("{}: colour \"{}\" is not #RRGGBB", t.where(), colour));
            s.bindAll(need(t, "id"), need(t, "name"), colour);
            insert(t, s);
            m_factions.insert(need(t, "id"));
            ++m_summary.factions;
        }
    }

    void importDistricts()
    {
        CsvTable t = openTable(m_folder / "districts.csv", {"id", "name", "lat", "lon"});
        struct Row {
            std::string id, name, nameAr, where;
            LonLat at;
        };
        std::vector<Row> rows;
        std::vector<LonLat> points;
        while (t.next()) {
            Row row{need(t, "id"), need(t, "name"), trim(t["name_ar"]), t.where(),
                    {coordinate(t, "lon", 180), coordinate(t, "lat", 90)}};
            if (!m_districts.insert(row.id).second)
                throw ImportError(std::format("{}: district id \"{}\" repeats", t.where(), row.id));
            points.push_back(row.at);
            rows.push_back(std::move(row));
        }
        auto cells = voronoiCells(points);
        if (!cells)
            throw ImportError("districts.csv: " + cells.error().message);
        geos::Context ctx;
        auto s = m_db.prepare("INSERT INTO districts (id, name, name_ar, geometry, centroid_lon, centroid_lat, "
                              "min_lon, min_lat, max_lon, max_lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto geometry = geos::fromWkb(ctx, (*cells)[i]);
            const BoundingBox box = geos::bounds(ctx, geometry.get());
            s.bindAll(rows[i].id, rows[i].name, rows[i].nameAr, std::span<const unsigned char>((*cells)[i]), rows[i].at.lon,
                      rows[i].at.lat, box.min.lon, box.min.lat, box.max.lon, box.max.lat);
            s.run();
            ++m_summary.districts;
        }
        auto border = m_db.prepare("INSERT INTO adjacency (a, b, border) VALUES (?, ?, ?)");
        for (const auto &shared : sharedBorders(*cells)) {
            auto [a, b] = std::minmax(rows[shared.a].id, rows[shared.b].id);
            border.bindAll(a, b, std::span<const unsigned char>(shared.border)).run();
            ++m_summary.borders;
        }
    }

    void importSources()
    {
        CsvTable t = openTable(m_folder / "sources.csv", {"id", "publisher"});
        auto s = m_db.prepare("INSERT INTO sources (id, publisher, author, title, url, published) VALUES (?, ?, ?, ?, ?, ?)");
        while (t.next()) {
            // Publication dates stay as written: sources are sometimes undated or dated approximately.
            s.bindAll(need(t, "id"), need(t, "publisher"), trim(t["author"]), trim(t["title"]), trim(t["url"]), trim(t["date"]));
            insert(t, s);
            m_sources.insert(need(t, "id"));
            ++m_summary.sources;
        }
    }

    void importExcerpts()
    {
        CsvTable t = openTable(m_folder / "excerpts.csv", {"id", "source_id", "kind", "text"});
        auto s = m_db.prepare("INSERT INTO excerpts (id, source_id, kind, text) VALUES (?, ?, ?, ?)");
        while (t.next()) {
            known(m_sources, need(t, "source_id"), t, "source");
            const auto kind = parsed(t, "kind", parseExcerptKind, "quote or note");
            s.bindAll(need(t, "id"), need(t, "source_id"), toString(kind), need(t, "text"));
            insert(t, s);
            m_excerpts.insert(need(t, "id"));
            ++m_summary.excerpts;
        }
    }

    void importChanges()
    {
        CsvTable t = openTable(m_folder / "changes.csv", {"id", "date", "district_id", "state", "factions", "confidence"});
        auto change = m_db.prepare("INSERT INTO changes (id, day, district_id, state, confidence, note) VALUES (?, ?, ?, ?, ?, ?)");
        auto side = m_db.prepare("INSERT INTO change_factions (change_id, faction_id, position) VALUES (?, ?, ?)");
        while (t.next()) {
            const std::string id = need(t, "id");
            const Date date = parsed(t, "date", Date::parse, "YYYY-MM-DD, a real calendar day");
            known(m_districts, need(t, "district_id"), t, "district");
            const auto state = parsed(t, "state", parseControlState, "held or contested");
            const auto confidence = parsed(t, "confidence", parseConfidence, "high, medium or low");
            std::vector<std::string> factions;
            for (const auto &part : std::views::split(need(t, "factions"), ';')) {
                factions.push_back(trim(std::string_view(part)));
                known(m_factions, factions.back(), t, "faction");
            }
            if (state == ControlState::Held && factions.size() != 1)
                throw ImportError(std::format("{}: a held district has exactly one faction, got {}", t.where(), factions.size()));
            if (state == ControlState::Contested && factions.size() < 2)
                throw ImportError(std::format("{}: a contested district needs at least two factions", t.where()));
            change.bindAll(id, date.toString(), need(t, "district_id"), toString(state), toString(confidence), trim(t["note"]));
            insert(t, change);
            for (std::size_t i = 0; i < factions.size(); ++i) {
                side.bindAll(id, factions[i], int(i));
                insert(t, side);
            }
            m_changes.insert(id);
            ++m_summary.changes;
        }
    }

    void importEvidence()
    {
        CsvTable t = openTable(m_folder / "evidence.csv", {"change_id", "excerpt_id", "stance"});
        auto s = m_db.prepare("INSERT INTO evidence (change_id, excerpt_id, stance) VALUES (?, ?, ?)");
        while (t.next()) {
            known(m_changes, need(t, "change_id"), t, "change");
            known(m_excerpts, need(t, "excerpt_id"), t, "excerpt");
            const auto stance = parsed(t, "stance", parseStance, "supports, disputes or context");
            s.bindAll(need(t, "change_id"), need(t, "excerpt_id"), toString(stance));
            insert(t, s);
            ++m_summary.evidence;
        }
    }

    const Database &m_db;
    std::filesystem::path m_folder;
    ImportSummary m_summary;
    std::set<std::string> m_factions, m_districts, m_sources, m_excerpts, m_changes;
};
} // namespace

Result<Manifest> parseManifest(std::string_view text, const std::string &fileName)
{
    Manifest manifest;
    int line = 0;
    for (const auto &raw : std::views::split(text, '\n')) {
        ++line;
        const std::string content = trim(std::string_view(raw));
        if (content.empty() || content.starts_with('#'))
            continue;
        const auto eq = content.find('=');
        if (eq == std::string::npos || trim(content.substr(0, eq)).empty())
            return fail(std::format("{}:{}: expected \"key = value\"", fileName, line));
        manifest.values[trim(content.substr(0, eq))] = trim(content.substr(eq + 1));
    }
    if (manifest.value("format") != "frontline-dataset-1")
        return fail(std::format("{}: \"format = frontline-dataset-1\" is missing or names another version", fileName));
    return manifest;
}

Result<ImportSummary> importDataset(const Database &db, const std::filesystem::path &folder)
{
    try {
        Transaction transaction(db);
        ImportSummary summary = DatasetImport(db, folder).run();
        transaction.commit();
        return summary;
    } catch (const ImportError &e) {
        return fail(e.what());
    } catch (const SqlError &e) {
        return fail(std::format("{}: {}", folder.string(), e.what()));
    }
}

} // namespace frontline
