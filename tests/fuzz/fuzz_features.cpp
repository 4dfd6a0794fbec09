// SPDX-License-Identifier: MIT
// Vector features (GeoJSON) to districts: geometry checks, repair, ids and names. Never crash.
#include "fuzzfile.h"
#include "import/vectorimport.h"
#include "storage/database.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto db = frontline::Database::open(":memory:", frontline::Database::Mode::Create);
    if (!db)
        std::abort();
    (void)frontline::importDistrictFile(*db, fuzzFile(data, size, "districts.geojson"), {});
    return 0;
}
