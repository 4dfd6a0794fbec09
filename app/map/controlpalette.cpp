// SPDX-License-Identifier: MIT
#include "map/controlpalette.h"

#include "map/mapstyle.h"

using namespace frontline;

ControlPalette::ControlPalette(const std::vector<Control> &controls, const std::unordered_map<std::string, QColor> &sides)
{
    auto colourOf = [&](const Control &c, std::size_t side) {
        return side < c.factions.size() && sides.contains(c.factions[side]) ? sides.at(c.factions[side]) : QColor();
    };
    for (const Control &c : controls) {
        m_fills.push_back(MapStyle::fill(c.state, c.confidence, colourOf(c, 0)));
        m_stripes.push_back(MapStyle::stripes(c.state, c.inferred, colourOf(c, 1)));
    }
    if (!m_fills.empty()) {
        m_fills[0] = unknown();
        m_stripes[0] = QColor();
    }
}

QColor ControlPalette::unknown()
{
    return MapStyle::kUnknown;
}
