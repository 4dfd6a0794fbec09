// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"
#include "error.h"
#include "record/editlog.h"
#include "storage/changeset.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace frontline {

//! Who holds a district from a day on: the holder, or the sides of a contest.
struct Holding {
    ControlState state = ControlState::Held;
    std::vector<std::string> factions; //!< faction ids (or names)
    Confidence confidence = Confidence::Medium;
};

//! A source not yet in the database.
struct NewSource {
    std::string publisher;
    std::string author;
    std::string title;
    std::string url; //!< http, https or file
    std::string archivedUrl; //!< a copy kept by an archive
    std::string published; //!< as published; may be empty
};

//! What a report says about a change: an excerpt of an existing source or of a new one, and its stance.
struct EvidenceInput {
    std::string sourceId; //!< an existing source's id; empty when `newSource` is given
    std::optional<NewSource> newSource;
    ExcerptKind kind = ExcerptKind::Quote; //!< a quote from the source, or the analyst's note on it
    std::string text;
    Stance stance = Stance::Supports;
};

//! Districts that changed hands on one day, as one report says.
struct Recording {
    std::vector<std::string> districts; //!< ids or names
    Date date;
    Holding holding;
    std::string note;
    std::optional<EvidenceInput> evidence;
};

//! What a correction changes; what it leaves empty stays as it was.
struct Correction {
    std::optional<Date> date;
    std::optional<ControlState> state;
    std::optional<std::vector<std::string>> factions;
    std::optional<Confidence> confidence;
    std::optional<std::string> note;
};

//! One saved edit: what it wrote (undo() applies its inverse, redo() applies it again) and what it touched.
struct Edit {
    EditAction action = EditAction::Record;
    Changeset changeset;
    struct Touched {
        std::int64_t num = 0; //!< the change's number, which undo and redo keep
        std::string id;
        std::string district; //!< its district's id
        std::int64_t districtNumber = 0;
    };
    std::vector<Touched> changes; //!< the changes it recorded or changed
    int fromDay = 0; //!< the earliest day whose control it may have changed
    std::vector<std::string> warnings; //!< allowed but worth saying (a date outside the dataset's span)
};

//! Records, corrects, retracts and reviews control changes and their evidence in a Frontline file, each edit one
//! transaction that also appends to the edit log and brings the control snapshots up to date. Every refusal says
//! what is wrong in one line and leaves the file as it was. Nothing is deleted without trace: a retracted or
//! rejected change leaves `changes` and stays, as it was, in the log.
class Recorder {
public:
    //! `author` signs every edit; it may not be empty.
    Recorder(const Database &db, std::string author);

    [[nodiscard]] Result<Edit> record(const Recording &r);
    //! Adds evidence to an existing change, as a draft.
    [[nodiscard]] Result<Edit> cite(const std::string &changeId, const EvidenceInput &evidence);
    [[nodiscard]] Result<Edit> correct(const std::string &changeId, const Correction &k);
    [[nodiscard]] Result<Edit> retract(const std::string &changeId, const std::string &reason);
    //! A draft change, or one piece of evidence ("CHANGE/EXCERPT"), verified by someone other than its author.
    [[nodiscard]] Result<Edit> verify(const std::string &target);
    [[nodiscard]] Result<Edit> reject(const std::string &target, const std::string &reason);
    //! Takes the record back to before `edit`, which must be the latest edit not yet undone.
    [[nodiscard]] Result<void> undo(const Edit &edit);
    [[nodiscard]] Result<void> redo(const Edit &edit);

private:
    class Work;
    template <typename F>
    Result<Edit> save(EditAction action, F &&body);
    Result<void> replay(const Edit &edit, EditAction action);

    const Database &m_db;
    std::string m_author;
};

} // namespace frontline
