// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace frontline {

//! A district as an importer hands it over: its polygon (WKB, WGS84) and every name it is known by.
struct DistrictRecord {
    std::string id;
    std::string name;
    std::string nameArabic;
    std::vector<std::string> altNames;
    std::vector<unsigned char> geometry;
    std::optional<LonLat> anchor; //!< a point inside it; computed from the polygon when absent
};

//! Stores districts inside the caller's transaction: adds new ids, replaces the geometry and names of
//! existing ones (their changes stay), and recomputes shared borders once at the end.
class DistrictWriter {
public:
    explicit DistrictWriter(const Database &db);

    //! True if the district was added, false if an existing one was replaced. Throws SqlError, or ImportError
    //! if its geometry is not WKB.
    bool write(const DistrictRecord &district);
    //! Recomputes the shared borders of all districts; returns how many pairs share one.
    int rebuildAdjacency();

private:
    const Database &m_db;
    Statement m_exists, m_insert, m_update, m_clearNames, m_name;
};

} // namespace frontline
