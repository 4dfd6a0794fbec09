// SPDX-License-Identifier: MIT
// Whole MBTiles basemaps, mutated, opened and read tile by tile as the map does. Never crash, never hang, never
// write to the input.
#include "fuzzfile.h"
#include "storage/mbtiles.h"

#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto path = fuzzFile(data, size, "input.mbtiles");
    if (auto tiles = frontline::MbTiles::open(path)) {
        (void)tiles->tile(0, 0, 0);
        (void)tiles->tile(tiles->minZoom(), 0, 0);
        (void)tiles->tile(tiles->maxZoom(), 1, 1);
    }
    std::ifstream in(path, std::ios::binary);
    const std::string now{std::istreambuf_iterator<char>(in), {}};
    if (now.size() != size || std::memcmp(now.data(), data, size) != 0)
        std::abort(); // reading wrote to the file
    return 0;
}
