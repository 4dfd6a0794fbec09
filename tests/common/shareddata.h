// SPDX-License-Identifier: MIT
// The project's reference data (../shared beside the checkout, or $FRONTLINE_SHARED_DIR): where they are, and
// why a test that reads them cannot run. Without them such a test skips; with FRONTLINE_REQUIRE_SHARED=1 (CI) it fails.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace frontline::test {

inline std::filesystem::path sharedDir()
{
    const char *chosen = std::getenv("FRONTLINE_SHARED_DIR");
    return chosen && *chosen ? std::filesystem::path(chosen) : std::filesystem::path(FRONTLINE_SHARED_DIR);
}

//! Empty when `relative` is there; otherwise one line naming the folder the test needs.
inline std::string missingShared(const std::string &relative)
{
    std::error_code ec;
    if (std::filesystem::exists(sharedDir() / relative, ec))
        return {};
    return "needs " + (sharedDir() / relative).lexically_normal().string()
        + " (the project's shared data beside the checkout; FRONTLINE_SHARED_DIR points elsewhere)";
}

inline bool sharedRequired()
{
    const char *required = std::getenv("FRONTLINE_REQUIRE_SHARED");
    return required && std::string(required) == "1";
}

} // namespace frontline::test
