// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! A district's changes, oldest first, each with its sources and how many support, dispute, give context to
//! or infer it. Changes after the viewer's day are marked `future`.
class HistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Selection")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Row {
        QString date;
        QString summary; //!< "Held by …" or "Contested: … / …"
        QString confidence;
        QString note;
        QVariantList evidence; //!< as evidenceMap() makes them
        bool future = false;
        int supports = 0, disputes = 0, context = 0, infers = 0;
        bool inferred = false;
        QString inferredFrom; //!< "Inferred from PUBLISHER, DATE" for an inferred change
    };
    enum Role {
        DateRole = Qt::UserRole,
        SummaryRole,
        ConfidenceRole,
        NoteRole,
        EvidenceRole,
        FutureRole,
        SupportsRole,
        DisputesRole,
        ContextRole,
        InfersRole,
        InferredRole,
        InferredFromRole,
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr) : QAbstractListModel(parent) { }

    void setRows(std::vector<Row> rows);
    //! Marks the changes after `date` (YYYY-MM-DD) as future, in place.
    void setToday(const QString &date);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    std::vector<Row> m_rows;
};
