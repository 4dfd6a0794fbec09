// SPDX-License-Identifier: MIT
#include "generate/generator.h"

#include "geometry/adjacency.h"
#include "geometry/geos.h"
#include "geometry/voronoi.h"
#include "import/changewriter.h"
#include "import/districtwriter.h"
#include "import/importsupport.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <format>

namespace frontline {

namespace {
//! SplitMix64: fixed output for a seed on every platform (the standard distributions are not).
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) * 0x1.0p-53; } //!< [0, 1)
    std::size_t below(std::size_t n) { return std::size_t(unit() * double(n)); }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

constexpr std::array kColours{"#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"};
constexpr std::array kPublishers{"Field monitor", "Wire agency", "Local council", "Military statement", "Opposition media",
    "Social media post", "Humanitarian update", "Satellite imagery analysis"};

std::vector<unsigned char> boxWkb(const BoundingBox &b)
{
    geos::Context ctx;
    const std::string wkt =
        std::format("POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))", b.min.lon, b.min.lat, b.max.lon, b.max.lat);
    GEOSWKTReader *reader = GEOSWKTReader_create_r(ctx.handle());
    geos::Geometry g = geos::own(ctx, GEOSWKTReader_read_r(ctx.handle(), reader, wkt.c_str()));
    GEOSWKTReader_destroy_r(ctx.handle(), reader);
    return geos::toWkb(ctx, g.get());
}

//! Who holds each district while the war is generated: the factions' indices, first the holder.
struct Holding {
    int holder = 0;
    int rival = -1; //!< the other side while contested
};

class War {
public:
    War(const GeneratorOptions &o, std::vector<std::vector<std::uint32_t>> neighbours, std::vector<LonLat> sites)
        : m_random(o.seed * 7919 + 17), m_neighbours(std::move(neighbours)), m_sites(std::move(sites)), m_holding(m_sites.size()),
          m_changedOn(m_sites.size(), o.start.dayNumber())
    {
        // Each faction's capital is a random site; every district starts with the nearest capital's faction.
        std::vector<LonLat> capitals;
        capitals.reserve(std::size_t(o.factions));
        for (int f = 0; f < o.factions; ++f)
            capitals.push_back(m_sites[m_random.below(m_sites.size())]);
        for (std::size_t d = 0; d < m_sites.size(); ++d) {
            auto distance = [&](LonLat c) { return std::hypot(c.lon - m_sites[d].lon, c.lat - m_sites[d].lat); };
            m_holding[d].holder = int(std::ranges::min_element(capitals, {}, distance) - capitals.begin());
        }
    }
    [[nodiscard]] const Holding &holding(std::size_t d) const { return m_holding[d]; }

    //! One change on the front on day `day` (days in order): the district it happens in, and its new holding.
    //! A district changes at most once a day while the front has others to change.
    std::pair<std::uint32_t, Holding> next(int day)
    {
        m_today = day;
        const std::uint32_t d = pick();
        m_changedOn[d] = day;
        Holding &h = m_holding[d];
        if (h.rival >= 0) { // a contest ends: the attacker takes it two times in three
            h = {m_random.chance(2.0 / 3) ? h.rival : h.holder, -1};
        } else {
            const int attacker = enemyNext(d);
            h = m_random.chance(0.3) ? Holding{h.holder, attacker} : Holding{attacker, -1};
        }
        if (h.rival >= 0)
            m_contests.push_back(d);
        m_recent[m_recentNext++ % m_recent.size()] = d;
        m_recentCount = std::min(m_recentCount + 1, m_recent.size());
        return {d, h};
    }
    Random &random() { return m_random; }

private:
    //! The faction other than d's holder that holds most of its neighbours; its own if none.
    int enemyNext(std::uint32_t d)
    {
        std::array<int, kColours.size()> held{};
        for (auto n : m_neighbours[d])
            ++held[std::size_t(m_holding[n].holder)];
        held[std::size_t(m_holding[d].holder)] = 0;
        const auto most = std::ranges::max_element(held);
        return *most > 0 ? int(most - held.begin()) : m_holding[d].holder;
    }
    [[nodiscard]] bool onFront(std::uint32_t d) const
    {
        return m_holding[d].rival >= 0
            || std::ranges::any_of(m_neighbours[d], [&](auto n) { return m_holding[n].holder != m_holding[d].holder; });
    }
    //! The share of d's neighbours held by another faction: fronts advance where the enemy surrounds.
    [[nodiscard]] double pressure(std::uint32_t d) const
    {
        const auto &around = m_neighbours[d];
        if (around.empty())
            return 0;
        const auto enemies = std::ranges::count_if(around, [&](auto n) { return m_holding[n].holder != m_holding[d].holder; });
        return double(enemies) / double(around.size());
    }
    //! Often the oldest open contest being settled (on a later day than it began); else mostly a front district
    //! next to one that just changed hands, the more likely the more it is surrounded; otherwise anywhere on the front.
    std::uint32_t pick()
    {
        while (!m_contests.empty() && m_holding[m_contests.front()].rival < 0) // settled meanwhile
            m_contests.pop_front();
        if (!m_contests.empty() && unchangedToday(m_contests.front()) && m_random.chance(0.5)) { // the oldest contest ends
            const auto d = m_contests.front();
            m_contests.pop_front();
            return d;
        }
        if (m_recentCount > 0 && m_random.chance(0.9)) {
            if (const auto r = m_recent[m_random.below(m_recentCount)];
                m_holding[r].rival >= 0 && unchangedToday(r) && m_random.chance(0.5))
                return r;
            for (int tries = 0; tries < 32; ++tries) {
                const auto &around = m_neighbours[m_recent[m_random.below(m_recentCount)]];
                if (around.empty())
                    continue;
                const auto n = around[m_random.below(around.size())];
                if (unchangedToday(n) && (m_holding[n].rival >= 0 || m_random.unit() < pressure(n) - 0.15))
                    return n;
            }
        }
        for (int tries = 0; tries < 1000; ++tries)
            if (const auto d = std::uint32_t(m_random.below(m_sites.size()));
                unchangedToday(d) && onFront(d) && m_random.unit() < pressure(d))
                return d;
        // One faction holds everything, or the front has changed all it can today: it flares up somewhere.
        const auto from = m_random.below(m_sites.size());
        for (std::size_t i = 0; i < m_sites.size(); ++i)
            if (const auto d = std::uint32_t((from + i) % m_sites.size()); unchangedToday(d))
                return d;
        return std::uint32_t(from);
    }
    [[nodiscard]] bool unchangedToday(std::uint32_t d) const { return m_changedOn[d] != m_today; }

    Random m_random;
    std::vector<std::vector<std::uint32_t>> m_neighbours;
    std::vector<LonLat> m_sites;
    std::vector<Holding> m_holding;
    std::vector<int> m_changedOn; //!< by district: the day of its last change
    int m_today = 0;
    std::deque<std::uint32_t> m_contests; //!< districts contested, oldest first
    std::array<std::uint32_t, 64> m_recent{};
    std::size_t m_recentNext = 0, m_recentCount = 0;
};

std::string checkOptions(const GeneratorOptions &o)
{
    if (o.districts < 2 || o.districts > 2'000'000)
        return "--districts must be between 2 and 2000000";
    if (o.days < 1 || o.days > 100'000)
        return "--days must be between 1 and 100000";
    if (o.factions < 2 || o.factions > int(kColours.size()))
        return std::format("--factions must be between 2 and {}", kColours.size());
    if (o.changes < o.districts)
        return "--changes must be at least --districts (the first day gives every district a holder)";
    return {};
}

std::vector<LonLat> randomSites(Random &random, const GeneratorOptions &o)
{
    std::vector<LonLat> sites;
    sites.reserve(std::size_t(o.districts));
    for (int i = 0; i < o.districts; ++i)
        sites.push_back({o.region.min.lon + random.unit() * (o.region.max.lon - o.region.min.lon),
            o.region.min.lat + random.unit() * (o.region.max.lat - o.region.min.lat)});
    return sites;
}

//! The factions and one Voronoi cell per site as its district; returns each district's neighbours by number.
std::vector<std::vector<std::uint32_t>> writeMap(
    const Database &db, const GeneratorOptions &o, const std::vector<LonLat> &sites, ImportSummary &summary)
{
    const auto clip = boxWkb(o.region);
    auto cells = voronoiCells(sites, 0, &clip);
    if (!cells)
        throw importing::ImportError(cells.error().message);
    auto faction = db.prepare("INSERT INTO factions (id, name, colour) VALUES (?, ?, ?)");
    for (int f = 0; f < o.factions; ++f)
        faction.bindAll(std::format("f{}", f + 1), std::format("Faction {}", f + 1), kColours[std::size_t(f)]).run();
    DistrictWriter districts(db);
    for (int i = 0; i < o.districts; ++i)
        districts.write({std::format("d{}", i + 1), std::format("District {}", i + 1), {}, {},
            std::move((*cells)[std::size_t(i)]), sites[std::size_t(i)]});
    summary.added["districts"] = o.districts;
    summary.added["shared borders"] = districts.rebuildAdjacency();

    std::vector<std::vector<std::uint32_t>> neighbours(sites.size()); // from the borders just stored
    auto borders = db.prepare("SELECT da.num, db.num FROM adjacency j JOIN districts da ON da.id = j.a "
                              "JOIN districts db ON db.id = j.b");
    while (borders.step()) {
        const auto a = std::uint32_t(borders.integer(0) - 1), b = std::uint32_t(borders.integer(1) - 1);
        neighbours[a].push_back(b);
        neighbours[b].push_back(a);
    }
    return neighbours;
}

//! A pool of sources and excerpts for the changes to cite; returns how many excerpts.
int writeSources(const Database &db, const GeneratorOptions &o, Random &random, std::size_t districts)
{
    auto source = db.prepare("INSERT INTO sources (id, publisher, title) VALUES (?, ?, ?)");
    auto excerpt = db.prepare("INSERT INTO excerpts (id, source_id, kind, text) VALUES (?, ?, 'quote', ?)");
    const int sourceCount = 200, excerptCount = int(std::clamp<std::int64_t>(o.changes / 50, 100, 20'000));
    for (int s = 0; s < sourceCount; ++s)
        source
            .bindAll(std::format("s{}", s + 1), kPublishers[std::size_t(s) % kPublishers.size()],
                std::format("Daily report {}", s + 1))
            .run();
    for (int x = 0; x < excerptCount; ++x)
        excerpt
            .bindAll(std::format("x{}", x + 1), std::format("s{}", x % sourceCount + 1),
                std::format("Report {}: fighting along the line near district {}; positions changed hands.", x + 1,
                    random.below(districts) + 1))
            .run();
    return excerptCount;
}

//! Every control a war of `factions` can set: one faction holds, or two contest, at each confidence.
class ControlTable {
public:
    ControlTable(ChangeWriter &writer, int factions) : m_factions(factions), m_numbers(slot(factions, 0, 0))
    {
        for (int a = 0; a < factions; ++a)
            for (int b = 0; b < factions; ++b)
                for (int c = 0; c < 3; ++c) {
                    std::vector<std::string> sides{std::format("f{}", a + 1)};
                    if (a != b)
                        sides.push_back(std::format("f{}", b + 1));
                    m_numbers[slot(a, b, c)] =
                        writer.control(a == b ? ControlState::Held : ControlState::Contested, static_cast<Confidence>(c), sides);
                }
    }
    //! The control number of `holder` against `rival` (the holder itself for a hold) at `confidence` (0-2).
    [[nodiscard]] std::int64_t of(int holder, int rival, int confidence) const
    {
        return m_numbers[slot(holder, rival, confidence)];
    }

private:
    [[nodiscard]] std::size_t slot(int holder, int rival, int confidence) const
    {
        return (std::size_t(holder) * std::size_t(m_factions) + std::size_t(rival)) * 3 + std::size_t(confidence);
    }
    int m_factions;
    std::vector<std::int64_t> m_numbers;
};

//! How many of the changes after the first day fall on each day: waves, a slow random walk of daily intensity.
std::vector<std::int64_t> changesDue(Random &random, const GeneratorOptions &o)
{
    std::vector<double> weight(std::size_t(std::max(o.days - 1, 0)));
    double intensity = 1, total = 0;
    for (auto &w : weight) {
        intensity = std::clamp(intensity * std::exp((random.unit() - 0.5) * 0.3), 0.2, 5.0);
        w = intensity;
        total += w;
    }
    const std::int64_t remaining = o.changes - o.districts;
    std::vector<std::int64_t> due(weight.size()); // the running total owed by the end of each day
    double cumulative = 0;
    for (std::size_t i = 0; i < weight.size(); ++i) {
        cumulative += weight[i];
        due[i] = i + 1 == weight.size() ? remaining : std::int64_t(double(remaining) * cumulative / total);
    }
    return due;
}

void writeMetadata(const Database &db, const GeneratorOptions &o)
{
    auto meta = db.prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)");
    meta.bindAll("name",
            std::format("Synthetic war: {} districts, {} days, {} changes (seed {})", o.districts, o.days, o.changes, o.seed))
        .run();
    meta.bindAll("start", o.start.toString()).run();
    meta.bindAll("end", o.start.addDays(o.days - 1).toString()).run();
    meta.bindAll("description", "Generated by frontline generate for benchmarks; not real events.").run();
}
} // namespace

Result<ImportSummary> generateDataset(const Database &db, const GeneratorOptions &o)
{
    if (auto problem = checkOptions(o); !problem.empty())
        return fail(problem);
    const importing::BulkLoad bulk(db); // a new file, written all at once
    return importing::inTransaction(db, [&](ImportSummary &summary) {
        auto existing = db.prepare("SELECT (SELECT count(*) FROM districts) + (SELECT count(*) FROM changes)");
        if (existing.step() && existing.integer(0) > 0)
            throw importing::ImportError("the database is not empty; generate into a new file");

        Random random(o.seed);
        const std::vector<LonLat> sites = randomSites(random, o);
        auto neighbours = writeMap(db, o, sites, summary);
        const int excerpts = writeSources(db, o, random, sites.size());
        ChangeWriter writer(db);
        const ControlTable controls(writer, o.factions);
        War war(o, std::move(neighbours), sites);
        auto write = [&](Date day, std::uint32_t d, const Holding &h) { // every change cites one, one in ten is disputed
            const double r = war.random().unit();
            const auto change = writer.write({}, day, std::int64_t(d) + 1,
                controls.of(h.holder, h.rival >= 0 ? h.rival : h.holder,
                    r < 0.6       ? 0
                        : r < 0.9 ? 1
                                  : 2),
                {});
            const auto cited = war.random().below(std::size_t(excerpts));
            writer.addEvidence(change, std::format("x{}", cited + 1), Stance::Supports);
            if (war.random().chance(0.1))
                writer.addEvidence(change, std::format("x{}", (cited + 1) % std::size_t(excerpts) + 1), Stance::Disputes);
        };
        for (std::uint32_t d = 0; d < sites.size(); ++d)
            write(o.start, d, war.holding(d));
        const std::vector<std::int64_t> due = changesDue(war.random(), o);
        std::int64_t written = 0;
        for (std::size_t i = 0; i < due.size(); ++i)
            for (const Date day = o.start.addDays(int(i) + 1); written < due[i]; ++written) {
                const auto [d, h] = war.next(day.dayNumber());
                write(day, d, h);
            }
        writer.flush();
        summary.added["changes"] = int(o.changes);
        summary.added["factions"] = o.factions;
        writeMetadata(db, o);
    });
}

} // namespace frontline
