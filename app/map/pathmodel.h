// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "model/listmodel.h"

#include <QColor>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! Lines for the map's polyline items: the front line, the stripes over contested districts, a selected
//! district's outline. Each row is a path of coordinates and the colour it is drawn in.
class PathModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by ItemScene or Selection")
public:
    struct Row {
        QVariantList path; //!< QGeoCoordinates
        QColor colour;
    };
    enum Role { PathRole = Qt::UserRole, ColourRole };
    Q_ENUM(Role)

    explicit PathModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};

//! A line as a path of coordinates for Qt Location's map items.
[[nodiscard]] QVariantList pathOf(const std::vector<frontline::LonLat> &line);
