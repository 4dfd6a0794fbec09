// SPDX-License-Identifier: MIT
#include "viewer/bundleddatabase.h"

#include <QCoreApplication>

std::filesystem::path bundledDatabase()
{
    std::filesystem::path built = FRONTLINE_BUNDLED_DB;
    std::error_code ec;
    if (std::filesystem::exists(built, ec))
        return built;
    return (QCoreApplication::applicationDirPath() + "/../share/frontline/" + QString::fromStdString(built.filename().string()))
        .toStdString();
}

bool isBundledDatabase(const std::filesystem::path &path)
{
    std::error_code ec;
    return std::filesystem::equivalent(path, bundledDatabase(), ec);
}
