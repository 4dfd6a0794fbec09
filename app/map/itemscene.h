// SPDX-License-Identifier: MIT
#pragma once

#include "map/districtmodel.h"
#include "map/pathmodel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <unordered_map>

class MapDay;

//! The item renderer's models of one MapDay: a polygon per district part with its fill, the stripes over
//! contested districts and inferred holds, and the front line. Made only when items draw the map.
class ItemScene : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by MapDay")
    Q_PROPERTY(DistrictModel *districts READ districts CONSTANT)
    Q_PROPERTY(PathModel *frontLine READ frontLine CONSTANT)
    //! Stripes over contested districts in their second side's colour, and white over inferred holds.
    Q_PROPERTY(PathModel *hatches READ hatches CONSTANT)

public:
    explicit ItemScene(const MapDay &day) : m_day(day) { }

    //! The day's districts are new: their polygons, then the day's colours.
    void rebuild();
    //! The day moved: colours, stripes and the front line again.
    void redraw();

    [[nodiscard]] DistrictModel *districts() { return &m_districts; }
    [[nodiscard]] PathModel *frontLine() { return &m_frontLine; }
    [[nodiscard]] PathModel *hatches() { return &m_hatches; }

private:
    const QVariantList &hatchPathsOf(const frontline::District &district);

    const MapDay &m_day;
    DistrictModel m_districts;
    PathModel m_frontLine, m_hatches;
    std::unordered_map<std::size_t, QVariantList> m_hatchPaths; //!< by slot, computed when first striped
    double m_hatchSpacing = 0; //!< degrees
};
