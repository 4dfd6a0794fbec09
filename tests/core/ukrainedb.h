// SPDX-License-Identifier: MIT
// What the tests of real Ukrainian data share: where the files are, and a database with both sides.
#pragma once

#include "common/shareddata.h"
#include "core/testdb.h"
#include "import/tableimport.h"

#include <fstream>

namespace frontline::test {

inline const std::filesystem::path kRealData = sharedDir() / "data/real";
inline const std::filesystem::path kUkraine = kRealData / "ukraine";

inline void write(const std::filesystem::path &p, const std::string &text)
{
    std::ofstream(p, std::ios::binary) << text;
}

//! A new database in `dir` with the factions `russia` and `ukraine`.
inline Database twoSides(const TempDir &dir)
{
    auto db = Database::open(dir / "a.db", Database::Mode::Create);
    EXPECT_TRUE(db) << db.error().message;
    write(dir / "factions.csv", "id,name,colour\nrussia,Russian forces,#C0392B\nukraine,Ukrainian forces,#2E86C1\n");
    EXPECT_TRUE(importTable(*db, Table::Factions, dir / "factions.csv"));
    return std::move(*db);
}

} // namespace frontline::test
