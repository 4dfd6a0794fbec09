// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlcursor.h"
#include "query/frontlineindex.h"

#include <QColor>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

//! Who holds what on the viewer's day, kept up to date by stepping a ControlCursor: each district's
//! fill, the districts and area per holder, and the front line. Moving a day costs that day's changes.
class Territory {
public:
    struct Holder {
        std::string id; //!< a faction id, or "contested"
        int districts = 0;
        double areaKm2 = 0;
    };

    //! Whether frontLine() has lines: the batched layer draws the front from opposed() alone, and the borders
    //! of a country take a good part of a second to load.
    enum class Lines { Traced, Untraced };

    //! Reads the controls, borders if `lines` asks, and the state of `day` (a day number).
    [[nodiscard]] static frontline::Result<Territory> open(const frontline::Database &db,
        const std::vector<frontline::District> &districts, const std::unordered_map<std::string, QColor> &factionColours, int day,
        Lines lines);

    //! Steps to `day` (a day number): a day's changes for a neighbour, a block's for anything farther.
    [[nodiscard]] frontline::Result<void> moveTo(int day);
    [[nodiscard]] int day() const { return m_cursor.day(); }
    //! The changes that start on the current day (district slot and control number), in the order of the changes.
    [[nodiscard]] std::span<const frontline::ControlCursor::Entry> changesToday() const { return m_cursor.changesToday(); }

    [[nodiscard]] const frontline::ControlVector &controls() const { return m_cursor.controls(); }
    //! District slots (number - 1) whose control the last move may have changed.
    [[nodiscard]] std::span<const std::uint32_t> touched() const { return m_cursor.touched(); }
    //! Control numbers run from 0 (unknown) to this, exclusive; fillOf() and stripesOf() take any.
    [[nodiscard]] std::size_t controlCount() const { return m_fills.size(); }
    //! The fill of a control number (premultiplied alpha is the renderer's business).
    [[nodiscard]] QColor fillOf(std::uint16_t control) const { return m_fills[control < m_fills.size() ? control : 0]; }
    //! The second side's colour for a contested control, white for an inferred hold (both drawn as stripes),
    //! invalid otherwise.
    [[nodiscard]] QColor stripesOf(std::uint16_t control) const { return m_stripes[control < m_stripes.size() ? control : 0]; }
    [[nodiscard]] const frontline::Control &control(std::uint16_t number) const { return m_controls.at(number); }
    //! The day's front line; empty if made with Lines::Untraced.
    [[nodiscard]] std::vector<std::span<const frontline::LonLat>> frontLine() const
    {
        return m_lines ? m_lines->lines(controls()) : std::vector<std::span<const frontline::LonLat>>{};
    }
    //! Whether neighbours under these two control numbers have the front line between them.
    [[nodiscard]] bool opposed(std::uint16_t a, std::uint16_t b) const { return m_opposition.opposed(a, b); }
    [[nodiscard]] const std::vector<Holder> &holders() const { return m_holders; }

private:
    Territory(frontline::ControlCursor cursor, frontline::Opposition opposition, std::vector<frontline::Control> controls)
        : m_cursor(std::move(cursor)), m_opposition(std::move(opposition)), m_controls(std::move(controls))
    {
    }
    void colour(const std::vector<frontline::District> &districts, const std::unordered_map<std::string, QColor> &factionColours);
    void account();

    frontline::ControlCursor m_cursor;
    frontline::Opposition m_opposition;
    std::optional<frontline::FrontLineIndex> m_lines;
    std::vector<frontline::Control> m_controls;
    std::vector<QColor> m_fills; //!< by control number
    std::vector<QColor> m_stripes; //!< by control number
    std::vector<int> m_holderOfControl; //!< index into m_holders, -1 for unknown
    std::vector<double> m_areaKm2; //!< by district slot
    std::vector<int> m_holderOf; //!< by district slot
    std::vector<Holder> m_holders;
};
