// SPDX-License-Identifier: MIT
#include "text/matchkey.h"
#include "text/naturalorder.h"

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

TEST(NaturalOrder, NumbersByValueAndLettersAsReadersExpect)
{
    using frontline::naturalCompare, frontline::naturalSortKey;
    EXPECT_LT(naturalCompare("District 2", "District 10"), 0);
    EXPECT_GT(naturalCompare("District 10", "District 9"), 0);
    EXPECT_LT(naturalCompare("al-Ansari", "Bab al-Hadid"), 0); // case does not put capitals first
    EXPECT_LT(naturalCompare("Ḥaydariyah", "Hullok"), 0); // an accent does not move a letter to the end
    EXPECT_EQ(naturalCompare("Hanano", "Hanano"), 0);
    EXPECT_LT(naturalSortKey("District 2"), naturalSortKey("District 10"));
    EXPECT_NE(naturalSortKey("hanano"), naturalSortKey("Hanano")); // distinct names stay distinct
}
