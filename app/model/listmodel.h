// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <utility>

//! A flat list for QML views. A model says how many rows it holds and what one role of a row is; this answers
//! Qt's index checks and the `count` that QML binds to, and replaces all rows at once.
class ListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int count() const { return int(size()); }
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final { return parent.isValid() ? 0 : count(); }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
            ? value(std::size_t(index.row()), role)
            : QVariant();
    }

signals:
    void countChanged();

protected:
    [[nodiscard]] virtual std::size_t size() const = 0;
    [[nodiscard]] virtual QVariant value(std::size_t at, int role) const = 0;

    //! Replaces every row of `rows` (the model's own) with `fresh`, and tells the views and, if it moved, `count`.
    template <typename Rows>
    void resetRows(Rows &rows, Rows fresh)
    {
        const bool counted = fresh.size() != rows.size();
        beginResetModel();
        rows = std::move(fresh);
        endResetModel();
        if (counted)
            emit countChanged();
    }
};
