// SPDX-License-Identifier: MIT
#pragma once

#include "map/mapstyle.h"
#include "model/listmodel.h"

#include <QColor>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! The legend of the day's map: one row per faction and one for contested districts, each with its
//! swatch, the districts it holds and their area. Counts change in place as the days go by.
class LegendModel : public ListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DayState")
    //! The first faction's colour: the legend draws the confidence swatches in it.
    Q_PROPERTY(QColor firstColour READ firstColour NOTIFY firstColourChanged)
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

    explicit LegendModel(QObject *parent = nullptr) : ListModel(m_rows, parent) { }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows.all(); }
    [[nodiscard]] QColor firstColour() const { return m_rows.size() > 1 ? m_rows.all().front().colour : MapStyle::kNoSide; }

signals:
    void firstColourChanged();

private:
    void update(std::vector<Row> rows); //!< the same factions: only their counts move

    static const std::vector<ModelRole<Row>> kRoles;
    Rows<Row> m_rows{kRoles};
};
