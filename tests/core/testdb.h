// SPDX-License-Identifier: MIT
#pragma once

#include "storage/database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <format>

#include <unistd.h>

namespace frontline::test {

//! A fresh folder per test, removed afterwards.
class TempDir {
public:
    TempDir()
    {
        const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
        // One folder, not a tree: parameterised names hold "/", and a parent left by another user would block it.
        static int made = 0; // a test may hold several
        std::string name = std::format("frontline-{}-{}-{}-{}", info->test_suite_name(), info->name(), ::getpid(), ++made);
        std::ranges::replace(name, '/', '-');
        m_path = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() { std::filesystem::remove_all(m_path); }
    [[nodiscard]] const std::filesystem::path &path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string &name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

inline const std::filesystem::path kBundledDataset = FRONTLINE_DATASET_DIR;

} // namespace frontline::test
