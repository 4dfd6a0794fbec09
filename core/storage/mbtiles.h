// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

//! A raster MBTiles basemap, read-only and on guard (untrusted.h): its `tiles` may be a table or a view, but no
//! statement may write, load code, take more than kMaxTileBytes or run without end. Not thread-safe.
class MbTiles {
public:
    static constexpr int kMaxTileBytes = 16 << 20;
    static constexpr long kMaxStepsPerQuery = 100'000'000;

    //! Opens `path`; an error if it is not SQLite or has no tiles.
    [[nodiscard]] static Result<MbTiles> open(const std::filesystem::path &path);
    [[nodiscard]] int minZoom() const { return m_minZoom; }
    [[nodiscard]] int maxZoom() const { return m_maxZoom; }
    //! Its metadata's credit line (the MBTiles "attribution" key), as written; empty if none.
    [[nodiscard]] const std::string &attribution() const { return m_attribution; }
    //! The encoded image of tile z/x/y in XYZ numbering; nothing where there is none, or where the file's tile is
    //! over the size limit or cannot be read (a bad tile is skipped, the others still come).
    [[nodiscard]] std::optional<std::vector<unsigned char>> tile(int z, int x, int y);

private:
    struct Connection {
        sqlite3 *db = nullptr;
        long budget = 0; // the steps left to the current statement
    };
    struct Closer {
        void operator()(Connection *c) const;
    };
    explicit MbTiles(std::unique_ptr<Connection, Closer> c) : m_c(std::move(c)) { }
    std::unique_ptr<Connection, Closer> m_c;
    int m_minZoom = 0, m_maxZoom = 0;
    std::string m_attribution;
};

} // namespace frontline
