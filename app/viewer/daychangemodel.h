// SPDX-License-Identifier: MIT
#pragma once

#include "model/listmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! The changes listed for the current day. A new day rewrites the rows in place and adds or removes only the
//! difference in their number, so a list view keeps its delegates and just updates their texts: while playing,
//! re-creating them every day would cost more than drawing the map.
class DayChangeModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DayState")
public:
    struct Row {
        QString districtId;
        QString name;
        QString summary; //!< "held by …" or "contested: … / …"
        QString confidence;
        bool operator==(const Row &) const = default;
    };
    enum Role { DistrictIdRole = Qt::UserRole, NameRole, SummaryRole, ConfidenceRole };
    Q_ENUM(Role)

    explicit DayChangeModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

private:
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
