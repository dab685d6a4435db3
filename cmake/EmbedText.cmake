# Usage: cmake -DIN=file -DOUT=file.cpp -DSYMBOL=name -P EmbedText.cmake
# Writes `extern const std::string_view <SYMBOL>` holding the file's bytes.
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," chars "${hex}")
file(WRITE ${OUT}
"#include <string_view>\n"
"namespace kiosk::embedded {\n"
"namespace { constexpr char kData[] = {${chars} '\\0'}; }\n"
"extern const std::string_view ${SYMBOL};\n"
"const std::string_view ${SYMBOL}{kData, sizeof kData - 1};\n"
"}\n")
