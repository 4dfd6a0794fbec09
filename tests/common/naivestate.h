// SPDX-License-Identifier: MIT
// The obvious SQL answer to "who holds what on day D", the reference the cursor is tested and measured against.
#pragma once

#include "query/controlindex.h"

namespace frontline::test {

//! Every district's latest change up to `day`, by SQL alone: one probe of the (district, day) index per
//! district, the fastest plain query (a GROUP BY or window over all changes up to the day is slower).
inline ControlVector naiveStateAt(const Database &db, int day)
{
    ControlVector out(controlindex::districtSlots(db).value());
    auto s = db.prepare("SELECT num, (SELECT control FROM changes WHERE district = d.num AND day <= ?1 "
                        "ORDER BY day DESC, num DESC LIMIT 1) FROM districts d");
    s.bindAll(day);
    while (s.step())
        if (!s.isNull(1))
            out[std::size_t(s.integer(0) - 1)] = static_cast<std::uint16_t>(s.integer(1));
    return out;
}

} // namespace frontline::test
