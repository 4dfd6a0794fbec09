// SPDX-License-Identifier: MIT
#pragma once

#include "model/listmodel.h"

#include <QtQml/qqmlregistration.h>

class Dataset;
class Notices;

//! District names, source excerpts and incidents that match the typed query: names first, then excerpts by
//! relevance, then incidents by day.
class SearchModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
public:
    static constexpr int kLimit = 50;
    struct Row {
        QString districtId, name;
        QString date; //!< the change's or incident's day
        int day = -1; //!< the same as an index from the dataset's first day; -1 for a name
        QString text; //!< the excerpt or incident with [matches] marked, or the matching name
        QString kind; //!< "name", "excerpt" or "incident"
    };
    enum Role { DistrictIdRole = Qt::UserRole, NameRole, DateRole, DayRole, TextRole, KindRole };
    Q_ENUM(Role)

    SearchModel(const Dataset &dataset, Notices &notices);

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }

signals:
    void queryChanged();

private:
    const Dataset &m_dataset;
    Notices &m_notices;
    QString m_query;
    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
