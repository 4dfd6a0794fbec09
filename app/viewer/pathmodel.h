// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! Lines for the map's polyline items: the front line, the stripes over contested districts, a selected
//! district's outline. Each row is a path of coordinates and the colour it is drawn in.
class PathModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DayState or Selection")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Row {
        QVariantList path; //!< QGeoCoordinates
        QColor colour;
    };
    enum Role { PathRole = Qt::UserRole, ColourRole };
    Q_ENUM(Role)

    explicit PathModel(QObject *parent = nullptr) : QAbstractListModel(parent) { }

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
