// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

//! The command line: `frontline <command> [args]`. Returns the process exit status.
//! Errors go to stderr as one line naming the input and the problem; results go to stdout.
int runCommand(int argc, char **argv);

//! True if `argv[1]` names a command or asks for help (as opposed to viewer options or a file to open).
bool isCommand(int argc, char **argv);
