// SPDX-License-Identifier: MIT
// Runs the suite named on the command line (or all of them) in one QGuiApplication.
#include "app/suites.h"

#include <QGuiApplication>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <iostream>

Q_IMPORT_QML_PLUGIN(FrontlinePlugin)

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the viewer's settings go to a test folder, not the user's
    app.setOrganizationName("Frontline");
    app.setApplicationName("Frontline tests");
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    int failed = 0, ran = 0;
    for (const auto &suite : appsuites::all())
        if (only.isEmpty() || only == QLatin1String(suite.name)) {
            const auto test = suite.make();
            failed += QTest::qExec(test.get(), QStringList{QString::fromLocal8Bit(argv[0])});
            ++ran;
        }
    if (ran == 0) { // a misspelt name must not pass as a suite that ran nothing
        std::cerr << "app_tests: no suite named " << only.toStdString() << '\n';
        return 1;
    }
    return failed;
}
