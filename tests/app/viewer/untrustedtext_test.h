// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class UntrustedTextTest : public QObject {
    Q_OBJECT
private slots:
    void hostileExcerptsAreShownAsPlainText();
};
