// SPDX-License-Identifier: MIT
#include "storage/mbtiles.h"

#include "storage/statement.h"
#include "storage/untrusted.h"

#include <format>

namespace frontline {

void MbTiles::Closer::operator()(Connection *c) const
{
    sqlite3_close_v2(c->db);
    delete c;
}

Result<MbTiles> MbTiles::open(const std::filesystem::path &path)
{
    std::unique_ptr<Connection, Closer> c(new Connection);
    if (const int rc = sqlite3_open_v2(path.c_str(), &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
        rc != SQLITE_OK)
        return fail(std::format("{}: cannot open: {}", path.string(), c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc)));
    makeDefensive(c->db);
    sqlite3_limit(c->db, SQLITE_LIMIT_LENGTH, kMaxTileBytes);
    limitWork(c->db, c->budget);
    MbTiles tiles(std::move(c));
    try {
        tiles.m_c->budget = kMaxStepsPerQuery;
        Statement range(tiles.m_c->db, "SELECT min(zoom_level), max(zoom_level) FROM tiles");
        if (!range.step() || range.isNull(0))
            return fail(std::format("{}: an MBTiles file without tiles", path.string()));
        tiles.m_minZoom = int(range.integer(0));
        tiles.m_maxZoom = int(range.integer(1));
        try { // optional, and free text from the file's maker
            tiles.m_c->budget = kMaxStepsPerQuery;
            Statement credit(tiles.m_c->db, "SELECT value FROM metadata WHERE name = 'attribution'");
            if (credit.step())
                tiles.m_attribution = credit.text(0).substr(0, 500);
        } catch (const SqlError &) {
            tiles.m_attribution.clear(); // no metadata table, or an unreadable one: no credit line
        }
    } catch (const SqlError &e) {
        return fail(std::format("{}: not an MBTiles file with tiles (expected a 'tiles' table: {})", path.string(), e.what()));
    }
    return tiles;
}

std::optional<std::vector<unsigned char>> MbTiles::tile(int z, int x, int y)
{
    if (z < 0 || z > 30)
        return std::nullopt;
    try {
        m_c->budget = kMaxStepsPerQuery;
        Statement s(m_c->db, "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        s.bindAll(z, x, (1 << z) - 1 - y); // MBTiles rows count from the south (TMS)
        if (!s.step())
            return std::nullopt;
        return s.blob(0);
    } catch (const SqlError &) {
        return std::nullopt;
    }
}

} // namespace frontline
