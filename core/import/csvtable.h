// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

//! A CSV file read row by row with GDAL's CSV tokenizer and virtual file system (RFC 4180: quoted fields with
//! commas and newlines, UTF-8 with or without BOM, CRLF; comma, or semicolon or tab where the header has no
//! comma). Every field is read as text. Rows are parsed ahead on a
//! thread of their own, a few thousand at a time, so that parsing overlaps whatever the caller does with
//! them; memory stays bounded. Not copyable; one thread at a time.
class CsvTable {
public:
    //! Opens `path` and checks that its header has every column in `required`.
    [[nodiscard]] static Result<CsvTable> open(const std::filesystem::path &path, const std::vector<std::string> &required);
    CsvTable(CsvTable &&) noexcept;
    ~CsvTable();

    //! Moves to the next row; false at the end of the file or on a read error (see error()).
    [[nodiscard]] bool next();
    //! Why reading stopped early (e.g. a line over GDAL's length limit), naming file and line; empty if it did not.
    [[nodiscard]] const std::string &error() const;
    //! The current row's value in `column` (empty if the file lacks that optional column).
    [[nodiscard]] std::string operator[](const std::string &column) const;
    [[nodiscard]] bool hasColumn(const std::string &column) const;
    //! The header's column names, in file order.
    [[nodiscard]] std::vector<std::string> header() const;
    //! The position of `column` in every row, or -1 if the file lacks it: with field(), for reading many rows.
    [[nodiscard]] int column(const std::string &column) const;
    //! The current row's value at a position from column() (empty for -1); valid until next().
    [[nodiscard]] std::string_view field(int column) const;
    //! "file.csv:LINE", for error messages (LINE counts the header as line 1).
    [[nodiscard]] std::string where() const;
    //! The current row's first line (the header is line 1).
    [[nodiscard]] long line() const;
    [[nodiscard]] const std::filesystem::path &path() const;
    //! The file's name, as errors show it.
    [[nodiscard]] const std::string &name() const;
    //! The file's size.
    [[nodiscard]] std::uintmax_t bytes() const;

private:
    struct Impl;
    explicit CsvTable(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace frontline
