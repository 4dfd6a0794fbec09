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

    explicit PathModel(QObject *parent = nullptr) : ListModel(parent) { }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] std::size_t size() const override { return m_rows.size(); }
    [[nodiscard]] QVariant value(std::size_t at, int role) const override;

    std::vector<Row> m_rows;
};

//! A line as a path of coordinates for Qt Location's map items.
[[nodiscard]] QVariantList pathOf(const std::vector<frontline::LonLat> &line);
