// SPDX-License-Identifier: MIT
#include "import/districtwriter.h"

#include "geometry/adjacency.h"
#include "geometry/geos.h"
#include "import/importsupport.h"
#include "text/matchkey.h"

#include <algorithm>

namespace frontline {

DistrictWriter::DistrictWriter(const Database &db)
    : m_db(db), m_exists(db.prepare("SELECT 1 FROM districts WHERE id = ?")),
      m_insert(db.prepare("INSERT INTO districts (name, name_ar, geometry, centroid_lon, centroid_lat, min_lon, min_lat, "
                          "max_lon, max_lat, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      m_update(db.prepare("UPDATE districts SET name = ?, name_ar = ?, geometry = ?, centroid_lon = ?, centroid_lat = ?, "
                          "min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ? WHERE id = ?")),
      m_clearNames(db.prepare("DELETE FROM district_names WHERE district_id = ?")),
      m_name(db.prepare("INSERT OR IGNORE INTO district_names (district_id, name, match_key) VALUES (?, ?, ?)"))
{
}

bool DistrictWriter::write(const DistrictRecord &d)
{
    geos::Context ctx;
    const auto geometry = geos::fromWkb(ctx, d.geometry);
    if (!geometry)
        throw importing::ImportError("district " + d.id + ": its geometry cannot be read (" + ctx.lastError() + ")");
    const BoundingBox box = geos::bounds(ctx, geometry.get());
    const LonLat anchor = d.anchor.value_or(geos::centroid(ctx, geometry.get()));
    m_exists.bindAll(d.id);
    const bool exists = m_exists.step();
    Statement &write = exists ? m_update : m_insert;
    write.bindAll(d.name, d.nameArabic, std::span<const unsigned char>(d.geometry), anchor.lon, anchor.lat, box.min.lon,
        box.min.lat, box.max.lon, box.max.lat, d.id);
    write.run();
    m_clearNames.bindAll(d.id).run();
    std::vector<std::string> names{d.name};
    if (!d.nameArabic.empty())
        names.push_back(d.nameArabic);
    names.insert(names.end(), d.altNames.begin(), d.altNames.end());
    for (const auto &name : names)
        m_name.bindAll(d.id, name, matchKey(name)).run();
    return !exists;
}

int DistrictWriter::rebuildAdjacency()
{
    std::vector<std::string> ids;
    std::vector<std::vector<unsigned char>> polygons;
    auto all = m_db.prepare("SELECT id, geometry FROM districts ORDER BY id");
    while (all.step()) {
        ids.push_back(all.text(0));
        polygons.push_back(all.blob(1));
    }
    m_db.exec("DELETE FROM adjacency");
    auto border = m_db.prepare("INSERT INTO adjacency (a, b, border) VALUES (?, ?, ?)");
    int count = 0;
    for (const auto &shared : sharedBorders(polygons)) {
        auto [a, b] = std::minmax(ids[shared.a], ids[shared.b]);
        border.bindAll(a, b, std::span<const unsigned char>(shared.border)).run();
        ++count;
    }
    return count;
}

} // namespace frontline
