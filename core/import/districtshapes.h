// SPDX-License-Identifier: MIT
#pragma once

#include "geometry/geos.h"
#include "storage/database.h"

#include <memory>
#include <string>
#include <vector>

namespace frontline::importing {

//! A district's polygon and area, in degrees, and its share inside the snapshot applied last.
struct DistrictShape {
    std::size_t slot; //!< number - 1
    std::string id;
    geos::Geometry shape;
    double area = 0;
    double share = 0; //!< inside the last snapshot's area
};

//! GEOS's prepared geometries and trees are freed through the context that made them.
struct PreparedDeleter {
    GEOSContextHandle_t ctx;
    void operator()(const GEOSPreparedGeometry *g) const { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;
struct TreeDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSSTRtree *t) const { GEOSSTRtree_destroy_r(ctx, t); }
};

//! The districts, with an STRtree of their extents to find those a snapshot's change of area touches.
class DistrictShapes {
public:
    //! Reads every district of `db`; throws ImportError if there are none.
    DistrictShapes(const Database &db, const geos::Context &ctx);

    //! In district number order.
    [[nodiscard]] std::vector<DistrictShape> &all() { return m_all; }

    //! The districts whose extent meets a part of `g`.
    [[nodiscard]] std::vector<DistrictShape *> touching(const GEOSGeometry *g);

private:
    const geos::Context &m_ctx;
    std::vector<DistrictShape> m_all;
    std::unique_ptr<GEOSSTRtree, TreeDeleter> m_tree;
};

//! The share of `d` inside `area`: whole or none where the prepared area says so, else measured on the
//! area clipped to the district's extent.
double shareInside(
    const geos::Context &ctx, const GEOSGeometry *area, const GEOSPreparedGeometry *prepared, const DistrictShape &d);

} // namespace frontline::importing
