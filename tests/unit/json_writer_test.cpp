// The payload writer: members in the order written, strings escaped so that any text reads back.

#include "kiosk/core/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kiosk::core {
namespace {

TEST(JsonWriter, WritesNestedObjectsAndArraysInOrder) {
    JsonWriter j;
    j.open();
    j.field("text", "a");
    j.field("number", 42);
    j.boolean("yes", true);
    j.null("nothing");
    j.optionalText("empty", "");
    j.object("inner");
    j.field("b", "c");
    j.close();
    j.array("items");
    j.item("x");
    j.item("y");
    j.endArray();
    j.array("objects");
    j.itemObject();
    j.field("n", 1);
    j.close();
    j.itemObject();
    j.close();
    j.endArray();
    j.close();
    EXPECT_EQ(j.take(), R"({"text":"a","number":42,"yes":true,"nothing":null,"empty":null,"inner":{"b":"c"},)"
                        R"("items":["x","y"],"objects":[{"n":1},{}]})");
}

TEST(JsonWriter, EscapedStringsReadBackUnchanged) {
    const std::string tricky = "quote \" backslash \\ line\nfeed \x01 tab\t caf\u00e9 \u6587";
    JsonWriter j;
    j.open();
    j.field("s", tricky);
    j.close();
    const auto text = j.take();
    EXPECT_NE(text.find("\\u0001"), std::string::npos) << text;
    EXPECT_EQ(nlohmann::json::parse(text)["s"], tricky);
}

}  // namespace
}  // namespace kiosk::core
