// SPDX-License-Identifier: MIT
#pragma once

#include "model/listmodel.h"

#include <QGeoCoordinate>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class DayState;
class Notices;

//! The incidents reported on the viewer's day (shelling, displacement, places that are not districts), each
//! with where it happened if that could be placed, and its sources.
class IncidentModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
public:
    struct Row {
        QString id, place, placeArabic;
        QGeoCoordinate coordinate; //!< invalid if not placed
        QString description, confidence, locationConfidence;
        QVariantList evidence;
    };
    enum Role {
        IdRole = Qt::UserRole,
        PlaceRole,
        PlaceArabicRole,
        CoordinateRole,
        LocatedRole,
        DescriptionRole,
        ConfidenceRole,
        LocationConfidenceRole,
        EvidenceRole,
    };
    Q_ENUM(Role)

    IncidentModel(const DayState &day, Notices &notices);

    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] std::size_t size() const override { return m_rows.size(); }
    [[nodiscard]] QVariant value(std::size_t at, int role) const override;

    void refresh();

    const DayState &m_day;
    Notices &m_notices;
    std::vector<Row> m_rows;
};
