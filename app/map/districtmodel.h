// SPDX-License-Identifier: MIT
#pragma once

#include "map/controlpalette.h"
#include "model/listmodel.h"
#include "query/territory.h"

#include <QColor>
#include <QGeoCoordinate>
#include <QSet>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <unordered_map>

//! The districts drawn on the map: one row per polygon part, with its fill for the current day.
//! Geometry is set once; setStates() only changes colours, so the map never re-reads geometry.
class DistrictModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by ItemScene")
public:
    struct Row {
        std::size_t slot = 0; //!< district number - 1
        QString districtId;
        QString name;
        QString nameArabic;
        QVariantList path;
        QColor fill;
        QColor border;
        qreal borderWidth = 1;
        bool contested = false;
        bool changedToday = false;
        bool label = false;
        QGeoCoordinate anchor;
        double span = 0;
        bool compared = false;
    };
    enum Role {
        DistrictIdRole = Qt::UserRole,
        NameRole,
        NameArabicRole,
        PathRole,
        FillRole,
        BorderRole,
        BorderWidthRole,
        ContestedRole,
        ChangedTodayRole,
        LabelRole, //!< whether this part carries the district's label (its first part)
        AnchorRole, //!< where the label goes: a point inside the district
        SpanRole, //!< the district's width in degrees of longitude, to decide if its label fits
        ComparedRole, //!< changed hands between the current day and the comparison day
    };
    Q_ENUM(Role)

    explicit DistrictModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    void setDistricts(const std::vector<frontline::District> &districts);
    //! Colours every district for the territory's day; `changedToday` (by slot) rings those that changed hands.
    void setControls(const frontline::Territory &territory, const ControlPalette &palette, const std::vector<bool> &changedToday);
    //! Outlines the districts in `changed` (ids); an empty set clears the comparison.
    void setCompared(const QSet<QString> &changed);

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
