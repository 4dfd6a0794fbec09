// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlindex.h"

#include <span>

namespace frontline {

//! Which controls face each other across a front: those whose factions have none in common.
class Opposition {
public:
    //! Reads the controls.
    [[nodiscard]] static Result<Opposition> load(const Database &db);
    //! From table `controls` as controlindex::controls() reads it.
    explicit Opposition(const std::vector<Control> &controls);

    //! Whether districts under controls `a` and `b` face each other across a front (unknown faces no one).
    [[nodiscard]] bool opposed(std::uint16_t a, std::uint16_t b) const
    {
        return a && b && a < m_controls && b < m_controls && m_opposed[std::size_t(a) * m_controls + b];
    }

private:
    std::vector<char> m_opposed; //!< controls x controls
    std::size_t m_controls = 0;
};

//! The front line on any day, from the shared borders loaded once: a border is on the front where the
//! districts on its two sides have no faction in common.
class FrontLineIndex {
public:
    //! Reads the borders and controls.
    [[nodiscard]] static Result<FrontLineIndex> load(const Database &db);
    //! Reads the borders; the controls' opposition comes from the caller, who has read them already.
    [[nodiscard]] static Result<FrontLineIndex> load(const Database &db, Opposition opposition);

    [[nodiscard]] std::vector<std::span<const LonLat>> lines(const ControlVector &state) const;
    [[nodiscard]] bool opposed(std::uint16_t a, std::uint16_t b) const { return m_opposition.opposed(a, b); }

private:
    explicit FrontLineIndex(Opposition opposition) : m_opposition(std::move(opposition)) { }
    void readBorders(const Database &db); //!< throws SqlError

    struct Border {
        std::uint32_t a, b; //!< district slots
        std::uint32_t begin, end; //!< its points in m_points
    };

    Opposition m_opposition;
    std::vector<Border> m_borders;
    std::vector<LonLat> m_points;
};

} // namespace frontline
