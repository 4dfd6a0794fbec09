// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! The changes listed for the current day. A new day rewrites the rows in place and adds or removes only the
//! difference in their number, so a list view keeps its delegates and just updates their texts: while playing,
//! re-creating them every day would cost more than drawing the map.
class DayChangeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DayState")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
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

    explicit DayChangeModel(QObject *parent = nullptr) : QAbstractListModel(parent) { }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    std::vector<Row> m_rows;
};
