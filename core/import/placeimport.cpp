// SPDX-License-Identifier: MIT
#include "import/placeimport.h"

#include "geometry/voronoi.h"
#include "import/changewriter.h"
#include "import/districtwriter.h"
#include "import/holdermap.h"
#include "import/importsupport.h"
#include "import/snapshotdates.h"
#include "import/vectorlayer.h"
#include "query/controlindex.h"
#include "query/controlqueries.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <format>
#include <map>
#include <set>
#include <span>

namespace frontline {

namespace {
using namespace importing;
namespace fs = std::filesystem;

//! The column `requested` (an error if missing), else the first of `usual` in any case; -1 if none.
int findColumn(
    const CsvTable &t, const std::string &requested, std::initializer_list<const char *> usual, const char *what, bool required)
{
    const auto header = t.header();
    auto list = [&] {
        std::string names;
        for (const auto &h : header)
            names += (names.empty() ? "" : ", ") + h;
        return names;
    };
    if (!requested.empty()) {
        if (!t.hasColumn(requested))
            throw ImportError(std::format("{}: no {} column \"{}\" (its columns: {})", t.name(), what, requested, list()));
        return t.column(requested);
    }
    for (const char *name : usual)
        for (const auto &h : header)
            if (lowered(folded(h)) == name)
                return t.column(h);
    if (required)
        throw ImportError(std::format("{}: no {} column (its columns: {}); name it with --{}-field", t.name(), what, list(),
            std::string_view(what).substr(0, std::string_view(what).find(' '))));
    return -1;
}

struct Place {
    LonLat at;
    std::vector<std::string> names;
};

//! One row's statement: a place held a certain way on a day, read from file:line.
struct Observation {
    int place, day, holding, file;
    long line;
    int link; //!< index of the row's cited link, -1 if none
    int value; //!< index of the holder's text as the row has it
};

struct Tables {
    std::vector<Place> places;
    std::map<std::pair<long, long>, int> byCoordinates; //!< at 1e-4 degrees (about 10 m)
    std::vector<Observation> observations;
    std::vector<std::string> files, links, values;
    std::map<std::string, int> linkIndex, valueIndex;
    std::vector<std::optional<Date>> fileDates;
    std::vector<std::string> uncoordinated; //!< a few file:line examples
};

double number(std::string_view text)
{
    const std::string t = folded(text);
    double v = NAN;
    const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), v);
    return error == std::errc() && end == t.data() + t.size() ? v : NAN;
}

int placeOf(Tables &tables, const std::string &name, LonLat at)
{
    const std::pair key{std::lround(at.lat * 1e4), std::lround(at.lon * 1e4)};
    auto [it, added] = tables.byCoordinates.try_emplace(key, int(tables.places.size()));
    if (added)
        tables.places.push_back({at, {}});
    auto &names = tables.places[std::size_t(it->second)].names;
    if (std::ranges::find(names, name) == names.end())
        names.push_back(name);
    return it->second;
}

void readTable(const fs::path &path, const PlaceTables &options, HolderMap &map, Tables &tables, ImportSummary &summary)
{
    CsvTable t = openTable(path, {});
    const int file = int(tables.files.size());
    tables.files.push_back(t.name());
    const bool datedByName = !options.wide && !options.dateFromName.empty(); // wide: the pattern reads headers
    const std::optional<Date> fileDate = datedByName ? dateInName(path.filename().string(), options.dateFromName) : std::nullopt;
    if (datedByName && !fileDate)
        throw ImportError(std::format("{}: no date in its name matching \"{}\"", t.name(), options.dateFromName));
    tables.fileDates.push_back(fileDate);
    const int name = findColumn(t, options.nameField, {"name", "place", "settlement", "city", "town"}, "name", true);
    const int lat = findColumn(t, options.latField, {"lat", "latitude", "y"}, "lat (latitude)", true);
    const int lon = findColumn(t, options.lonField, {"lon", "lng", "long", "longitude", "x"}, "lon (longitude)", true);
    const int link =
        findColumn(t, options.sourceField, {"sourcelink", "source_link", "source_url", "url", "link"}, "source", false);
    const int dateColumn = options.dateField.empty() ? -1 : findColumn(t, options.dateField, {}, "date", true);
    // The holder columns: one, or (wide) every column headed by a date.
    std::vector<std::pair<int, std::optional<Date>>> holders;
    if (options.wide) {
        for (const auto &h : t.header())
            if (auto day = options.dateFromName.empty() ? Date::parse(folded(h)) : dateInName(folded(h), options.dateFromName))
                holders.emplace_back(t.column(h), day);
        if (holders.empty())
            throw ImportError(std::format("{}: no column headed by a date ({})", t.name(),
                options.dateFromName.empty() ? "YYYY-MM-DD" : "matching \"" + options.dateFromName + "\""));
    } else {
        holders.emplace_back(
            findColumn(t, options.holderField, {"held by", "holder", "status", "controlled by", "control"}, "holder", true),
            fileDate);
    }
    while (t.next()) {
        const std::string placeName = folded(t.field(name));
        const LonLat at{number(t.field(lon)), number(t.field(lat))};
        if (placeName.empty()) {
            ++summary.skipped["rows without a name"];
            continue;
        }
        if (!std::isfinite(at.lat) || !std::isfinite(at.lon) || std::abs(at.lat) > 90 || std::abs(at.lon) > 180) {
            ++summary.skipped["rows without coordinates"];
            if (tables.uncoordinated.size() < 5)
                tables.uncoordinated.push_back(std::format("{} ({})", t.where(), placeName));
            continue;
        }
        const std::optional<Date> rowDate =
            dateColumn >= 0 ? Date::parse(folded(t.field(dateColumn)).substr(0, 10)) : std::nullopt;
        if (dateColumn >= 0 && !rowDate)
            throw ImportError(
                std::format("{}: invalid date \"{}\" (expected YYYY-MM-DD)", t.where(), folded(t.field(dateColumn))));
        int linkIndex = -1;
        if (const std::string url = link >= 0 ? folded(t.field(link)) : ""; !url.empty()) {
            auto [it, added] = tables.linkIndex.try_emplace(url, int(tables.links.size()));
            if (added)
                tables.links.push_back(url);
            linkIndex = it->second;
        }
        const int place = placeOf(tables, placeName, at);
        for (const auto &[column, columnDate] : holders) {
            const std::optional<Date> day = rowDate ? rowDate : columnDate;
            if (!day)
                throw ImportError(t.where() + ": no date for this row");
            const std::string_view raw = t.field(column);
            if (options.wide && folded(raw).empty())
                continue; // a panel's empty cell: no statement that day
            const int holding = map.lookup(raw, t.where() + (options.wide ? " (" + day->toString() + ")" : ""));
            if (holding < 0) {
                ++summary.skipped["rows with an unknown holder"];
                continue;
            }
            auto [value, added] = tables.valueIndex.try_emplace(folded(raw), int(tables.values.size()));
            if (added)
                tables.values.push_back(folded(raw));
            tables.observations.push_back({place, day->dayNumber(), holding, file, t.line(), linkIndex, value->second});
        }
    }
    if (!t.error().empty())
        throw ImportError(t.error());
}

std::string hostOf(const std::string &url)
{
    const auto start = url.find("://");
    const auto from = start == std::string::npos ? 0 : start + 3;
    std::string host = url.substr(from, url.find('/', from) - from);
    return host.starts_with("www.") ? host.substr(4) : host;
}
Tables readTables(const PlaceTables &options, HolderMap &map, ImportSummary &summary)
{
    Tables tables;
    for (std::size_t i = 0; i < options.files.size(); ++i) {
        readTable(options.files[i], options, map, tables, summary);
        if (options.progress)
            options.progress("reading", i + 1, options.files.size());
    }
    if (!tables.uncoordinated.empty()) {
        std::string list;
        for (const auto &u : tables.uncoordinated)
            list += (list.empty() ? "" : ", ") + u;
        summary.remarks.push_back(std::format(
            "rows without coordinates, skipped: {}{}", list, summary.skipped["rows without coordinates"] > 5 ? ", ..." : ""));
    }
    if (tables.observations.empty())
        throw ImportError("no rows with a place, coordinates and a known holder");
    return tables;
}

//! Each place's district: the existing one it lies in ("" if none).
std::vector<std::string> districtsAround(const Database &db, const Tables &tables, ImportSummary &summary)
{
    std::vector<std::string> ids(tables.places.size());
    ControlQueries q(db);
    for (std::size_t i = 0; i < tables.places.size(); ++i) {
        auto in = q.districtAt(tables.places[i].at);
        if (!in)
            throw ImportError(in.error().message);
        ids[i] = in->value_or(std::string());
        if (ids[i].empty())
            ++summary.skipped["places outside every district"];
    }
    return ids;
}

//! Each place's district: its own Voronoi cell, written now, named after the place (with its coordinates
//! where two places share a name).
std::vector<std::string> districtsOfCells(
    const Database &db, const PlaceTables &options, const Tables &tables, ImportSummary &summary)
{
    std::map<std::string, int> nameUses;
    std::vector<LonLat> at;
    at.reserve(tables.places.size());
    for (const auto &p : tables.places) {
        ++nameUses[p.names.front()];
        at.push_back(p.at);
    }
    std::optional<std::vector<unsigned char>> area;
    if (options.clip)
        area = unionOfPolygons(*options.clip, summary);
    auto cells = voronoiCells(at, 400, area ? &*area : nullptr);
    if (!cells)
        throw ImportError(cells.error().message);
    std::vector<std::string> ids(tables.places.size());
    DistrictWriter writer(db);
    for (std::size_t i = 0; i < tables.places.size(); ++i) {
        const Place &p = tables.places[i];
        const std::string &name = p.names.front();
        ids[i] = nameUses[name] == 1 ? name : std::format("{} ({:.4f}, {:.4f})", name, p.at.lat, p.at.lon);
        DistrictRecord d{ids[i], name, {}, {p.names.begin() + 1, p.names.end()}, std::move((*cells)[i]), p.at};
        ++(writer.write(d) ? summary.added : summary.changed)["districts"];
    }
    summary.added["shared borders"] = writer.rebuildAdjacency();
    return ids;
}

//! The tables' sources, and each cited link's.
void writeTableSources(const Database &db, const PlaceTables &options, const Tables &tables)
{
    for (std::size_t f = 0; f < tables.files.size(); ++f) {
        const std::optional<Date> &published = tables.fileDates[f];
        db.prepare("INSERT OR IGNORE INTO sources (id, publisher, title, published) VALUES (?, ?, ?, ?)")
            .bindAll("table:" + tables.files[f], options.source, tables.files[f], published ? published->toString() : "")
            .run();
    }
    for (const auto &url : tables.links)
        db.prepare("INSERT OR IGNORE INTO sources (id, publisher, url) VALUES (?, ?, ?)")
            .bindAll("link:" + url, hostOf(url), url)
            .run();
}

//! What one day's rows for a district say together: the holding they agree on (medium confidence), or a
//! contest among what they say (low confidence).
std::pair<Holding, Confidence> dayHolding(const HolderMap &map, const std::set<int> &said)
{
    if (said.size() == 1)
        return {map.holding(*said.begin()), Confidence::Medium};
    std::set<std::string> sides; // in one order, whichever row came first
    for (int h : said)
        sides.insert(map.holding(h).factions.begin(), map.holding(h).factions.end());
    Holding now{ControlState::Contested, {sides.begin(), sides.end()}};
    if (now.factions.size() == 1)
        now.state = ControlState::Held;
    return {now, Confidence::Low};
}

//! Each row behind change `ref` (`id`) as an excerpt of its table, and its cited link as another, both supporting it.
void writeRowEvidence(ChangeWriter &writer, Statement &excerpt, const Tables &tables, std::span<const Observation> rows,
    const std::string &id, ChangeWriter::Ref ref)
{
    for (const Observation &row : rows) {
        const std::string &file = tables.files[std::size_t(row.file)];
        const std::string rowId = std::format("{}:{}:{}", id, file, row.line);
        const std::string &place = tables.places[std::size_t(row.place)].names.front();
        excerpt.bindAll(rowId, "table:" + file,
            std::format("{}, line {}: {}: held by \"{}\"", file, row.line, place, tables.values[std::size_t(row.value)]));
        excerpt.run();
        writer.addEvidence(ref, rowId, Stance::Supports);
        if (row.link >= 0) {
            const std::string &url = tables.links[std::size_t(row.link)];
            excerpt.bindAll(rowId + ":link", "link:" + url, std::format("Cited in {}, line {}, for {}.", file, row.line, place));
            excerpt.run();
            writer.addEvidence(ref, rowId + ":link", Stance::Supports);
        }
    }
}
} // namespace

Result<ImportSummary> importPlaces(const Database &db, const PlaceTables &options)
{
    return inTransaction(db, [&](ImportSummary &summary) {
        const int dateRules = int(!options.dateFromName.empty()) + int(!options.dateField.empty()) + int(options.wide);
        const bool wideWithPattern = options.wide && dateRules == 2 && options.dateField.empty();
        if (dateRules != 1 && !wideWithPattern)
            throw ImportError("say where the dates are: one of --date-from-name, --date-field or --wide");
        if (options.files.empty())
            throw ImportError("no files to import");
        HolderMap map(db, options.holderMap);
        Tables tables = readTables(options, map, summary);
        const std::vector<std::string> unitIds =
            options.within ? districtsAround(db, tables, summary) : districtsOfCells(db, options, tables, summary);
        const auto unitOf = [&](const Observation &o) -> const std::string & { return unitIds[std::size_t(o.place)]; };

        // The districts' numbers, and what the database held before the first table.
        std::map<std::string, std::int64_t> numbers;
        for (auto s = db.prepare("SELECT id, num FROM districts"); s.step();)
            numbers[s.text(0)] = s.integer(1);
        auto &obs = tables.observations;
        std::erase_if(obs, [&](const Observation &o) { return unitOf(o).empty(); });
        std::ranges::stable_sort(obs,
            [&](const Observation &a, const Observation &b) { return std::tie(unitOf(a), a.day) < std::tie(unitOf(b), b.day); });
        const int first = std::ranges::min(obs, {}, &Observation::day).day;
        const ControlVector before = orThrow(controlindex::stateAt(db, first - 1));
        const std::vector<Control> controls = orThrow(controlindex::controls(db));
        writeTableSources(db, options, tables);

        ChangeWriter writer(db);
        auto excerpt = db.prepare("INSERT INTO excerpts (id, source_id, kind, text) VALUES (?, ?, 'note', ?)");
        auto exists = db.prepare("SELECT 1 FROM changes WHERE id = ?");
        int conflicts = 0, repeated = 0;
        for (std::size_t i = 0; i < obs.size();) {
            const std::string &unit = unitOf(obs[i]);
            const std::int64_t num = numbers.at(unit);
            const std::uint16_t was = std::size_t(num - 1) < before.size() ? before[std::size_t(num - 1)] : 0;
            std::optional<Holding> previous;
            if (was)
                previous = Holding{controls[was].state, controls[was].factions};
            while (i < obs.size() && unitOf(obs[i]) == unit) { // one day's rows for this district at a time
                const std::size_t dayStart = i;
                std::set<int> said;
                for (; i < obs.size() && unitOf(obs[i]) == unit && obs[i].day == obs[dayStart].day; ++i)
                    said.insert(obs[i].holding);
                const auto [now, confidence] = dayHolding(map, said);
                conflicts += said.size() > 1;
                if (previous && *previous == now)
                    continue;
                previous = now;
                const Date day = Date::fromDayNumber(obs[dayStart].day);
                const std::string id = std::format("place:{}:{}", unit, day.toString());
                exists.bindAll(id);
                const bool known = exists.step();
                exists.reset();
                if (known) { // this table was imported before
                    ++repeated;
                    continue;
                }
                const auto ref = writer.write(id, day, num, writer.control(now.state, confidence, now.factions), "");
                writeRowEvidence(writer, excerpt, tables, std::span(obs).subspan(dayStart, i - dayStart), id, ref);
                ++summary.added["changes"];
            }
        }
        writer.flush();
        extendDataEnd(db, Date::fromDayNumber(std::ranges::max(obs, {}, &Observation::day).day));
        if (conflicts)
            summary.remarks.push_back(std::format(
                "{} time(s) a district's rows disagreed on one day: contested between what they say, low confidence", conflicts));
        if (repeated)
            summary.remarks.push_back(std::format("{} change(s) already imported: skipped", repeated));
    });
}

} // namespace frontline
