// SPDX-License-Identifier: MIT
#pragma once

#include "common/shareddata.h"
#include "generate/generator.h"
#include "map/itemscene.h"
#include "viewer/viewer.h"

#include <QColor>
#include <QtTest>

//! Skips the test (or fails it, where the shared data are required) unless `relative` is in them.
#define FRONTLINE_NEEDS_SHARED_QT(relative)                                                                                      \
    do {                                                                                                                         \
        if (const std::string missing = ::frontline::test::missingShared(relative); !missing.empty()) {                          \
            if (::frontline::test::sharedRequired())                                                                             \
                QFAIL(missing.c_str());                                                                                          \
            QSKIP(missing.c_str());                                                                                              \
        }                                                                                                                        \
    } while (false)

// Helpers of the viewer's tests.
namespace viewertest {

inline std::unique_ptr<Viewer> bundled(MapDay::Renderer renderer = MapDay::Renderer::Automatic)
{
    auto viewer = Viewer::open(FRONTLINE_BUNDLED_DB, renderer);
    if (!viewer)
        qFatal("%s", viewer.error().message.c_str());
    return std::move(*viewer);
}

//! A generated war of 2,000 districts over 60 days among `factions` sides, in a new database at `path`.
inline bool generateWar(const QString &path, int factions)
{
    auto db = frontline::Database::open(path.toStdString(), frontline::Database::Mode::Create);
    frontline::GeneratorOptions o;
    o.districts = 2000;
    o.days = 60;
    o.changes = 20'000;
    o.factions = factions;
    return db && frontline::generateDataset(*db, o);
}

//! A role's value in every row of a model.
inline QVariantList column(const QAbstractItemModel &model, int role)
{
    QVariantList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, 0), role);
    return out;
}

//! Row `row` of `model` as QML's delegates see it: each role's value under its name.
inline QVariantMap rowOf(const QAbstractItemModel &model, int row)
{
    QVariantMap out;
    const auto names = model.roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromUtf8(it.value()), model.data(model.index(row, 0), it.key()));
    return out;
}

//! The item renderer's models of a day drawn by items (fatal otherwise: the test asked for items).
inline ItemScene &items(DayState &day)
{
    if (!day.map()->items())
        qFatal("the day is drawn by the batched layer, not by items");
    return *day.map()->items();
}

inline QColor fillOf(DayState &day, const QString &districtId)
{
    auto *model = items(day).districts();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->data(model->index(row), DistrictModel::DistrictIdRole).toString() == districtId)
            return model->data(model->index(row), DistrictModel::FillRole).value<QColor>();
    return {};
}

} // namespace viewertest
