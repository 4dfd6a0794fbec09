// SPDX-License-Identifier: MIT
// The mapping of CSV rows to control changes (dates, names, factions, states): errors, never crashes,
// and nothing is left behind by a failed import.
#include "fuzzfile.h"
#include "import/importsupport.h"
#include "import/tableimport.h"
#include "storage/database.h"

#include <cstdlib>

using namespace frontline;

namespace {
const Database &database()
{
    static Database db = [] {
        auto created = Database::open(":memory:", Database::Mode::Create);
        if (!created)
            std::abort();
        const char factions[] = "id,name,colour\ngovernment,Government,#D55E00\nrebels,Rebels,#009E73\n";
        const char districts[] =
            "id,name,name_ar,alt_names,lat,lon\n65,Hanano,هنانو,Masaken Hanano,36.2277,37.2032\n"
            "98,Qal’et ash-Sharif,قلعة الشريف,,36.19,37.16\n121,Tishreen,,,36.21,37.12\n121b,Tishreen,,,36.22,37.13\n";
        if (!importTable(
                *created, Table::Factions, fuzzFile(reinterpret_cast<const uint8_t *>(factions), sizeof factions - 1, "f.csv"))
            || !importTable(*created, Table::Districts,
                fuzzFile(reinterpret_cast<const uint8_t *>(districts), sizeof districts - 1, "d.csv")))
            std::abort();
        return std::move(*created);
    }();
    return db;
}

int changes(const Database &db)
{
    auto s = db.prepare("SELECT count(*) FROM changes");
    s.step();
    return int(s.integer(0));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Database &db = database();
    const auto result = importTable(db, Table::Changes, fuzzFile(data, size, "changes.csv"));
    if (!result && changes(db) != 0)
        std::abort(); // a failed import left rows behind
    db.exec("DELETE FROM control_snapshots; DELETE FROM changes; DELETE FROM controls");
    return 0;
}
