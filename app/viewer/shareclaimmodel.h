// SPDX-License-Identifier: MIT
#pragma once

#include "query/shareclaims.h"

#include <QAbstractListModel>
#include <QColor>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <unordered_map>
#include <vector>

//! The dataset's reported shares, each beside the dataset's own share that day, for the territory chart's markers.
class ShareClaimModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the application")
    Q_PROPERTY(int count READ rowCount NOTIFY loaded)
public:
    enum Role { DayRole = Qt::UserRole, DateRole, ClaimantRole, FactionRole, ColourRole, ClaimedRole, MeasuredRole, TextRole };
    Q_ENUM(Role)

    explicit ShareClaimModel(QObject *parent = nullptr) : QAbstractListModel(parent) { }

    //! Reads and measures the claims; `first` is the day the viewer counts from. Returns the error, if any.
    frontline::Result<void> load(
        const frontline::Database &db, frontline::Date first, const std::unordered_map<std::string, QColor> &colours);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void loaded();

private:
    struct Row {
        frontline::ShareClaim claim;
        int day = 0;
        QColor colour;
    };
    std::vector<Row> m_rows;
};
