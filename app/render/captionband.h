// SPDX-License-Identifier: MIT
#pragma once

#include "domain/date.h"
#include "domain/records.h"

#include <QImage>
#include <QSize>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

//! A video frame's caption band: a strip below the map, never over it, with the day's changes and the
//! strongest source of each ("7 Dec: Old City: government · AFP: "..."").
class CaptionBand {
public:
    static constexpr int kLines = 3;

    explicit CaptionBand(QSize frame);
    //! The map's part of the frame, above the band.
    [[nodiscard]] QSize mapSize() const { return {m_frame.width(), m_frame.height() - m_height}; }
    //! The frame: `map` (mapSize()) on top, the caption's lines below (each elided to the width).
    [[nodiscard]] QImage compose(const QImage &map, const QStringList &lines) const;

    //! The caption's lines (at most kLines; the last says how many more changes there are), with faction ids
    //! shown by `names`.
    [[nodiscard]] static QStringList lines(
        frontline::Date day, const std::vector<frontline::DayCaption> &captions, const std::map<std::string, std::string> &names);

private:
    QSize m_frame;
    int m_pixelSize;
    int m_height;
};
