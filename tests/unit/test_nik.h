#pragma once
// Test NIKs are composed from their parts here, never copied from anywhere: a published
// "example" NIK may belong to a real person.

#include <cstdio>
#include <string>

namespace kiosk::test {

inline std::string composeNik(int province, int regency, int district, int day, int month, int yy, int serial) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d%02d%02d%02d%02d%02d%04d", province, regency, district, day, month, yy,
                  serial);
    return buffer;
}

}  // namespace kiosk::test
