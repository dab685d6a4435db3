#include "kiosk/vision/mrz_frame_reader.h"

#include <algorithm>
#include <deque>

#include "kiosk/vision/frame_mats.h"
#include "kiosk/vision/mrz_zone_reader.h"

namespace kiosk::vision {
namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) text += l + '\n';
    return text;
}

Result<core::Mrz> parsed(const MrzVerdict& verdict, Date reference) {
    auto mrz = core::parseMrz(joined(verdict.lines), reference);
    if (!mrz) return mrz.error();
    mrz->corrections = verdict.corrections;
    return mrz;
}

}  // namespace

Result<core::Mrz> readMrzFrame(const drivers::CameraFrame& frame, Date reference) {
    const auto luma = lumaOf(frame);
    if (!luma) return luma.error();
    const auto reading = readMrzZone(*luma, MrzDecisionRules{});
    if (!reading) return makeError("vision.mrz_not_found", "no machine-readable zone in the frame");
    if (!reading->verdict.accepted)
        return makeError("vision.mrz_unsure", "a zone was found but its reading was refused (" +
                                                  reading->verdict.reason + "); try another frame");
    return parsed(reading->verdict, reference);
}

struct MrzFrameReader::Votes {
    std::deque<ZoneReading> frames;  // the recent readings of one zone shape, oldest first
    int missed = 0;
    std::optional<core::Mrz> accepted;
};

MrzFrameReader::MrzFrameReader(MrzReaderOptions options) : options_(options), votes_(std::make_unique<Votes>()) {
    options_.framesToAgree = std::max(1, options_.framesToAgree);
    options_.window = std::max(options_.window, options_.framesToAgree);
}

MrzFrameReader::~MrzFrameReader() = default;
MrzFrameReader::MrzFrameReader(MrzFrameReader&&) noexcept = default;
MrzFrameReader& MrzFrameReader::operator=(MrzFrameReader&&) noexcept = default;

void MrzFrameReader::reset() { *votes_ = Votes{}; }

namespace {

// How many frames back `text` at its weakest character: the least, over positions, of the frames
// whose own best choice there is the same. Zero when a frame read the whole zone, passing every
// check, as something else: two documents or two stable readings are never mixed.
int support(const std::vector<std::string>& text, const std::deque<ZoneReading>& frames) {
    for (const auto& f : frames)
        if (f.verdict.accepted && f.verdict.lines != text) return 0;
    int least = static_cast<int>(frames.size());
    for (std::size_t l = 0; l < text.size(); ++l) {
        for (std::size_t c = 0; c < text[l].size(); ++c) {
            const auto agree = std::count_if(frames.begin(), frames.end(),
                                             [&](const ZoneReading& f) { return f.verdict.lines[l][c] == text[l][c]; });
            least = std::min(least, static_cast<int>(agree));
        }
    }
    return least;
}

}  // namespace

Result<MrzProgress> MrzFrameReader::onFrame(const drivers::CameraFrame& frame) {
    const auto luma = lumaOf(frame);
    if (!luma) return luma.error();
    MrzProgress progress;
    progress.needed = options_.framesToAgree;
    auto& v = *votes_;
    if (v.accepted) {
        progress.stage = MrzStage::Accepted;
        progress.agreeing = options_.framesToAgree;
        progress.mrz = v.accepted;
        return progress;
    }
    auto reading = readMrzZone(*luma, MrzDecisionRules{});
    if (!reading) {
        if (++v.missed >= options_.framesToForget) v.frames.clear();
        return progress;
    }
    v.missed = 0;
    if (!v.frames.empty() && !v.frames.back().observation.sameShape(reading->observation)) v.frames.clear();
    v.frames.push_back(std::move(*reading));
    while (v.frames.size() > static_cast<std::size_t>(options_.window)) v.frames.pop_front();
    progress.stage = MrzStage::Reading;

    // Candidates: the per-character vote over the window, and each frame's own accepted reading.
    std::vector<const MrzObservation*> all;
    for (const auto& f : v.frames) all.push_back(&f.observation);
    std::vector<MrzVerdict> candidates{decideMrz(averageObservations(all))};
    for (const auto& f : v.frames)
        if (f.verdict.accepted) candidates.push_back(f.verdict);
    const MrzVerdict* best = nullptr;
    for (const auto& c : candidates) {
        if (!c.accepted) continue;
        const int s = support(c.lines, v.frames);
        if (s > progress.agreeing) progress.agreeing = s, best = &c;
    }
    if (!best || progress.agreeing < options_.framesToAgree) return progress;

    const auto mrz = parsed(*best, dateAt(frame.at, options_.utcOffset));
    if (!mrz || !mrz->valid()) return progress;
    v.accepted = *mrz;
    progress.stage = MrzStage::Accepted;
    progress.mrz = v.accepted;
    return progress;
}

}  // namespace kiosk::vision
