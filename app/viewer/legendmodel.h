// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! The legend of the day's map: one row per faction and one for contested districts, each with its
//! swatch, the districts it holds and their area. Counts change in place as the days go by.
class LegendModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DayState")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    //! The first faction's colour: the legend draws the confidence swatches in it.
    Q_PROPERTY(QColor firstColour READ firstColour NOTIFY countChanged)
public:
    struct Row {
        QString id; //!< a faction id, or "contested"
        QString name;
        QColor colour;
        QColor stripes; //!< invalid when the swatch has none
        int districts = 0;
        double areaKm2 = 0;
        bool operator==(const Row &) const = default;
    };
    enum Role { IdRole = Qt::UserRole, NameRole, ColourRole, StripesRole, DistrictsRole, AreaRole };
    Q_ENUM(Role)

    explicit LegendModel(QObject *parent = nullptr) : QAbstractListModel(parent) { }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }
    [[nodiscard]] QColor firstColour() const { return m_rows.size() > 1 ? m_rows.front().colour : QColor(Qt::gray); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    std::vector<Row> m_rows;
};
