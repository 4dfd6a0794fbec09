// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

//! Writes one RFC 4180 record: fields with commas, quotes or line breaks are quoted.
inline void writeCsvRecord(std::ostream &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view f = fields[i];
        if (i)
            out << ',';
        if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
            out << f;
            continue;
        }
        out << '"';
        for (char c : f)
            out << (c == '"' ? "\"\"" : std::string_view(&c, 1));
        out << '"';
    }
    out << "\r\n";
}
