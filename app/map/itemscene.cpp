// SPDX-License-Identifier: MIT
#include "map/itemscene.h"

#include "geometry/hatch.h"
#include "map/mapday.h"
#include "map/mapstyle.h"

#include <algorithm>

using namespace frontline;

void ItemScene::rebuild()
{
    const auto &districts = m_day.districts();
    double west = 180, east = -180, south = 90, north = -90;
    for (const auto &d : districts) {
        west = std::min(west, d.bbox.min.lon), east = std::max(east, d.bbox.max.lon);
        south = std::min(south, d.bbox.min.lat), north = std::max(north, d.bbox.max.lat);
    }
    m_hatchSpacing = std::max(east - west, north - south) / 160; // as dense as the layer's stripes when the data fill a window
    m_hatchPaths.clear();
    m_districts.setDistricts(districts);
    redraw();
}

void ItemScene::redraw()
{
    const Territory &territory = m_day.territory();
    const ControlPalette &palette = m_day.palette();
    m_districts.setControls(territory, palette, m_day.changedHands());
    std::vector<PathModel::Row> front;
    for (const auto line : territory.frontLine())
        front.push_back({pathOf(std::vector<LonLat>(line.begin(), line.end())), MapStyle::kFront});
    m_frontLine.setRows(std::move(front));
    std::vector<PathModel::Row> hatches;
    const auto &controls = territory.controls();
    for (const auto &d : m_day.districts()) {
        const auto slot = std::size_t(d.number - 1);
        const QColor colour = palette.stripes(slot < controls.size() ? controls[slot] : 0);
        if (colour.isValid())
            for (const auto &path : hatchPathsOf(d))
                hatches.push_back({path.toList(), colour});
    }
    m_hatches.setRows(std::move(hatches));
}

const QVariantList &ItemScene::hatchPathsOf(const District &district)
{
    const auto slot = std::size_t(district.number - 1);
    auto it = m_hatchPaths.find(slot);
    if (it == m_hatchPaths.end()) {
        QVariantList paths;
        for (const auto &line : hatchLines(district.parts, m_hatchSpacing))
            paths.append(QVariant(pathOf(line)));
        it = m_hatchPaths.emplace(slot, std::move(paths)).first;
    }
    return it->second;
}
