// SPDX-License-Identifier: MIT
// The obvious SQL answer to "who holds what on day D", the reference the cursor is tested and measured against.
#pragma once

#include "controlindex.h"

namespace frontline::test {

//! Every district's latest change up to `day`, found by SQL alone.
inline ControlVector naiveStateAt(const Database &db, int day)
{
    ControlVector out(controlindex::districtSlots(db));
    auto s = db.prepare("SELECT district, control FROM changes c WHERE day <= ?1 AND num = (SELECT num FROM changes "
                        "WHERE district = c.district AND day <= ?1 ORDER BY day DESC, num DESC LIMIT 1)");
    s.bindAll(day);
    while (s.step())
        out[std::size_t(s.integer(0) - 1)] = static_cast<std::uint16_t>(s.integer(1));
    return out;
}

} // namespace frontline::test
