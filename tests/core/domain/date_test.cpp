// SPDX-License-Identifier: MIT
#include "domain/date.h"

#include <gtest/gtest.h>

using frontline::Date;

TEST(Date, ParsesIsoDays)
{
    EXPECT_EQ(Date::parse("2016-11-29"), Date(2016, 11, 29));
    EXPECT_EQ(Date::parse("2016-02-29"), Date(2016, 2, 29));
    EXPECT_EQ(Date(2016, 12, 1).toString(), "2016-12-01");
}

TEST(Date, RejectsImpossibleOrForeignFormats)
{
    for (const char *bad : {"2016-02-30", "2015-02-29", "30/11/2016", "2016-11-1", "2016-13-01", "", "2016-11-29x", "20161129  ",
             "-000-08-08", "+016-11-29", "2016-+1-29"})
        EXPECT_FALSE(Date::parse(bad)) << bad;
}

TEST(Date, Arithmetic)
{
    EXPECT_EQ(Date(2016, 11, 30).addDays(1), Date(2016, 12, 1));
    EXPECT_EQ(Date(2016, 11, 15).daysTo(Date(2016, 12, 22)), 37);
}
