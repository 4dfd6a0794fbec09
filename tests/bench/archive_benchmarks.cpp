// SPDX-License-Identifier: MIT
// Area archives imported as one archive, each beside its peer, one import per file (what analysts did
// before: one run of `import areas` per file): DeepStateMap's weekly files onto the 275 front-line hromadas
// (from ../shared/data/real), and a generated archive of 1,000 daily snapshots onto 10,000 generated
// districts. Run by tests/bench/run.sh (`frontline.sh bench`).
#include "common/shareddata.h"
#include "generate/generator.h"
#include "import/areaimport.h"
#include "import/tableimport.h"
#include "import/vectorimport.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <format>
#include <fstream>
#include <numbers>

#include <unistd.h>

using namespace frontline;
namespace fs = std::filesystem;

namespace {
const fs::path kUkraine = frontline::test::sharedDir() / "data/real/ukraine";

const fs::path &workDir()
{
    static const fs::path dir = [] {
        auto d = fs::temp_directory_path() / std::format("frontline-bench-archives-{}", ::getpid());
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

Database create(const fs::path &path)
{
    for (const auto *suffix : {"", "-wal", "-shm"})
        fs::remove(path.string() + suffix);
    auto db = Database::open(path, Database::Mode::Create);
    if (!db)
        throw std::runtime_error(db.error().message);
    return std::move(*db);
}

template <typename T>
T check(Result<T> r)
{
    if (!r)
        throw std::runtime_error(r.error().message);
    return std::move(*r);
}

//! The hromadas and two factions, made once; each run imports into a copy.
const fs::path &hromadaBase()
{
    static const fs::path base = [] {
        const fs::path path = workDir() / "hromadas.db";
        Database db = create(path);
        std::ofstream(workDir() / "factions.csv")
            << "id,name,colour\nrussia,Russian forces,#C0392B\nukraine,Ukrainian forces,#2E86C1\n";
        check(importTable(db, Table::Factions, workDir() / "factions.csv"));
        check(importDistrictFile(db, kUkraine / "hromadas-frontline5.geojson", {.id = "katotth", .name = "name:en"}));
        return path;
    }();
    return base;
}

//! 10,000 generated districts with a holder each, and 1,000 daily snapshots of faction f1's area: everything
//! west of a wavy front that moves east and back.
struct Generated {
    fs::path base, folder;
    std::vector<fs::path> files;
};
const Generated &generated()
{
    static const Generated g = [] {
        Generated out{workDir() / "generated.db", workDir() / "generated", {}};
        {
            Database db = create(out.base);
            check(generateDataset(db, {.districts = 10'000, .days = 1, .changes = 10'000, .factions = 2}));
        }
        fs::create_directories(out.folder);
        const GeneratorOptions region;
        const auto &r = region.region;
        for (int day = 0; day < 1000; ++day) {
            std::string ring;
            constexpr int kVertices = 400;
            for (int i = 0; i <= kVertices; ++i) {
                const double lat = r.min.lat + (r.max.lat - r.min.lat) * i / kVertices;
                const double lon = r.min.lon
                    + (r.max.lon - r.min.lon)
                        * (0.5 + 0.2 * std::sin(day * 0.01) + 0.03 * std::sin(lat * 9 + day * 0.05)
                            + 0.005 * std::sin(lat * 60 + day * 0.3));
                ring += std::format("[{:.5f},{:.5f}],", lon, lat);
            }
            ring += std::format("[{0},{1}],[{0},{2}]", r.min.lon - 0.1, r.max.lat, r.min.lat); // round the west
            const fs::path file = out.folder / std::format("area_{}.geojson", Date(2014, 1, 2).addDays(day).toString());
            // Close the ring on its first vertex.
            const std::string first = ring.substr(0, ring.find(']') + 1);
            std::ofstream(file)
                << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[)"
                << ring << "," << first << "]]}}]}";
            out.files.push_back(file);
        }
        return out;
    }();
    return g;
}

//! Imports `archives` (each one call of importAreas) into a fresh copy of `base`; reports time per snapshot.
void run(benchmark::State &state, const fs::path &base, const std::vector<std::vector<fs::path>> &archives, AreaArchive options)
{
    const fs::path target = workDir() / "target.db";
    double seconds = 0;
    int snapshots = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (const auto *suffix : {"", "-wal", "-shm"})
            fs::remove(target.string() + suffix);
        fs::copy_file(base, target);
        auto db = check(Database::open(target, Database::Mode::ReadWrite));
        state.ResumeTiming();
        const auto start = std::chrono::steady_clock::now();
        snapshots = 0;
        for (const auto &paths : archives) {
            options.paths = paths;
            snapshots += check(importAreas(db, options)).count("snapshots");
        }
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    state.counters["snapshots"] = snapshots;
    state.counters["ms_per_snapshot"] = 1000 * seconds / double(state.iterations()) / snapshots;
}

std::vector<fs::path> weeklyFiles()
{
    std::vector<fs::path> files;
    for (const auto &e : fs::directory_iterator(kUkraine / "deepstate-weekly"))
        if (e.path().extension() == ".geojson")
            files.push_back(e.path());
    std::ranges::sort(files);
    return files;
}

const AreaArchive kDeepState{.faction = "russia", .others = "ukraine", .dateFromName = "deepstatemap_data_%Y%m%d"};

void weeklyArchive(benchmark::State &state)
{
    run(state, hromadaBase(), {{kUkraine / "deepstate-weekly"}}, kDeepState);
}

void weeklyOneRunPerFile(benchmark::State &state)
{
    std::vector<std::vector<fs::path>> each;
    for (const auto &f : weeklyFiles())
        each.push_back({f});
    run(state, hromadaBase(), each, kDeepState);
}

const AreaArchive kGenerated{.faction = "f1", .others = "f2", .dateFromName = "area_%Y-%m-%d"};

void generatedArchive(benchmark::State &state)
{
    run(state, generated().base, {{generated().folder}}, kGenerated);
}

void generatedOneRunPerFile(benchmark::State &state) // the first 100 days: all 1,000 take minutes
{
    std::vector<std::vector<fs::path>> each;
    each.reserve(100);
    for (std::size_t i = 0; i < 100; ++i)
        each.push_back({generated().files[i]});
    run(state, generated().base, each, kGenerated);
}
} // namespace

BENCHMARK(weeklyArchive)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();
BENCHMARK(weeklyOneRunPerFile)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK(generatedArchive)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK(generatedOneRunPerFile)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fs::remove_all(workDir());
    return 0;
}
