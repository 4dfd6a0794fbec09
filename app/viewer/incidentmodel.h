// SPDX-License-Identifier: MIT
#pragma once

#include "model/evidencemodel.h"
#include "model/listmodel.h"

#include <QGeoCoordinate>
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
        EvidenceModel *evidence = nullptr; //!< a child of this model
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

    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

private:
    void refresh();

    static const std::vector<ModelRole<Row>> kRoles;

    const DayState &m_day;
    Notices &m_notices;
    Rows<Row> m_rows{kRoles};
};
