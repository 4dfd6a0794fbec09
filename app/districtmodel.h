// SPDX-License-Identifier: MIT
#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QColor>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <unordered_map>

//! The districts drawn on the map: one row per polygon part, with its fill for the current day.
//! Geometry is set once; setStates() only changes colours, so the map never re-reads geometry.
class DistrictModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Atlas")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { DistrictIdRole = Qt::UserRole, NameRole, PathRole, FillRole, BorderRole, BorderWidthRole, ContestedRole, ChangedTodayRole };
    Q_ENUM(Role)

    explicit DistrictModel(QObject *parent = nullptr) : QAbstractListModel(parent) {}

    void setDistricts(const std::vector<frontline::District> &districts);
    //! Colours every district for one day; `factionColours` maps faction id to colour.
    void setStates(const std::vector<frontline::DistrictState> &states, const std::unordered_map<std::string, QColor> &factionColours,
                   frontline::Date day);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    struct Row {
        QString districtId;
        QString name;
        QVariantList path;
        QColor fill;
        QColor border;
        qreal borderWidth = 1;
        bool contested = false;
        bool changedToday = false;
    };
    std::vector<Row> m_rows;
};
