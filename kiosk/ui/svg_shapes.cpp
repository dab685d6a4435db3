#include "kiosk/ui/svg_shapes.h"

#include <algorithm>

namespace kiosk::ui {
namespace {

// Numbers as SVG wants them: "12", "12.5", never "12.500000".
std::string n(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string document(Size size, const std::string& body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(size.w) + "\" height=\"" +
           std::to_string(size.h) + "\">" + body + "</svg>";
}

}  // namespace

std::string ellipseOutlineSvg(Size size, int thickness) {
    const double t = thickness;
    return document(size, "<ellipse cx=\"" + n(size.w / 2.0) + "\" cy=\"" + n(size.h / 2.0) + "\" rx=\"" +
                              n(size.w / 2.0 - t / 2) + "\" ry=\"" + n(size.h / 2.0 - t / 2) +
                              "\" fill=\"none\" stroke=\"#fff\" stroke-width=\"" + n(t) + "\"/>");
}

std::string veilSvg(Size size, Rect hole, bool ovalHole, int holeRadius) {
    const double x = hole.x;
    const double y = hole.y;
    const double w = hole.w;
    const double h = hole.h;
    std::string path = "M0 0 H" + n(size.w) + " V" + n(size.h) + " H0 Z ";
    if (ovalHole) {
        // Two half-ellipse arcs, left to right and back.
        const std::string arc = " A" + n(w / 2) + " " + n(h / 2) + " 0 1 0 ";
        path += "M" + n(x) + " " + n(y + h / 2) + arc + n(x + w) + " " + n(y + h / 2) + arc + n(x) + " " +
                n(y + h / 2) + " Z";
    } else {
        const double r = std::clamp(static_cast<double>(holeRadius), 0.0, std::min(w, h) / 2);
        const std::string arc = " A" + n(r) + " " + n(r) + " 0 0 1 ";
        path += "M" + n(x + r) + " " + n(y) + " H" + n(x + w - r) + arc + n(x + w) + " " + n(y + r) + " V" +
                n(y + h - r) + arc + n(x + w - r) + " " + n(y + h) + " H" + n(x + r) + arc + n(x) + " " + n(y + h - r) +
                " V" + n(y + r) + arc + n(x + r) + " " + n(y) + " Z";
    }
    return document(size, "<path fill=\"#fff\" fill-rule=\"evenodd\" d=\"" + path + "\"/>");
}

}  // namespace kiosk::ui
