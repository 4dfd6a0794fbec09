// SPDX-License-Identifier: MIT
#pragma once

#include "query/shareclaims.h"

#include "model/listmodel.h"

#include <QColor>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <unordered_map>
#include <vector>

//! The dataset's reported shares, each beside the dataset's own share that day, for the territory chart's markers.
class ShareClaimModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the application")
public:
    struct Row {
        frontline::ShareClaim claim;
        int day = 0; //!< from the viewer's first day
        QColor colour;
    };
    enum Role { DayRole = Qt::UserRole, DateRole, ClaimantRole, FactionRole, ColourRole, ClaimedRole, MeasuredRole, TextRole };
    Q_ENUM(Role)

    explicit ShareClaimModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    //! Reads and measures the claims; `first` is the day the viewer counts from. Returns the error, if any.
    frontline::Result<void> load(
        const frontline::Database &db, frontline::Date first, const std::unordered_map<std::string, QColor> &colours);

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
