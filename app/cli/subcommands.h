// SPDX-License-Identifier: MIT
// The commands of the command line, each taking its arguments with the command name first.
#pragma once

#include <QStringList>

int stateCommand(const QStringList &args);
int historyCommand(const QStringList &args);
int daysCommand(const QStringList &args);
int searchCommand(const QStringList &args);
int statsCommand(const QStringList &args);
int auditCommand(const QStringList &args);
int renderCommand(const QStringList &args);
int initCommand(const QStringList &args);
int copyCommand(const QStringList &args);
int upgradeCommand(const QStringList &args);
int checkCommand(const QStringList &args);
int importCommand(const QStringList &args);
int importAreasCommand(const QStringList &args);
int importPlacesCommand(const QStringList &args);
int exportCommand(const QStringList &args);
int generateCommand(const QStringList &args);
int recordCommand(const QStringList &args);
int citeCommand(const QStringList &args);
int correctCommand(const QStringList &args);
int retractCommand(const QStringList &args);
int reviewCommand(const QStringList &args);
int logCommand(const QStringList &args);
