// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

//! The one channel through which the viewer's objects tell the user what went wrong: each report is logged and
//! posted, and the window shows it (one Connections in Main.qml). Nothing an object could not do is dropped.
class Notices : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the viewer")
    //! The latest report; "" before the first.
    Q_PROPERTY(QString last READ last NOTIFY posted)

public:
    using QObject::QObject;

    //! Tells the user `text`.
    void report(const QString &text);
    //! Reports a failed result's message, after `context` if given; whether it succeeded.
    template <typename T>
    bool check(const frontline::Result<T> &result, const QString &context = {})
    {
        if (!result)
            report((context.isEmpty() ? QString() : context + QStringLiteral(": "))
                + QString::fromStdString(result.error().message));
        return result.has_value();
    }

    [[nodiscard]] QString last() const { return m_last; }

signals:
    void posted(const QString &text);

private:
    QString m_last;
};
