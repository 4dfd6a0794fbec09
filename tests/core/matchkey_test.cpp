// SPDX-License-Identifier: MIT
#include "text/matchkey.h"

#include <gtest/gtest.h>

using frontline::matchKey;

TEST(MatchKey, IgnoresCaseDiacriticsAndApostropheStyle)
{
    EXPECT_EQ(matchKey("Qal’et ash-Sharif"), matchKey("qal'et ash-sharif"));
    EXPECT_EQ(matchKey("al-‘Amiriyeh"), matchKey("Al-'amiriyeh"));
    EXPECT_EQ(matchKey("Bāb al-Ḥadīd"), matchKey("bab al-hadid"));
    EXPECT_EQ(matchKey("  Sheikh   Saeed "), "sheikh saeed");
}

TEST(MatchKey, UnifiesArabicSpellings)
{
    EXPECT_EQ(matchKey("الأصيلة"), matchKey("الاصيلة")); // alef with hamza
    EXPECT_EQ(matchKey("حَلَب"), matchKey("حلب")); // short vowels
}

TEST(MatchKey, KeepsDifferentNamesApart)
{
    EXPECT_NE(matchKey("Sheikh Saeed"), matchKey("Sheikh Said"));
    EXPECT_NE(matchKey("as-Sakhour"), matchKey("as-Sakhour I"));
}
