// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <span>
#include <utility>
#include <vector>

//! One role of a row type: its number, the name QML reads, and how a row gives its value.
template <typename Row>
struct ModelRole {
    int role;
    const char *name;
    std::function<QVariant(const Row &)> read;

    ModelRole(int number, const char *roleName, std::function<QVariant(const Row &)> reader)
        : role(number), name(roleName), read(std::move(reader))
    {
    }
    template <typename Field>
    ModelRole(int number, const char *roleName, Field Row::*field)
        : ModelRole(number, roleName, [field](const Row &row) { return QVariant::fromValue(row.*field); })
    {
    }
};

//! What a list model shows, seen without its row type.
class RowSource {
public:
    virtual ~RowSource() = default;
    [[nodiscard]] virtual std::size_t size() const = 0;
    [[nodiscard]] virtual QVariant value(std::size_t at, int role) const = 0;
    [[nodiscard]] virtual QHash<int, QByteArray> names() const = 0;
};

//! A model's rows and its role table. The table lists the roles in the order of their numbers, from Qt::UserRole.
template <typename Row>
class Rows final : public RowSource {
public:
    explicit Rows(std::span<const ModelRole<Row>> roles) : m_roles(roles)
    {
        for (std::size_t i = 0; i < roles.size(); ++i)
            Q_ASSERT(roles[i].role == Qt::UserRole + int(i));
    }

    [[nodiscard]] const std::vector<Row> &all() const { return m_rows; }
    [[nodiscard]] std::vector<Row> &all() { return m_rows; }

    [[nodiscard]] std::size_t size() const override { return m_rows.size(); }
    [[nodiscard]] QVariant value(std::size_t at, int role) const override
    {
        const auto column = std::size_t(role - Qt::UserRole);
        return role >= Qt::UserRole && column < m_roles.size() ? m_roles[column].read(m_rows[at]) : QVariant();
    }
    [[nodiscard]] QHash<int, QByteArray> names() const override
    {
        QHash<int, QByteArray> out;
        for (const ModelRole<Row> &r : m_roles)
            out.insert(r.role, r.name);
        return out;
    }

private:
    std::span<const ModelRole<Row>> m_roles;
    std::vector<Row> m_rows;
};

//! A flat list for QML views, over the rows of one model (a `Rows` member it hands to this constructor). This
//! answers Qt's index checks, the role names and the `count` that QML binds to, and replaces all rows at once.
class ListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    [[nodiscard]] int count() const { return int(m_source.size()); }
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final { return parent.isValid() ? 0 : count(); }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
            ? m_source.value(std::size_t(index.row()), role)
            : QVariant();
    }
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final { return m_source.names(); }

signals:
    void countChanged();

protected:
    //! `source` is a member of the derived model: only its address is kept here.
    explicit ListModel(const RowSource &source, QObject *parent = nullptr) : QAbstractListModel(parent), m_source(source) { }

    //! Replaces every row of `rows` with `fresh`, and tells the views and, if it moved, `count`.
    template <typename Row>
    void resetRows(Rows<Row> &rows, std::vector<Row> fresh)
    {
        const bool counted = fresh.size() != rows.size();
        beginResetModel();
        rows.all() = std::move(fresh);
        endResetModel();
        if (counted)
            emit countChanged();
    }
    //! The same where `fresh` has as many rows as now: they are replaced in place and the views told that every
    //! row changed, so a view's delegates stay (QtGraphs' series, for one, must not be destroyed while drawn).
    template <typename Row>
    void replaceRows(Rows<Row> &rows, std::vector<Row> fresh)
    {
        if (fresh.size() != rows.size() || fresh.empty())
            return resetRows(rows, std::move(fresh));
        rows.all() = std::move(fresh);
        emit dataChanged(index(0), index(int(rows.size()) - 1));
    }
    //! Tells the views that `roles` of row `at` changed.
    void changed(std::size_t at, const QList<int> &roles) { emit dataChanged(index(int(at)), index(int(at)), roles); }

private:
    const RowSource &m_source;
};
