// SPDX-License-Identifier: MIT
// Where each part of a change is in a changes table: the dataset's own column names, a spreadsheet's words for
// them, or the columns the user names.
#pragma once

#include "import/csvtable.h"

#include <map>
#include <string>

namespace frontline {

//! Columns named by the user, by part: "id", "date", "district", "state", "factions", "confidence", "note"
//! (the command line's --date-field and the like).
using ColumnNames = std::map<std::string, std::string>;

namespace importing {

//! The position of each part in every row, -1 for a part the file lacks (id, state, confidence and note may be).
struct ChangeColumns {
    int id = -1, date = -1, district = -1, state = -1, factions = -1, confidence = -1, note = -1;

    //! Finds them in `t`'s header: a part named in `named` must be there as written; the others are the first
    //! column whose name, in any case and with spaces or hyphens for underscores, is one of the part's usual
    //! names. Throws ImportError naming the file and what is missing.
    [[nodiscard]] static ChangeColumns find(const CsvTable &t, const ColumnNames &named);
};

} // namespace importing
} // namespace frontline
