// kioskctl face IMAGE: finds the faces in a photo and tells whether it makes a passport photo, with
// every quality check's value and bounds, the advice the kiosk would show, and (--out) the crop.

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "kiosk/ctl/command.h"
#include "kiosk/vision/face_quality.h"
#include "kiosk/vision/frame_file.h"

namespace kiosk::ctl {

namespace {

struct FaceOptions {
    std::string image;
    std::string out;
    std::string faceCascade;
    std::vector<std::string> eyeCascades;
};

nlohmann::json rectJson(const vision::PixelRect& r) {
    return {{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}};
}

nlohmann::json checkJson(const vision::QualityCheck& c) {
    nlohmann::json j{{"name", c.name}, {"value", c.value}, {"pass", c.pass}};
    j["min"] = c.min ? nlohmann::json(*c.min) : nlohmann::json(nullptr);
    j["max"] = c.max ? nlohmann::json(*c.max) : nlohmann::json(nullptr);
    return j;
}

int refuse(const FaceOptions& o, const Error& e) {
    std::cerr << "kioskctl face: " << e.detail << '\n';
    std::cout << nlohmann::json{{"file", o.image}, {"error", {{"code", e.code}, {"detail", e.detail}}}}.dump() << '\n';
    return kUsage;
}

int runFace(const FaceOptions& o) {
    vision::FaceSettings settings;
    if (!o.faceCascade.empty()) settings.faceCascade = o.faceCascade;
    if (!o.eyeCascades.empty()) settings.eyeCascades.assign(o.eyeCascades.begin(), o.eyeCascades.end());
    auto frame = vision::readFrameFile(o.image);
    if (!frame) return refuse(o, frame.error());
    auto assessor = vision::FaceAssessor::create(settings);
    if (!assessor) return refuse(o, assessor.error());

    const auto start = std::chrono::steady_clock::now();
    auto check = assessor->assess(*frame);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    if (!check) return refuse(o, check.error());

    nlohmann::json out{{"file", o.image}, {"width", frame->size.width}, {"height", frame->size.height}};
    out["faces"] = nlohmann::json::array();
    for (const auto& f : check->faces) out["faces"].push_back(rectJson(f));
    out["acceptable"] = check->acceptable();
    out["hint"] = std::string(vision::faceHintCode(check->hint));
    out["checks"] = nlohmann::json::array();
    for (const auto& c : check->checks) out["checks"].push_back(checkJson(c));
    out["crop"] = check->crop ? rectJson(*check->crop) : nlohmann::json(nullptr);
    out["out"] = nullptr;
    if (!o.out.empty() && check->crop) {
        auto jpeg = assessor->encodeCrop(*frame, *check);
        if (!jpeg) return refuse(o, jpeg.error());
        std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(jpeg->data()), static_cast<std::streamsize>(jpeg->size()));
        if (!file.flush()) return refuse(o, makeError("face.out", o.out + ": cannot write the photo"));
        out["out"] = o.out;
    }
    out["ms"] = took.count();
    std::cout << out.dump() << '\n';
    return check->acceptable() ? kValid : kInvalid;
}

}  // namespace

void addFaceCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<FaceOptions>();
    auto* cmd = app.add_subcommand("face", "Find the faces in a photo and check it as a passport photo");
    cmd->add_option("IMAGE", options->image, "a photo (PNG, JPEG, ...)")->required();
    cmd->add_option("--out", options->out, "write the 7:9 passport crop of the face here as JPEG");
    cmd->add_option("--face-cascade", options->faceCascade,
                    "the face cascade (default: opencv-data's frontalface_alt2)");
    cmd->add_option("--eye-cascade", options->eyeCascades,
                    "an eye cascade, repeatable (default: opencv-data's eye_tree_eyeglasses and eye)");
    cmd->callback([options, &run] { run = [options] { return runFace(*options); }; });
}

}  // namespace kiosk::ctl
