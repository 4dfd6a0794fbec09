// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>

//! The bundled dataset's database: the build's copy while developing, the installed one (share/frontline beside
//! bin/) otherwise. It is a template: read, never written; the user's work goes into a copy of their own.
[[nodiscard]] std::filesystem::path bundledDatabase();

//! Whether `path` is that file (by its real path, so a link or another spelling of it counts).
[[nodiscard]] bool isBundledDatabase(const std::filesystem::path &path);
