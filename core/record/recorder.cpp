// SPDX-License-Identifier: MIT
#include "record/recorder.h"

#include "query/controlindex.h"
#include "query/controlqueries.h"
#include "query/districtresolver.h"

#include <algorithm>
#include <array>
#include <format>
#include <stdexcept>

namespace frontline {

namespace {
//! The record's own tables: what an edit changes, and so what undo takes back. The log and the snapshots are not
//! among them: the log only grows, and the snapshots are derived again after every edit.
//! Evidence comes first: a changeset keeps this order, and deleting a change first would cascade to its evidence.
constexpr std::array<const char *, 5> kRecordTables{"evidence", "changes", "excerpts", "sources", "controls"};

//! A refusal with its reason in words; caught by save(), where the transaction rolls back.
struct Refusal : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string joined(const std::vector<std::string> &parts)
{
    std::string out;
    for (const auto &p : parts)
        out += (out.empty() ? "" : ";") + p;
    return out;
}

std::vector<std::string> splitIds(const std::string &list)
{
    std::vector<std::string> out;
    for (std::size_t at = 0; at <= list.size();) {
        const auto end = std::min(list.find(';', at), list.size());
        out.push_back(list.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

bool blank(std::string_view s)
{
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void requireUrl(const std::string &url, std::string_view what)
{
    if (url.empty())
        return;
    std::string scheme = url.substr(0, url.find(':'));
    std::ranges::transform(scheme, scheme.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (url.find(':') == std::string::npos || (scheme != "http" && scheme != "https" && scheme != "file"))
        throw Refusal(std::format("{} \"{}\" is not an http, https or file address", what, url));
}

//! A change as stored: its row and its district.
struct StoredChange {
    std::int64_t num = 0;
    std::string id;
    int day = 0;
    std::int64_t district = 0;
    std::string districtId;
    std::string state, confidence, factions, note;
    bool inferred = false;
    int status = 1;
    std::string author; //!< who recorded or last corrected it, or imported it as a draft; empty for a verified import
    bool corrected = false; //!< its last edit of that kind was a correction, not its recording
    std::int64_t control = 0;
};
} // namespace

//! One edit being saved: the statements it needs, and what it touched.
class Recorder::Work {
public:
    Work(const Database &db, const std::string &author, Edit &edit) : m_db(db), m_author(author), m_edit(edit) { }

    [[nodiscard]] StoredChange change(const std::string &id) const
    {
        auto s = m_db.prepare(
            "SELECT c.num, coalesce(c.id, '#' || c.num), c.day, c.district, d.id, k.state, k.confidence, "
            "k.factions, coalesce(c.note, ''), k.inferred, c.status, coalesce((SELECT author || ' ' || action FROM edits "
            "WHERE change_id = ?1 AND change_id <> '' AND action IN ('record', 'correct') ORDER BY num DESC "
            "LIMIT 1), (SELECT author || ' import' FROM edits WHERE num = c.recorded), ''), c.control "
            "FROM changes c JOIN districts d ON d.num = c.district "
            "JOIN controls k ON k.num = c.control "
            "WHERE c.id = ?1 OR (?1 GLOB '#[0-9]*' AND c.num = CAST(substr(?1, 2) AS INTEGER))");
        if (s.bindAll(id); s.step()) {
            const std::string drafted = s.text(11); // "AUTHOR ACTION" of the edit that made it what it is
            const auto space = drafted.rfind(' ');
            return {s.integer(0), s.text(1), int(s.integer(2)), s.integer(3), s.text(4), s.text(5), s.text(6), s.text(7),
                s.text(8), s.integer(9) != 0, int(s.integer(10)), drafted.substr(0, std::min(space, drafted.size())),
                space != std::string::npos && drafted.substr(space + 1) == "correct", s.integer(12)};
        }
        auto gone = m_db.prepare("SELECT action, author, at, reason FROM edits WHERE change_id = ? AND change_id <> '' "
                                 "AND action IN ('retract', 'reject') ORDER BY num DESC LIMIT 1");
        if (gone.bindAll(id); gone.step())
            throw Refusal(std::format("change {} was {}ed by {} at {} ({}): it is no longer in the record", id,
                gone.text(0) == "retract" ? "retract" : "reject", gone.text(1), gone.text(2), gone.text(3)));
        throw Refusal(std::format("no change {} in {}", id, m_db.path().string()));
    }

    [[nodiscard]] std::string faction(const std::string &text) const
    {
        auto s = m_db.prepare("SELECT id FROM factions WHERE id = ?1 OR lower(name) = lower(?1) ORDER BY id <> ?1 LIMIT 1");
        if (s.bindAll(text); s.step())
            return s.text(0);
        std::vector<std::string> known;
        for (auto all = m_db.prepare("SELECT id FROM factions ORDER BY id"); all.step();)
            known.push_back(all.text(0));
        throw Refusal(std::format("unknown faction \"{}\" (known: {})", text, joined(known)));
    }

    [[nodiscard]] std::int64_t control(const Holding &h, bool inferred) const
    {
        if (h.factions.empty())
            throw Refusal("a change needs its holder (or, contested, its sides)");
        if (h.state == ControlState::Contested && h.factions.size() < 2)
            throw Refusal("a contested district needs at least two sides");
        std::vector<std::string> ids;
        ids.reserve(h.factions.size());
        for (const auto &f : h.factions)
            ids.push_back(faction(f));
        const std::string list = joined(ids);
        m_db.prepare("INSERT OR IGNORE INTO controls (state, confidence, factions, inferred) VALUES (?, ?, ?, ?)")
            .bindAll(toString(h.state), toString(h.confidence), list, int(inferred))
            .run();
        auto s = m_db.prepare("SELECT num FROM controls WHERE state = ? AND confidence = ? AND factions = ? AND inferred = ?");
        s.bindAll(toString(h.state), toString(h.confidence), list, int(inferred)).step();
        return s.integer(0);
    }

    //! Adds `e` to change `num` as a draft, with its excerpt and, if new, its source.
    void addEvidence(std::int64_t num, const EvidenceInput &e) const { link(num, excerptOf(e), e.stance); }

    //! A new excerpt of what `e` quotes or notes, from its source (added first if new).
    [[nodiscard]] std::string excerptOf(const EvidenceInput &e) const
    {
        if (blank(e.text))
            throw Refusal(e.kind == ExcerptKind::Quote ? "the quote is empty" : "the note is empty");
        std::string source = e.sourceId;
        if (e.newSource) {
            if (blank(e.newSource->publisher))
                throw Refusal("a new source needs its publisher");
            requireUrl(e.newSource->url, "the source's URL");
            requireUrl(e.newSource->archivedUrl, "the archived copy's URL");
            source = freshId('s');
            m_sourcesAdded.push_back(source);
            m_db.prepare("INSERT INTO sources (id, publisher, author, title, url, published, archived_url) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bindAll(source, e.newSource->publisher, e.newSource->author, e.newSource->title, e.newSource->url,
                    e.newSource->published, e.newSource->archivedUrl)
                .run();
        } else if (auto known = m_db.prepare("SELECT 1 FROM sources WHERE id = ?"); !known.bindAll(source).step()) {
            throw Refusal(std::format("unknown source \"{}\"", source));
        }
        const std::string excerpt = freshId('x');
        m_db.prepare("INSERT INTO excerpts (id, source_id, kind, text) VALUES (?, ?, ?, ?)")
            .bindAll(excerpt, source, toString(e.kind), e.text)
            .run();
        m_excerptsAdded.push_back(excerpt);
        return excerpt;
    }

    //! Makes `excerpt` evidence of change `num`, as a draft.
    void link(std::int64_t num, const std::string &excerpt, Stance stance) const
    {
        m_db.prepare("INSERT INTO evidence (change, excerpt_id, stance, status) VALUES (?, ?, ?, 0)")
            .bindAll(num, excerpt, int(stance))
            .run();
        m_evidenceAdded.emplace_back(num, excerpt);
    }

    //! Signs what this edit added with the log entry `entry`: it recorded them.
    void sign(std::int64_t entry) const
    {
        for (const auto &source : m_sourcesAdded)
            m_db.prepare("UPDATE sources SET recorded = ? WHERE id = ?").bindAll(entry, source).run();
        for (const auto &excerpt : m_excerptsAdded)
            m_db.prepare("UPDATE excerpts SET recorded = ? WHERE id = ?").bindAll(entry, excerpt).run();
        for (const auto &[change, excerpt] : m_evidenceAdded)
            m_db.prepare("UPDATE evidence SET recorded = ? WHERE change = ? AND excerpt_id = ?")
                .bindAll(entry, change, excerpt)
                .run();
        m_sourcesAdded.clear();
        m_excerptsAdded.clear();
        m_evidenceAdded.clear();
    }

    //! Gives change `num` the control entry its evidence calls for: inferred when it rests only on inferring evidence.
    void settleInferred(std::int64_t num) const
    {
        auto s = m_db.prepare("SELECT k.state, k.confidence, k.factions, k.inferred, "
                              "EXISTS (SELECT 1 FROM evidence WHERE change = c.num AND stance = 3) "
                              "AND NOT EXISTS (SELECT 1 FROM evidence WHERE change = c.num AND stance = 0) "
                              "FROM changes c JOIN controls k ON k.num = c.control WHERE c.num = ?");
        if (!s.bindAll(num).step() || s.integer(3) == s.integer(4))
            return;
        const Holding h{*parseControlState(s.text(0)), splitIds(s.text(2)), *parseConfidence(s.text(1))};
        m_db.prepare("UPDATE changes SET control = ? WHERE num = ?").bindAll(control(h, s.integer(4) != 0), num).run();
    }

    //! Appends the log entry of an edit of `c` (the change as it stood before) and marks it touched.
    std::int64_t log(EditAction action, const StoredChange &c, const std::string &before, const std::string &reason = {}) const
    {
        const auto num = editlog::append(
            m_db, {0, {}, m_author, action, c.id, c.districtId, before, editlog::describeChange(m_db, c.num), reason});
        touch(c, c.day);
        return num;
    }

    //! Marks `c` as changed by this edit from `day` on.
    void touch(const StoredChange &c, int day) const
    {
        m_edit.fromDay = m_edit.changes.empty() ? day : std::min(m_edit.fromDay, day);
        if (!std::ranges::contains(m_edit.changes, c.num, &Edit::Touched::num))
            m_edit.changes.push_back({c.num, c.id, c.districtId, c.district});
    }

    [[nodiscard]] std::string freshId(char prefix) const
    {
        auto s = m_db.prepare("SELECT lower(hex(randomblob(5)))");
        s.step();
        return prefix + s.text(0);
    }

    [[nodiscard]] const Database &db() const { return m_db; }
    [[nodiscard]] const std::string &author() const { return m_author; }
    [[nodiscard]] Edit &edit() const { return m_edit; }

private:
    const Database &m_db;
    const std::string &m_author;
    Edit &m_edit;
    mutable std::vector<std::string> m_sourcesAdded, m_excerptsAdded;
    mutable std::vector<std::pair<std::int64_t, std::string>> m_evidenceAdded; //!< (change, excerpt)
};

Recorder::Recorder(const Database &db, std::string author) : m_db(db), m_author(std::move(author))
{
    if (blank(m_author))
        throw std::invalid_argument("Recorder: every edit needs its author");
}

template <typename F>
Result<Edit> Recorder::save(EditAction action, F &&body)
{
    Edit edit{action, {}, {}, 0, {}};
    try {
        Transaction transaction(m_db);
        {
            const ChangeCapture capture(m_db, kRecordTables);
            Work work(m_db, m_author, edit);
            body(work);
            edit.changeset = capture.changeset();
        }
        std::vector<std::int64_t> districts;
        districts.reserve(edit.changes.size());
        for (const auto &c : edit.changes)
            districts.push_back(c.districtNumber);
        if (auto updated = controlindex::update(m_db, districts, edit.fromDay); !updated)
            return std::unexpected(updated.error());
        transaction.commit();
        return edit;
    } catch (const Refusal &e) {
        return fail(e.what());
    } catch (const SqlError &e) {
        if (const int code = sqlite3_errcode(m_db.handle()) & 0xff; code == SQLITE_BUSY || code == SQLITE_LOCKED)
            return fail(
                std::format("{} is busy: another program is writing it; nothing was saved, try again", m_db.path().string()));
        return fail(std::string("database error, nothing was saved: ") + e.what());
    }
}

Result<Edit> Recorder::record(const Recording &r)
{
    return save(EditAction::Record, [&](Work &work) {
        if (r.districts.empty())
            throw Refusal("name at least one district");
        const auto span = ControlQueries(m_db).span(); // before this recording extends it
        const DistrictResolver resolver(m_db);
        const bool inferred = r.evidence && r.evidence->stance == Stance::Infers;
        const std::int64_t control = work.control(r.holding, inferred);
        const std::string excerpt = r.evidence ? work.excerptOf(*r.evidence) : std::string(); // one report for all
        std::vector<std::string> seen;
        for (const auto &name : r.districts) {
            auto id = resolver.resolve(name);
            if (!id)
                throw Refusal(id.error().message);
            if (std::ranges::contains(seen, *id))
                continue; // named twice (by id and by name): recorded once
            seen.push_back(*id);
            auto insert = m_db.prepare("INSERT INTO changes (id, day, district, control, note, status) "
                                       "VALUES (?, ?, ?, ?, nullif(?, ''), 0)");
            insert.bindAll(work.freshId('r'), r.date.dayNumber(), resolver.number(*id), control, r.note).run();
            const std::int64_t num = insert.lastInsertRowid();
            if (r.evidence)
                work.link(num, excerpt, r.evidence->stance);
            const auto entry = work.log(EditAction::Record, work.change(std::format("#{}", num)), {});
            m_db.prepare("UPDATE changes SET recorded = ? WHERE num = ?").bindAll(entry, num).run();
            work.sign(entry);
        }
        if (span && (r.date < span->first || span->last < r.date))
            work.edit().warnings.push_back(std::format("{} is outside the dataset's span ({} to {}); recorded all the same",
                r.date.toString(), span->first.toString(), span->last.toString()));
    });
}

Result<Edit> Recorder::cite(const std::string &changeId, const EvidenceInput &evidence)
{
    return save(EditAction::Cite, [&](Work &work) {
        const StoredChange c = work.change(changeId);
        const std::string before = editlog::describeChange(m_db, c.num);
        work.addEvidence(c.num, evidence);
        work.settleInferred(c.num);
        work.sign(work.log(EditAction::Cite, c, before));
    });
}

Result<Edit> Recorder::correct(const std::string &changeId, const Correction &k)
{
    return save(EditAction::Correct, [&](Work &work) {
        const StoredChange c = work.change(changeId);
        const std::string before = editlog::describeChange(m_db, c.num);
        Holding h{*parseControlState(c.state), splitIds(c.factions), *parseConfidence(c.confidence)};
        h.state = k.state.value_or(h.state);
        h.confidence = k.confidence.value_or(h.confidence);
        h.factions = k.factions.value_or(h.factions);
        const int day = k.date ? k.date->dayNumber() : c.day;
        const std::int64_t control = work.control(h, c.inferred);
        const std::string note = k.note.value_or(c.note);
        if (day == c.day && control == c.control && note == c.note)
            throw Refusal(std::format("change {} already says that: nothing to correct", c.id));
        m_db.prepare("UPDATE changes SET day = ?, control = ?, note = nullif(?, ''), status = 0 WHERE num = ?")
            .bindAll(day, control, note, c.num)
            .run();
        work.log(EditAction::Correct, c, before);
        work.touch(c, day); // its new day, if it moved later
    });
}

Result<Edit> Recorder::retract(const std::string &changeId, const std::string &reason)
{
    return save(EditAction::Retract, [&](Work &work) {
        if (blank(reason))
            throw Refusal("a retraction needs its reason");
        const StoredChange c = work.change(changeId);
        const std::string before = editlog::describeChange(m_db, c.num);
        m_db.prepare("DELETE FROM evidence WHERE change = ?").bindAll(c.num).run();
        m_db.prepare("DELETE FROM changes WHERE num = ?").bindAll(c.num).run();
        work.log(EditAction::Retract, c, before, reason);
    });
}

namespace {
//! "CHANGE" or "CHANGE/EXCERPT": a change, or one piece of its evidence.
std::pair<std::string, std::string> reviewTarget(const std::string &target)
{
    const auto slash = target.find('/');
    return slash == std::string::npos ? std::pair{target, std::string()}
                                      : std::pair{target.substr(0, slash), target.substr(slash + 1)};
}
} // namespace

Result<Edit> Recorder::verify(const std::string &target)
{
    return save(EditAction::Verify, [&](Work &work) {
        const auto [changeId, excerpt] = reviewTarget(target);
        const StoredChange c = work.change(changeId);
        const std::string before = editlog::describeChange(m_db, c.num);
        std::string author = c.author;
        if (excerpt.empty()) {
            if (c.status != 0)
                throw Refusal(std::format("change {} is already verified", c.id));
            m_db.prepare("UPDATE changes SET status = 1 WHERE num = ?").bindAll(c.num).run();
        } else {
            auto e =
                m_db.prepare("SELECT e.status, coalesce(r.author, '') FROM evidence e LEFT JOIN edits r ON r.num = e.recorded "
                             "WHERE e.change = ? AND e.excerpt_id = ?");
            if (!e.bindAll(c.num, excerpt).step())
                throw Refusal(std::format("change {} has no evidence {}", c.id, excerpt));
            if (e.integer(0) != 0)
                throw Refusal(std::format("evidence {} of change {} is already verified", excerpt, c.id));
            author = e.text(1);
            m_db.prepare("UPDATE evidence SET status = 1 WHERE change = ? AND excerpt_id = ?").bindAll(c.num, excerpt).run();
        }
        if (author == m_author)
            throw Refusal(std::format("{} recorded {}: someone else must verify it", m_author, target));
        work.log(EditAction::Verify, c, before, excerpt.empty() ? std::string() : "evidence " + excerpt);
    });
}

Result<Edit> Recorder::reject(const std::string &target, const std::string &reason)
{
    return save(EditAction::Reject, [&](Work &work) {
        if (blank(reason))
            throw Refusal("a rejection needs its reason");
        const auto [changeId, excerpt] = reviewTarget(target);
        const StoredChange c = work.change(changeId);
        const std::string before = editlog::describeChange(m_db, c.num);
        if (excerpt.empty()) {
            if (c.status != 0)
                throw Refusal(std::format("change {} is verified: retract it, with a reason, instead", c.id));
            if (c.author == m_author)
                throw Refusal(std::format("{} recorded {}: retract it instead", m_author, c.id));
            if (c.corrected) // rejecting it must not take the change it corrects out of the record
                throw Refusal(std::format("change {} is a correction: correct it back, or retract it, instead", c.id));
            m_db.prepare("DELETE FROM evidence WHERE change = ?").bindAll(c.num).run();
            m_db.prepare("DELETE FROM changes WHERE num = ?").bindAll(c.num).run();
            work.log(EditAction::Reject, c, before, reason);
            return;
        }
        auto e = m_db.prepare("SELECT e.status, coalesce(r.author, '') FROM evidence e LEFT JOIN edits r ON r.num = e.recorded "
                              "WHERE e.change = ? AND e.excerpt_id = ?");
        if (!e.bindAll(c.num, excerpt).step())
            throw Refusal(std::format("change {} has no evidence {}", c.id, excerpt));
        if (e.integer(0) != 0)
            throw Refusal(std::format("evidence {} of change {} is verified: it cannot be rejected", excerpt, c.id));
        if (e.text(1) == m_author)
            throw Refusal(std::format("{} recorded {}: someone else must review it", m_author, target));
        m_db.prepare("DELETE FROM evidence WHERE change = ? AND excerpt_id = ?").bindAll(c.num, excerpt).run();
        work.settleInferred(c.num);
        work.log(EditAction::Reject, c, before, std::format("evidence {}: {}", excerpt, reason));
    });
}

Result<void> Recorder::undo(const Edit &edit)
{
    return replay(edit, EditAction::Undo);
}

Result<void> Recorder::redo(const Edit &edit)
{
    return replay(edit, EditAction::Redo);
}

Result<void> Recorder::replay(const Edit &edit, EditAction action)
{
    auto changeset = action == EditAction::Undo ? edit.changeset.inverted() : Result<Changeset>(edit.changeset);
    if (!changeset)
        return std::unexpected(changeset.error());
    return guarded([&]() -> Result<void> {
        Transaction transaction(m_db);
        std::vector<std::string> before;
        before.reserve(edit.changes.size());
        for (const auto &c : edit.changes)
            before.push_back(editlog::describeChange(m_db, c.num));
        if (auto applied = changeset->applyTo(m_db); !applied)
            return applied;
        std::vector<std::int64_t> districts;
        districts.reserve(edit.changes.size());
        for (std::size_t i = 0; i < edit.changes.size(); ++i) {
            const auto &c = edit.changes[i];
            editlog::append(m_db,
                {0, {}, m_author, action, c.id, c.district, before[i], editlog::describeChange(m_db, c.num),
                    std::string(toString(edit.action))});
            districts.push_back(c.districtNumber);
        }
        // A corrected change may have moved either way: its earliest day, before or after, bounds what changed.
        if (auto updated = controlindex::update(m_db, districts, edit.fromDay); !updated)
            return updated;
        transaction.commit();
        return {};
    });
}

} // namespace frontline
