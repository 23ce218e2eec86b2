// The batch's duplicate-subject index (formats/subject_key_index.h): every key found again with
// the file stored first, through many growths of the table.
#include "formats/subject_key_index.h"

#include <gtest/gtest.h>

#include <string>

namespace nadir {
namespace {

TEST(SubjectKeyIndex, KeysSeparateSubjectFromReader) {
  EXPECT_NE(SubjectKeyIndex::Key("ab", "c"), SubjectKeyIndex::Key("a", "bc"));
  EXPECT_NE(SubjectKeyIndex::Key("S1", "R1"), SubjectKeyIndex::Key("S1", "R2"));
  EXPECT_EQ(SubjectKeyIndex::Key("S1", "R1"), SubjectKeyIndex::Key("S1", "R1"));
  EXPECT_NE(SubjectKeyIndex::Key("", ""), 0u);  // 0 marks an empty slot
}

TEST(SubjectKeyIndex, EveryKeyIsFoundWithTheFirstFileThroughGrowth) {
  SubjectKeyIndex index;
  constexpr std::uint32_t kSubjects = 200000;  // the table grows from 1,024 slots many times
  for (std::uint32_t i = 0; i < kSubjects; ++i)
    ASSERT_FALSE(index.Insert(SubjectKeyIndex::Key("S" + std::to_string(i), "R1"), i));
  EXPECT_EQ(index.size(), kSubjects);
  for (std::uint32_t i = 0; i < kSubjects; i += 997) {
    const auto key = SubjectKeyIndex::Key("S" + std::to_string(i), "R1");
    EXPECT_EQ(index.Find(key), i);
    // Inserting again keeps the first file and reports it.
    EXPECT_EQ(index.Insert(key, kSubjects + i), i);
  }
  EXPECT_EQ(index.size(), kSubjects);
  EXPECT_FALSE(index.Find(SubjectKeyIndex::Key("S1", "R2")));
  EXPECT_FALSE(SubjectKeyIndex().Find(1));
}

TEST(SubjectKeyIndex, KeysLandingOnTheSameSlotAreKeptApart) {
  // Keys that differ only above the slot bits probe past each other.
  SubjectKeyIndex index;
  for (std::uint64_t k = 1; k <= 300; ++k) ASSERT_FALSE(index.Insert(k << 40, std::uint32_t(k)));
  for (std::uint64_t k = 1; k <= 300; ++k) EXPECT_EQ(index.Find(k << 40), std::uint32_t(k));
}

}  // namespace
}  // namespace nadir
