// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlindex.h"

#include <QColor>

#include <string>
#include <unordered_map>
#include <vector>

//! The colours of control, by control number, for every drawing of the map (the batched layer, the item
//! renderer and the SVG): each control's fill and the stripes across it, from MapStyle and the sides' colours.
class ControlPalette {
public:
    ControlPalette() = default;
    //! `controls`: table `controls` by number (entry 0 is unknown); `sides`: each faction's colour by id.
    ControlPalette(const std::vector<frontline::Control> &controls, const std::unordered_map<std::string, QColor> &sides);

    //! Control numbers run from 0 (unknown) to this, exclusive; fill() and stripes() take any.
    [[nodiscard]] std::size_t size() const { return m_fills.size(); }
    //! The fill of a control number (premultiplied alpha is the renderer's business).
    [[nodiscard]] QColor fill(std::uint16_t control) const { return control < m_fills.size() ? m_fills[control] : unknown(); }
    //! The second side's colour for a contested control, white for an inferred hold (both drawn as stripes),
    //! invalid otherwise.
    [[nodiscard]] QColor stripes(std::uint16_t control) const
    {
        return control < m_stripes.size() ? m_stripes[control] : QColor();
    }

private:
    [[nodiscard]] static QColor unknown();

    std::vector<QColor> m_fills; //!< by control number
    std::vector<QColor> m_stripes; //!< by control number
};
